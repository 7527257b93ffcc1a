"""The motivation area: the goal, the motivationskors and the two scales from 0 to 10."""

from __future__ import annotations

from collections.abc import Sequence

from interview.banks.models import Area, Bank
from interview.draft.compose.areas import not_covered, skipped_sentence
from interview.draft.compose.sentences import answer_ref, genitive, plain, quoted
from interview.draft.models import Block, Section, SectionKind, Sentence, SourceRef, Span
from interview.engine.motivation import motivation_of
from interview.i18n import N_, _
from interview.records import Exchange

MOTIVATION_FIELDS: tuple[tuple[str, str], ...] = (
    ("good_for_me", N_("Det här blir bättre för {name}")),
    ("less_good_for_me", N_("Det här kan bli svårare för {name}")),
    ("good_for_others", N_("Det här blir bättre för andra")),
    ("less_good_for_others", N_("Det här kan bli svårare för andra")),
)
"""The four fields of the motivationskors: the role and the heading (translated when used)."""

SCALES: tuple[tuple[str, tuple[str, str], str], ...] = (
    ("importance", ("importance_why", "importance_step"), N_("Hur viktigt det är att börja arbeta")),
    ("confidence", ("confidence_why", "confidence_step"), N_("Hur säker {name} är på att klara det")),
)
"""The two scales: the role, the roles of its follow-ups, and the heading."""


def motivation_section(
    area: Area, bank: Bank, exchanges: Sequence[Exchange], name: str, whole: SourceRef
) -> Section:
    """Return the motivation area: the goal, the motivationskors, the two scales and the rest."""
    answered = [exchange for exchange in exchanges if not exchange.skipped]
    skipped = [exchange for exchange in exchanges if exchange.skipped]
    if not answered:
        return not_covered(area, skipped, whole)
    motivation = motivation_of(bank, exchanges)
    used: set[str] = set()
    blocks: list[Block] = []

    goal = motivation.answers.get("goal", ())
    if goal:
        blocks.append(
            Block(
                heading=_("Målet med {genitive} egna ord").format(genitive=genitive(name)),
                sentences=tuple(quoted(exchange, name) for exchange in goal),
            )
        )
        used.update(exchange.id for exchange in goal)

    cross: list[Sentence] = []
    for role, heading in MOTIVATION_FIELDS:
        given = motivation.answers.get(role, ())
        title = _(heading).format(name=name)
        if given:
            for exchange in given:
                cross.append(
                    Sentence(
                        spans=(
                            Span(text=f"{title}: ”"),
                            Span(text=exchange.answer or "", own_words=True),
                            Span(text="”"),
                        ),
                        refs=(answer_ref(exchange),),
                    )
                )
            used.update(exchange.id for exchange in given)
        else:
            cross.append(plain(_("{field}: inget svar.").format(field=title), whole))
    blocks.append(Block(heading=_("Motivationskorset"), sentences=tuple(cross), listed=True))

    scales: list[Sentence] = []
    for role, follow_roles, heading in SCALES:
        title = _(heading).format(name=name)
        value = motivation.importance if role == "importance" else motivation.confidence
        latest = motivation.latest(role)
        if value is not None and latest is not None:
            scales.append(
                plain(
                    _("{scale}: {value} av 10.").format(scale=title, value=value),
                    answer_ref(latest),
                )
            )
        else:
            scales.append(plain(_("{scale}: inget svar.").format(scale=title), whole))
        for given_role in (role, *follow_roles):
            for exchange in motivation.answers.get(given_role, ()):
                if given_role != role:
                    scales.append(quoted(exchange, name))
                used.add(exchange.id)
    blocks.append(Block(heading=_("Skalorna från 0 till 10"), sentences=tuple(scales), listed=True))

    rest = [exchange for exchange in answered if exchange.id not in used]
    if rest:
        blocks.append(
            Block(
                heading=_("Mer om målet"),
                sentences=tuple(quoted(exchange, name) for exchange in rest),
            )
        )
    if skipped:
        blocks.append(Block(sentences=(skipped_sentence(skipped),)))
    return Section(id=area.id, kind=SectionKind.MOTIVATION, title=area.title, blocks=tuple(blocks))
