"""Follow-ups: the probes offered after an answer, a bank question asked out of order, own questions."""

from __future__ import annotations

from interview.banks.models import Question, QuestionKind
from interview.engine.checks import valid_question
from interview.engine.errors import InterviewError
from interview.engine.state import InterviewState
from interview.engine.views import CurrentQuestion
from interview.i18n import _
from interview.karta.models import Column
from interview.records import Exchange, PendingQuestion, Source


class FollowUps(InterviewState):
    """Choosing the next question other than the bank's order: probes, any bank question, own ones."""

    def offered_probes(self) -> tuple[Question, ...]:
        """Return the probes to offer after the latest answer, the most fitting first.

        They are the current area's hinder and resurs probes not yet asked about the same opening
        answer. The column of the newest statement drawn from the answer decides which come first:
        *resurs* puts the resurs probes first, anything else the hinder probes. An answer without a
        statement on the karta is ordered by its tag (read-only history from before the karta).
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
        column = self._newest_column(last.id)
        if column is None and last.tag is not None:  # the tag is history, read while the UI sets it
            column = Column(last.tag.value)
        if column is Column.RESURS:
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
        return self._ask(self.current_area.id, pending)

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
        return self._ask(area.id, pending)

    def _last_answer_in(self, area_id: str) -> Exchange | None:
        for exchange in reversed(self._exchanges):
            if exchange.area_id == area_id and not exchange.skipped:
                return exchange
        return None

    def ask_own(self, text: str) -> CurrentQuestion:
        """Make the caseworker's own follow-up question ``text`` the current question."""
        self._require_session()
        cleaned = valid_question(text)
        last = self._last_answer()
        parent = self._root(last).id if last and last.area_id == self.current_area.id else None
        pending = PendingQuestion(
            source=Source.OWN,
            area_id=self.current_area.id,
            question_id=None,
            text=cleaned,
            parent_id=parent,
        )
        return self._ask(self.current_area.id, pending)
