"""The text of each area: what the participant told, quoted, and what was not talked about."""

from __future__ import annotations

from collections.abc import Sequence

from interview.banks.models import Area
from interview.draft.compose.sentences import answer_ref, plain, quoted
from interview.draft.models import Block, Section, SectionKind, Sentence, SourceRef
from interview.i18n import _, ngettext
from interview.records import Exchange, Tag


def not_covered(area: Area, skipped: Sequence[Exchange], whole: SourceRef) -> Section:
    """Return an area that was not talked about, saying how many of its questions were skipped."""
    if skipped:
        sentence = plain(
            ngettext(
                "Området togs inte upp. {count} fråga hoppades över.",
                "Området togs inte upp. {count} frågor hoppades över.",
                len(skipped),
            ).format(count=len(skipped)),
            *(answer_ref(exchange) for exchange in skipped),
        )
    else:
        sentence = plain(_("Området har inte tagits upp."), whole)
    return Section(
        id=area.id,
        kind=SectionKind.AREA,
        title=area.title,
        blocks=(Block(sentences=(sentence,)),),
        covered=False,
    )


def skipped_sentence(skipped: Sequence[Exchange]) -> Sentence:
    """Return "2 frågor hoppades över.", referring to the skipped questions."""
    return plain(
        ngettext("{count} fråga hoppades över.", "{count} frågor hoppades över.", len(skipped)).format(
            count=len(skipped)
        ),
        *(answer_ref(exchange) for exchange in skipped),
    )


def told_blocks(answered: Sequence[Exchange], name: str) -> list[Block]:
    """Quote what the participant told: plain facts, then hinder, then resurser, each in order."""
    told = [exchange for exchange in answered if exchange.tag not in {Tag.HINDER, Tag.RESURS}]
    hinder = [exchange for exchange in answered if exchange.tag is Tag.HINDER]
    resurser = [exchange for exchange in answered if exchange.tag is Tag.RESURS]
    blocks: list[Block] = []
    if told:
        blocks.append(Block(sentences=tuple(quoted(exchange, name) for exchange in told)))
    for tagged, heading in (
        (hinder, _("Det här ser {name} som hinder för arbete")),
        (resurser, _("Det här ser {name} som resurser")),
    ):
        if tagged:
            blocks.append(
                Block(
                    heading=heading.format(name=name),
                    sentences=tuple(quoted(exchange, name) for exchange in tagged),
                    listed=True,
                )
            )
    return blocks


def area_section(area: Area, exchanges: Sequence[Exchange], name: str, whole: SourceRef) -> Section:
    """Return an area's text: the answers quoted (facts, hinder, resurser), the skipped counted."""
    answered = [exchange for exchange in exchanges if not exchange.skipped]
    skipped = [exchange for exchange in exchanges if exchange.skipped]
    if not answered:
        return not_covered(area, skipped, whole)
    blocks = told_blocks(answered, name)
    if skipped:
        blocks.append(Block(sentences=(skipped_sentence(skipped),)))
    return Section(id=area.id, kind=SectionKind.AREA, title=area.title, blocks=tuple(blocks))
