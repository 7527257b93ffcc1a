"""The ``kartlagg`` command: one module per command users type, all run by :func:`main`.

Every command registers itself with argparse (``register(subparsers)``, naming its function with
``set_defaults(run=…)``) and is given a :class:`~interview.cli.context.CliContext`: the folders,
the settings, the clock, the output every line goes through and the prompt. Mistakes in arguments,
bank files or databases end with a one-line Swedish message and a non-zero exit code, never a
traceback: an expected failure is a :class:`~interview.errors.UserError`, caught here and nowhere else.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from interview.catalogs import use_interface_language
from interview.cli.common import EXIT_FAILED, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from interview.cli.context import CliContext
from interview.cli.output import Output
from interview.cli.parser import build_parser
from interview.errors import UserError

__all__ = [
    "EXIT_FAILED",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "CliContext",
    "build_parser",
    "main",
]


def main(argv: Sequence[str] | None = None, context: CliContext | None = None) -> int:
    """Run ``kartlagg`` with ``argv`` (the process's arguments when None) and return the exit code.

    Without ``context`` the user's own is built (:meth:`CliContext.for_user`); tests pass theirs.
    """
    try:
        if context is None:
            context = CliContext.for_user()
        # the settings come first, so that every message below is in the interface language
        use_interface_language(context.settings.interface_language, context.settings.rtl_mode)
    except UserError as error:
        output = context.output if context is not None else Output(sys.stdout, sys.stderr)
        output.error(f"kartlagg: {error}")
        return EXIT_USAGE
    args = build_parser(context.output).parse_args(argv)
    try:
        code: int = args.run(context, args)
    except UserError as error:
        command = f"kartlagg {args.command}" if args.command else "kartlagg"
        context.output.error(f"{command}: {error}")
        return EXIT_FAILED
    return code
