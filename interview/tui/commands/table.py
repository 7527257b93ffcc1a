"""The one command table: every command of both apps, and lookups over it."""

from __future__ import annotations

from collections.abc import Mapping

from interview.tui.commands.contexts import CONTEXTS
from interview.tui.commands.documents import DOCUMENT_COMMANDS
from interview.tui.commands.general import GENERAL
from interview.tui.commands.interview import INTERVIEW_COMMANDS
from interview.tui.commands.model import Command, Context, split_keys
from interview.tui.commands.people import PEOPLE
from interview.tui.commands.practice import PRACTICE_COMMANDS

COMMANDS: dict[str, Command] = {
    command.id: command
    for command in (*PEOPLE, *INTERVIEW_COMMANDS, *DOCUMENT_COMMANDS, *PRACTICE_COMMANDS, *GENERAL)
}
"""Every command by id, in the order footers, help and palette list them."""

Keymap = Mapping[str, str]
"""Command id → keys (comma-separated), checked and ready for Textual."""
WantedKeys = Mapping[str, str | list[str]]
"""Command id → a key, keys comma-separated, or a list of keys: ``[keys]`` as a unit writes it."""


def context(name: str) -> Context:
    """Return the context called ``name``."""
    return CONTEXTS[name]


def commands_in(name: str) -> list[Command]:
    """Return the commands bound in the context ``name`` itself, in table order."""
    return [command for command in COMMANDS.values() if name in command.keys]


def keys_of(command: Command, name: str, keymap: Keymap | None = None) -> list[str]:
    """Return the keys of ``command`` in the context ``name``, after the unit's ``keymap``."""
    if name not in command.keys:
        return []
    remapped = (keymap or {}).get(command.id)
    if remapped and not CONTEXTS[name].fixed and not command.per_key:
        return split_keys(remapped)
    return split_keys(command.keys[name])


def reach(name: str) -> list[str]:
    """Return the contexts whose keys work in ``name``: itself, its parents, then its app."""
    chain: list[str] = []
    current: str = name
    while current:
        chain.append(current)
        current = CONTEXTS[current].parent
    app = CONTEXTS[name].app
    if app:
        chain.append(app)
    return chain


def active_commands(name: str) -> list[tuple[str, Command]]:
    """Return (context, command) for every command whose keys work in ``name``.

    App-wide commands that the context takes over on purpose (:attr:`Context.covers`) are left out.
    """
    covered = CONTEXTS[name].covers
    found: list[tuple[str, Command]] = []
    for place in reach(name):
        for command in commands_in(place):
            if place == CONTEXTS[name].app and command.id in covered:
                continue
            found.append((place, command))
    return found


def key_actions(name: str, keymap: Keymap | None = None) -> dict[str, str]:
    """Return key → action for the commands bound in ``name`` itself (the answer box's keys)."""
    actions: dict[str, str] = {}
    for command in commands_in(name):
        for key in keys_of(command, name, keymap):
            actions[key] = command.action_in(name).replace("{key}", key)
    return actions
