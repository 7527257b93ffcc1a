"""What the engine reports: the question to ask now, how far each area has come, the recap."""

from __future__ import annotations

from dataclasses import dataclass

from interview.banks.models import Area, Question
from interview.records import Session, Source


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
