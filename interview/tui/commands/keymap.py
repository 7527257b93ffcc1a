"""A unit's own keys (``[keys]`` in ``config.toml``), checked against the table before use.

A remap names a command id and gives its new key or keys. It is refused, with a Swedish message
naming both commands, when the new key is already taken by another command on a screen where the
remapped one works; and when it is a printable character where the answer box is (there it would
never reach the text). Textual's own keymap (binding ids) then moves the bindings.
"""

from __future__ import annotations

from interview.errors import UserError
from interview.i18n import _
from interview.tui.commands.contexts import CONTEXTS
from interview.tui.commands.model import key_name, split_keys
from interview.tui.commands.table import (
    COMMANDS,
    Keymap,
    WantedKeys,
    active_commands,
    keys_of,
)


class KeymapError(UserError):
    """The unit's ``[keys]`` cannot be used; the text says which command and key, in Swedish."""


def _normalise(keys: str) -> str:
    """Return ``keys`` as Textual writes them: lower case, no blanks (``Ctrl+S`` → ``ctrl+s``)."""
    return ",".join(key.lower() for key in split_keys(keys.replace(" ", "")))


def check_keymap(wanted: WantedKeys) -> dict[str, str]:
    """Return the unit's keymap, ready for Textual, or raise :class:`KeymapError` saying why not."""
    keymap: dict[str, str] = {}
    for command_id, keys in wanted.items():
        command = COMMANDS.get(command_id)
        if command is None:
            raise KeymapError(
                _("[keys]: det finns inget kommando som heter {id!r}.").format(id=command_id)
            )
        joined = _normalise(keys if isinstance(keys, str) else ",".join(keys))
        if not joined:
            raise KeymapError(
                _("[keys]: kommandot {id!r} ({title}) har ingen tangent.").format(
                    id=command_id, title=_(command.title)
                )
            )
        if command.per_key or all(CONTEXTS[name].fixed for name in command.keys):
            raise KeymapError(
                _("[keys]: kommandot {id!r} ({title}) kan inte få andra tangenter.").format(
                    id=command_id, title=_(command.title)
                )
            )
        keymap[command_id] = joined
    for name, place in CONTEXTS.items():
        _check_context(name, keymap, typing=place.typing)
    return keymap


def _check_context(name: str, keymap: Keymap, *, typing: bool) -> None:
    """Refuse a remapped key that another command in ``name`` (or around it) already has."""
    taken: dict[str, str] = {}
    for place, command in active_commands(name):
        if CONTEXTS[place].fixed and place != name:
            continue  # the chat's letters work only while the chat has the focus
        for key in keys_of(command, place, keymap):
            if typing and command.id in keymap and place == name and _printable(key):
                raise KeymapError(
                    _(
                        "[keys]: {key} kan inte bli tangent för {title} ({id}): på skärmen "
                        "{screen} skrivs den tangenten i svarsrutan."
                    ).format(
                        key=key_name(key),
                        title=_(command.title),
                        id=command.id,
                        screen=_(CONTEXTS[name].title),
                    )
                )
            other = taken.get(key)
            if other is not None and other != command.id and (command.id in keymap or other in keymap):
                first, second = (command.id, other) if command.id in keymap else (other, command.id)
                raise KeymapError(
                    _(
                        "[keys]: {key} kan inte bli tangent för {title} ({id}): på skärmen "
                        "{screen} har {other_title} ({other_id}) redan den tangenten."
                    ).format(
                        key=key_name(key),
                        title=_(COMMANDS[first].title),
                        id=first,
                        screen=_(CONTEXTS[name].title),
                        other_title=_(COMMANDS[second].title),
                        other_id=second,
                    )
                )
            taken.setdefault(key, command.id)


def _printable(key: str) -> bool:
    """Return True for a key that types a character (a letter, a digit, a sign, the space bar)."""
    return len(key) == 1 or key in {"space", "plus", "minus", "equals_sign"}
