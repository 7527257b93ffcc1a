"""Where every line of ``kartlagg`` goes: one writer for standard output and for errors.

Anything a user typed can reach these lines (a name, an argument, a bank's text), so every line has
its control characters drawn as visible symbols (ESC as ␛) instead of reaching the terminal.
Right-to-left text is shaped and put in visual order only for a terminal (``isatty``) when kartlagg
orders it (``rtl_mode = "visual"``); files and pipes get the logical text, as it is stored.
"""

from __future__ import annotations

from typing import TextIO

from interview.rtl import RtlMode, visual_line
from interview.text import controls_as_symbols


def is_terminal(stream: TextIO) -> bool:
    """Tell whether ``stream`` is a terminal (a closed or odd stream is not)."""
    try:
        return bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False


class Output:
    """The command line's standard output and errors, written only through :meth:`line` and friends."""

    def __init__(self, out: TextIO, err: TextIO, rtl_mode: RtlMode = RtlMode.VISUAL) -> None:
        """Write to ``out`` and ``err``; ``rtl_mode`` says who orders right-to-left text."""
        self._out = out
        self._err = err
        self.rtl_mode = rtl_mode

    def line(self, text: str = "") -> None:
        """Write ``text`` (one or more lines) and a newline to standard output."""
        self.write(text + "\n")

    def error(self, text: str) -> None:
        """Write ``text`` and a newline to the error stream."""
        self.write(text + "\n", error=True)

    def write(self, text: str, *, error: bool = False) -> None:
        """Write ``text`` as it is, no newline added (a prompt, a help text), to output or errors."""
        stream = self._err if error else self._out
        stream.write(self.shown(text, terminal=is_terminal(stream)))
        stream.flush()

    def shown(self, text: str, *, terminal: bool) -> str:
        """Return ``text`` as written: controls made visible, shaped for a terminal that needs it."""
        shape = terminal and self.rtl_mode is RtlMode.VISUAL
        lines = (controls_as_symbols(line) for line in text.split("\n"))
        return "\n".join(visual_line(line) if shape else line for line in lines)
