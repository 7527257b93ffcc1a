"""The karta as it is read: per area, per column, in order, with the counts the side panel shows."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from interview.karta.models import COLUMNS, Column, Statement


class ColumnCounts(BaseModel):
    """How many statements an area has in each column."""

    model_config = ConfigDict(frozen=True)

    hinder: int = 0
    fakta: int = 0
    resurs: int = 0

    @property
    def total(self) -> int:
        """All three columns together."""
        return self.hinder + self.fakta + self.resurs

    def of(self, column: Column) -> int:
        """Return the count of ``column``."""
        return int(getattr(self, column.value))


class AreaKarta(BaseModel):
    """One area's three columns, each in its order."""

    model_config = ConfigDict(frozen=True)

    area_id: str
    hinder: tuple[Statement, ...] = ()
    fakta: tuple[Statement, ...] = ()
    resurs: tuple[Statement, ...] = ()

    def column(self, column: Column) -> tuple[Statement, ...]:
        """Return the statements of ``column``, first to last."""
        found: tuple[Statement, ...] = getattr(self, column.value)
        return found

    @property
    def counts(self) -> ColumnCounts:
        """How many statements each column holds."""
        return ColumnCounts(hinder=len(self.hinder), fakta=len(self.fakta), resurs=len(self.resurs))


class Karta(BaseModel):
    """The whole karta of a kartläggning (removed statements left out)."""

    model_config = ConfigDict(frozen=True)

    areas: dict[str, AreaKarta] = Field(default_factory=dict)
    """Each area with something written, by id."""

    @classmethod
    def of(cls, statements: Iterable[Statement]) -> Karta:
        """Build the karta from ``statements`` (in the order they were written; removed ones skipped)."""
        grouped: dict[str, dict[Column, list[tuple[int, int, Statement]]]] = {}
        for order, statement in enumerate(statements):
            if statement.removed:
                continue
            columns = grouped.setdefault(statement.area_id, {column: [] for column in COLUMNS})
            columns[statement.column].append((statement.position, order, statement))
        areas = {
            area_id: AreaKarta(
                area_id=area_id,
                **{
                    column.value: tuple(item[2] for item in sorted(items, key=lambda x: x[:2]))
                    for column, items in columns.items()
                },
            )
            for area_id, columns in grouped.items()
        }
        return cls(areas=areas)

    def area(self, area_id: str) -> AreaKarta:
        """Return the columns of ``area_id`` (empty when nothing is written there)."""
        return self.areas.get(area_id) or AreaKarta(area_id=area_id)

    def counts(self, area_id: str) -> ColumnCounts:
        """How many statements ``area_id`` has in each column."""
        return self.area(area_id).counts

    @property
    def total(self) -> int:
        """How many statements the karta holds."""
        return sum(area.counts.total for area in self.areas.values())
