"""The app's link to the database: one thread that owns the repository and runs every store call.

SQLite connections belong to the thread that made them, and the UI must never wait on a disk write.
So the repository is opened, used and closed on a single worker thread, and the UI awaits each call
through :meth:`Backend.run`. Calls run one at a time in the order they were made, so two quick
submissions can never be saved out of order. This module does not import textual.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from interview.banks.models import Bank
from interview.banks.translations import BankTranslation, TranslationLibrary, translation_folders
from interview.clock import Clock
from interview.consent import Consent, WithdrawalChannel, check_new, withdraw
from interview.engine import Interview, InterviewError
from interview.i18n import _
from interview.participants import new_participant
from interview.passphrase import DEMO_PASSPHRASE
from interview.records import Kartlaggning, Participant
from interview.rtl import RtlMode
from interview.settings import DEFAULT_UNIT
from storage import Repository, StorageError, is_plain

if TYPE_CHECKING:
    # Types only: the sammanställning's modules load when first used, not at start-up.
    from interview.documents.formats import ExportFormat
    from interview.draft.models import DraftListing, DraftVersion
    from interview.draft.workflow import Drafts

T = TypeVar("T")
DEFAULT_BANK = "sassam"


class BankMissing(InterviewError):
    """No usable question bank was found."""

    def __str__(self) -> str:
        """Return the Swedish message."""
        return _("Ingen frågebank hittades. Kör 'kartlagg bank check' för att se vad som är fel.")


class Backend:
    """The repository on its own thread, and the bank and clock the interviews use."""

    def __init__(
        self,
        database: Path,
        bank_folders: list[Path],
        clock: Clock,
        *,
        demo: bool = False,
        unit: str = DEFAULT_UNIT,
        exports: Path | None = None,
        rtl_mode: RtlMode = RtlMode.VISUAL,
        passphrase: str | None = None,
    ) -> None:
        """Prepare to open ``database`` with the banks in ``bank_folders``; nothing is read yet.

        ``unit`` is the unit's name for the sammanställning; ``exports`` the folder exports go to
        (beside the database when not given).
        """
        self.database = database
        self.unit = unit
        self.exports = exports or database.parent / "exports"
        self.bank_folders = bank_folders
        self.banks: dict[str, Bank] = {}
        self.bank_errors: list[str] = []
        self.translations = TranslationLibrary()
        self.rtl_mode = rtl_mode
        self.passphrase = DEMO_PASSPHRASE if demo else passphrase
        """The key to the database: the demo's, or the one typed at the start (never stored)."""
        self.clock = clock
        self.demo = demo
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kartlagg-store")
        self._repository: Repository | None = None

    @property
    def repository(self) -> Repository:
        """The open repository; only to be used inside :meth:`run`."""
        if self._repository is None:
            msg = "the database is not open"
            raise RuntimeError(msg)
        return self._repository

    async def run(self, call: Callable[[], T]) -> T:
        """Run ``call`` on the store thread and return its result (or raise its error)."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, call)

    async def open(self) -> None:
        """Open (create, migrate and for the demo, fill) the database."""
        await self.run(self._open)

    @property
    def bank(self) -> Bank:
        """The bank new kartläggningar use: the unit's own version of SASSAM if it has one."""
        own = [bank for bank in self.banks.values() if bank.id != DEFAULT_BANK and bank.template]
        if own:
            return sorted(own, key=lambda bank: bank.id)[0]
        if DEFAULT_BANK in self.banks:
            return self.banks[DEFAULT_BANK]
        raise BankMissing

    def bank_for(self, kartlaggning: Kartlaggning) -> Bank:
        """Return the bank ``kartlaggning`` was started with (or the default one if it is gone)."""
        return self.banks.get(kartlaggning.bank_id) or self.bank

    def translation(self, bank: Bank, language: str | None) -> BankTranslation | None:
        """Return the translation of ``bank`` into ``language`` (a unit's bank: of what it extends)."""
        if language is None:
            return None
        exact = self.translations.get(bank.id, language)
        if exact is not None:
            return exact
        # A unit's own bank extends a shipped one: use the translation that knows most of its ids.
        ids = {question.id for area in bank.areas for question in area.questions}
        candidates = [
            translation
            for (bank_id, tag), translation in self.translations.translations.items()
            if tag == language and ids & set(translation.questions)
        ]
        return max(candidates, key=lambda item: len(ids & set(item.questions)), default=None)

    def reading_languages(self, bank: Bank) -> list[str]:
        """Return the languages ``bank`` can be shown in beside the Swedish."""
        from interview.languages import LANGUAGES

        return [item.tag for item in LANGUAGES if self.translation(bank, item.tag) is not None]

    def _open(self) -> None:
        from interview.banks.loader import BankLibrary

        library = BankLibrary.discover(self.bank_folders)
        self.banks = dict(library.banks)
        self.bank_errors = [str(error) for error in library.errors]
        self.translations = TranslationLibrary.discover(translation_folders(self.bank_folders))
        self.bank_errors += [str(error) for error in self.translations.errors]
        if self.passphrase is None:
            msg = "the passphrase is asked for before the database is opened"
            raise RuntimeError(msg)
        if self.demo and is_plain(self.database):
            # a demo database from before encryption: its data is invented, so start it anew
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.database}{suffix}").unlink(missing_ok=True)
        fresh = not self.database.exists()
        repository = Repository.open(self.database, key=self.passphrase)
        self._repository = repository
        if self.demo and fresh:
            from interview.clock import ManualClock
            from interview.demo import seed_demo

            # the demo's history lies in the past: it starts five weeks ago
            seed_demo(repository, self.bank, ManualClock(self.clock() - timedelta(weeks=5)))

    async def close(self) -> None:
        """Close the database and stop the thread."""
        if self._repository is not None:
            repository, self._repository = self._repository, None
            await self.run(repository.close)
        self._executor.shutdown(wait=True)

    # ----------------------------------------------------------------------------- reads

    async def participants(self) -> list[Participant]:
        """Every participant, as stored."""
        return await self.run(self._participants)

    def _participants(self) -> list[Participant]:
        return self.repository.participants()

    async def interviews(self, participant_id: str) -> list[Interview]:
        """Every kartläggning of ``participant_id``, rebuilt as interviews, oldest first."""

        def load() -> list[Interview]:
            interviews = []
            for kartlaggning in self.repository.kartlaggningar(participant_id):
                record = self.repository.load(kartlaggning.id)
                if record is not None:
                    bank = self.bank_for(record.kartlaggning)
                    interviews.append(Interview(bank, record, self.repository, self.clock))
            return interviews

        return await self.run(load)

    async def open_interview(self, kartlaggning: Kartlaggning) -> Interview:
        """Load ``kartlaggning`` and rebuild its interview."""

        def load() -> Interview:
            record = self.repository.load(kartlaggning.id)
            if record is None:
                raise InterviewError(_("Kartläggningen finns inte längre i databasen."))
            return Interview(self.bank_for(record.kartlaggning), record, self.repository, self.clock)

        return await self.run(load)

    async def latest_interview(self) -> Interview | None:
        """Return the kartläggning worked on most recently as an interview (None if there is none)."""

        def load() -> Interview | None:
            latest = self.repository.latest_kartlaggning()
            record = self.repository.load(latest.id) if latest else None
            if record is None:
                return None
            return Interview(self.bank_for(record.kartlaggning), record, self.repository, self.clock)

        return await self.run(load)

    # ----------------------------------------------------------------------------- writes

    async def add_participant(
        self, name: str, number: str | None, created_by: str, no_number_reason: str | None
    ) -> Participant:
        """Validate and store a new participant."""

        def add() -> Participant:
            participant = new_participant(name, number, self.clock, created_by, no_number_reason)
            self.repository.add_participant(participant)
            return participant

        return await self.run(add)

    async def begin_interview(self, participant: Participant, created_by: str) -> Interview:
        """Start and store a new kartläggning of ``participant``."""
        return await self.run(
            lambda: Interview.begin(self.bank, participant, self.repository, self.clock, created_by)
        )

    # ----------------------------------------------------------------------------- consent

    def today(self) -> date:
        """Return today's local date by the app's clock (what forms check dates against)."""
        return self.clock().astimezone().date()

    async def consents(self, participant_id: str) -> list[Consent]:
        """Every medgivande of ``participant_id``, oldest first (the last one counts)."""
        return await self.run(lambda: self.repository.consents(participant_id))

    async def add_consent(self, consent: Consent) -> Consent:
        """Check and store a new medgivande (:class:`~interview.consent.ConsentError` if refused)."""
        check_new(consent, self.today())
        await self.run(lambda: self.repository.add_consent(consent))
        return consent

    async def withdraw_consent(
        self, consent: Consent, withdrawn_on: date, how: WithdrawalChannel, by: str
    ) -> Consent:
        """Record the withdrawal of ``consent`` and return it withdrawn."""
        at = self.clock()
        withdrawn = withdraw(consent, withdrawn_on, how, by=by, at=at, today=self.today())
        await self.run(lambda: self.repository.withdraw_consent(consent.id, withdrawn_on, how, by, at))
        return withdrawn

    # ----------------------------------------------------------------------------- sammanställning

    async def draft_listing(self) -> list[DraftListing]:
        """Every kartläggning with the status of its sammanställning, newest change first."""
        return await self.run(self.repository.draft_listing)

    async def open_drafts(self, kartlaggning_id: str) -> Drafts:
        """Load the kartläggning and the versions of its sammanställning."""
        from interview.draft.workflow import Drafts

        def load() -> Drafts:
            record = self.repository.load(kartlaggning_id)
            if record is None:
                raise InterviewError(_("Kartläggningen finns inte längre i databasen."))
            bank = self.bank_for(record.kartlaggning)
            return Drafts(record, bank, self.repository, self.clock, unit=self.unit)

        return await self.run(load)

    async def export_draft(
        self,
        drafts: Drafts,
        version: DraftVersion | None,
        fmt: ExportFormat,
        path: Path | None = None,
    ) -> Path:
        """Write ``version`` of the sammanställning as ``fmt``; return the file's path.

        Rendering (a PDF takes about a second) runs on a thread of its own, so the store thread stays
        free for saving. Without ``path`` the file goes into the exports folder. Raises
        :class:`~interview.draft.export.ExportError` with a Swedish message.
        """
        from interview.draft.export import export_draft, export_event

        chosen = version or drafts.current
        written = await asyncio.to_thread(
            export_draft, drafts, fmt, version=chosen, path=path, folder=self.exports
        )
        sessions = drafts.record.sessions
        actor = sessions[-1].caseworker if sessions else chosen.updated_by
        event = export_event(chosen, fmt, actor, self.clock())
        try:
            await self.run(lambda: self.repository.record(event))
        except StorageError:
            written.unlink(missing_ok=True)  # no export without its audit entry
            raise
        return written
