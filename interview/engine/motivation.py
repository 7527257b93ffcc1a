"""The motivationskors: the answers given to each motivation question, and the two scales.

A pure function over the records, shared by the engine and the sammanställning's composer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from interview.banks.models import MOTIVATION_ROLES, Bank
from interview.engine.checks import SCALE
from interview.records import Exchange, Source


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


def _latest_answer(answers: Sequence[Exchange], question_id: str | None) -> Exchange | None:
    """Return the last of ``answers`` given to the bank question ``question_id`` itself."""
    if question_id is None:
        return None
    for exchange in reversed(answers):
        if exchange.question_id == question_id and exchange.source is Source.BANK:
            return exchange
    return None


def _scale_value(exchange: Exchange | None) -> int | None:
    match = SCALE.match(exchange.answer or "") if exchange is not None else None
    return int(match.group(1)) if match is not None else None
