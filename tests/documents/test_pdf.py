"""The PDF read back with poppler: every answer, the checksum and the signature lines are in its
text, every font is embedded and is one of the bundled Noto fonts, the Arabic answer is drawn, the
pages are A4, and WeasyPrint's log never carries the participant's text.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from interview.documents.pdf import _BundledFontsOnly, render_pdf
from interview.documents.printable import printable
from interview.draft.models import Draft
from interview.rtl import has_rtl
from tests.documents.conftest import (
    ACTIONS,
    ARABIC,
    ASSESSMENT,
    CASEWORKER,
    HOSTILE,
    PARTICIPANT_NAME,
    REHABILITATION,
    SHA256,
    SWEDISH,
    TIGRINYA,
    UKRAINIAN,
    Recompose,
)
from tests.documents.poppler import fonts_of, normalised, page_image, page_sizes, text_of, words_of

A4_POINTS = (595.28, 841.89)


@pytest.fixture
def pdf(draft: Draft, tmp_path: Path) -> Path:
    """The signed draft as a PDF file."""
    path = tmp_path / "sammanstallning.pdf"
    path.write_bytes(render_pdf(draft, SHA256))
    return path


def _arabic_found(expected: str, text: str) -> list[str]:
    """Return the words of ``expected`` that are missing from the extracted ``text``.

    pdftotext gives the Arabic words in logical order, but a glyph that stands for two letters (the
    lam-alef ligature لا) comes out with its letters swapped (ال), because pdftotext reverses the
    characters of a right-to-left run after mapping each glyph to its letters. So ثلاث is extracted
    as ثالث. A word counts as found in either spelling; every other letter must match exactly.
    Quotation marks and punctuation next to a word are not part of it (the first Arabic word comes
    out as ”أعمل, the closing quote first, as the line is laid out).
    """
    words = {word.strip("”“\"'.,:;()") for word in text.split()}
    return [word for word in expected.split() if {word, word.replace("لا", "ال")}.isdisjoint(words)]


def test_the_text_holds_every_answer_the_checksum_and_the_signature_lines(pdf: Path) -> None:
    text = normalised(text_of(pdf))
    for answer in (SWEDISH, TIGRINYA, UKRAINIAN, "Ryggen värker när jag står länge."):
        assert normalised(answer) in text
    # The escape sequence is left out; all the markup is there as text.
    assert normalised(printable(HOSTILE)) in text
    assert "\x1b" not in text
    for paragraph in (*ASSESSMENT.split("\n\n"), REHABILITATION):
        assert paragraph in text
    for what, _who in ACTIONS:
        assert what in text
    assert "Det stämmer. Skriv gärna att jag vill börja på förmiddagar." in text
    assert f"Kontrollsumma (SHA-256): {SHA256}" in text
    for label in ("Deltagarens underskrift", "Handläggarens underskrift", "Ort och datum"):
        assert label in text
    assert f"Namnförtydligande: {PARTICIPANT_NAME}" in text
    assert f"Namnförtydligande: {CASEWORKER}" in text
    assert "Datum: 2026-02-03" in text
    assert _arabic_found(ARABIC, text) == []


def test_the_arabic_check_itself_can_fail(pdf: Path) -> None:
    text = normalised(text_of(pdf))
    assert _arabic_found("أعمل في مكتب", text) == ["مكتب"]


def test_every_area_is_there_and_the_untouched_ones_are_marked(draft: Draft, pdf: Path) -> None:
    text = normalised(text_of(pdf))
    titles = [section.title for section in draft.sections[1:]]
    positions = [text.find(title) for title in titles]
    assert -1 not in positions, [t for t, p in zip(titles, positions, strict=True) if p == -1]
    assert positions == sorted(positions)
    untouched = [section for section in draft.sections if not section.covered]
    assert len(untouched) >= 5
    for section in untouched:
        assert f"{section.title} (Inte taget upp)" in text


def test_every_font_is_embedded_and_bundled(pdf: Path) -> None:
    rows = fonts_of(pdf)
    assert rows
    assert all(row.embedded for row in rows), [row for row in rows if not row.embedded]
    # Subset names are "ABCDEF+<family>": the families are the bundled fonts' own @font-face names.
    families = {row.name.split("+", 1)[-1] for row in rows}
    assert families >= {
        "Kartlagg-Noto-Sans",
        "Kartlagg-Noto-Sans-Bold",
        "Kartlagg-Noto-Sans-Arabic",
        "Kartlagg-Noto-Sans-Ethiopic",
    }
    assert all(family.startswith("Kartlagg-Noto-Sans") for family in families), families


def _dark_share(image: Image.Image, box: tuple[float, float, float, float], scale: float) -> float:
    """Return the share of dark pixels inside ``box`` (PDF points) of a page image."""
    left, top, right, bottom = (round(value * scale) for value in box)
    counts = image.convert("L").crop((left, top, right, bottom)).histogram()
    return sum(counts[:128]) / sum(counts)


def test_the_arabic_answer_is_drawn(pdf: Path, tmp_path: Path) -> None:
    arabic = [word for word in words_of(pdf) if has_rtl(word.text)]
    assert arabic, "pdftotext found no Arabic word"
    page = arabic[0].page
    on_page = [word for word in arabic if word.page == page]
    box = (
        min(word.x_min for word in on_page),
        min(word.y_min for word in on_page),
        max(word.x_max for word in on_page),
        max(word.y_max for word in on_page),
    )
    resolution = 100
    with Image.open(page_image(pdf, page, resolution, tmp_path)) as image:
        scale = resolution / 72
        drawn = _dark_share(image, box, scale)
        # The same band in the right page margin, where nothing is printed: the measure tells
        # ink from paper.
        width = image.width / scale
        margin = (width - 40, box[1], width - 10, box[3])
        blank = _dark_share(image, margin, scale)
    assert drawn > 0.05, f"the Arabic answer's box is almost blank ({drawn:.1%} dark)"
    assert blank == 0


def test_the_pages_are_a4_with_the_person_on_top_and_the_version_below(pdf: Path) -> None:
    sizes = page_sizes(pdf)
    assert len(sizes) >= 2
    for width, height in sizes:
        assert width == pytest.approx(A4_POINTS[0], abs=0.5)
        assert height == pytest.approx(A4_POINTS[1], abs=0.5)
    count = len(sizes)
    for number in range(1, count + 1):
        text = normalised(text_of(pdf, page=number))
        assert f"Sida {number} av {count}" in text
        assert f"Version 2 · undertecknad · Kontrollsumma (SHA-256): {SHA256}" in text
        assert f"{PARTICIPANT_NAME} · 19870614-****" in text
    assert "9807" not in text_of(pdf)


def test_an_unsigned_pdf_says_there_is_no_checksum(unsigned_draft: Draft, tmp_path: Path) -> None:
    path = tmp_path / "utkast.pdf"
    path.write_bytes(render_pdf(unsigned_draft, None))
    text = normalised(text_of(path))
    assert "Inte underskriven – ingen kontrollsumma" in text
    assert "Kontrollsumma (SHA-256)" not in text
    assert "Deltagarens underskrift" in text
    assert "Namnförtydligande" not in text
    assert "Version 2 · utkast" in text


def test_a_name_with_quotes_and_markup_is_printed_as_typed(draft: Draft, tmp_path: Path) -> None:
    name = 'Eva "Evi" \\ </style><b>Provsson'
    path = tmp_path / "namn.pdf"
    path.write_bytes(render_pdf(draft.model_copy(update={"participant_name": name}), SHA256))
    pages = len(page_sizes(path))
    assert pages >= 2
    # On page 2 the name is in the page header only (page 1 has it in the document's header).
    assert f"{name} · 19870614-****" in normalised(text_of(path, page=2))


def test_synpunkter_in_arabic_print_right_to_left(recompose: Recompose, tmp_path: Path) -> None:
    path = tmp_path / "synpunkter.pdf"
    path.write_bytes(render_pdf(recompose(synpunkter=ARABIC), SHA256))
    text = normalised(text_of(path))
    assert _arabic_found(ARABIC, text) == []
    assert text.count("مطبخ") == 2


def test_weasyprint_logs_keep_no_text(draft: Draft, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    render_pdf(draft.model_copy(update={"participant_name": "Eva Loggsdotter"}), SHA256)
    logging.getLogger("weasyprint").warning("Ignored %s at %d", "Eva Loggsdotter", 3)
    logging.getLogger("weasyprint.progress").info("Step %s", SWEDISH)
    assert caplog.records, "nothing was logged: the check below would prove nothing"
    assert "Ignored %s at %d" in caplog.text
    for secret in ("Eva Loggsdotter", SWEDISH, "Ryggen", "19870614"):
        assert secret not in caplog.text


def test_only_the_bundled_fonts_can_be_read() -> None:
    fetcher = _BundledFontsOnly()
    font = Path(__file__).resolve().parents[2] / "interview/documents/fonts/NotoSans-Regular.ttf"
    response = fetcher.fetch(font.as_uri())
    try:
        assert response.read(4) == b"\x00\x01\x00\x00"
    finally:
        response.close()
    for url in (
        "file:///etc/passwd",
        "https://example.org/x.png",
        font.parent.joinpath("OFL.txt").as_uri(),
    ):
        with pytest.raises(ValueError, match="bundled fonts"):
            fetcher.fetch(url)


def test_the_files_metadata_names_no_one(pdf: Path) -> None:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Title"].strip() == "Sammanställning av kartläggning, version 2"
    assert PARTICIPANT_NAME not in info
    assert "19870614" not in info
