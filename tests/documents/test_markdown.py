"""The Markdown text: read back with a CommonMark parser, every record's text is plain text (no
heading, list, link, code, HTML or emphasis of its own) and reads exactly as it was typed.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt

from interview.documents.markdown import render_markdown
from interview.documents.printable import printable
from interview.draft.models import Draft, SectionKind
from tests.documents.conftest import (
    ARABIC,
    HOSTILE,
    SHA256,
    SWEDISH,
    TIGRINYA,
    UKRAINIAN,
    Recompose,
)

TRICKY_LINES = (
    "# inte en rubrik",
    "- inte en lista",
    "1. inte heller",
    "> inget citat",
    "---",
    "===",
    "<div>ingen html</div>",
    "[a]: https://example.org",
    "*inte kursiv* _inte heller_ `ingen kod` ~~inget~~",
    "&amp; &#65; a|b\\",
    "![bild](x.png) [länk](https://example.org) <https://example.org>",
)


def as_html(markdown: str) -> str:
    """Render with CommonMark, raw HTML allowed (so any that slipped through would show)."""
    rendered: str = MarkdownIt("commonmark").render(markdown)
    return rendered


def tags(rendered: str, name: str) -> list[str]:
    return re.findall(rf"<{name}[ >]", rendered)


def plain(rendered: str) -> str:
    """Return the rendered page's text, markup removed and entities decoded, whitespace collapsed."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", rendered))
    return " ".join(text.split())


def test_answers_read_as_typed_and_make_no_markup(draft: Draft) -> None:
    rendered = as_html(render_markdown(draft, SHA256))
    text = plain(rendered)
    for answer in (SWEDISH, TIGRINYA, UKRAINIAN, printable(HOSTILE)):
        assert " ".join(answer.split()) in text
    assert ARABIC in text
    for name in ("script", "a", "b", "code", "img", "pre"):
        assert tags(rendered, name) == [], name
    assert "\x1b" not in text


def test_one_heading_per_section_and_none_from_the_answers(draft: Draft) -> None:
    rendered = as_html(render_markdown(draft, SHA256))
    assert len(tags(rendered, "h1")) == 1
    sections = [section for section in draft.sections if section.kind is not SectionKind.HEADING]
    assert len(tags(rendered, "h2")) == len(sections)
    for section in sections:
        assert f"<h2>{html.escape(section.title, quote=False)}" in rendered
    untouched = [section for section in sections if not section.covered]
    assert rendered.count("<em>(Inte taget upp)</em>") == len(untouched)


def test_tricky_lines_in_synpunkter_stay_text(recompose: Recompose) -> None:
    draft = recompose(synpunkter="\n".join(TRICKY_LINES))
    markdown = render_markdown(draft, None)
    rendered = as_html(markdown)
    (synpunkter,) = re.findall(r"<h2>Deltagarens synpunkter</h2>(.*?)<h2>", rendered, re.DOTALL)
    for name in (
        "h1",
        "h2",
        "h3",
        "li",
        "ol",
        "blockquote",
        "hr",
        "div",
        "a",
        "img",
        "em",
        "code",
        "del",
    ):
        assert tags(synpunkter, name) == [], (name, synpunkter)
    text = plain(synpunkter)
    for line in TRICKY_LINES:
        assert line in text, line


def test_the_caseworkers_part_is_a_quoted_box_with_its_note(draft: Draft) -> None:
    rendered = as_html(render_markdown(draft, SHA256))
    (box,) = re.findall(r"<blockquote>(.*?)</blockquote>", rendered, re.DOTALL)
    assert "<strong>Handläggaren har skrivit den här delen." in box
    assert "Leyla har lång erfarenhet av köksarbete." in box
    assert "Skriv gärna" not in box


def test_arabic_own_words_are_isolated(draft: Draft) -> None:
    assert f"\u2068{ARABIC}\u2069" in render_markdown(draft, SHA256)
    assert f"\u2068{SWEDISH}" not in render_markdown(draft, SHA256)


def test_checksum_and_signature_lines(draft: Draft, unsigned_draft: Draft) -> None:
    signed = plain(as_html(render_markdown(draft, SHA256)))
    assert f"Kontrollsumma (SHA-256): {SHA256}" in signed
    for label in ("Deltagarens underskrift", "Handläggarens underskrift", "Ort och datum"):
        assert f"{label}: ....." in signed
    assert "Namnförtydligande: Leyla Provdotter" in signed
    unsigned = plain(as_html(render_markdown(unsigned_draft, None)))
    assert "Inte underskriven – ingen kontrollsumma" in unsigned
    assert "Namnförtydligande" not in unsigned
