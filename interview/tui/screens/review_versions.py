"""The earlier versions of a sammanställning, in a list to choose one to read."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from interview.draft.models import DraftVersion
from interview.i18n import _
from interview.text import for_display
from interview.tui.commands import bindings
from interview.tui.commands.contexts import VERSIONS
from interview.tui.labels import day
from interview.tui.screens.base import AppModal


def version_line(version: DraftVersion) -> str:
    """One version in the list of versions."""
    text = _("Version {n} · {status} · ändrad {date}").format(
        n=version.version, status=version.status.label, date=day(version.updated_at)
    )
    if version.updated_by:
        text += " " + _("av {who}").format(who=for_display(version.updated_by))
    return text


class VersionsScreen(AppModal[DraftVersion | None]):
    """The earlier versions; choose one to read."""

    HELP = _("Välj en version med pilarna och tryck Enter för att läsa den. Esc stänger.")
    AUTO_FOCUS = "#version-options"
    CONTEXT = VERSIONS
    BINDINGS = bindings(VERSIONS)

    def __init__(self, versions: list[DraftVersion]) -> None:
        """Offer ``versions``."""
        super().__init__()
        self.versions = versions

    def compose(self) -> ComposeResult:
        """Lay out the list."""
        options = [
            Option(Text(version_line(version)), id=version.id) for version in reversed(self.versions)
        ]
        with Vertical(classes="dialog"):
            yield Static(_("Tidigare versioner"), classes="dialog-title", markup=False)
            yield OptionList(*options, id="version-options")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Read the chosen version."""
        event.stop()
        for version in self.versions:
            if version.id == event.option.id:
                self.dismiss(version)

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
