"""Tolk mode: the question to ask now, alone and large, in short segments with a pause after each.

A tolk interprets in short segments (one or two sentences), so the Swedish wording is cut into such
segments, each followed by a pause cue. When an area's questions are all asked, the panel shows a
check-back instead: the participant tells in their own words what was said, through the tolk. A
terminal cannot make its letters larger: large type here is bold text in a wide, quiet box, plus the
terminal's own zoom (Ctrl and + in most terminals).
"""

from __future__ import annotations

import re

from rich.console import Group, RenderableType
from rich.text import Text
from textual.widgets import Static

from interview.engine import Interview
from interview.i18n import _
from interview.text import for_display

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
SENTENCES_PER_SEGMENT = 2


def segments(text: str) -> list[str]:
    """Cut ``text`` into segments of at most two sentences, for the tolk to interpret one by one."""
    sentences = [part.strip() for part in _SENTENCE_END.split(text.strip()) if part.strip()]
    return [
        " ".join(sentences[start : start + SENTENCES_PER_SEGMENT])
        for start in range(0, len(sentences), SENTENCES_PER_SEGMENT)
    ] or [text]


def checkback_text(interview: Interview) -> str:
    """Return the Swedish words that ask for a check-back: the bank's own, or a plain default."""
    for area in interview.bank.areas:
        for question in area.questions:
            if question.role == "checkback":
                return question.text(interview.register)
    return _("Berätta med egna ord vad vi har pratat om nu.")


class TolkPanel(Static):
    """The current question in tolk mode (hidden outside it)."""

    DEFAULT_CSS = """
    TolkPanel {
        display: none;
        height: 1fr;
        padding: 1 4;
        content-align: center middle;
        background: $surface;
        border: tall $accent;
    }
    TolkPanel .pause { color: $warning; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        """Make the panel; :meth:`show` fills it."""
        super().__init__("", id=id, markup=False)

    def show(self, interview: Interview) -> None:
        """Show the question to ask now, or the check-back at the end of an area."""
        self.update(self.content_for(interview))

    @staticmethod
    def content_for(interview: Interview) -> RenderableType:
        """Return what the panel shows for ``interview`` as it stands."""
        area = interview.current_area
        parts: list[RenderableType] = [
            Text(area.label_in(interview.register), style="dim", justify="center"),
            Text(""),
        ]
        pause = "⏸  " + _("paus – låt tolken tolka")
        current = interview.current
        if current is None:
            parts.append(Text(_("Stäm av innan ni går vidare:"), style="italic", justify="center"))
            parts.append(Text(""))
            parts.append(Text(for_display(checkback_text(interview)), style="bold", justify="center"))
            parts.append(Text(pause, style="bold yellow", justify="center"))
            parts.append(Text(""))
            parts.append(
                Text(
                    _("Skriv det deltagaren säger som svar på sista frågan, eller gå vidare med F7."),
                    style="dim",
                    justify="center",
                )
            )
            return Group(*parts)
        for segment in segments(for_display(current.text)):
            parts.append(Text(segment, style="bold", justify="center"))
            parts.append(Text(pause, style="bold yellow", justify="center"))
            parts.append(Text(""))
        parts.append(
            Text(
                _("En fråga i taget. Tala till deltagaren, inte till tolken."),
                style="dim",
                justify="center",
            )
        )
        return Group(*parts)
