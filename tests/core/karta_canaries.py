"""Statements whose text must be gone for good once their person is erased (gallring, radera)."""

from __future__ import annotations

from interview.banks import Bank
from interview.clock import ManualClock
from interview.engine import Interview
from interview.karta import Column
from storage import Repository

STATEMENT_BEFORE = "Kanariefågelns första formulering"
"""A statement's earlier text: kept in its history, until the person is erased."""
STATEMENT_AFTER = "Kanariefågeln sjunger i gruvan"
"""The same statement's text now."""
STATEMENT_CANARIES = (STATEMENT_BEFORE, STATEMENT_AFTER)


def add_statement_canaries(
    repo: Repository, bank: Bank, clock: ManualClock, kartlaggning_id: str
) -> None:
    """Write a statement drawn from the first answer, then give it a new text and move it."""
    record = repo.load(kartlaggning_id)
    assert record is not None
    interview = Interview(bank, record, repo, clock)
    answer = next(exchange for exchange in record.exchanges if exchange.answer)
    statement = interview.add_statement("fritidsintressen", Column.RESURS, STATEMENT_BEFORE, [answer.id])
    interview.edit_statement(statement.id, STATEMENT_AFTER)
    interview.move_statement(statement.id, Column.FAKTA)
