"""Moving between areas, and answering or skipping the current question."""

from __future__ import annotations

from interview.banks.models import Area
from interview.engine.checks import valid_answer
from interview.engine.errors import InterviewError
from interview.engine.state import InterviewState
from interview.engine.views import CurrentQuestion
from interview.i18n import _
from interview.records import Cursor, Exchange, Session, Source


class Answering(InterviewState):
    """The question order: the next area, a jump, and recording an answer or a skip."""

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
        return self._record(session, current, valid_answer(text, current.question))

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
