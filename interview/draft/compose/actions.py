"""The åtgärder area: what the participant told and the åtgärder agreed (what, who and when)."""

from __future__ import annotations

from collections.abc import Sequence

from interview.banks.models import Area
from interview.dates import format_date
from interview.draft.compose.areas import not_covered, skipped_sentence, told_blocks
from interview.draft.compose.sentences import plain
from interview.draft.models import Block, RefKind, Section, SectionKind, Sentence, SourceRef, Span
from interview.i18n import _
from interview.records import Action, Exchange


def _action_sentence(action: Action) -> Sentence:
    if action.due is not None:
        text = _("{what}. Ansvarig: {who}. Klart senast {due}.").format(
            what=action.what.rstrip("."), who=action.who, due=format_date(action.due)
        )
    else:
        text = _("{what}. Ansvarig: {who}. Inget datum är satt.").format(
            what=action.what.rstrip("."), who=action.who
        )
    return Sentence(
        spans=(Span(text=text),),
        refs=(SourceRef(kind=RefKind.ACTION, id=action.id),),
    )


def actions_section(
    area: Area,
    exchanges: Sequence[Exchange],
    actions: Sequence[Action],
    name: str,
    whole: SourceRef,
) -> Section:
    """Return the åtgärder area: what was told, then the åtgärder by position (or that none are set)."""
    answered = [exchange for exchange in exchanges if not exchange.skipped]
    skipped = [exchange for exchange in exchanges if exchange.skipped]
    if not answered and not actions:
        return not_covered(area, skipped, whole)
    blocks = told_blocks(answered, name)
    ordered = sorted(actions, key=lambda action: action.position)
    if ordered:
        blocks.append(
            Block(
                heading=_("Åtgärder: vad, vem och när"),
                sentences=tuple(_action_sentence(action) for action in ordered),
                listed=True,
            )
        )
    else:
        blocks.append(Block(sentences=(plain(_("Inga åtgärder är bestämda ännu."), whole),)))
    if skipped:
        blocks.append(Block(sentences=(skipped_sentence(skipped),)))
    return Section(id=area.id, kind=SectionKind.ACTIONS, title=area.title, blocks=tuple(blocks))
