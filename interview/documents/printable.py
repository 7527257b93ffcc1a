"""User text made fit for a document: shown as typed, minus what no document can hold."""

from __future__ import annotations

import re

from interview.text import for_display

# Not characters at all in XML 1.0 (a DOCX refuses them); shown as the replacement character.
_NON_CHARACTERS = re.compile("[\ufffe\uffff]")
# for_display shows bidi controls as ⟨RLO⟩; the bundled fonts have no ⟨ ⟩, so documents use ‹RLO›.
_BIDI_MARK = re.compile("\u27e8(LRE|RLE|PDF|LRO|RLO|LRI|RLI|FSI|PDI)\u27e9")


def printable(text: str) -> str:
    """Return ``text`` as a document shows it.

    Escape sequences and control characters are left out (tab and newline stay, tabs as spaces),
    bidi override and isolate controls become visible marks such as ``‹RLO›`` (characters the
    bundled fonts have) so that they cannot reorder the text around them, and the two
    non-characters XML refuses become ``�``. Markup-like
    text (``<script>``, ``[b]``, ``# x``) is kept: each renderer escapes it for its format.
    """
    shown = _BIDI_MARK.sub("\u2039\\1\u203a", for_display(text))
    return _NON_CHARACTERS.sub("\ufffd", shown)


def lines(text: str) -> list[str]:
    """Return the lines of ``printable(text)`` (a text with no newline is one line)."""
    return printable(text).split("\n")
