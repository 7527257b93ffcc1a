"""Run ``kartlagg`` in the test's process: its own folders, a scripted prompt, a chosen clock.

The command line asks for passphrases and confirmations through its context's prompt; here a
:class:`ScriptedPrompt` answers from a script and keeps the questions, so no test replaces ``input``
or ``getpass``. Output goes to the process's streams, which pytest's ``capsys`` reads.
"""

from __future__ import annotations

from collections.abc import Sequence

from interview.cli import main
from interview.cli.context import CliContext
from interview.clock import Clock, system_clock
from interview.paths import Locations


class ScriptedPrompt:
    """Answers the command line's questions in order; every question asked is kept."""

    def __init__(
        self, *, passphrases: Sequence[str] = (), lines: Sequence[str] = (), default: str | None = None
    ) -> None:
        """Type ``passphrases`` and ``lines`` in order; then ``default`` at a passphrase question."""
        self.passphrases = list(passphrases)
        self.lines = list(lines)
        self.default = default
        self.passphrase_questions: list[str] = []
        self.line_questions: list[str] = []

    def passphrase(self, question: str) -> str:
        """Return the next scripted passphrase (or the default one)."""
        self.passphrase_questions.append(question)
        if self.passphrases:
            return self.passphrases.pop(0)
        if self.default is None:
            raise AssertionError(f"no passphrase scripted for {question!r}")
        return self.default

    def line(self, question: str) -> str:
        """Return the next scripted line."""
        self.line_questions.append(question)
        if not self.lines:
            raise AssertionError(f"no answer scripted for {question!r}")
        return self.lines.pop(0)


class Kartlagg:
    """``kartlagg`` over one test's folders; the settings are read afresh at every run."""

    def __init__(
        self, locations: Locations, prompt: ScriptedPrompt, clock: Clock = system_clock
    ) -> None:
        """Run over ``locations``, asking ``prompt``, with ``clock`` as the time."""
        self.locations = locations
        self.prompt = prompt
        self.clock = clock

    def __call__(self, argv: Sequence[str]) -> int:
        """Run ``kartlagg argv`` and return its exit code."""
        context = CliContext.build(self.locations, prompt=self.prompt, clock=self.clock)
        return main(argv, context)
