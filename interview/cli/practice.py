"""``kartlagg practice``: the språkcafé, practising Swedish about working life; no database opens.

``--sprak`` names the language of the translations shown on request, by code (``ar``) or by its
Swedish name (``arabiska``); a language without a translation is refused with the list there is.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from interview.cli.common import EXIT_OK, EXIT_USAGE, Subcommands
from interview.cli.context import CliContext
from interview.errors import UserError
from interview.i18n import _
from interview.languages import language
from interview.practice.loader import PracticeLibrary, practice_folders


def register(commands: Subcommands) -> None:
    """Add ``practice`` to the sub-commands."""
    practice = commands.add_parser(
        "practice",
        help=_("språkcafé: öva svenska om arbetslivet (inget sparas)"),
        description=_(
            "Språkcafé: öva på frågorna i lättläst svenska, meningsbörjor, ord om arbetslivet och\n"
            "vanliga frågor på en jobbintervju. Översättning visas när du ber om den. Ingen databas\n"
            "öppnas och inget av det som skrivs sparas."
        ),
    )
    practice.add_argument(
        "--sprak",
        dest="language",
        metavar=_("SPRÅK"),
        help=_(
            "språket för översättningen: en kod (ar, en, so, ti, prs, fa, uk) eller namnet (arabiska)"
        ),
    )
    practice.set_defaults(run=run_practice)


def run_practice(context: CliContext, args: argparse.Namespace) -> int:
    """Start the språkcafé practice; it never opens a database."""
    from interview.tui.practice_app import make_practice_app  # textual only once the app opens

    folders = context.bank_folders
    tag = None
    if args.language:
        available = PracticeLibrary.discover(practice_folders(folders)).translations
        tag = choose_language(args.language, sorted(available))
        if tag is None:
            names = ", ".join(f"{code} ({language(code).name})" for code in sorted(available))
            context.output.error(
                _("kartlagg practice: fel: det finns ingen översättning till {value!r}.").format(
                    value=args.language
                )
                + "\n"
                + _("Välj bland: {names}").format(names=names)
            )
            return EXIT_USAGE
    try:
        app = make_practice_app(banks=folders, language=tag, keymap=context.settings.keys)
    except UserError as error:  # the unit's [keys] clash: say which, before the screen is taken
        context.output.error(f"kartlagg: {context.locations.config_file}: {error}")
        return EXIT_USAGE
    app.run()
    return app.return_code or EXIT_OK


def choose_language(value: str, available: Sequence[str]) -> str | None:
    """Return the tag in ``available`` that ``value`` names, by tag or Swedish name ("arabiska")."""
    wanted = value.strip().casefold()
    for tag in available:
        if wanted in {tag.casefold(), language(tag).name.casefold()}:
            return tag
    return None
