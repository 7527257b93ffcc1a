"""The DOCX opened again with python-docx: A4, the answers as text, the caseworker's box, the
header and footer, signature lines, and right-to-left runs for Arabic.
"""

from __future__ import annotations

from io import BytesIO

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn

from interview.documents.docx import render_docx
from interview.documents.printable import printable
from interview.draft.models import Draft, SectionKind
from tests.documents.conftest import (
    ARABIC,
    ASSESSMENT,
    HOSTILE,
    PARTICIPANT_NAME,
    SHA256,
    SWEDISH,
    TIGRINYA,
    UKRAINIAN,
    Recompose,
)


def opened(draft: Draft, sha256: str | None) -> DocumentObject:
    return Document(BytesIO(render_docx(draft, sha256)))


def body_text(document: DocumentObject) -> str:
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def test_a4_pages(draft: Draft) -> None:
    document = opened(draft, SHA256)
    assert document.sections
    for section in document.sections:
        # Word's own A4, in twentieths of a point: 11906 × 16838.
        size = section._sectPr.find(qn("w:pgSz"))
        assert (size.get(qn("w:w")), size.get(qn("w:h"))) == ("11906", "16838")
        assert section.page_width is not None
        assert section.page_width.mm == pytest.approx(210, abs=0.1)


def test_the_answers_are_there_as_typed(draft: Draft) -> None:
    text = body_text(opened(draft, SHA256))
    for answer in (SWEDISH, ARABIC, TIGRINYA, UKRAINIAN, printable(HOSTILE)):
        assert answer in text
    assert "<script>alert(1)</script>" in text
    assert "\x1b" not in text


def test_headings_and_lists(draft: Draft) -> None:
    document = opened(draft, SHA256)
    headings = [
        p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"
    ]
    sections = [
        section
        for section in draft.sections
        if section.kind not in {SectionKind.HEADING, SectionKind.ASSESSMENT}
    ]
    assert len(headings) == len(sections)
    for heading, section in zip(headings, sections, strict=True):
        expected = section.title if section.covered else f"{section.title} (Inte taget upp)"
        assert heading == expected
    bullets = [
        p.text for p in document.paragraphs if p.style is not None and p.style.name == "List Bullet"
    ]
    assert "Deltagare: Leyla Provdotter" in bullets
    assert any("Anmäla sig till SFI på kvällstid" in item for item in bullets)


def test_the_caseworkers_part_is_a_framed_box_with_its_note(draft: Draft) -> None:
    document = opened(draft, SHA256)
    (table,) = document.tables
    assert table.style is not None
    assert table.style.name == "Table Grid"
    (cell,) = table._cells
    texts = [paragraph.text for paragraph in cell.paragraphs]
    assert texts[0] == "Handläggarens bedömning"
    assert texts[1] == "Handläggaren har skrivit den här delen. Det är inte deltagarens egna ord."
    assert all(run.bold for run in cell.paragraphs[1].runs)
    for paragraph in ASSESSMENT.split("\n\n"):
        assert paragraph in texts
    assert cell._tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}") is not None


def test_header_and_footer(draft: Draft) -> None:
    section = opened(draft, SHA256).sections[0]
    assert section.header.paragraphs[0].text == f"{PARTICIPANT_NAME} · 19870614-****"
    footer = section.footer.paragraphs[0]
    assert f"Version 2 · undertecknad · Kontrollsumma (SHA-256): {SHA256}" in footer.text
    fields = [field.get(qn("w:instr")) for field in footer._p.findall(qn("w:fldSimple"))]
    assert fields == [" PAGE ", " NUMPAGES "]


def test_signature_lines(draft: Draft, unsigned_draft: Draft) -> None:
    document = opened(draft, SHA256)
    texts = [paragraph.text for paragraph in document.paragraphs]
    for label in ("Deltagarens underskrift", "Handläggarens underskrift", "Ort och datum"):
        index = texts.index(label)
        line = document.paragraphs[index - 1]
        assert line.text == ""
        assert line._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None
    assert f"Namnförtydligande: {PARTICIPANT_NAME}" in texts
    assert f"Kontrollsumma (SHA-256): {SHA256}" in texts
    unsigned = body_text(opened(unsigned_draft, None))
    assert "Inte underskriven – ingen kontrollsumma" in unsigned
    assert "Namnförtydligande" not in unsigned


def _rtl(run_element: object) -> bool:
    properties = run_element.find(qn("w:rPr"))  # type: ignore[attr-defined]
    return properties is not None and properties.find(qn("w:rtl")) is not None


def test_arabic_words_run_right_to_left(draft: Draft) -> None:
    document = opened(draft, SHA256)
    (paragraph,) = [p for p in document.paragraphs if ARABIC in p.text]
    runs = {run.text: run for run in paragraph.runs}
    assert runs[ARABIC].font.rtl is True
    assert _rtl(runs[ARABIC]._r)
    others = [run for run in paragraph.runs if run.text != ARABIC]
    assert others
    assert not any(_rtl(run._r) for run in others)
    (tigrinya,) = [p for p in document.paragraphs if TIGRINYA in p.text]
    assert not any(_rtl(run._r) for run in tigrinya.runs)
    # The Swedish sentence around the quote stays a left-to-right paragraph.
    assert paragraph._p.pPr is None or paragraph._p.pPr.find(qn("w:bidi")) is None


def test_arabic_synpunkter_are_a_right_to_left_paragraph(recompose: Recompose) -> None:
    document = opened(recompose(synpunkter=f"{ARABIC}\n\nTack."), SHA256)
    (arabic,) = [p for p in document.paragraphs if p.text == ARABIC]
    assert arabic._p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None
    (thanks,) = [p for p in document.paragraphs if p.text == "Tack."]
    assert thanks._p.pPr is None or thanks._p.pPr.find(qn("w:bidi")) is None


@pytest.mark.parametrize(
    "text",
    [
        "nul \x00 esc \x1b[2J bell \x07",
        "icke-tecken \ufffe \uffff",
        "överstyrning \u202eåt andra hållet",
    ],
)
def test_text_xml_cannot_hold_is_left_out_not_a_crash(recompose: Recompose, text: str) -> None:
    document = opened(recompose(synpunkter=text), None)
    shown = body_text(document)
    assert printable(text) in shown
    assert not any(char in shown for char in "\x00\x1b\x07\ufffe\uffff\u202e")


def test_the_files_metadata_names_no_one(draft: Draft) -> None:
    properties = opened(draft, SHA256).core_properties
    assert properties.title == "Sammanställning av kartläggning, version 2"
    assert properties.author == "kartlagg"
    assert properties.created is not None
    assert properties.created.year >= 2026
    for value in (
        properties.subject,
        properties.keywords,
        properties.comments,
        properties.last_modified_by,
    ):
        assert PARTICIPANT_NAME not in value
