"""The information about personal data for the participant (i on the overview); Esc closes it.

The text lives in :mod:`interview.privacy_notice`; this screen only shows it.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from interview.i18n import _
from interview.privacy_notice import privacy_notice
from interview.text import for_display
from interview.tui.commands import bindings
from interview.tui.commands.contexts import PRIVACY_NOTICE
from interview.tui.screens.base import AppModal


class PrivacyNoticeScreen(AppModal[None]):
    """Who is responsible, why, what is stored, who sees it, for how long, and the rights."""

    HELP = _(
        "Information om personuppgifter att visa eller läsa upp för deltagaren. "
        "Esc stänger informationen."
    )
    CONTEXT = PRIVACY_NOTICE
    BINDINGS = bindings(PRIVACY_NOTICE)

    def compose(self) -> ComposeResult:
        """Lay out the notice, section by section."""
        text = Text()
        text.append(_("Information om personuppgifter") + "\n", style="bold")
        for section in privacy_notice(self.backend.unit):
            text.append("\n" + for_display(section.heading) + "\n", style="bold")
            for paragraph in section.paragraphs:
                text.append(for_display(paragraph) + "\n")
        with VerticalScroll(classes="dialog wide", id="privacy-notice"):
            yield Static(text, markup=False)

    def action_close(self) -> None:
        """Back to the overview."""
        self.dismiss(None)
