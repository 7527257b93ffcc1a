"""Every command of the app declared once, and what is built from that declaration.

:mod:`~interview.tui.commands.model` says what a command is; the table
(:mod:`~interview.tui.commands.table`, gathered from one module per part of the app) holds them all;
:mod:`~interview.tui.commands.build` makes a screen's bindings, palette entries and F1 key list from
it; :mod:`~interview.tui.commands.keymap` checks a unit's ``[keys]``; and
:mod:`~interview.tui.commands.readme` writes the README's key table.
"""

from __future__ import annotations

from interview.tui.commands.build import Entry, bindings, help_lines, palette_entries
from interview.tui.commands.contexts import CONTEXTS
from interview.tui.commands.keymap import KeymapError, check_keymap
from interview.tui.commands.model import Command, Context, key_name, keys_text
from interview.tui.commands.table import (
    COMMANDS,
    Keymap,
    WantedKeys,
    key_actions,
    keys_of,
)

__all__ = [
    "COMMANDS",
    "CONTEXTS",
    "Command",
    "Context",
    "Entry",
    "Keymap",
    "KeymapError",
    "WantedKeys",
    "bindings",
    "check_keymap",
    "help_lines",
    "key_actions",
    "key_name",
    "keys_of",
    "keys_text",
    "palette_entries",
]
