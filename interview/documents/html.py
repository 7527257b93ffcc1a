"""The sammanställning as one HTML5 page (``lang="sv"``), also the source of the PDF.

Every text from the records is escaped with :func:`html.escape` after :func:`printable`, so
``<script>`` or ``[b]`` in an answer is shown as typed and never becomes markup. The participant's
own words sit in ``<bdi>`` with their direction, so an Arabic answer inside a Swedish sentence keeps
its order. The caseworker's assessment is a bordered box under its note; an area that was not talked
about is greyed and marked, never left out.
"""

from __future__ import annotations

import html
from importlib import resources

from interview.draft.models import Block, Draft, Section, SectionKind, Sentence, SentenceKind, Span
from interview.rtl import is_rtl

from .printable import printable
from .wording import (
    chain_head_text,
    checksum_text,
    document_title,
    identity_text,
    metadata_title,
    not_covered_text,
    signature_lines,
    signing_heading,
    version_text,
)


def default_css() -> str:
    """Return the stylesheet of an exported HTML page (screen and a plain print)."""
    return resources.files(__package__).joinpath("document.css").read_text(encoding="utf-8")


def _text(text: str) -> str:
    """Escape a record's text for HTML, line breaks kept as ``<br>``."""
    return "<br>\n".join(html.escape(line, quote=True) for line in printable(text).split("\n"))


def _direction(text: str) -> str:
    return "rtl" if is_rtl(text) else "ltr"


def _span(span: Span) -> str:
    if not span.own_words:
        return _text(span.text)
    if not span.text:
        return ""
    return f'<bdi class="own-words" dir="{_direction(span.text)}">{_text(span.text)}</bdi>'


def _sentence(sentence: Sentence) -> str:
    return "".join(_span(span) for span in sentence.spans)


def _paragraph_direction(sentence: Sentence) -> str:
    """Return a ``dir`` attribute for a paragraph wholly in the participant's words (synpunkter)."""
    if all(span.own_words for span in sentence.spans) and is_rtl(sentence.text):
        return ' dir="rtl"'
    return ""


def _sentence_class(sentence: Sentence) -> str:
    return f' class="{sentence.kind.value}"' if sentence.kind is not SentenceKind.GENERATED else ""


def _block(block: Block, level: int) -> list[str]:
    parts: list[str] = []
    if block.heading:
        parts.append(f"<h{level}>{_text(block.heading)}</h{level}>")
    if block.listed:
        items = "\n".join(
            f"<li{_sentence_class(s)}{_paragraph_direction(s)}>{_sentence(s)}</li>"
            for s in block.sentences
        )
        parts.append(f"<ul>\n{items}\n</ul>")
    else:
        parts.extend(
            f"<p{_sentence_class(s)}{_paragraph_direction(s)}>{_sentence(s)}</p>"
            for s in block.sentences
        )
    return parts


def _section_classes(section: Section) -> str:
    classes = ["section", section.kind.value.replace("_", "-")]
    if not section.covered:
        classes.append("not-covered")
    if section.kind is SectionKind.ASSESSMENT:
        classes.append("caseworker-part")
    return " ".join(classes)


def _section(section: Section, draft: Draft, sha256: str | None, audit_head: str | None) -> str:
    title = _text(section.title)
    if not section.covered:
        title += f' <span class="mark">({html.escape(not_covered_text())})</span>'
    parts = [f'<section class="{_section_classes(section)}">', f"<h2>{title}</h2>"]
    if section.note:
        parts.append(f'<p class="note">{_text(section.note)}</p>')
    for block in section.blocks:
        parts.extend(_block(block, 3))
    if section.kind is SectionKind.SIGNATURES:
        parts.append(_signing(draft, sha256, audit_head))
    parts.append("</section>")
    return "\n".join(parts)


def _signing(draft: Draft, sha256: str | None, audit_head: str | None) -> str:
    """Return the lines for signing on paper, the printed names once signed, and the checksum."""
    parts = ['<div class="signing">', f"<h3>{html.escape(signing_heading())}</h3>"]
    for line in signature_lines(draft):
        printed = f'\n<p class="printed">{_text(line.printed)}</p>' if line.printed else ""
        parts.append(
            '<div class="signature-line">\n<div class="sign-here"></div>\n'
            f'<p class="sign-label">{html.escape(line.label)}</p>{printed}\n</div>'
        )
    parts.append(f'<p class="checksum">{_text(checksum_text(sha256))}</p>')
    if sha256 and audit_head:
        parts.append(f'<p class="checksum">{_text(chain_head_text(audit_head))}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def _header(draft: Draft, sha256: str | None) -> str:
    parts = [
        '<header class="document-header">',
        f'<p class="identity">{_text(identity_text(draft))}</p>',
        f"<h1>{_text(document_title(draft))}</h1>",
        f'<p class="version">{_text(version_text(draft))}</p>',
        f'<p class="checksum">{_text(checksum_text(sha256))}</p>',
    ]
    for section in draft.sections:
        if section.kind is SectionKind.HEADING:
            for block in section.blocks:
                parts.extend(_block(block, 2))
    parts.append("</header>")
    return "\n".join(parts)


def render_html(
    draft: Draft, sha256: str | None, *, css: str | None = None, audit_head: str | None = None
) -> str:
    """Return the whole sammanställning as an HTML5 document.

    ``sha256`` is the checksum of the signed version (None when it is not signed). ``css`` replaces
    the page's stylesheet (the PDF passes its print stylesheet); by default :func:`default_css`.
    ``audit_head`` is the audit log's chain head at signing, printed under the checksum.
    """
    stylesheet = default_css() if css is None else css
    # A stylesheet cannot hold "</": nothing in it may end the style element early.
    stylesheet = stylesheet.replace("</", "<\\/")
    body = [_header(draft, sha256)]
    body.append("<main>")
    body.extend(
        _section(section, draft, sha256, audit_head)
        for section in draft.sections
        if section.kind is not SectionKind.HEADING
    )
    if not any(section.kind is SectionKind.SIGNATURES for section in draft.sections):
        body.append(_signing(draft, sha256, audit_head))
    body.append("</main>")
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="sv">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{html.escape(metadata_title(draft))}</title>",
            f"<style>\n{stylesheet}\n</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )
