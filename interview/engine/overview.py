"""The overview: the motivationskors, the recap of the last session and each area's coverage."""

from __future__ import annotations

from interview.engine.motivation import Motivation, motivation_of
from interview.engine.state import InterviewState
from interview.engine.views import AreaCoverage, Recap
from interview.records import Source, Tag


class Overview(InterviewState):
    """Read-only summaries of the kartläggning for the screens that show where it stands."""

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
