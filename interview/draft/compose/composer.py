"""The composer itself: the sections of the sammanställning in the bank's order, as one draft."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, tzinfo

from interview.banks.models import AreaGroup, Bank
from interview.draft.compose.actions import actions_section
from interview.draft.compose.areas import area_section, told_blocks
from interview.draft.compose.caseworker import (
    assessment_section,
    read_back_section,
    signatures_section,
    synpunkter_section,
)
from interview.draft.compose.heading import heading_section
from interview.draft.compose.motivation import motivation_section
from interview.draft.compose.sentences import first_name, masked_number, whole_ref
from interview.draft.models import Draft, DraftStatus, DraftVersion, Section, SectionKind
from interview.i18n import record_in_swedish
from interview.records import Exchange, KartlaggningRecord


def unsigned_version(kartlaggning_id: str, record_time: datetime, by: str) -> DraftVersion:
    """Return a first version with nothing written yet, for composing before anything is stored."""
    return DraftVersion(
        kartlaggning_id=kartlaggning_id,
        version=1,
        status=DraftStatus.UTKAST,
        created_at=record_time,
        updated_at=record_time,
        updated_by=by,
    )


def _by_area(exchanges: Iterable[Exchange]) -> dict[str, list[Exchange]]:
    grouped: dict[str, list[Exchange]] = {}
    for exchange in sorted(exchanges, key=lambda item: item.seq):
        grouped.setdefault(exchange.area_id, []).append(exchange)
    return grouped


def compose(
    record: KartlaggningRecord,
    bank: Bank,
    version: DraftVersion,
    *,
    unit: str,
    zone: tzinfo | None = None,
) -> Draft:
    """Compose the draft sammanställning of ``record`` as ``version`` stands.

    ``bank`` gives the template's order and the area titles; ``unit`` is the unit's name for the
    heading; dates are shown in ``zone`` (the machine's zone when None). The draft is Swedish
    whatever the interface language: the record is always Swedish.
    """
    with record_in_swedish():
        return _compose(record, bank, version, unit=unit, zone=zone)


def _compose(
    record: KartlaggningRecord, bank: Bank, version: DraftVersion, *, unit: str, zone: tzinfo | None
) -> Draft:
    name = first_name(record.participant)
    whole = whole_ref(record)
    grouped = _by_area(record.exchanges)
    sections = [heading_section(record, bank, version, unit, zone)]
    known = {area.id for area in bank.areas}
    for area in bank.areas:
        exchanges = grouped.get(area.id, [])
        if area.group is AreaGroup.MOTIVATION:
            sections.append(motivation_section(area, bank, exchanges, name, whole))
        elif area.group is AreaGroup.ATGARDER:
            sections.append(actions_section(area, exchanges, record.actions, name, whole))
        else:
            sections.append(area_section(area, exchanges, name, whole))
    for area_id, exchanges in grouped.items():
        if area_id not in known:
            # An area the bank no longer has (a unit removed it): keep the answers, under its id.
            answered = [exchange for exchange in exchanges if not exchange.skipped]
            if answered:
                sections.append(
                    Section(
                        id=area_id,
                        kind=SectionKind.AREA,
                        title=area_id,
                        blocks=tuple(told_blocks(answered, name)),
                    )
                )
    sections.append(assessment_section(version))
    sections.append(synpunkter_section(version, name))
    sections.append(read_back_section(record, version, name, zone))
    sections.append(signatures_section(version))
    return Draft(
        kartlaggning_id=record.kartlaggning.id,
        version=version.version,
        status=version.status,
        participant_name=record.participant.name,
        personnummer_masked=masked_number(record.participant),
        unit=unit,
        bank_title=bank.title,
        bank_version=bank.version,
        sections=tuple(sections),
        signature=version.signature,
    )
