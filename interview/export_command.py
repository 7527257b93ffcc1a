"""``kartlagg export``: write a sammanställning to PDF, Word, HTML or Markdown from the command line.

Without a kartläggning it lists them (short id, name, masked personnummer, version, status). A
kartläggning is named by the start of its id or by the participant's personnummer (their latest
kartläggning). The unit's database is used, or the demo database with ``--demo``.
"""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TextIO

from interview.banks.loader import BankLibrary
from interview.commands import (
    EXIT_FAILED,
    EXIT_OK,
    Refused,
    actor_name,
    add_actor_flag,
    add_demo_flag,
    existing_database,
    unit_passphrase,
)
from interview.documents.formats import ExportFormat
from interview.draft.export import export_draft, export_event
from interview.draft.models import DraftListing
from interview.draft.workflow import Drafts
from interview.errors import UserError
from interview.i18n import _
from interview.paths import Locations
from interview.personnummer import IdentityNumber, PersonnummerError, parse
from interview.settings import DEMO_UNIT, read_settings
from storage import Repository, StorageError

SHORT_ID = 8
MIN_PREFIX = 4
DEFAULT_BANK = "sassam"


def add_export_parser(commands: Any) -> None:
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


def run_export(locations: Locations, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``kartlagg export`` and return the exit code."""
    try:
        return _run(locations, args, out)
    except UserError as error:
        err.write(_("kartlagg export: {message}").format(message=error) + "\n")
        return EXIT_FAILED


def _open(locations: Locations, *, demo: bool) -> Repository:
    database = existing_database(locations, demo=demo)
    key = unit_passphrase(demo=demo)
    # kartlagg may be open in another window: this only reads and adds the export's audit entry
    return Repository.open(database, key=key, shared=True)


def _run(locations: Locations, args: argparse.Namespace, out: TextIO) -> int:
    unit = DEMO_UNIT if args.demo else read_settings(locations.config_file).unit
    with _open(locations, demo=args.demo) as repository:
        listing = repository.draft_listing()
        if args.kartlaggning is None:
            _print_listing(listing, out)
            return EXIT_OK
        chosen = _find(listing, args.kartlaggning)
        record = repository.load(chosen.kartlaggning_id)
        if record is None:
            raise Refused(_("kartläggningen finns inte längre i databasen."))
        library = BankLibrary.discover([locations.shipped_banks, locations.user_banks])
        bank = library.banks.get(record.kartlaggning.bank_id) or library.banks.get(DEFAULT_BANK)
        if bank is None:
            raise Refused(_("ingen frågebank hittades. Kör 'kartlagg bank check'."))
        from interview.clock import system_clock  # noqa: PLC0415 - only this path needs it

        drafts = Drafts(record, bank, repository, system_clock, unit=unit)
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
        event = export_event(chosen_version, fmt, actor_name(args), datetime.now(UTC))
        try:
            repository.record(event)
        except StorageError:
            path.unlink(missing_ok=True)  # no export without its audit entry
            raise
    out.write(_("Sparad: {path}").format(path=path) + "\n")
    status = chosen_version.status.label
    out.write(_("Version {number} ({status}).").format(number=chosen_version.version, status=status))
    if chosen_version.sha256:
        out.write(" " + _("Kontrollsumma (SHA-256): {hash}").format(hash=chosen_version.sha256))
    out.write("\n")
    return EXIT_OK


def _masked(personnummer: str | None) -> str:
    return IdentityNumber(personnummer).masked() if personnummer else "–"


def _print_listing(listing: list[DraftListing], out: TextIO) -> None:
    if not listing:
        out.write(_("Det finns inga kartläggningar i databasen.") + "\n")
        return
    for row in listing:
        version = str(row.version) if row.version is not None else "–"
        status = row.status.label
        if row.changed_after_signing:
            status += " · " + _("ändrat efter underskrift")
        out.write(
            f"{row.kartlaggning_id[:SHORT_ID]}  {row.participant_name}  "
            f"{_masked(row.personnummer)}  v{version}  {status}\n"
        )


def _find(listing: list[DraftListing], wanted: str) -> DraftListing:
    try:
        number = parse(wanted, date.today()).digits
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
