"""The sammanställning as a Word document (DOCX), made with python-docx.

A4 with the name and masked personnummer in the page header and the version, the checksum and the
page number in the footer. Headings and lists use Word's own styles; the caseworker's assessment is
a framed, shaded box of its own; an area that was not talked about is greyed and marked. The
participant's words in Arabic script are right-to-left runs (``w:rtl``), and a paragraph wholly in
such words is a right-to-left paragraph (``w:bidi``). Text is set as text, never parsed: python-docx
escapes it, and :func:`printable` has left out the control characters XML cannot hold.
"""

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from interview.draft.models import Block, Draft, Section, SectionKind, Sentence
from interview.rtl import has_rtl, is_rtl

from .printable import printable
from .wording import (
    chain_head_text,
    checksum_text,
    document_title,
    identity_text,
    metadata_title,
    not_covered_text,
    page_number_words,
    signature_lines,
    signing_heading,
    version_text,
)

GREY = RGBColor(0x66, 0x66, 0x66)
BOX_FILL = "F0F0F0"
A4_WIDTH, A4_HEIGHT = Mm(210), Mm(297)
LEFT_MARGIN, RIGHT_MARGIN = Mm(20), Mm(18)
FOOTER_SIZE = Pt(8)

Container = DocumentObject | _Cell
"""Where paragraphs go: the document body or the caseworker's box."""


def _set_a4(document: DocumentObject) -> None:
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width = A4_WIDTH
        section.page_height = A4_HEIGHT
        section.top_margin = Mm(22)
        section.bottom_margin = Mm(22)
        section.left_margin = LEFT_MARGIN
        section.right_margin = RIGHT_MARGIN
        section.header_distance = Mm(10)
        section.footer_distance = Mm(10)


def _set_swedish(document: DocumentObject) -> None:
    """Make Swedish the text's default language (spelling, hyphenation) in the document defaults."""
    path = "/".join(qn(tag) for tag in ("w:docDefaults", "w:rPrDefault", "w:rPr", "w:lang"))
    language = document.styles.element.find(path)
    if language is not None:
        language.set(qn("w:val"), "sv-SE")


# The paragraph properties that must follow w:bidi and w:pBdr (OOXML fixes their order).
_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)  # fmt: skip
_AFTER_BORDER = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", *_AFTER_BIDI,
)  # fmt: skip


def _right_to_left_paragraph(paragraph: Paragraph) -> None:
    properties = paragraph._p.get_or_add_pPr()
    properties.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)


def _add_text(paragraph: Paragraph, text: str, *, own_words: bool = False) -> None:
    """Add ``text`` as a run; the participant's words with Arabic script run right to left."""
    shown = printable(text)
    if not shown:
        return
    run = paragraph.add_run(shown)
    if own_words and has_rtl(shown):
        run.font.rtl = True


def _add_sentence(paragraph: Paragraph, sentence: Sentence) -> None:
    for span in sentence.spans:
        _add_text(paragraph, span.text, own_words=span.own_words)
    if all(span.own_words for span in sentence.spans) and is_rtl(sentence.text):
        _right_to_left_paragraph(paragraph)


def _grey(paragraph: Paragraph) -> None:
    for run in paragraph.runs:
        run.font.color.rgb = GREY


def _add_block(container: Container, block: Block, *, level: int, grey: bool) -> None:
    if block.heading:
        heading = container.add_paragraph(printable(block.heading), style=f"Heading {level}")
        if grey:
            _grey(heading)
    for sentence in block.sentences:
        paragraph = container.add_paragraph(style="List Bullet" if block.listed else None)
        _add_sentence(paragraph, sentence)
        if grey:
            _grey(paragraph)


def _shade(cell: _Cell) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), BOX_FILL)
    cell._tc.get_or_add_tcPr().append(shading)


def _add_caseworker_box(document: DocumentObject, section: Section) -> None:
    """Add the caseworker's part: a one-cell framed and shaded table, with its note in bold."""
    table = document.add_table(rows=1, cols=1)
    table.style = document.styles["Table Grid"]
    cell = table.cell(0, 0)
    _shade(cell)
    title = cell.paragraphs[0]
    title.style = document.styles["Heading 1"]
    _add_text(title, section.title)
    if section.note:
        note = cell.add_paragraph()
        _add_text(note, section.note)
        for run in note.runs:
            run.bold = True
    for block in section.blocks:
        _add_block(cell, block, level=2, grey=False)
    document.add_paragraph()


def _add_section(document: DocumentObject, section: Section) -> None:
    if section.kind is SectionKind.ASSESSMENT:
        _add_caseworker_box(document, section)
        return
    heading = document.add_heading(level=1)
    _add_text(heading, section.title)
    if not section.covered:
        _add_text(heading, f" ({not_covered_text()})")
        _grey(heading)
    if section.note:
        note = document.add_paragraph()
        _add_text(note, section.note)
        for run in note.runs:
            run.italic = True
    for block in section.blocks:
        _add_block(document, block, level=2, grey=not section.covered)


def _bottom_border(paragraph: Paragraph) -> None:
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(name), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *_AFTER_BORDER)


def _add_signing(
    document: DocumentObject, draft: Draft, sha256: str | None, audit_head: str | None
) -> None:
    """Add the lines to sign on paper, the printed names once signed, and the checksum."""
    document.add_heading(signing_heading(), level=2)
    for line in signature_lines(draft):
        space = document.add_paragraph()
        space.paragraph_format.space_before = Pt(30)
        space.paragraph_format.right_indent = Mm(70)
        space.paragraph_format.keep_with_next = True
        _bottom_border(space)
        label = document.add_paragraph(line.label)
        label.paragraph_format.keep_with_next = line.printed is not None
        if line.printed:
            printed = document.add_paragraph()
            _add_text(printed, line.printed)
    checksum = document.add_paragraph()
    checksum.paragraph_format.space_before = Pt(18)
    _add_text(checksum, checksum_text(sha256))
    if sha256 and audit_head:
        _add_text(document.add_paragraph(), chain_head_text(audit_head))


def _add_field(paragraph: Paragraph, instruction: str, size: Pt) -> None:
    """Add a field Word fills in (``PAGE``, ``NUMPAGES``) with a placeholder number."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    font_size = OxmlElement("w:sz")
    font_size.set(qn("w:val"), str(round(size.pt * 2)))
    properties.append(font_size)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _header_and_footer(document: DocumentObject, draft: Draft, sha256: str | None) -> None:
    section = document.sections[0]
    header = section.header.paragraphs[0]
    _add_text(header, identity_text(draft))
    footer = section.footer.paragraphs[0]
    width = A4_WIDTH - LEFT_MARGIN - RIGHT_MARGIN
    footer.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    _add_text(footer, f"{version_text(draft)} · {checksum_text(sha256)}")
    page, of = page_number_words()
    footer.add_run(f"\t{page} ")
    _add_field(footer, "PAGE", FOOTER_SIZE)
    footer.add_run(f" {of} ")
    _add_field(footer, "NUMPAGES", FOOTER_SIZE)
    for paragraph in (header, footer):
        for run in paragraph.runs:
            run.font.size = FOOTER_SIZE


def render_docx(draft: Draft, sha256: str | None, *, audit_head: str | None = None) -> bytes:
    """Return the sammanställning as a DOCX file's bytes (A4).

    ``sha256`` is the checksum of the signed version (None when it is not signed); ``audit_head``
    the audit log's chain head at signing.
    """
    document = Document()
    _set_a4(document)
    _set_swedish(document)
    properties = document.core_properties
    properties.title = metadata_title(draft)
    properties.author = "kartlagg"
    properties.last_modified_by = "kartlagg"
    properties.comments = ""
    # The template's dates are from 2013: the file is made now.
    properties.created = properties.modified = datetime.now(UTC).replace(microsecond=0)
    _header_and_footer(document, draft, sha256)

    identity = document.add_paragraph()
    _add_text(identity, identity_text(draft))
    title = document.add_heading(level=0)
    _add_text(title, document_title(draft))
    document.add_paragraph(version_text(draft))
    document.add_paragraph(checksum_text(sha256))
    signed_out = False
    for section in draft.sections:
        if section.kind is SectionKind.HEADING:
            for block in section.blocks:
                _add_block(document, block, level=2, grey=False)
            continue
        _add_section(document, section)
        if section.kind is SectionKind.SIGNATURES:
            _add_signing(document, draft, sha256, audit_head)
            signed_out = True
    if not signed_out:
        _add_signing(document, draft, sha256, audit_head)
    out = BytesIO()
    document.save(out)
    return out.getvalue()
