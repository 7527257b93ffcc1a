"""The ``kartlagg`` command: every sub-command parses its arguments here and reports in Swedish.

Mistakes in arguments, bank files or databases end with a one-line Swedish message and a non-zero exit
code, never a traceback.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

import interview
from interview.banks.loader import BankError, BankLibrary, load_bank_file, read_toml
from interview.banks.models import Bank
from interview.banks.report import bank_report, errors_report, summary_line, translations_report
from interview.banks.translations import TranslationLibrary, translation_folders, translation_template
from interview.catalogs import use_interface_language
from interview.errors import UserError
from interview.i18n import N_, _
from interview.languages import LANGUAGES, is_known, language
from interview.paths import Locations
from interview.practice.loader import PracticeLibrary, practice_folders
from interview.practice.report import practice_report
from interview.settings import read_settings

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

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


class _Parser(argparse.ArgumentParser):
    """An argument parser that speaks Swedish and exits with one clear line."""

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


def build_parser() -> argparse.ArgumentParser:
    """Return the parser for every sub-command."""
    parser = _Parser(
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
    commands = parser.add_subparsers(
        dest="command", title=_("kommandon"), metavar=_("KOMMANDO"), parser_class=_Parser
    )
    bank = commands.add_parser("bank", help=_("frågebanker"), description=_("Frågebanker."))
    bank_commands = bank.add_subparsers(
        dest="bank_command", title=_("kommandon"), metavar=_("KOMMANDO"), parser_class=_Parser
    )
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
    demo = commands.add_parser(
        "demo",
        help=_("öppna kartlagg med påhittade deltagare (demodatabasen)"),
        description=_(
            "Öppna kartlagg på demodatabasen med tre påhittade deltagare: en ny, en som är halvvägs\n"
            "och en som är klar. Skärmen visar tydligt DEMO. Riktiga uppgifter ska inte skrivas här."
        ),
    )
    _app_options(demo)
    demo.add_argument(
        "--ny",
        dest="reset",
        action="store_true",
        help=_("börja om med en ny demodatabas (den gamla tas bort)"),
    )
    start = commands.add_parser(
        "start",
        help=_("öppna kartlagg på enhetens databas (samma som utan kommando)"),
        description=_("Öppna kartlagg på enhetens databas."),
    )
    _app_options(start)
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
    from interview.export_command import add_export_parser

    add_export_parser(commands)
    from interview.passphrase_command import add_passphrase_parser
    from interview.person_command import add_person_parser

    add_passphrase_parser(commands)

    add_person_parser(commands)
    from interview.audit_command import add_audit_parser
    from interview.retention_command import add_retention_parser

    add_retention_parser(commands)
    from interview.erase_command import add_erase_parser

    add_erase_parser(commands)

    add_audit_parser(commands, _Parser)
    commands.add_parser(
        "where",
        help=_("visa var data och inställningar sparas"),
        description=_("Visa var kartlagg sparar data och inställningar."),
    )
    return parser


def _app_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--fortsatt",
        dest="resume",
        action="store_true",
        help=_("fortsätt direkt med den kartläggning som senast arbetades med"),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``kartlagg`` with ``argv`` and return the exit code."""
    locations = Locations.for_user()
    try:
        settings = read_settings(locations.config_file)
        use_interface_language(settings.interface_language, settings.rtl_mode)
    except UserError as error:
        # the settings are read first, so that every message below is in the interface language
        sys.stderr.write(f"kartlagg: {error}\n")
        return EXIT_USAGE
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in (None, "start", "demo"):
        return run_app(locations, args)
    if args.command == "practice":
        return run_practice(locations, args)
    if args.command == "where":
        return _where(locations, sys.stdout)
    if args.command == "export":
        from interview.export_command import run_export

        return run_export(locations, args, sys.stdout, sys.stderr)
    if args.command == "passphrase":
        from interview.passphrase_command import run_passphrase

        return run_passphrase(locations, args, sys.stdout, sys.stderr)
    if args.command == "export-person":
        from interview.person_command import run_export_person

        return run_export_person(locations, args, sys.stdout, sys.stderr)
    if args.command == "gallra":
        from interview.retention_command import run_retention

        return run_retention(locations, args, sys.stdout, sys.stderr)
    if args.command == "radera":
        from interview.erase_command import run_erase

        return run_erase(locations, args, sys.stdout, sys.stderr)
    if args.command == "audit":
        from interview.audit_command import run_audit

        if args.audit_command is None:
            parser.parse_args(["audit", "--help"])
        return run_audit(locations, args, sys.stdout, sys.stderr)
    if args.command == "bank":
        if args.bank_command == "check":
            return check_banks(args.path, locations, sys.stdout)
        if args.bank_command == "template":
            return write_template(args, locations, sys.stdout, sys.stderr)
        parser.parse_args(["bank", "--help"])
    parser.print_help()
    return EXIT_OK  # pragma: no cover - every command returns above


def run_app(locations: Locations, args: argparse.Namespace) -> int:
    """Start the app on the unit's database, or on the demo database."""
    from interview.tui.app import make_app

    demo = args.command == "demo"
    database = locations.demo_database if demo else locations.database
    if demo and getattr(args, "reset", False):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
    settings = read_settings(locations.config_file)
    try:
        app = make_app(
            database,
            demo=demo,
            resume=getattr(args, "resume", False),
            banks=[locations.shipped_banks, locations.user_banks],
            unit=None if demo else settings.unit,
            exports=locations.exports,
            rtl_mode=settings.rtl_mode,
            idle_lock_minutes=settings.idle_lock_minutes,
            keymap=settings.keys,
        )
    except UserError as error:  # the unit's [keys] clash: say which, before the screen is taken
        sys.stderr.write(f"kartlagg: {locations.config_file}: {error}\n")
        return EXIT_USAGE
    app.run()
    return app.return_code or EXIT_OK


def run_practice(locations: Locations, args: argparse.Namespace) -> int:
    """Start the språkcafé practice; it never opens a database."""
    from interview.tui.practice_app import make_practice_app

    folders = [locations.shipped_banks, locations.user_banks]
    tag = None
    if args.language:
        available = PracticeLibrary.discover(practice_folders(folders)).translations
        tag = choose_language(args.language, sorted(available))
        if tag is None:
            names = ", ".join(f"{code} ({language(code).name})" for code in sorted(available))
            sys.stderr.write(
                _("kartlagg practice: fel: det finns ingen översättning till {value!r}.").format(
                    value=args.language
                )
                + "\n"
                + _("Välj bland: {names}").format(names=names)
                + "\n"
            )
            return EXIT_USAGE
    try:
        keymap = read_settings(locations.config_file).keys
        app = make_practice_app(banks=folders, language=tag, keymap=keymap)
    except UserError as error:
        sys.stderr.write(f"kartlagg: {locations.config_file}: {error}\n")
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


def _where(locations: Locations, out: TextIO) -> int:
    rows = (
        (_("Data"), locations.data_dir),
        (_("Databas"), locations.database),
        (_("Demodatabas"), locations.demo_database),
        (_("Inställningar"), locations.config_file),
        (_("Egna frågebanker"), locations.user_banks),
        (_("Medföljande frågebanker"), locations.shipped_banks),
        (_("Översättningar"), locations.shipped_locales),
    )
    width = max(len(name) for name, _path in rows)
    for name, path in rows:
        out.write(f"{name + ':':<{width + 1}}  {path}\n")
    return EXIT_OK


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


def write_template(args: argparse.Namespace, locations: Locations, out: TextIO, err: TextIO) -> int:
    """Write a bank translation file to fill in (``kartlagg bank template SPRÅK``)."""
    search = [locations.shipped_banks, locations.user_banks]
    tag = str(args.language).strip()
    if tag == "sv" or not is_known(tag):
        err.write(
            _("kartlagg bank template: fel: okänt språk {tag!r}. Använd en av koderna {tags}.").format(
                tag=tag, tags=", ".join(item.tag for item in LANGUAGES if item.tag != "sv")
            )
            + "\n"
        )
        return EXIT_USAGE
    library = BankLibrary.discover(search)
    if args.bank not in library.banks:
        err.write(
            _("kartlagg bank template: fel: det finns ingen bank med id {id!r}.").format(id=args.bank)
            + "\n"
        )
        return EXIT_USAGE
    existing = TranslationLibrary.discover(translation_folders(search)).get(args.bank, tag)
    text = translation_template(library.get(args.bank), tag, existing)
    if args.out is None:
        out.write(text)
        return EXIT_OK
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as error:
        err.write(
            _("kartlagg bank template: fel: {path} går inte att skriva ({reason}).").format(
                path=args.out, reason=error.strerror or type(error).__name__
            )
            + "\n"
        )
        return EXIT_USAGE
    out.write(_("Skrev {path}.").format(path=args.out) + "\n")
    return EXIT_OK


def check_banks(path: Path | None, locations: Locations, out: TextIO) -> int:
    """Check the bank(s) at ``path`` (or all known banks and the språkcafé content) into ``out``."""
    search = [locations.shipped_banks, locations.user_banks]
    if path is not None and not path.exists():
        out.write(_("FEL      {path}: filen eller mappen finns inte").format(path=path) + "\n")
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
    out.write("\n".join(lines) + "\n")
    return EXIT_FINDINGS if total_errors else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
