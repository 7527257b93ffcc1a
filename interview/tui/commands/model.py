"""What a command is, and where it is bound: :class:`Command` and :class:`Context`.

A command is declared once, with its id (the binding id a unit's keymap names), the action it runs,
its keys on every screen where it works (the interview's chat is a context of its own: a command's
letter there is its key in ``chat``), its Swedish title and help line, and whether the footer shows
it. Titles and help lines are marked with ``N_`` and translated when they are shown, so they follow
the interface language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from interview.i18n import _


@dataclass(frozen=True)
class Context:
    """A place where keys mean something: a screen, a dialog, the chat, or the app around them."""

    name: str
    """The context's id, used as the key of :attr:`Command.keys`."""
    title: str
    """The screen's name in Swedish (``N_``-marked), in messages and in the README's key table."""
    app: str = "app"
    """The app-wide context whose keys also work here ("" for an app context itself)."""
    parent: str = ""
    """A context whose keys also work here (the interview screen around its chat)."""
    typing: bool = False
    """The answer box passes command keys on before it types them, so none may be a printable one."""
    covers: frozenset[str] = frozenset()
    """App-wide commands whose keys this context takes over on purpose (the curtain takes F1)."""
    where: str = ""
    """Where on its parent's screen these keys work (``N_``-marked, "i chatten"), for the palette."""
    fixed: bool = False
    """Its keys cannot be remapped (the chat's letters): its bindings carry no id."""
    prefix: str = ""
    """Put before every action bound here (``screen.`` for keys bound on a widget of the screen)."""


@dataclass(frozen=True)
class Command:
    """One command: its keys in every context, its title and help, footer, palette and chat letter."""

    id: str
    """The binding id: ``[keys]`` in ``config.toml`` remaps the command with it."""
    title: str
    """What the command does, in Swedish (``N_``-marked): the palette's and F1's text."""
    keys: Mapping[str, str]
    """Context name → keys, comma-separated as Textual writes them (``"pageup,left"``)."""
    help: str = ""
    """A longer line (``N_``-marked): the palette's help and the footer's tooltip."""
    action: str = ""
    """The action it runs (default: the id). ``{key}`` in it is replaced by the key (``pick({key})``)."""
    actions: Mapping[str, str] = field(default_factory=dict)
    """An action of another name in some contexts (context name → action)."""
    label: str = ""
    """A short label for the footer (``N_``-marked; default: the title)."""
    footer: bool = False
    """Shown in the footer of the screens where it is bound."""
    footer_wide: bool = False
    """In the footer only on a wide screen (110 columns and up): at 80 the keys that matter more
    (the interview's tags and the session's end) keep their room."""
    priority: bool = False
    """Acts before the focused widget sees the key (Textual's binding priority)."""
    palette: bool = True
    """Offered in the command palette (moving a cursor is not)."""

    def action_in(self, context: str) -> str:
        """Return the action the command runs in ``context``."""
        return self.actions.get(context) or self.action or self.id

    @property
    def per_key(self) -> bool:
        """True when every key runs its own action (``pick({key})``): such keys cannot be remapped."""
        return "{key}" in (self.action + "".join(self.actions.values()))

    @property
    def short(self) -> str:
        """The footer's label (``N_``-marked)."""
        return self.label or self.title


def split_keys(keys: str) -> list[str]:
    """Return the keys in a comma-separated key string, without blanks."""
    return [key.strip() for key in keys.split(",") if key.strip()]


def key_name(key: str) -> str:
    """Return a key as people write it: ``ctrl+s`` → ``Ctrl+S``, ``pagedown`` → ``PageDown``."""
    names = {
        "pagedown": "PageDown",
        "pageup": "PageUp",
        "escape": "Esc",
        "delete": "Delete",
        "space": _("Mellanslag"),
        "equals_sign": "=",
        "plus": "+",
        "minus": "-",
        "left": "←",
        "right": "→",
        "up": "↑",
        "down": "↓",
    }
    parts = key.split("+")
    return "+".join(
        names.get(part, part.capitalize() if len(part) > 1 else part.upper()) for part in parts
    )


def keys_text(keys: list[str]) -> str:
    """Return keys as people read them: ``F7, ←``; runs of digits as ``1–9``."""
    digits = [key for key in keys if key.isdigit() and len(key) == 1]
    others = [key for key in keys if key not in digits]
    shown = [key_name(key) for key in others]
    if len(digits) > 2:
        shown.append(f"{digits[0]}–{digits[-1]}")
    else:
        shown += digits
    return ", ".join(shown)
