"""The argument parser of ``kartlagg``: Swedish headings and messages, and every command registered.

Each command module adds its own sub-command (``register(subparsers)``, which names the function to
run with ``set_defaults(run=…)``). Help texts and argparse's own messages are written through the
run's :class:`~interview.cli.output.Output` like every other line.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING, Any, NoReturn

import interview
from interview.cli.common import EXIT_USAGE
from interview.cli.output import Output
from interview.i18n import N_, _

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

_ARGPARSE_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"unrecognized arguments: (.*)"), N_("okända argument: {0}")),
    (
        re.compile(r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)"),
        N_("{0}: okänt val {1} (välj bland {2})"),
    ),
    (re.compile(r"the following arguments are required: (.*)"), N_("de här argumenten behövs: {0}")),
    (re.compile(r"argument (\S+): expected one argument"), N_("{0} behöver ett värde")),
)


class _SwedishHelp(argparse.RawDescriptionHelpFormatter):
    """Help output with Swedish headings."""

    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, prefix=_("Användning: ") if prefix is None else prefix)


class SwedishParser(argparse.ArgumentParser):
    """An argument parser that speaks Swedish, exits with one clear line and writes through an output."""

    output: Output | None = None
    """Where help and messages go (the process's streams when not set)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _SwedishHelp)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = _("argument")
        self._optionals.title = _("flaggor")
        self.add_argument("-h", "--help", action="help", help=_("visa den här hjälpen"))

    def error(self, message: str) -> NoReturn:
        """Print a Swedish message about wrong arguments and exit with code 2."""
        for pattern, template in _ARGPARSE_MESSAGES:
            match = pattern.fullmatch(message)
            if match:
                message = _(template).format(*match.groups())
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, _("{prog}: fel: {message}").format(prog=self.prog, message=message) + "\n")

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        """Write argparse's help, usage and messages through the output (errors to its error stream)."""
        if message:
            output = self.output or Output(sys.stdout, sys.stderr)
            output.write(message, error=file is sys.stderr)


def _parser_class(output: Output) -> type[SwedishParser]:
    """Return a :class:`SwedishParser` whose parsers (sub-commands too) write through ``output``."""

    class Parser(SwedishParser):
        """A Swedish parser of one run of ``kartlagg``."""

    Parser.output = output
    return Parser


def build_parser(output: Output | None = None) -> argparse.ArgumentParser:
    """Return the parser for every sub-command, writing its help and messages through ``output``."""
    # the commands are imported here, not at the top: `import interview.cli` stays light
    from interview.cli import (
        audit,
        bank,
        export,
        export_person,
        gallra,
        passphrase,
        practice,
        radera,
        start,
        where,
    )

    parser_class = _parser_class(output or Output(sys.stdout, sys.stderr))
    parser = parser_class(
        prog="kartlagg",
        description=_(
            "kartlagg: kartläggning enligt SASSAM för arbetsmarknadsenheter.\n"
            "Handläggare och deltagare går igenom frågorna tillsammans på en delad skärm."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"kartlagg {interview.__version__}",
        help=_("visa versionen"),
    )
    parser.set_defaults(run=start.run_start)  # `kartlagg` alone opens the app
    commands = parser.add_subparsers(
        dest="command", title=_("kommandon"), metavar=_("KOMMANDO"), parser_class=parser_class
    )
    # in the order `kartlagg --help` lists them
    bank.register(commands)
    start.register(commands)  # demo and start
    practice.register(commands)
    export.register(commands)
    passphrase.register(commands)
    export_person.register(commands)
    gallra.register(commands)
    radera.register(commands)
    audit.register(commands)
    where.register(commands)
    return parser
