"""What is built from the table: a screen's bindings, its palette entries and its F1 key list."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding, BindingType

from interview.i18n import _
from interview.tui.commands.contexts import CONTEXTS
from interview.tui.commands.model import Command, keys_text, split_keys
from interview.tui.commands.table import (
    COMMANDS,
    Keymap,
    active_commands,
    commands_in,
    keys_of,
)


def bindings(
    name: str,
    *,
    only: Iterable[str] = (),
    leave_out: Iterable[str] = (),
    prefix: str | None = None,
) -> list[BindingType]:
    """Return the Textual bindings of the context ``name`` (``BINDINGS`` of its screen or widget).

    Each binding carries the command's id (so a keymap can move it), unless the context's keys are
    fixed or the key picks its own action (``pick({key})``). ``only`` and ``leave_out`` name command
    ids, for a context whose keys are split between a screen and one of its widgets; ``prefix``
    replaces the context's own (``""`` for actions of the widget itself).
    """
    wanted = set(only)
    skipped = set(leave_out)
    place = CONTEXTS[name]
    made: list[BindingType] = []
    for command in commands_in(name):
        if (wanted and command.id not in wanted) or command.id in skipped:
            continue
        action = (place.prefix if prefix is None else prefix) + command.action_in(name)
        description = _(command.short)
        tooltip = _(command.help) if command.help else ""
        if command.per_key:
            made += [
                Binding(key, action.replace("{key}", key), description, show=False)
                for key in split_keys(command.keys[name])
            ]
            continue
        made.append(
            Binding(
                command.keys[name],
                action,
                description,
                show=command.footer,
                priority=command.priority,
                tooltip=tooltip,
                id=None if place.fixed else command.id,
            )
        )
    return made


@dataclass(frozen=True)
class Entry:
    """One command as the palette and F1 show it."""

    command: Command
    context: str
    keys: str
    """The keys as people read them (``F2``, ``Ctrl+S``, ``1–9``)."""
    title: str
    """The title, translated."""
    help: str
    """The help line, translated ("" when there is none)."""

    @property
    def action(self) -> str:
        """The action to run on the screen (without a widget's ``screen.`` prefix)."""
        return self.command.action_in(self.context)


def entries(name: str, keymap: Keymap | None = None) -> list[Entry]:
    """Return the commands whose keys work in ``name``, with their keys after ``keymap``."""
    return [
        Entry(
            command=command,
            context=place,
            keys=keys_text(keys_of(command, place, keymap)),
            title=_(command.title),
            help=_(command.help) if command.help else "",
        )
        for place, command in active_commands(name)
    ]


def palette_entries(name: str, keymap: Keymap | None = None) -> list[Entry]:
    """Return what the command palette offers in ``name``: one entry per command.

    The screen's own commands come first, with those of a part of it (the chat) and where they work
    ("H i chatten"), then the app's.
    """
    places = [name] + [other.name for other in CONTEXTS.values() if other.parent == name]
    found: dict[str, Entry] = {}
    for entry in [*entries(name, keymap), *(e for p in places[1:] for e in entries(p, keymap))]:
        if not entry.command.palette or not entry.keys:
            continue
        where = CONTEXTS[entry.context].where
        keys = f"{entry.keys} {_(where)}" if where else entry.keys
        known = found.get(entry.command.id)
        if known is None:
            found[entry.command.id] = Entry(entry.command, entry.context, keys, entry.title, entry.help)
        elif keys not in known.keys.split("; "):
            found[entry.command.id] = Entry(
                known.command, known.context, f"{known.keys}; {keys}", known.title, known.help
            )
    app = CONTEXTS[name].app or name
    order = {command_id: index for index, command_id in enumerate(COMMANDS)}
    listed = sorted(found.values(), key=lambda entry: order[entry.command.id])
    return [entry for entry in listed if entry.context != app] + [
        entry for entry in listed if entry.context == app
    ]


def help_lines(name: str, keymap: Keymap | None = None) -> list[tuple[str, str]]:
    """Return (keys, title) for F1: every command whose keys work in ``name``."""
    return [(entry.keys, entry.title) for entry in entries(name, keymap) if entry.keys]


def command(command_id: str) -> Command:
    """Return the command ``command_id``."""
    return COMMANDS[command_id]
