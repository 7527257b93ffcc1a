"""The composer on Leila's whole kartläggning: golden text with references, and the rules it keeps.

The golden file ``golden/leila.txt`` is the expected draft as plain text: section titles, block
headings, and every sentence followed by its references (``svar 12 r2`` is answer 12 in its second
revision). Ids are random, so references are written with the numbers a reader sees. To accept a
deliberate change, run with ``KARTLAGG_UPDATE_GOLDEN=1`` and read the diff before committing it.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from interview.banks.lix import lix
from interview.banks.models import Bank
from interview.draft.compose import compose, genitive
from interview.draft.models import (
    CaseworkerSections,
    Draft,
    DraftStatus,
    RefKind,
    SectionKind,
    SentenceKind,
    Signature,
    SourceRef,
)
from interview.draft.workflow import Drafts
from interview.records import KartlaggningRecord
from tests.draft.conftest import UNIT
from tests.draft.kartlaggning import (
    ARABIC_ANSWER,
    CASEWORKER,
    EDITED_FROM,
    EDITED_TO,
    NAME,
    SKIPPED_AREA,
)

GOLDEN = Path(__file__).parent / "golden" / "leila.txt"
ASSESSMENT = CaseworkerSections(
    assessment="Leila har erfarenhet av kök och en tydlig vilja att arbeta.",
    rehabilitation="Praktik i storkök med handledare.",
    other_actions="Kontakt med vårdcentralen om knät.",
)
PARTICIPANT_SECTIONS = {SectionKind.AREA, SectionKind.MOTIVATION, SectionKind.ACTIONS}


def _label(ref: SourceRef, record: KartlaggningRecord) -> str:
    if ref.kind is RefKind.ANSWER:
        return f"svar {ref.seq} r{ref.revision}"
    if ref.kind is RefKind.ACTION:
        position = next(a.position for a in record.actions if a.id == ref.id)
        return f"åtgärd {position}"
    if ref.kind is RefKind.SESSION:
        number = next(s.number for s in record.sessions if s.id == ref.id)
        return f"samtal {number}"
    if ref.kind is RefKind.PARTICIPANT:
        return "deltagare"
    if ref.kind is RefKind.KARTLAGGNING:
        assert ref.id == record.kartlaggning.id
        return "kartläggningen"
    if ref.kind is RefKind.SETTINGS:
        return f"inställning:{ref.id}"
    return f"version:{ref.id}"


def as_text(draft: Draft, record: KartlaggningRecord) -> str:
    """The draft as plain text with readable references, for the golden comparison."""
    lines = [f"{draft.participant_name} · {draft.personnummer_masked} · {draft.unit}"]
    for section in draft.sections:
        mark = "" if section.covered else " [inte taget upp]"
        lines.append("")
        lines.append(f"# {section.title}{mark}")
        if section.note:
            lines.append(f"({section.note})")
        for block in section.blocks:
            if block.heading:
                lines.append(f"## {block.heading}")
            for sentence in block.sentences:
                refs = ", ".join(_label(ref, record) for ref in sentence.refs)
                bullet = "- " if block.listed else ""
                lines.append(f"{bullet}{sentence.text}  [{refs}]")
    return "\n".join(lines) + "\n"


def _drafted(drafts: Drafts) -> Draft:
    drafts.save_sections(ASSESSMENT, CASEWORKER)
    drafts.mark_reviewed(CASEWORKER)
    drafts.finish_read_back("Jag vill också säga att jag kan baka bröd.", CASEWORKER)
    drafts.sign(NAME, CASEWORKER, date(2026, 10, 12))
    return drafts.draft()


def test_the_draft_matches_the_golden_text(drafts: Drafts, record: KartlaggningRecord) -> None:
    text = as_text(_drafted(drafts), record)
    if os.environ.get("KARTLAGG_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_every_area_is_there_in_template_order(drafts: Drafts, bank: Bank) -> None:
    draft = drafts.draft()
    area_ids = [s.id for s in draft.sections if s.kind in PARTICIPANT_SECTIONS]
    assert area_ids == [area.id for area in bank.areas]
    kinds = [s.kind for s in draft.sections]
    assert kinds[0] is SectionKind.HEADING
    assert kinds[-4:] == [
        SectionKind.ASSESSMENT,
        SectionKind.SYNPUNKTER,
        SectionKind.READ_BACK,
        SectionKind.SIGNATURES,
    ]


def test_the_skipped_area_is_listed_as_not_covered_with_its_skips(
    drafts: Drafts, record: KartlaggningRecord
) -> None:
    section = drafts.draft().section(SKIPPED_AREA)
    assert not section.covered
    (sentence,) = section.sentences
    skipped = {e.id for e in record.exchanges if e.area_id == SKIPPED_AREA and e.skipped}
    assert skipped
    assert {ref.id for ref in sentence.refs} == skipped
    assert "togs inte upp" in sentence.text
    assert [s.id for s in drafts.draft().sections if not s.covered] == [SKIPPED_AREA]


def test_every_answer_is_quoted_verbatim_once_with_its_reference(
    drafts: Drafts, record: KartlaggningRecord
) -> None:
    draft = drafts.draft()
    quoted: dict[str, list[str]] = {}
    for section in draft.sections:
        for sentence in section.sentences:
            own = [span.text for span in sentence.spans if span.own_words]
            for ref in sentence.refs:
                if ref.kind is RefKind.ANSWER and own:
                    quoted.setdefault(ref.id, []).extend(own)
    answered = [e for e in record.exchanges if not e.skipped]
    for exchange in answered:
        if exchange.area_id == "motivation" and exchange.question_id in {
            "motiv.viktigt",
            "motiv.saker",
        }:
            continue  # the scales are stated as numbers, with the answer as the reference
        assert quoted.get(exchange.id) == [exchange.answer], exchange.question_text


def test_the_arabic_answer_is_kept_as_written(drafts: Drafts) -> None:
    sentences = drafts.draft().section("historik").sentences
    spans = [span for sentence in sentences for span in sentence.spans if span.own_words]
    assert ARABIC_ANSWER in [span.text for span in spans]


def test_the_edited_answer_is_quoted_in_its_latest_revision(
    drafts: Drafts, record: KartlaggningRecord
) -> None:
    edited = next(e for e in record.exchanges if e.answer == EDITED_TO)
    assert edited.revision == 2
    text = as_text(drafts.draft(), record)
    assert EDITED_TO in text
    assert EDITED_FROM not in text
    refs = [
        ref
        for sentence in drafts.draft().section("kroppsfunktioner").sentences
        for ref in sentence.refs
        if ref.id == edited.id
    ]
    assert [ref.revision for ref in refs] == [2]


def test_every_participant_sentence_points_at_stored_records(
    drafts: Drafts, record: KartlaggningRecord
) -> None:
    """Nothing in the areas is said without an answer or an action behind it.

    The only other reference there is the kartläggning as a whole, for statements of absence ("not
    taken up", "no answer"); every sentence of the whole draft has at least one reference.
    """
    exchanges = {e.id: e for e in record.exchanges}
    actions = {a.id for a in record.actions}
    draft = drafts.draft()
    for section in draft.sections:
        for sentence in section.sentences:
            assert sentence.refs, sentence.text
            if section.kind not in PARTICIPANT_SECTIONS:
                continue
            for ref in sentence.refs:
                if ref.kind is RefKind.ANSWER:
                    exchange = exchanges[ref.id]
                    assert exchange.area_id == section.id
                    assert ref.revision == exchange.revision
                elif ref.kind is RefKind.ACTION:
                    assert ref.id in actions
                else:
                    assert ref.kind is RefKind.KARTLAGGNING, sentence.text
                    assert "inte" in sentence.text or "inget svar" in sentence.text, sentence.text


def _without_names(text: str) -> str:
    """Names are data, not wording: count each as one short word."""
    for name in (NAME, CASEWORKER, UNIT):
        text = text.replace(name, "X")
    return text


def test_text_outside_the_participants_words_stays_at_lix_40_or_below(drafts: Drafts) -> None:
    draft = _drafted(drafts)
    generated = " ".join(
        _without_names(sentence.generated_text)
        for section in draft.sections
        for sentence in section.sentences
        if sentence.kind is SentenceKind.GENERATED
    )
    assert lix(generated) <= 40
    for section in draft.sections:
        if section.kind is SectionKind.HEADING:
            continue  # a list of labelled facts (names, the unit, dates), not running text
        text = " ".join(
            _without_names(s.generated_text)
            for s in section.sentences
            if s.kind is SentenceKind.GENERATED
        )
        assert lix(text) <= 40, section.title


def test_the_caseworkers_part_is_marked_and_kept_apart(drafts: Drafts) -> None:
    draft = _drafted(drafts)
    assessment = draft.section("assessment")
    assert assessment.note is not None
    assert "inte deltagarens" in assessment.note
    texts = [s.text for s in assessment.sentences if s.kind is SentenceKind.CASEWORKER]
    assert texts == [ASSESSMENT.assessment, ASSESSMENT.rehabilitation, ASSESSMENT.other_actions]
    for section in draft.sections:
        if section.kind is not SectionKind.ASSESSMENT:
            assert all(s.kind is not SentenceKind.CASEWORKER for s in section.sentences)


def test_synpunkter_are_verbatim_and_the_signature_is_stated(drafts: Drafts) -> None:
    draft = _drafted(drafts)
    (sentence,) = draft.section("synpunkter").sentences
    assert sentence.kind is SentenceKind.PARTICIPANT
    assert [span.own_words for span in sentence.spans] == [True]
    assert sentence.text == "Jag vill också säga att jag kan baka bröd."
    assert draft.signature == Signature(
        participant=NAME, caseworker=CASEWORKER, signed_on=date(2026, 10, 12)
    )
    assert "skrev under version 1 den 2026-10-12" in draft.section("signatures").sentences[0].text


def test_the_heading_has_dates_caseworker_tolk_and_a_masked_number(drafts: Drafts) -> None:
    draft = drafts.draft()
    heading = [s.text for s in draft.section("heading").sentences]
    assert "Personnummer: 19900101-****" in heading
    assert f"Enhet: {UNIT}" in heading
    assert any(t.startswith("Samtal: samtal 1 den 2026-09-07") for t in heading)
    assert any("samtal 5 den 2026-10-05" in t for t in heading)
    assert f"Handläggare: {CASEWORKER}" in heading
    assert "Tolk var med vid samtalen 1 och 2." in heading
    assert "9802" not in "".join(heading)


def test_composing_is_pure(drafts: Drafts, record: KartlaggningRecord, bank: Bank) -> None:
    version = drafts.current
    first = compose(record, bank, version, unit=UNIT)
    second = compose(record, bank, version, unit=UNIT)
    assert first == second
    assert first.status is DraftStatus.UTKAST


@pytest.mark.parametrize(
    ("name", "expected"), [("Leila", "Leilas"), ("Jonas", "Jonas"), ("Alex", "Alex"), ("Inez", "Inez")]
)
def test_the_genitive_of_a_name(name: str, expected: str) -> None:
    assert genitive(name) == expected
