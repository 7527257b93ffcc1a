"""How a command asks the person at the terminal: a passphrase (not shown) or a line of text.

Commands ask only through a :class:`Prompt` given in their context: :class:`TerminalPrompt` at a real
terminal, a scripted one in tests, so no test has to replace ``input`` or ``getpass``.
"""

from __future__ import annotations

import getpass
import sys
from typing import Protocol, TextIO

from interview.cli.output import Output


class Prompt(Protocol):
    """Questions a command may ask while it runs."""

    def passphrase(self, question: str) -> str:
        """Return a passphrase typed after ``question``, without showing it."""

    def line(self, question: str) -> str:
        """Return a line typed after ``question`` (empty if nothing can be typed)."""


class TerminalPrompt:
    """Asks on the terminal; the question is written through the command line's output."""

    def __init__(self, output: Output, stdin: TextIO | None = None) -> None:
        """Ask through ``output`` and read lines from ``stdin`` (the process's when not given).

        A passphrase question goes to the terminal itself, as ``getpass`` does.
        """
        self._output = output
        self._stdin = sys.stdin if stdin is None else stdin

    def passphrase(self, question: str) -> str:
        """Return a passphrase typed on the terminal; nothing typed is echoed."""
        # getpass writes its question to the terminal (/dev/tty), so it is shaped as for one
        return getpass.getpass(self._output.shown(question, terminal=True), stream=sys.stderr)

    def line(self, question: str) -> str:
        """Return one typed line without its newline; an empty one at the end of the input."""
        self._output.write(question)
        return self._stdin.readline().removesuffix("\n")
