"""What every ``kartlagg`` command is given instead of reaching for globals.

The folders (:class:`~interview.paths.Locations`), the unit's settings, the clock, the output every
line goes through and the prompt that asks the person at the terminal. ``main()`` builds the
default one (:meth:`CliContext.for_user`); tests build their own with a scripted prompt, a manual
clock and streams to read back. Commands read the time only from :attr:`CliContext.clock`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from interview.cli.output import Output
from interview.cli.prompt import Prompt, TerminalPrompt
from interview.clock import Clock, system_clock
from interview.paths import Locations
from interview.settings import Settings, read_settings


@dataclass(frozen=True)
class CliContext:
    """The folders, settings, clock, output and prompt of one run of ``kartlagg``."""

    locations: Locations
    """Where the data, the settings and the banks are."""
    settings: Settings
    """The unit's settings (``config.toml``)."""
    output: Output
    """Where every line the command writes goes."""
    prompt: Prompt
    """How the command asks for a passphrase or a confirmation."""
    clock: Clock = system_clock
    """The time: the only place a command reads it."""

    @classmethod
    def build(
        cls,
        locations: Locations,
        *,
        prompt: Prompt | None = None,
        clock: Clock = system_clock,
        out: TextIO | None = None,
        err: TextIO | None = None,
    ) -> CliContext:
        """Return a context over ``locations`` with the settings read from there.

        ``out`` and ``err`` default to the process's standard streams and ``prompt`` to the
        terminal. Raises :class:`~interview.settings.SettingsError` for settings that cannot be used.
        """
        settings = read_settings(locations.config_file)
        output = Output(
            sys.stdout if out is None else out, sys.stderr if err is None else err, settings.rtl_mode
        )
        return cls(
            locations=locations,
            settings=settings,
            output=output,
            prompt=TerminalPrompt(output) if prompt is None else prompt,
            clock=clock,
        )

    @classmethod
    def for_user(cls) -> CliContext:
        """Return the context of the user at the terminal: their folders, the real clock."""
        return cls.build(Locations.for_user())

    @property
    def bank_folders(self) -> list[Path]:
        """Where question banks are looked for: the shipped ones, then the unit's own."""
        return [self.locations.shipped_banks, self.locations.user_banks]

    def now(self) -> datetime:
        """Return the current time (aware, UTC) by the context's clock."""
        return self.clock()

    def today(self) -> date:
        """Return today's local date by the context's clock."""
        return self.clock().astimezone().date()
