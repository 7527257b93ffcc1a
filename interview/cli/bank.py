"""``kartlagg bank check`` and ``kartlagg bank template``: check question banks, start a translation.

``check`` reads a bank file or folder (or every known bank, their translations and the språkcafé
content) and reports against the format, the SASSAM areas, the plain-Swedish rules and LIX per area;
it exits with code 1 when it finds an error. ``template`` writes a bank translation to fill in.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from interview.banks.loader import BankError, BankLibrary, load_bank_file, read_toml
from interview.banks.models import Bank
from interview.banks.report import bank_report, errors_report, summary_line, translations_report
from interview.banks.translations import TranslationLibrary, translation_folders, translation_template
from interview.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, Subcommands, show_help
from interview.cli.context import CliContext
from interview.i18n import _
from interview.languages import LANGUAGES, is_known
from interview.practice.loader import PracticeLibrary, practice_folders
from interview.practice.report import practice_report


def register(commands: Subcommands) -> None:
    """Add ``bank check`` and ``bank template`` to the sub-commands."""
    bank = commands.add_parser("bank", help=_("frågebanker"), description=_("Frågebanker."))
    bank.set_defaults(run=show_help(bank))
    bank_commands = bank.add_subparsers(dest="bank_command", title=_("kommandon"), metavar=_("KOMMANDO"))
    check = bank_commands.add_parser(
        "check",
        help=_("kontrollera frågebanker mot reglerna för klarspråk och lättläst"),
        description=_(
            "Kontrollera en frågebank: format, SASSAM-mallens områden, reglerna för klarspråk\n"
            "och LIX per område i lättläst. Utan SÖKVÄG kontrolleras de medföljande bankerna\n"
            "och enhetens egna. Avslutas med kod 1 om något fel hittas."
        ),
    )
    check.add_argument(
        "path",
        nargs="?",
        type=Path,
        metavar=_("SÖKVÄG"),
        help=_("en bankfil (.toml) eller en mapp med bankfiler"),
    )
    check.set_defaults(run=run_check)
    template = bank_commands.add_parser(
        "template",
        help=_("skriv en översättningsfil för frågebanken att fylla i"),
        description=_(
            "Skriv en översättningsfil för frågebanken på SPRÅK, med den svenska texten som\n"
            "kommentar ovanför varje rad. Finns redan en översättning behålls det som är översatt.\n"
            "Lägg den ifyllda filen i mappen translations bland enhetens egna frågebanker."
        ),
    )
    template.add_argument(
        "language", metavar=_("SPRÅK"), help=_("språkets kod, till exempel ckb eller ru")
    )
    template.add_argument("--bank", default="sassam", help=_("frågebankens id (sassam)"))
    template.add_argument(
        "--out", type=Path, metavar=_("FIL"), help=_("filen att skriva (annars skrivs den ut)")
    )
    template.set_defaults(run=run_template)


def _is_practice(path: Path) -> bool:
    """Tell whether ``path`` is språkcafé content (a file or a folder of them) rather than a bank."""
    files = sorted(path.glob("*.toml")) if path.is_dir() else [path]
    for candidate in files:
        try:
            data = read_toml(candidate)
        except BankError:
            continue
        if "practice" in data or "translation" in data:
            return True
    return False


def _gather(
    path: Path | None, search: list[Path]
) -> tuple[list[Bank], list[BankError], PracticeLibrary | None]:
    """Load what ``kartlagg bank check`` looks at: banks, their load errors and practice content."""
    if path is None:
        library = BankLibrary.discover(search)
        practice = PracticeLibrary.discover(practice_folders(search))
        return list(library.banks.values()), library.errors, practice
    if _is_practice(path):
        # A unit's own translation is checked against the shipped content.
        shipped = practice_folders(search)[:1]
        practice = PracticeLibrary.discover([*shipped, path] if path.is_dir() else shipped)
        if not path.is_dir():
            practice.add(path)
        return [], [], practice
    if path.is_dir():
        library = BankLibrary.discover([*search, path])
        wanted = {candidate.resolve() for candidate in path.glob("*.toml")}
        banks = [bank for bank in library.banks.values() if Path(bank.sources[-1]).resolve() in wanted]
        return banks, [error for error in library.errors if error.path.resolve() in wanted], None
    try:
        return [load_bank_file(path, search)], [], None
    except BankError as error:
        return [], [error], None


def run_template(context: CliContext, args: argparse.Namespace) -> int:
    """Write a bank translation file to fill in (``kartlagg bank template SPRÅK``)."""
    output, search = context.output, context.bank_folders
    tag = str(args.language).strip()
    if tag == "sv" or not is_known(tag):
        output.error(
            _("kartlagg bank template: fel: okänt språk {tag!r}. Använd en av koderna {tags}.").format(
                tag=tag, tags=", ".join(item.tag for item in LANGUAGES if item.tag != "sv")
            )
        )
        return EXIT_USAGE
    library = BankLibrary.discover(search)
    if args.bank not in library.banks:
        output.error(
            _("kartlagg bank template: fel: det finns ingen bank med id {id!r}.").format(id=args.bank)
        )
        return EXIT_USAGE
    existing = TranslationLibrary.discover(translation_folders(search)).get(args.bank, tag)
    text = translation_template(library.get(args.bank), tag, existing)
    if args.out is None:
        output.write(text)
        return EXIT_OK
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as error:
        output.error(
            _("kartlagg bank template: fel: {path} går inte att skriva ({reason}).").format(
                path=args.out, reason=error.strerror or type(error).__name__
            )
        )
        return EXIT_USAGE
    output.line(_("Skrev {path}.").format(path=args.out))
    return EXIT_OK


def run_check(context: CliContext, args: argparse.Namespace) -> int:
    """Run ``kartlagg bank check [SÖKVÄG]`` and return the exit code."""
    return check_banks(context, args.path)


def check_banks(context: CliContext, path: Path | None) -> int:
    """Check the bank(s) at ``path`` (or all known banks and the språkcafé content) into the output."""
    search = context.bank_folders
    if path is not None and not path.exists():
        context.output.line(_("FEL      {path}: filen eller mappen finns inte").format(path=path))
        return EXIT_FINDINGS
    banks, errors, practice = _gather(path, search)
    total_errors = len(errors)
    total_warnings = 0
    lines = errors_report(errors)
    if lines and banks:
        lines.append("")
    for index, bank in enumerate(banks):
        report, bank_errors, bank_warnings = bank_report(bank)
        if index:
            lines.append("")
        lines.extend(report)
        total_errors += bank_errors
        total_warnings += bank_warnings
    if practice is not None:
        report, practice_errors, practice_warnings = practice_report(
            practice, BankLibrary.discover(search)
        )
        if report and lines:
            lines.append("")
        lines.extend(report)
        total_errors += practice_errors
        total_warnings += practice_warnings
    if path is None:
        translations = TranslationLibrary.discover(translation_folders(search))
        report, translation_errors = translations_report(banks, translations)
        report = errors_report(translations.errors) + report
        if report and lines:
            lines.append("")
        lines.extend(report)
        total_errors += translation_errors + len(translations.errors)
    if not banks and not errors and path is None:
        lines.append(_("Inga frågebanker hittades."))
        total_errors += 1
    if (len(banks) != 1 or errors) and (banks or errors or practice is None):
        lines.append("")
        lines.append(
            _("Totalt: ")
            + summary_line(
                sum(len(bank.areas) for bank in banks),
                sum(len(area.questions) for bank in banks for area in bank.areas),
                total_errors,
                total_warnings,
            )
        )
    context.output.line("\n".join(lines))
    return EXIT_FINDINGS if total_errors else EXIT_OK
