"""``kartlagg export``: write a sammanställning to PDF, Word, HTML or Markdown from the command line.

Without a kartläggning it lists them (short id, name, masked personnummer, version, status). A
kartläggning is named by the start of its id or by the participant's personnummer (their latest
kartläggning). The unit's database is used, or the demo database with ``--demo``.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from interview.banks.loader import BankLibrary
from interview.cli.common import (
    EXIT_OK,
    Refused,
    Subcommands,
    actor_name,
    add_actor_flag,
    add_demo_flag,
    existing_database,
    unit_passphrase,
)
from interview.cli.context import CliContext
from interview.cli.output import Output
from interview.documents.formats import ExportFormat
from interview.draft.export import export_draft, export_event
from interview.draft.models import DraftListing
from interview.draft.workflow import Drafts
from interview.i18n import _
from interview.personnummer import IdentityNumber, PersonnummerError, parse
from interview.settings import DEMO_UNIT
from storage import Repository, StorageError

SHORT_ID = 8
MIN_PREFIX = 4
DEFAULT_BANK = "sassam"


def register(commands: Subcommands) -> None:
    """Add ``export`` to the sub-commands."""
    export = commands.add_parser(
        "export",
        help=_("skriv en sammanställning till PDF, Word, HTML eller Markdown"),
        description=_(
            "Skriv en sammanställning till en fil som bara du kan läsa. Utan KARTLÄGGNING visas\n"
            "en lista. Ange början av kartläggningens id (från listan) eller deltagarens\n"
            "personnummer. En underskriven version skrivs ut precis som den skrevs under,\n"
            "med kontrollsumma."
        ),
    )
    export.add_argument(
        "kartlaggning",
        nargs="?",
        metavar=_("KARTLÄGGNING"),
        help=_("början av id:t (minst 4 tecken) eller personnumret"),
    )
    export.add_argument(
        "--format",
        dest="fmt",
        choices=[fmt.value for fmt in ExportFormat],
        default=ExportFormat.PDF.value,
        help=_("filformat (standard: pdf)"),
    )
    export.add_argument(
        "--out",
        type=Path,
        metavar=_("SÖKVÄG"),
        help=_("fil eller mapp att skriva till (standard: mappen exports i datamappen)"),
    )
    export.add_argument(
        "--version",
        dest="draft_version",
        type=int,
        metavar="N",
        help=_("vilken version (standard: den senaste)"),
    )
    add_demo_flag(export)
    add_actor_flag(export)
    export.set_defaults(run=run_export)


def _open(context: CliContext, *, demo: bool) -> Repository:
    database = existing_database(context, demo=demo)
    key = unit_passphrase(context, demo=demo)
    # kartlagg may be open in another window: this only reads and adds the export's audit entry
    return Repository.open(database, key=key, shared=True)


def run_export(context: CliContext, args: argparse.Namespace) -> int:
    """Run ``kartlagg export`` and return the exit code."""
    locations, output = context.locations, context.output
    unit = DEMO_UNIT if args.demo else context.settings.unit
    with _open(context, demo=args.demo) as repository:
        listing = repository.draft_listing()
        if args.kartlaggning is None:
            _print_listing(listing, output)
            return EXIT_OK
        chosen = _find(listing, args.kartlaggning, context.today())
        record = repository.load(chosen.kartlaggning_id)
        if record is None:
            raise Refused(_("kartläggningen finns inte längre i databasen."))
        library = BankLibrary.discover(context.bank_folders)
        bank = library.banks.get(record.kartlaggning.bank_id) or library.banks.get(DEFAULT_BANK)
        if bank is None:
            raise Refused(_("ingen frågebank hittades. Kör 'kartlagg bank check'."))
        drafts = Drafts(record, bank, repository, context.clock, unit=unit)
        version = None
        if args.draft_version is not None:
            version = next((v for v in drafts.versions if v.version == args.draft_version), None)
            if version is None:
                raise Refused(
                    _("version {number} finns inte. Det finns {count} sparade versioner.").format(
                        number=args.draft_version, count=len(drafts.versions)
                    )
                )
        chosen_version = version or drafts.current
        fmt = ExportFormat(args.fmt)
        path = export_draft(drafts, fmt, version=version, path=args.out, folder=locations.exports)
        event = export_event(chosen_version, fmt, actor_name(args), context.now())
        try:
            repository.record(event)
        except StorageError:
            path.unlink(missing_ok=True)  # no export without its audit entry
            raise
    output.line(_("Sparad: {path}").format(path=path))
    status = chosen_version.status.label
    line = _("Version {number} ({status}).").format(number=chosen_version.version, status=status)
    if chosen_version.sha256:
        line += " " + _("Kontrollsumma (SHA-256): {hash}").format(hash=chosen_version.sha256)
    output.line(line)
    return EXIT_OK


def _masked(personnummer: str | None) -> str:
    return IdentityNumber(personnummer).masked() if personnummer else "–"


def _print_listing(listing: list[DraftListing], output: Output) -> None:
    if not listing:
        output.line(_("Det finns inga kartläggningar i databasen."))
        return
    for row in listing:
        version = str(row.version) if row.version is not None else "–"
        status = row.status.label
        if row.changed_after_signing:
            status += " · " + _("ändrat efter underskrift")
        output.line(
            f"{row.kartlaggning_id[:SHORT_ID]}  {row.participant_name}  "
            f"{_masked(row.personnummer)}  v{version}  {status}"
        )


def _find(listing: list[DraftListing], wanted: str, today: date) -> DraftListing:
    try:
        number = parse(wanted, today).digits
    except PersonnummerError:
        number = None
    if number is not None:
        rows = [row for row in listing if row.personnummer == number]
        if not rows:
            raise Refused(_("ingen kartläggning har det personnumret."))
        return max(rows, key=lambda row: row.started_at)
    prefix = wanted.strip().casefold()
    if len(prefix) < MIN_PREFIX:
        raise Refused(_("skriv minst {count} tecken av id:t.").format(count=MIN_PREFIX))
    rows = [row for row in listing if row.kartlaggning_id.startswith(prefix)]
    if not rows:
        raise Refused(
            _("ingen kartläggning har ett id som börjar med {prefix!r}.").format(prefix=wanted)
        )
    if len(rows) > 1:
        raise Refused(_("flera kartläggningar passar. Skriv fler tecken av id:t."))
    return rows[0]
