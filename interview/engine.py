"""The interview engine: where the kartläggning stands and what happens on each step.

Plain Python over the bank and the records. Every change is written through an
:class:`~interview.store.InterviewStore` first and applied to the in-memory state only after the store
has committed it, so what the engine reports as saved is on disk. Time comes from an injected clock.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from interview.banks.models import MOTIVATION_ROLES, Area, Bank, Question, QuestionKind, Register
from interview.clock import Clock
from interview.errors import UserError
from interview.i18n import _
from interview.languages import is_known
from interview.records import (
    Action,
    Cursor,
    Exchange,
    Kartlaggning,
    KartlaggningRecord,
    Participant,
    PendingQuestion,
    Revision,
    Session,
    Source,
    Tag,
    TagChange,
    TolkRecord,
)
from interview.store import InterviewStore
from interview.text import clean_input

SESSION_WARNING = timedelta(minutes=50)
SESSION_LIMIT = timedelta(minutes=60)
MAX_ANSWER_CHARS = 200_000
MAX_QUESTION_CHARS = 2_000
MAX_NOTE_CHARS = 2_000
MAX_ACTION_CHARS = 1_000
MAX_RESPONSIBLE_CHARS = 200
MIN_TIME_FRAME_MINUTES = 5
MAX_TIME_FRAME_MINUTES = 60
_SCALE = re.compile(r"^\s*(10|[0-9])(?![0-9])")


class InterviewError(UserError):
    """A step that cannot be taken now; ``str(error)`` tells the user why, in Swedish."""


class ClockState(StrEnum):
    """How a session stands against the one-hour frame."""

    RUNNING = "running"
    WARNING = "warning"
    """50 minutes have passed: time to start rounding off."""
    LIMIT = "limit"
    """60 minutes have passed: the session should end (nobody is cut off)."""


@dataclass(frozen=True)
class SessionClock:
    """Elapsed time of the open session and its state."""

    elapsed: timedelta
    state: ClockState


@dataclass(frozen=True)
class CurrentQuestion:
    """The question to ask now."""

    area: Area
    source: Source
    question: Question | None
    """The bank question (None for the caseworker's own follow-up)."""
    text: str
    parent_id: str | None = None


@dataclass(frozen=True)
class AreaCoverage:
    """How far an area has come."""

    area_id: str
    openings: int
    asked: int
    """Opening questions answered or skipped."""
    answered: int
    """Answers of any kind (openings, probes, own follow-ups)."""
    skipped: int
    hinder: int
    resurs: int
    fakta: int
    untagged: int

    @property
    def started(self) -> bool:
        """True once anything in the area was answered or skipped."""
        return self.answered > 0 or self.skipped > 0

    @property
    def complete(self) -> bool:
        """True when every opening question was answered or skipped."""
        return self.asked >= self.openings


@dataclass(frozen=True)
class Motivation:
    """The motivationskors: the answers given to each motivation question, and the two scales."""

    answers: dict[str, tuple[Exchange, ...]]
    """For each role of ``MOTIVATION_ROLES``: the answers to the bank question with that role, and
    the answered probes and own follow-ups of those answers, in the order they were given."""
    question_ids: dict[str, str]
    """For each role: the id of the bank question carrying it (to ask it with ``ask_bank``)."""
    importance: int | None
    """The number (0–10) that starts the latest answer to the importance scale, if any."""
    confidence: int | None
    """The number (0–10) that starts the latest answer to the confidence scale, if any."""

    def latest(self, role: str) -> Exchange | None:
        """Return the latest answer to the bank question with ``role`` (follow-ups not counted)."""
        return _latest_answer(self.answers.get(role, ()), self.question_ids.get(role))


@dataclass(frozen=True)
class Recap:
    """What the last ended session covered and where the next one starts."""

    session: Session
    """The last ended session."""
    areas: tuple[str, ...]
    """The ids of the areas talked about in that session, in the bank's order."""
    answered: int
    """Answers given in that session (skipped questions not counted)."""
    hinder: int
    """Answers of that session tagged hinder now."""
    resurs: int
    """Answers of that session tagged resurs now."""
    next_area_id: str
    """The area the interview stands in now."""
    next_question: str | None
    """The wording of the question to ask now, in the current register (None if the area is done)."""


class Interview:
    """One kartläggning in progress: the state, and the steps that change it."""

    def __init__(
        self, bank: Bank, record: KartlaggningRecord, store: InterviewStore, clock: Clock
    ) -> None:
        """Rebuild the interview from ``record`` (as loaded from storage)."""
        self.bank = bank
        self._store = store
        self._clock = clock
        self.participant = record.participant
        self.kartlaggning = record.kartlaggning
        self._sessions = list(record.sessions)
        self._exchanges = sorted(record.exchanges, key=lambda exchange: exchange.seq)
        cursor = record.cursor
        known_areas = {area.id for area in bank.areas}
        if cursor is None or cursor.area_id not in known_areas:
            cursor = Cursor(area_id=bank.areas[0].id, updated_at=clock())
        self._cursor = cursor
        self._actions = sorted(record.actions, key=lambda action: action.position)

    # ----------------------------------------------------------------------------- creation

    @classmethod
    def begin(
        cls,
        bank: Bank,
        participant: Participant,
        store: InterviewStore,
        clock: Clock,
        created_by: str,
    ) -> Interview:
        """Start a new kartläggning of ``participant`` with ``bank`` and store it."""
        now = clock()
        kartlaggning = Kartlaggning(
            participant_id=participant.id, bank_id=bank.id, created_at=now, created_by=created_by
        )
        cursor = Cursor(area_id=bank.areas[0].id, updated_at=now)
        store.add_kartlaggning(kartlaggning, cursor)
        record = KartlaggningRecord(participant=participant, kartlaggning=kartlaggning, cursor=cursor)
        return cls(bank, record, store, clock)

    def snapshot(self) -> KartlaggningRecord:
        """Return the whole state as a record (equal to what storage holds)."""
        return KartlaggningRecord(
            participant=self.participant,
            kartlaggning=self.kartlaggning,
            sessions=tuple(self._sessions),
            exchanges=tuple(self._exchanges),
            cursor=self._cursor,
            actions=tuple(self._actions),
        )

    # ----------------------------------------------------------------------------- sessions

    @property
    def sessions(self) -> tuple[Session, ...]:
        """All sessions so far, oldest first."""
        return tuple(self._sessions)

    @property
    def session(self) -> Session | None:
        """The open session, if one is running."""
        if self._sessions and self._sessions[-1].ended_at is None:
            return self._sessions[-1]
        return None

    def start_session(
        self,
        caseworker: str,
        register: Register = Register.STANDARD,
        *,
        tolk: bool = False,
        time_frame_minutes: int = 60,
        language: str | None = None,
        tolk_record: TolkRecord | None = None,
    ) -> Session:
        """Start a new session of ``time_frame_minutes`` (5–60); an open one must be ended first."""
        if self.session is not None:
            raise InterviewError(_("Ett samtal pågår redan. Avsluta det innan du startar ett nytt."))
        name = clean_input(caseworker).strip()
        if not name:
            raise InterviewError(_("Skriv handläggarens namn."))
        if not MIN_TIME_FRAME_MINUTES <= time_frame_minutes <= MAX_TIME_FRAME_MINUTES:
            raise InterviewError(
                _(
                    "Ett samtal är högst {limit} minuter. Välj mellan {least} och {limit} minuter."
                ).format(least=MIN_TIME_FRAME_MINUTES, limit=MAX_TIME_FRAME_MINUTES)
            )
        session = Session(
            kartlaggning_id=self.kartlaggning.id,
            number=len(self._sessions) + 1,
            started_at=self._clock(),
            caseworker=name,
            reading_register=register,
            tolk=tolk or tolk_record is not None,
            time_frame_minutes=time_frame_minutes,
            language=_reading_language(language),
            tolk_record=_valid_tolk(tolk_record),
        )
        self._store.start_session(session)
        self._sessions.append(session)
        return session

    def end_session(self, next_meeting: date | None = None, note: str | None = None) -> Session:
        """End the open session, with the date of the next meeting and a note on what is left.

        The note is stored without surrounding whitespace; an empty note is no note. The next meeting
        cannot be before today (the local date of the clock's time).
        """
        session = self._require_session()
        ended_at = self._clock()
        end_note = clean_input(note).strip() if note is not None else ""
        if len(end_note) > MAX_NOTE_CHARS:
            raise InterviewError(
                _("Anteckningen är för lång (högst {limit} tecken).").format(limit=MAX_NOTE_CHARS)
            )
        if next_meeting is not None and next_meeting < ended_at.astimezone().date():
            raise InterviewError(_("Nästa träff kan inte vara före i dag. Välj ett senare datum."))
        self._store.end_session(session.id, ended_at, next_meeting, end_note or None)
        ended = session.model_copy(
            update={"ended_at": ended_at, "next_meeting": next_meeting, "end_note": end_note or None}
        )
        self._sessions[-1] = ended
        return ended

    def session_clock(self) -> SessionClock | None:
        """Return the open session's elapsed time and whether it is near or past its time frame.

        The limit is the time frame told at the start (never more than an hour); the calm warning
        comes ten minutes before it (a fifth of the frame for frames under 50 minutes).
        """
        session = self.session
        if session is None:
            return None
        elapsed = self._clock() - session.started_at
        limit = min(SESSION_LIMIT, timedelta(minutes=session.time_frame_minutes))
        warning = limit - min(SESSION_LIMIT - SESSION_WARNING, limit / 5)
        if elapsed >= limit:
            state = ClockState.LIMIT
        elif elapsed >= warning:
            state = ClockState.WARNING
        else:
            state = ClockState.RUNNING
        return SessionClock(elapsed=elapsed, state=state)

    def _require_session(self) -> Session:
        session = self.session
        if session is None:
            raise InterviewError(_("Starta ett samtal först."))
        return session

    @property
    def register(self) -> Register:
        """The register of the open (or last) session."""
        return self._sessions[-1].reading_register if self._sessions else Register.STANDARD

    @property
    def language(self) -> str | None:
        """The participant's reading language of the open (or last) session; None: Swedish only."""
        return self._sessions[-1].language if self._sessions else None

    def set_language(self, language: str | None) -> Session:
        """Show the questions in ``language`` beside the Swedish from now on (None: Swedish only).

        It takes effect at once, also for the question being asked; nothing asked or answered changes
        (the record keeps the Swedish wording).
        """
        session = self._require_session()
        return self._set_reading(session, _reading_language(language), session.reading_register)

    def set_register(self, register: Register) -> Session:
        """Ask in ``register`` (standard or lättläst Swedish) from now on, the current question too."""
        session = self._require_session()
        return self._set_reading(session, session.language, register)

    def _set_reading(self, session: Session, language: str | None, register: Register) -> Session:
        self._store.set_reading(session.id, language, register, self._clock())
        updated = session.model_copy(update={"language": language, "reading_register": register})
        self._sessions[-1] = updated
        if self._cursor.pending is not None and self._cursor.pending.question_id is not None:
            # a chosen probe is worded in the new register too
            question = self._bank_question(self._cursor.pending.question_id)
            if question is not None:
                pending = self._cursor.pending.model_copy(update={"text": question.text(register)})
                self._move(self._cursor.area_id, pending)
        return updated

    def set_tolk(self, tolk_record: TolkRecord | None) -> Session:
        """Record who interprets the open session (None: no tolk)."""
        session = self._require_session()
        record = _valid_tolk(tolk_record)
        self._store.set_tolk(session.id, record, self._clock())
        updated = session.model_copy(update={"tolk": record is not None, "tolk_record": record})
        self._sessions[-1] = updated
        return updated

    # ----------------------------------------------------------------------------- position

    @property
    def exchanges(self) -> tuple[Exchange, ...]:
        """Every question asked so far, in order."""
        return tuple(self._exchanges)

    def exchange(self, exchange_id: str) -> Exchange:
        """Return the exchange ``exchange_id``."""
        for exchange in self._exchanges:
            if exchange.id == exchange_id:
                return exchange
        raise InterviewError(_("Svaret finns inte."))

    @property
    def current_area(self) -> Area:
        """The area being talked about."""
        return self.bank.area(self._cursor.area_id)

    @property
    def cursor(self) -> Cursor:
        """The stored position."""
        return self._cursor

    def _asked_bank_ids(self) -> set[str]:
        return {
            exchange.question_id
            for exchange in self._exchanges
            if exchange.source is Source.BANK and exchange.question_id
        }

    @property
    def current(self) -> CurrentQuestion | None:
        """The question to ask now, or None when the current area's questions are done."""
        area = self.current_area
        pending = self._cursor.pending
        if pending is not None:
            question = self._bank_question(pending.question_id)
            return CurrentQuestion(
                area=area,
                source=pending.source,
                question=question,
                text=question.text(self.register) if question else pending.text,
                parent_id=pending.parent_id,
            )
        asked = self._asked_bank_ids()
        for question in area.openings:
            if question.id not in asked:
                return CurrentQuestion(
                    area=area,
                    source=Source.BANK,
                    question=question,
                    text=question.text(self.register),
                )
        return None

    def _move(self, area_id: str, pending: PendingQuestion | None = None) -> None:
        cursor = Cursor(area_id=area_id, pending=pending, updated_at=self._clock())
        self._store.save_cursor(self.kartlaggning.id, cursor)
        self._cursor = cursor

    def next_area(self) -> Area | None:
        """Move to the next area in the bank's order; None (and no move) after the last."""
        following = self.bank.next_area(self._cursor.area_id)
        if following is not None:
            self._move(following.id)
        return following

    def jump(self, area_id: str) -> Area:
        """Move to ``area_id``; a chosen follow-up that was not asked is dropped."""
        try:
            area = self.bank.area(area_id)
        except KeyError:
            raise InterviewError(_("Området finns inte i frågebanken.")) from None
        self._move(area.id)
        return area

    # ----------------------------------------------------------------------------- answering

    def answer(self, text: str) -> Exchange:
        """Save ``text`` as the answer to the current question; return it once it is stored."""
        session = self._require_session()
        current = self.current
        if current is None:
            raise InterviewError(
                _(
                    "Alla frågor i området är ställda. Gå vidare till nästa område eller ställ en "
                    "egen följdfråga."
                )
            )
        return self._record(session, current, _valid_answer(text, current.question))

    def skip(self) -> Exchange | None:
        """Skip the current question.

        A bank question is recorded as skipped (so coverage shows it); a chosen follow-up, or an
        opening question chosen again with :meth:`ask_bank` after it was already asked, is simply
        dropped and None is returned.
        """
        session = self._require_session()
        current = self.current
        if current is None:
            raise InterviewError(_("Det finns ingen fråga att hoppa över i det här området."))
        asked_before = (
            self._cursor.pending is not None
            and current.question is not None
            and current.question.id in self._asked_bank_ids()
        )
        if current.source is not Source.BANK or asked_before:
            self._move(self._cursor.area_id)
            return None
        return self._record(session, current, None)

    def _record(self, session: Session, current: CurrentQuestion, answer: str | None) -> Exchange:
        """Store ``current`` with its answer (None: skipped) and clear any chosen follow-up."""
        now = self._clock()
        exchange = Exchange(
            kartlaggning_id=self.kartlaggning.id,
            session_id=session.id,
            seq=self._next_seq(),
            area_id=current.area.id,
            question_id=current.question.id if current.question else None,
            source=current.source,
            question_text=current.text,
            parent_id=current.parent_id,
            asked_at=now,
            skipped=answer is None,
            answer=answer,
            answered_at=now if answer is not None else None,
            answered_by=session.caseworker if answer is not None else None,
        )
        cursor = Cursor(area_id=self._cursor.area_id, updated_at=now)
        self._store.save_exchange(exchange, cursor)
        self._exchanges.append(exchange)
        self._cursor = cursor
        return exchange

    def _next_seq(self) -> int:
        return self._exchanges[-1].seq + 1 if self._exchanges else 1

    # ----------------------------------------------------------------------------- follow-ups

    def _last_answer(self) -> Exchange | None:
        for exchange in reversed(self._exchanges):
            if not exchange.skipped:
                return exchange
        return None

    def _root(self, exchange: Exchange) -> Exchange:
        return self.exchange(exchange.parent_id) if exchange.parent_id else exchange

    def offered_probes(self) -> tuple[Question, ...]:
        """Return the probes to offer after the latest answer, the most fitting first.

        They are the current area's hinder and resurs probes not yet asked about the same opening
        answer. An answer tagged *hinder* puts the hinder probes first; *resurs*, the resurs probes.
        """
        last = self._last_answer()
        area = self.current_area
        if last is None or last.area_id != area.id or not area.group.has_probes:
            return ()
        root = self._root(last)
        asked = {
            exchange.question_id
            for exchange in self._exchanges
            if exchange.parent_id == root.id and exchange.source is Source.PROBE
        }
        probes = [question for question in area.probes if question.id not in asked]
        if last.tag is Tag.RESURS:
            probes.sort(key=lambda question: question.kind is not QuestionKind.RESURS)
        else:
            probes.sort(key=lambda question: question.kind is not QuestionKind.HINDER)
        return tuple(probes)

    def ask_probe(self, question_id: str) -> CurrentQuestion:
        """Make the offered probe ``question_id`` the current question."""
        self._require_session()
        offered = {question.id: question for question in self.offered_probes()}
        question = offered.get(question_id)
        last = self._last_answer()
        if question is None or last is None:
            raise InterviewError(_("Den följdfrågan går inte att välja just nu."))
        pending = PendingQuestion(
            source=Source.PROBE,
            area_id=self.current_area.id,
            question_id=question.id,
            text=question.text(self.register),
            parent_id=self._root(last).id,
        )
        self._move(self.current_area.id, pending)
        current = self.current
        assert current is not None
        return current

    def ask_bank(self, question_id: str) -> CurrentQuestion:
        """Make any question of the bank the current question, moving to its area.

        This re-asks a skipped (or answered) question, or asks one out of order. An opening question
        asked again and answered simply adds another answer. A probe follows up the latest answer in
        its area, if there is one.
        """
        self._require_session()
        try:
            area, question = self.bank.question(question_id)
        except KeyError:
            raise InterviewError(_("Frågan finns inte i frågebanken.")) from None
        if question.kind.is_probe:
            latest = self._last_answer_in(area.id)
            source = Source.PROBE
            parent = self._root(latest).id if latest is not None else None
        else:
            source = Source.BANK
            parent = None
        pending = PendingQuestion(
            source=source,
            area_id=area.id,
            question_id=question.id,
            text=question.text(self.register),
            parent_id=parent,
        )
        self._move(area.id, pending)
        current = self.current
        assert current is not None
        return current

    def _last_answer_in(self, area_id: str) -> Exchange | None:
        for exchange in reversed(self._exchanges):
            if exchange.area_id == area_id and not exchange.skipped:
                return exchange
        return None

    def ask_own(self, text: str) -> CurrentQuestion:
        """Make the caseworker's own follow-up question ``text`` the current question."""
        self._require_session()
        cleaned = clean_input(text).strip()
        if not cleaned:
            raise InterviewError(_("Skriv följdfrågan först."))
        if len(cleaned) > MAX_QUESTION_CHARS:
            raise InterviewError(
                _("Frågan är för lång (högst {limit} tecken).").format(limit=MAX_QUESTION_CHARS)
            )
        last = self._last_answer()
        parent = self._root(last).id if last and last.area_id == self.current_area.id else None
        pending = PendingQuestion(
            source=Source.OWN,
            area_id=self.current_area.id,
            question_id=None,
            text=cleaned,
            parent_id=parent,
        )
        self._move(self.current_area.id, pending)
        current = self.current
        assert current is not None
        return current

    # ----------------------------------------------------------------------------- changes

    def tag(self, exchange_id: str, tag: Tag | None) -> Exchange:
        """Tag an answer as hinder, resurs or fakta (None removes the tag)."""
        exchange = self.exchange(exchange_id)
        if exchange.skipped:
            raise InterviewError(_("Frågan hoppades över och har inget svar att märka."))
        if exchange.tag is tag:
            return exchange
        change = TagChange(tag=tag, set_at=self._clock(), set_by=self._author())
        self._store.set_tag(exchange.id, change)
        updated = exchange.model_copy(update={"tags": (*exchange.tags, change)})
        self._replace(updated)
        return updated

    def edit(self, exchange_id: str, text: str) -> Exchange:
        """Change an earlier answer; the earlier text is kept as a revision."""
        exchange = self.exchange(exchange_id)
        if exchange.skipped or exchange.answer is None:
            raise InterviewError(_("Frågan hoppades över och har inget svar att ändra."))
        cleaned = _valid_answer(text, self._bank_question(exchange.question_id))
        if cleaned == exchange.answer:
            return exchange
        now = self._clock()
        author = self._author()
        self._store.revise_answer(exchange.id, cleaned, exchange.revision + 1, now, author)
        earlier = Revision(
            revision=exchange.revision,
            text=exchange.answer,
            saved_at=exchange.answered_at or now,
            saved_by=exchange.answered_by or author,
        )
        updated = exchange.model_copy(
            update={
                "answer": cleaned,
                "revision": exchange.revision + 1,
                "answered_at": now,
                "answered_by": author,
                "revisions": (*exchange.revisions, earlier),
            }
        )
        self._replace(updated)
        return updated

    def _bank_question(self, question_id: str | None) -> Question | None:
        """Return the bank's question ``question_id``; None for own questions or ids the bank lacks."""
        if question_id is None:
            return None
        try:
            return self.bank.question(question_id)[1]
        except KeyError:
            return None

    def _author(self) -> str:
        if self._sessions:
            return self._sessions[-1].caseworker
        return self.kartlaggning.created_by

    def _replace(self, updated: Exchange) -> None:
        for index, exchange in enumerate(self._exchanges):
            if exchange.id == updated.id:
                self._exchanges[index] = updated
                return

    # ----------------------------------------------------------------------------- åtgärder

    @property
    def actions(self) -> tuple[Action, ...]:
        """The åtgärder agreed so far, by position."""
        return tuple(self._actions)

    def action(self, action_id: str) -> Action:
        """Return the åtgärd ``action_id``."""
        for action in self._actions:
            if action.id == action_id:
                return action
        raise InterviewError(_("Åtgärden finns inte."))

    def add_action(self, what: str, who: str, due: date | None) -> Action:
        """Add an åtgärd at the end of the list: what must happen, who is responsible, by when."""
        cleaned_what, cleaned_who = _valid_action(what, who)
        now = self._clock()
        position = self._actions[-1].position + 1 if self._actions else 1
        action = Action(
            kartlaggning_id=self.kartlaggning.id,
            position=position,
            what=cleaned_what,
            who=cleaned_who,
            due=due,
            created_at=now,
            updated_at=now,
            updated_by=self._author(),
        )
        self._store.save_action(action)
        self._actions.append(action)
        return action

    def update_action(self, action_id: str, what: str, who: str, due: date | None) -> Action:
        """Change an åtgärd's text, responsible person or date; it keeps its place in the list."""
        action = self.action(action_id)
        cleaned_what, cleaned_who = _valid_action(what, who)
        if (cleaned_what, cleaned_who, due) == (action.what, action.who, action.due):
            return action
        updated = action.model_copy(
            update={
                "what": cleaned_what,
                "who": cleaned_who,
                "due": due,
                "updated_at": self._clock(),
                "updated_by": self._author(),
            }
        )
        self._store.save_action(updated)
        self._actions = [updated if item.id == action.id else item for item in self._actions]
        return updated

    def remove_action(self, action_id: str) -> None:
        """Remove an åtgärd from the list (storage keeps it, marked as removed)."""
        action = self.action(action_id)
        self._store.remove_action(action.id, self._clock(), self._author())
        self._actions = [item for item in self._actions if item.id != action.id]

    # ----------------------------------------------------------------------------- overview

    def motivation(self) -> Motivation:
        """Return the motivationskors: the answers for each motivation role and the two scales."""
        return motivation_of(self.bank, self._exchanges)

    def recap(self) -> Recap | None:
        """Return what the last ended session covered and where to go on; None before any ended."""
        ended = [session for session in self._sessions if session.ended_at is not None]
        if not ended:
            return None
        session = ended[-1]
        in_session = [exchange for exchange in self._exchanges if exchange.session_id == session.id]
        area_ids = {exchange.area_id for exchange in in_session}
        answered = [exchange for exchange in in_session if not exchange.skipped]
        current = self.current
        return Recap(
            session=session,
            areas=tuple(area.id for area in self.bank.areas if area.id in area_ids),
            answered=len(answered),
            hinder=sum(1 for exchange in answered if exchange.tag is Tag.HINDER),
            resurs=sum(1 for exchange in answered if exchange.tag is Tag.RESURS),
            next_area_id=self._cursor.area_id,
            next_question=current.text if current is not None else None,
        )

    def coverage(self) -> list[AreaCoverage]:
        """Return how far each area of the bank has come, in the bank's order."""
        result = []
        for area in self.bank.areas:
            in_area = [exchange for exchange in self._exchanges if exchange.area_id == area.id]
            opening_ids = {question.id for question in area.openings}
            asked = {
                exchange.question_id
                for exchange in in_area
                if exchange.source is Source.BANK and exchange.question_id in opening_ids
            }
            answered = [exchange for exchange in in_area if not exchange.skipped]
            tags = [exchange.tag for exchange in answered]
            result.append(
                AreaCoverage(
                    area_id=area.id,
                    openings=len(opening_ids),
                    asked=len(asked),
                    answered=len(answered),
                    skipped=sum(1 for exchange in in_area if exchange.skipped),
                    hinder=tags.count(Tag.HINDER),
                    resurs=tags.count(Tag.RESURS),
                    fakta=tags.count(Tag.FAKTA),
                    untagged=tags.count(None),
                )
            )
        return result


def motivation_of(bank: Bank, exchanges: Sequence[Exchange]) -> Motivation:
    """Return the motivationskors found in ``exchanges``: answers per motivation role and the scales.

    A pure function over the records, shared by the engine and the sammanställning's composer.
    """
    question_ids: dict[str, str] = {}
    for area in bank.areas:
        for question in area.questions:
            role = question.role
            if role is not None and role in MOTIVATION_ROLES and role not in question_ids:
                question_ids[role] = question.id
    roles = {question_id: role for role, question_id in question_ids.items()}
    answers: dict[str, list[Exchange]] = {role: [] for role in MOTIVATION_ROLES}
    role_of_exchange: dict[str, str] = {}
    for exchange in exchanges:
        found: str | None = None
        if exchange.source is Source.BANK and exchange.question_id in roles:
            found = roles[exchange.question_id]
            role_of_exchange[exchange.id] = found
        elif exchange.parent_id is not None:
            found = role_of_exchange.get(exchange.parent_id)
        if found is not None and not exchange.skipped:
            answers[found].append(exchange)
    scales = {
        role: _scale_value(_latest_answer(answers[role], question_ids.get(role)))
        for role in ("importance", "confidence")
    }
    return Motivation(
        answers={role: tuple(given) for role, given in answers.items()},
        question_ids=question_ids,
        importance=scales["importance"],
        confidence=scales["confidence"],
    )


def _reading_language(tag: str | None) -> str | None:
    """Check a reading language: None or ``sv`` is Swedish only; an unknown tag is refused."""
    if tag is None or tag == "sv":
        return None
    if not is_known(tag):
        raise InterviewError(_("kartlagg känner inte till språket {tag!r}.").format(tag=tag))
    return tag


def _valid_tolk(record: TolkRecord | None) -> TolkRecord | None:
    if record is not None and (record.language == "sv" or not is_known(record.language)):
        raise InterviewError(_("Välj tolkens språk i listan."))
    return record


def _valid_answer(text: str, question: Question | None) -> str:
    cleaned = clean_input(text)
    if not cleaned.strip():
        raise InterviewError(_("Svaret är tomt. Skriv något eller hoppa över frågan."))
    if len(cleaned) > MAX_ANSWER_CHARS:
        raise InterviewError(
            _("Svaret är för långt ({count} tecken, högst {limit}). Dela upp det i flera svar.").format(
                count=len(cleaned), limit=MAX_ANSWER_CHARS
            )
        )
    if question is not None and question.is_scale and _SCALE.match(cleaned) is None:
        raise InterviewError(_("Börja svaret med en siffra från 0 till 10."))
    return cleaned


def _valid_action(what: str, who: str) -> tuple[str, str]:
    cleaned_what = clean_input(what).strip()
    cleaned_who = clean_input(who).strip()
    if not cleaned_what:
        raise InterviewError(_("Skriv vad som ska göras."))
    if len(cleaned_what) > MAX_ACTION_CHARS:
        raise InterviewError(
            _("Åtgärden är för lång (högst {limit} tecken).").format(limit=MAX_ACTION_CHARS)
        )
    if not cleaned_who:
        raise InterviewError(_("Skriv vem som är ansvarig."))
    if len(cleaned_who) > MAX_RESPONSIBLE_CHARS:
        raise InterviewError(
            _("Namnet på den som är ansvarig är för långt (högst {limit} tecken).").format(
                limit=MAX_RESPONSIBLE_CHARS
            )
        )
    return cleaned_what, cleaned_who


def _latest_answer(answers: Sequence[Exchange], question_id: str | None) -> Exchange | None:
    """Return the last of ``answers`` given to the bank question ``question_id`` itself."""
    if question_id is None:
        return None
    for exchange in reversed(answers):
        if exchange.question_id == question_id and exchange.source is Source.BANK:
            return exchange
    return None


def _scale_value(exchange: Exchange | None) -> int | None:
    match = _SCALE.match(exchange.answer or "") if exchange is not None else None
    return int(match.group(1)) if match is not None else None
