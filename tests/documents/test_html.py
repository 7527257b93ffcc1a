"""The HTML page: complete, Swedish, every record's text escaped, own words isolated with their
direction, the caseworker's part boxed, untouched areas marked, the checksum and signature lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from interview.documents.html import render_html
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
    Recompose,
)


@dataclass
class Element:
    """An element of the parsed page: its tag, attributes and all the text inside it."""

    tag: str
    attrs: dict[str, str]
    text: str = ""
    children: list[Element] = field(default_factory=list)

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def find_all(self, tag: str | None = None, css_class: str | None = None) -> list[Element]:
        found = []
        for child in self.children:
            if (tag is None or child.tag == tag) and (css_class is None or css_class in child.classes()):
                found.append(child)
            found.extend(child.find_all(tag, css_class))
        return found


_VOID = {"meta", "br", "link", "img", "hr", "input"}


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(element)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text += data


def parse(page: str) -> tuple[_Tree, Element]:
    tree = _Tree()
    tree.feed(page)
    tree.close()
    assert tree.stack == [tree.root], "an element was left open"
    return tree, tree.root


def test_a_complete_swedish_html5_page(draft: Draft) -> None:
    page = render_html(draft, SHA256)
    tree, root = parse(page)
    assert tree.doctype == "DOCTYPE html"
    (html_element,) = root.find_all("html")
    assert html_element.attrs["lang"] == "sv"
    assert root.find_all("meta")[0].attrs == {"charset": "utf-8"}
    (title,) = root.find_all("title")
    assert PARTICIPANT_NAME not in title.text
    (header,) = root.find_all("header")
    assert f"{PARTICIPANT_NAME} · 19870614-****" in header.text
    assert "Version 2 · undertecknad" in header.text
    assert "9807" not in page


def test_hostile_text_is_shown_literally_never_as_markup(draft: Draft) -> None:
    page = render_html(draft, SHA256)
    _tree, root = parse(page)
    assert root.find_all("script") == []
    assert root.find_all("b") == []
    # The text is all there, as typed, the escape sequence left out.
    assert printable(HOSTILE) in root.text
    assert "&amp; `kod` [a](b)" in root.text
    assert "&amp;amp;" in page
    assert "<script>" not in page
    assert re.search("[\x00-\x08\x0b-\x1f\x7f]", page) is None


def test_own_words_are_isolated_with_their_direction(draft: Draft) -> None:
    _tree, root = parse(render_html(draft, SHA256))
    own = {element.text: element.attrs.get("dir") for element in root.find_all("bdi", "own-words")}
    assert own[ARABIC] == "rtl"
    assert own[TIGRINYA] == "ltr"
    assert own[SWEDISH] == "ltr"


def test_every_section_in_order_and_untouched_areas_marked(draft: Draft) -> None:
    _tree, root = parse(render_html(draft, SHA256))
    sections = root.find_all("section")
    expected = [section for section in draft.sections if section.kind is not SectionKind.HEADING]
    assert len(sections) == len(expected)
    for element, section in zip(sections, expected, strict=True):
        (heading, *_rest) = element.find_all("h2")
        assert heading.text.startswith(section.title)
        assert ("not-covered" in element.classes()) is not section.covered
        if not section.covered:
            assert "(Inte taget upp)" in heading.text


def test_the_caseworkers_part_is_a_marked_box_apart_from_the_participants_words(draft: Draft) -> None:
    _tree, root = parse(render_html(draft, SHA256))
    (box,) = root.find_all("section", "caseworker-part")
    (note,) = box.find_all("p", "note")
    assert note.text == "Handläggaren har skrivit den här delen. Det är inte deltagarens egna ord."
    for paragraph in ASSESSMENT.split("\n\n"):
        assert paragraph in box.text
    assert box.find_all("bdi") == []
    assert ".caseworker-part {" in root.find_all("style")[0].text
    (synpunkter,) = root.find_all("section", "synpunkter")
    assert "Skriv gärna att jag vill börja på förmiddagar." in synpunkter.text
    assert synpunkter.find_all("bdi", "own-words")


def test_checksum_and_signature_lines_when_signed(draft: Draft) -> None:
    _tree, root = parse(render_html(draft, SHA256))
    (signing,) = root.find_all("div", "signing")
    labels = [element.text for element in signing.find_all("p", "sign-label")]
    assert labels == ["Deltagarens underskrift", "Handläggarens underskrift", "Ort och datum"]
    assert len(signing.find_all("div", "sign-here")) == 3
    printed = [element.text for element in signing.find_all("p", "printed")]
    assert printed == [
        f"Namnförtydligande: {PARTICIPANT_NAME}",
        "Namnförtydligande: Handläggare Tove Påhittad",
        "Datum: 2026-02-03",
    ]
    assert f"Kontrollsumma (SHA-256): {SHA256}" in signing.text


def test_unsigned_has_blank_lines_and_no_checksum(unsigned_draft: Draft) -> None:
    _tree, root = parse(render_html(unsigned_draft, None))
    (signing,) = root.find_all("div", "signing")
    assert len(signing.find_all("div", "sign-here")) == 3
    assert signing.find_all("p", "printed") == []
    assert "Inte underskriven – ingen kontrollsumma" in signing.text
    assert "Kontrollsumma (SHA-256)" not in root.text


def test_arabic_synpunkter_are_a_right_to_left_paragraph(recompose: Recompose) -> None:
    _tree, root = parse(render_html(recompose(synpunkter=f"{ARABIC}\n\nTack."), SHA256))
    (synpunkter,) = root.find_all("section", "synpunkter")
    paragraphs = synpunkter.find_all("p", "participant")
    assert [paragraph.attrs.get("dir") for paragraph in paragraphs] == ["rtl", None]


def test_bidi_overrides_and_line_breaks(recompose: Recompose) -> None:
    page = render_html(recompose(synpunkter="Rad ett\nrad \u202etvå"), None)
    assert "\u202e" not in page
    assert "Rad ett<br>\nrad ‹RLO›två" in page


def test_a_stylesheet_cannot_close_the_style_element(draft: Draft) -> None:
    page = render_html(draft, None, css="p { color: red } </style><script>x</script>")
    _tree, root = parse(page)
    assert root.find_all("script") == []


def test_a_hostile_name_is_text(draft: Draft) -> None:
    name = '<img src=x onerror="alert(1)"> & Co'
    page = render_html(draft.model_copy(update={"participant_name": name}), SHA256)
    _tree, root = parse(page)
    assert root.find_all("img") == []
    (identity,) = root.find_all("p", "identity")
    assert identity.text == f"{name} · 19870614-****"
