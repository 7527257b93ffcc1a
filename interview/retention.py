"""Gallring: which people are due for removal under the unit's retention rule.

The rule (``retention_months`` in the settings) follows the municipality's archive rules: everything
about a person goes once nothing has been stored about them for that many months (the last answer,
tag, session, åtgärd or version of the sammanställning). There is no default: removing records for
good must be a decision the unit writes down.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, BaseModel, ConfigDict

from interview.consent import add_months


class Candidate(BaseModel):
    """A person the rule would remove, with what would go."""

    model_config = ConfigDict(frozen=True)

    participant_id: str
    name: str
    personnummer: str | None
    last_activity: AwareDatetime
    kartlaggningar: int
    signed: int


def cutoff(now: datetime, months: int) -> datetime:
    """Return the moment ``months`` calendar months before ``now`` (31 March less 1 month: 28/29 Feb)."""
    day = add_months(now.date(), -months)
    return now.replace(year=day.year, month=day.month, day=day.day)


def due(candidates: list[Candidate], now: datetime, months: int) -> list[Candidate]:
    """Return the people whose last activity is before the cutoff, oldest first."""
    limit = cutoff(now, months)
    return sorted(
        (candidate for candidate in candidates if candidate.last_activity < limit),
        key=lambda candidate: candidate.last_activity,
    )
