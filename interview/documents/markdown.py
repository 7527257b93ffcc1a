"""The sammanställning as Markdown text (CommonMark), for pasting into other systems.

Every text from the records is escaped: ASCII punctuation that Markdown could read as markup gets a
backslash, and a line that could start a heading, a list, a quote or a code block is escaped at its
start, so an answer like ``# x``, ``[a](b)`` or ``<b>`` reads exactly as it was typed. The participant's
words in Arabic script are wrapped in Unicode isolates (FSI … PDI) so they keep their order inside
a Swedish sentence.
"""

from __future__ import annotations

import re

from interview.draft.models import Block, Draft, Section, SectionKind, Sentence
from interview.rtl import has_rtl

from .printable import printable
from .wording import (
    chain_head_text,
    checksum_text,
    document_title,
    identity_text,
    not_covered_text,
    signature_lines,
    signing_heading,
    version_text,
)

# Everywhere: what can open or close inline markup (emphasis, code, links, HTML, entities, tables).
_INLINE = re.compile(r"([\\`*_\[\]<>&|~!])")
# At the start of a line: what can begin a block (heading, list, quote, setext line, fence).
_LINE_START = re.compile(r"^([#+=\-])")
_ORDERED = re.compile(r"^([0-9]{1,9})([.)])")
_BLANK_FILL = "." * 48


def _escape_inline(text: str) -> str:
    """Escape what could open or close inline markup; line breaks are kept."""
    return _INLINE.sub(r"\\\1", printable(text))


def _safe_lines(escaped: str) -> list[str]:
    """Return the lines of inline-escaped text, each made unable to start a block.

    Leading spaces are dropped (four would make a code block), and so are empty lines.
    """
    out = []
    for line in escaped.split("\n"):
        stripped = line.lstrip(" ")
        if stripped:
            out.append(_ORDERED.sub(r"\1\\\2", _LINE_START.sub(r"\\\1", stripped)))
    return out


def escape(text: str) -> list[str]:
    """Return the lines of ``text`` with everything Markdown could read as markup escaped."""
    return _safe_lines(_escape_inline(text))


def _inline(text: str, indent: str = "") -> str:
    """Return ``text`` escaped as one paragraph; its own line breaks become hard breaks."""
    return ("\\\n" + indent).join(escape(text))


def _sentence(sentence: Sentence, indent: str = "") -> str:
    parts = []
    for span in sentence.spans:
        text = _escape_inline(span.text)
        if span.own_words and has_rtl(span.text):
            # First-strong isolate … pop: an Arabic answer keeps its order inside a Swedish sentence.
            text = f"\u2068{text}\u2069"
        parts.append(text)
    return ("\\\n" + indent).join(_safe_lines("".join(parts)))


def _block(block: Block) -> list[str]:
    out: list[str] = []
    if block.heading:
        out += [f"### {_inline(block.heading)}", ""]
    if block.listed:
        out += [f"- {_sentence(sentence, '  ')}" for sentence in block.sentences]
        out.append("")
    else:
        for sentence in block.sentences:
            out += [_sentence(sentence), ""]
    return out


def _quoted(body: list[str]) -> list[str]:
    """Put lines in a block quote (the caseworker's box)."""
    return [f"> {line}" if line else ">" for line in body]


def _section(section: Section) -> list[str]:
    title = _inline(section.title)
    if not section.covered:
        title += f" *({_inline(not_covered_text())})*"
    body: list[str] = []
    if section.note:
        body += [f"**{_inline(section.note)}**", ""]
    for block in section.blocks:
        body += _block(block)
    if section.kind is SectionKind.ASSESSMENT:
        while body and not body[-1]:
            body.pop()
        return [f"## {title}", "", *_quoted(body), ""]
    return [f"## {title}", "", *body]


def _signing(draft: Draft, sha256: str | None, audit_head: str | None) -> list[str]:
    out = [f"### {_inline(signing_heading())}", ""]
    for line in signature_lines(draft):
        out += [f"{_inline(line.label)}: {_BLANK_FILL}", ""]
        if line.printed:
            out += [_inline(line.printed), ""]
    out += [_inline(checksum_text(sha256)), ""]
    if sha256 and audit_head:
        out += [_inline(chain_head_text(audit_head)), ""]
    return out


def render_markdown(draft: Draft, sha256: str | None, *, audit_head: str | None = None) -> str:
    """Return the whole sammanställning as Markdown.

    ``sha256`` is the checksum of the signed version (None when it is not signed); ``audit_head``
    the audit log's chain head at signing.
    """
    out = [
        _inline(identity_text(draft)),
        "",
        f"# {_inline(document_title(draft))}",
        "",
        _inline(version_text(draft)) + "\\",
        _inline(checksum_text(sha256)),
        "",
    ]
    signed_out = False
    for section in draft.sections:
        if section.kind is SectionKind.HEADING:
            for block in section.blocks:
                out += _block(block)
            continue
        out += _section(section)
        if section.kind is SectionKind.SIGNATURES:
            out += _signing(draft, sha256, audit_head)
            signed_out = True
    if not signed_out:
        out += _signing(draft, sha256, audit_head)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"
