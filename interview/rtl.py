"""Right-to-left text (arabiska, dari, persiska …) made readable in terminals that do not do bidi.

Text is always stored in logical order. For display only, :func:`display_lines` wraps the logical text
to the width first, then joins the Arabic letters of each line (arabic-reshaper) and puts the line in
visual order (python-bidi), which is what xterm, VTE and xterm.js terminals need. Terminals that do
their own bidi get the logical text: the ``rtl_mode`` setting says which.
"""

from __future__ import annotations

import textwrap
import unicodedata
from enum import StrEnum

_ZERO_WIDTH_JOINER = "\u200d"
_RTL_CLASSES = frozenset({"R", "AL"})


class RtlMode(StrEnum):
    """Who puts right-to-left text in order: kartlagg (``visual``) or the terminal (``logical``)."""

    VISUAL = "visual"
    LOGICAL = "logical"


def has_rtl(text: str) -> bool:
    """Tell whether ``text`` holds any right-to-left letter."""
    return any(unicodedata.bidirectional(char) in _RTL_CLASSES for char in text)


def is_rtl(text: str) -> bool:
    """Tell whether ``text`` reads right to left: its first strong letter is right-to-left."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _RTL_CLASSES:
            return True
        if kind == "L":
            return False
    return False


def visual_line(line: str) -> str:
    """Return one logical line shaped and in visual order (left to right on screen)."""
    if not has_rtl(line):
        return line
    # imported on first use: start-up does not pay for them when no right-to-left text is shown
    import arabic_reshaper  # noqa: PLC0415
    from bidi import get_display  # noqa: PLC0415

    return str(get_display(arabic_reshaper.reshape(line)))


def display_lines(text: str, width: int, mode: RtlMode = RtlMode.VISUAL) -> list[str]:
    """Wrap ``text`` to ``width`` columns in logical order, then order each line for display.

    Paragraphs (lines of ``text``) stay apart. In ``logical`` mode the wrapped lines are returned as
    they are, for a terminal that does its own bidi.
    """
    width = max(width, 1)
    lines: list[str] = []
    for paragraph in text.replace(_ZERO_WIDTH_JOINER, "").split("\n"):
        wrapped = textwrap.wrap(paragraph, width, break_on_hyphens=False) or [""]
        lines.extend(visual_line(line) if mode is RtlMode.VISUAL else line for line in wrapped)
    return lines
