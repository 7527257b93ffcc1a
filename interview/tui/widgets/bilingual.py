"""The question in Swedish beside (wide screens) or above (narrow) the participant's reading language.

Swedish is the official wording and is always shown; the translation is reading support and carries
its status ("utkast, inte granskat – kan innehålla fel"), so nobody mistakes a draft for the truth.
Right-to-left text is shaped and ordered for the terminal by :class:`DisplayText` (or left to a
terminal that does its own bidi, by the ``rtl_mode`` setting).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from interview.i18n import _
from interview.languages import TranslationStatus, language
from interview.rtl import RtlMode
from interview.text import for_display
from interview.tui.widgets.display_text import DisplayText


@dataclass(frozen=True)
class ShownQuestion:
    """What the bilingual view shows: the Swedish wording and, if there is one, its translation."""

    swedish: str
    language: str
    translated: str | None
    status: TranslationStatus | None
    own: bool = False
    """The caseworker's own follow-up: it has no translation."""


def language_heading(tag: str, status: TranslationStatus | None) -> str:
    """Return ``arabiska · utkast, inte granskat – kan innehålla fel`` for the translation's column."""
    name = language(tag).name
    return f"{name} · {status.label}" if status is not None else name


class BilingualQuestion(Horizontal):
    """Two columns (or two rows on a narrow screen): Swedish, then the participant's language."""

    DEFAULT_CSS = """
    BilingualQuestion { height: auto; max-height: 12; background: $surface; padding: 0 1; }
    BilingualQuestion > Static { width: 1fr; height: auto; padding: 0 1; }
    BilingualQuestion > #bilingual-translated { border-left: tall $accent; }
    BilingualQuestion.-stacked { layout: vertical; }
    BilingualQuestion.-stacked > #bilingual-translated { border-left: none; border-top: tall $accent; }
    """

    def __init__(self, *, rtl_mode: RtlMode = RtlMode.VISUAL, id: str | None = None) -> None:
        """Make the view; it shows nothing until :meth:`show` is called."""
        super().__init__(id=id)
        self.rtl_mode = rtl_mode
        self.shown: ShownQuestion | None = None

    def compose(self) -> ComposeResult:
        """Lay out the Swedish column and the translation's column."""
        yield Static("", id="bilingual-swedish", markup=False)
        yield Static("", id="bilingual-translated", markup=False)

    def show(self, question: ShownQuestion | None) -> None:
        """Show ``question`` (None: nothing to ask now; the view keeps its place)."""
        self.shown = question
        swedish = self.query_one("#bilingual-swedish", Static)
        translated = self.query_one("#bilingual-translated", Static)
        if question is None:
            swedish.update(Text(_("Ingen fråga just nu."), style="italic"))
            translated.update("")
            return
        swedish.update(
            Group(
                Text(_("svenska (gäller)"), style="dim"),
                Text(for_display(question.swedish), style="bold"),
            )
        )
        heading = Text(language_heading(question.language, question.status), style="dim")
        if question.translated is None:
            missing = (
                _("Egen följdfråga: ingen översättning. Läs den på svenska eller be tolken tolka.")
                if question.own
                else _("Den här frågan är inte översatt. Läs den på svenska eller be tolken tolka.")
            )
            translated.update(Group(heading, Text(missing, style="italic")))
            return
        translated.update(
            Group(
                heading,
                DisplayText(question.translated, style="bold", rtl_mode=self.rtl_mode),
            )
        )

    def stack(self, stacked: bool) -> None:
        """Put the translation below the Swedish (narrow screens) or beside it (wide)."""
        self.set_class(stacked, "-stacked")
