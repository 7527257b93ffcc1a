"""The karta's steps: writing, changing, moving, reordering and removing statements.

Each step is committed through the store before it returns, and the in-memory state changes only
after the store has committed it. Nothing is overwritten: every change keeps the earlier state as a
revision, and a removed statement stays (marked removed) with its history.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from interview.engine.state import InterviewState
from interview.i18n import _
from interview.karta.checks import KartaError, valid_statement_text
from interview.karta.models import Column, Statement, StatementChange
from interview.karta.view import Karta


def _column(column: Column | str) -> Column:
    try:
        return Column(column)
    except ValueError:
        raise KartaError(_("Välj en av kolumnerna hinder, fakta eller resurs.")) from None


class KartaSteps(InterviewState):
    """The statements of the karta (Hinder | Område (fakta) | Resurser) and how they change."""

    @property
    def statements(self) -> tuple[Statement, ...]:
        """The statements on the karta (removed ones left out), in the order they were written."""
        return tuple(statement for statement in self._statements if not statement.removed)

    @property
    def karta(self) -> Karta:
        """The karta: per area, per column, in order, with counts."""
        return Karta.of(self._statements)

    def statement(self, statement_id: str) -> Statement:
        """Return the statement ``statement_id`` (refused if there is none or it was removed)."""
        for statement in self._statements:
            if statement.id == statement_id:
                if statement.removed:
                    raise KartaError(_("Formuleringen är borttagen."))
                return statement
        raise KartaError(_("Formuleringen finns inte."))

    def statements_from(self, exchange_id: str) -> tuple[Statement, ...]:
        """Return the statements on the karta drawn from the answer ``exchange_id``."""
        return tuple(statement for statement in self.statements if exchange_id in statement.sources)

    def add_statement(
        self, area_id: str, column: Column | str, text: str, sources: Iterable[str] = ()
    ) -> Statement:
        """Write a statement last in ``column`` of ``area_id``, drawn from the answers ``sources``.

        No sources means it is written without a source ("utan källa"). The text is kept verbatim
        (at most 300 characters, not empty).
        """
        area = self._karta_area(area_id)
        chosen = _column(column)
        cleaned = valid_statement_text(text)
        drawn_from = self._sources(sources)
        now = self._clock()
        author = self._author()
        statement = Statement(
            kartlaggning_id=self.kartlaggning.id,
            area_id=area,
            column=chosen,
            text=cleaned,
            position=self._next_position(area, chosen),
            sources=drawn_from,
            created_at=now,
            created_by=author,
            updated_at=now,
            updated_by=author,
        )
        self._store.add_statement(statement)
        self._statements.append(statement)
        return statement

    def edit_statement(self, statement_id: str, text: str) -> Statement:
        """Give a statement a new text; the earlier text is kept."""
        statement = self.statement(statement_id)
        cleaned = valid_statement_text(text)
        if cleaned == statement.text:
            return statement
        return self._commit(statement.changed(StatementChange.EDITED, *self._stamp(), text=cleaned))[0]

    def move_statement(self, statement_id: str, column: Column | str) -> Statement:
        """Move a statement to the end of another column; where it stood is kept."""
        statement = self.statement(statement_id)
        chosen = _column(column)
        if chosen is statement.column:
            return statement
        position = self._next_position(statement.area_id, chosen)
        moved = statement.changed(
            StatementChange.MOVED, *self._stamp(), column=chosen, position=position
        )
        return self._commit(moved)[0]

    def move_statement_up(self, statement_id: str) -> Statement:
        """Swap a statement with the one above it in its column (the first one stays)."""
        return self._reorder(statement_id, -1)

    def move_statement_down(self, statement_id: str) -> Statement:
        """Swap a statement with the one below it in its column (the last one stays)."""
        return self._reorder(statement_id, +1)

    def remove_statement(self, statement_id: str) -> Statement:
        """Take a statement off the karta; it is kept, marked removed, with its history."""
        statement = self.statement(statement_id)
        return self._commit(statement.changed(StatementChange.REMOVED, *self._stamp()))[0]

    # ----------------------------------------------------------------------------- helpers

    def _karta_area(self, area_id: str) -> str:
        try:
            area = self.bank.area(area_id)
        except KeyError:
            raise KartaError(_("Området finns inte i frågebanken.")) from None
        if not area.group.has_probes:
            raise KartaError(
                _("Kartan har bara individfaktorerna och omgivningsfaktorerna. Välj ett av de områdena.")
            )
        return area.id

    def _sources(self, sources: Iterable[str]) -> tuple[str, ...]:
        drawn_from: list[str] = []
        for exchange_id in sources:
            exchange = self.exchange(exchange_id)
            if exchange.skipped or exchange.answer is None:
                raise KartaError(_("Frågan hoppades över och har inget svar att skriva från."))
            if exchange.id not in drawn_from:
                drawn_from.append(exchange.id)
        return tuple(drawn_from)

    def _column(self, area_id: str, column: Column) -> list[Statement]:
        """Return the statements on the karta in one column of one area, first to last."""
        return list(Karta.of(self._statements).area(area_id).column(column))

    def _next_position(self, area_id: str, column: Column) -> int:
        positions = [statement.position for statement in self._column(area_id, column)]
        return max(positions, default=0) + 1

    def _stamp(self) -> tuple[datetime, str]:
        return self._clock(), self._author()

    def _reorder(self, statement_id: str, step: int) -> Statement:
        statement = self.statement(statement_id)
        column = self._column(statement.area_id, statement.column)
        index = next(i for i, item in enumerate(column) if item.id == statement.id)
        other_index = index + step
        if not 0 <= other_index < len(column):
            return statement
        other = column[other_index]
        if other.position == statement.position:  # the steps never leave a tie; break one anyway
            mine, theirs = (
                (other.position, other.position + 1)
                if step < 0
                else (other.position + 1, other.position)
            )
        else:
            mine, theirs = other.position, statement.position
        now, author = self._clock(), self._author()
        change = StatementChange.REORDERED
        return self._commit(
            statement.changed(change, now, author, position=mine),
            other.changed(change, now, author, position=theirs),
        )[0]

    def _commit(self, *changed: Statement) -> tuple[Statement, ...]:
        """Store the new states, then apply them to the in-memory karta."""
        self._store.change_statements(changed)
        updates = {statement.id: statement for statement in changed}
        self._statements = [updates.get(item.id, item) for item in self._statements]
        return changed
