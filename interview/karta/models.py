"""The karta's records: statements in the three columns (Hinder | Område (fakta) | Resurser).

A statement is a short formulation written together with the participant, in one column of one area.
It names the answers it was drawn from (its sources; none means it was written without a source).
Every change (a new text, another column, another place in the column, removal) keeps the earlier
state as a :class:`StatementRevision`, like an answer's earlier texts.

This module imports nothing from the rest of the records, so :mod:`interview.records` can hold
statements in a kartläggning's record without an import cycle.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated
from uuid import uuid4

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field

from interview.i18n import N_, _
from interview.text import clean_input

StoredText = Annotated[str, AfterValidator(clean_input)]


class Column(StrEnum):
    """The karta's three columns; hinder and resurser are always in relation to working."""

    HINDER = "hinder"
    FAKTA = "fakta"
    RESURS = "resurs"

    @property
    def label(self) -> str:
        """The column's heading in the interface language."""
        return _(_COLUMN_LABELS[self])


_COLUMN_LABELS = {
    Column.HINDER: N_("Hinder"),
    Column.FAKTA: N_("Område (fakta)"),
    Column.RESURS: N_("Resurser"),
}

COLUMNS: tuple[Column, ...] = (Column.HINDER, Column.FAKTA, Column.RESURS)
"""The columns in the template's order, left to right."""


class StatementChange(StrEnum):
    """How a state of a statement came about."""

    CREATED = "created"
    EDITED = "edited"
    MOVED = "moved"
    """Moved to another column."""
    REORDERED = "reordered"
    """Moved up or down within its column."""
    REMOVED = "removed"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StatementRevision(_Model):
    """An earlier state of a statement, kept when it was changed."""

    revision: int = Field(ge=1)
    change: StatementChange
    """How this state came about."""
    column: Column
    text: StoredText
    position: int = Field(ge=1)
    saved_at: AwareDatetime
    saved_by: StoredText


class Statement(_Model):
    """One entry of the karta: a short text in one column of one area, drawn from answers."""

    id: str = Field(default_factory=lambda: uuid4().hex)
    kartlaggning_id: str
    area_id: str
    column: Column
    text: StoredText
    """As written (a migrated tag holds the answer's whole text, whatever its length)."""
    position: int = Field(ge=1)
    """Order in its column (1 first); gaps are left where one was moved away or removed."""
    sources: tuple[str, ...] = ()
    """The ids of the answers (exchanges) it was drawn from; empty: written without a source."""
    created_at: AwareDatetime
    created_by: StoredText
    revision: int = Field(default=1, ge=1)
    """1 for the first state; each change adds one."""
    change: StatementChange = StatementChange.CREATED
    """How the current state came about (``removed``: it is no longer on the karta)."""
    updated_at: AwareDatetime
    updated_by: StoredText
    revisions: tuple[StatementRevision, ...] = ()
    """Earlier states, oldest first."""

    @property
    def removed(self) -> bool:
        """True once the statement was removed (it is kept, with its history)."""
        return self.change is StatementChange.REMOVED

    @property
    def removed_at(self) -> datetime | None:
        """When it was removed (None while it is on the karta)."""
        return self.updated_at if self.removed else None

    @property
    def without_source(self) -> bool:
        """True when it was written without a source ("utan källa")."""
        return not self.sources

    def as_revision(self) -> StatementRevision:
        """Return the current state as a revision (kept when the statement changes)."""
        return StatementRevision(
            revision=self.revision,
            change=self.change,
            column=self.column,
            text=self.text,
            position=self.position,
            saved_at=self.updated_at,
            saved_by=self.updated_by,
        )

    def changed(
        self,
        change: StatementChange,
        at: datetime,
        by: str,
        *,
        text: str | None = None,
        column: Column | None = None,
        position: int | None = None,
    ) -> Statement:
        """Return the next state: the given fields changed, the current state kept as a revision."""
        return self.model_copy(
            update={
                "text": self.text if text is None else text,
                "column": self.column if column is None else column,
                "position": self.position if position is None else position,
                "revision": self.revision + 1,
                "change": change,
                "updated_at": at,
                "updated_by": by,
                "revisions": (*self.revisions, self.as_revision()),
            }
        )
