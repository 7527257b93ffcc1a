"""Exporting a version of the sammanställning to a file: choose the format, see where it goes, write.

The document is made and written by the core (:meth:`Backend.export_draft`, on a thread of its own);
this dialog only chooses the format and says where the file went.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, RadioSet, Static

from interview.documents.files import default_filename
from interview.documents.formats import ExportFormat
from interview.draft.models import Draft, DraftVersion
from interview.draft.workflow import Drafts
from interview.errors import UserError
from interview.i18n import _
from interview.tui.commands import bindings
from interview.tui.commands.contexts import EXPORT
from interview.tui.screens.base import FormModal
from interview.tui.widgets.form import ErrorLine, FieldLabel
from interview.tui.widgets.radio import MarkedRadioButton


class ExportScreen(FormModal[Path]):
    """Choose a format and write the version shown to the exports folder."""

    CSS_PATH = "../drafts.tcss"
    HELP = _(
        "Välj format med pilarna och mellanslag: PDF för utskrift och underskrift, Word, webbsida "
        "eller Markdown. Rutan visar var filen sparas. Ctrl+S skriver filen. "
        "Filen kan bara läsas av dig. Esc stänger."
    )
    AUTO_FOCUS = "#formats"
    CONTEXT = EXPORT
    BINDINGS = bindings(EXPORT)

    def __init__(self, drafts: Drafts, version: DraftVersion, draft: Draft) -> None:
        """Export ``version`` of ``drafts`` (its composed or frozen text is ``draft``)."""
        super().__init__()
        self.drafts = drafts
        self.version = version
        self.draft = draft
        self.format = ExportFormat.PDF
        self.saved: Path | None = None
        self._writing = False

    def compose(self) -> ComposeResult:
        """Lay out the formats, the target and the buttons."""
        with VerticalScroll(classes="dialog", id="export-dialog", can_focus=False):
            yield Static(
                _("Exportera version {n}").format(n=self.version.version),
                classes="dialog-title",
                markup=False,
            )
            if not self.version.signed:
                yield Static(
                    _("Versionen är inte underskriven. Det står i dokumentet."),
                    id="export-unsigned",
                    markup=False,
                )
            with RadioSet(id="formats"):
                for fmt in ExportFormat:
                    yield MarkedRadioButton(fmt.label, fmt is self.format, id=f"format-{fmt.value}")
            yield FieldLabel(_("Sparas som"))
            yield Static("", id="export-target", markup=False)
            yield Static("", id="export-done", markup=False)
            yield ErrorLine()
            with Horizontal(classes="buttons"):
                yield Button(_("Exportera"), id="export", variant="primary")
                yield Button(_("Stäng"), id="cancel")

    def on_mount(self) -> None:
        """Show where the file will go."""
        self._show_target()

    @property
    def target(self) -> Path:
        """Where the file is written: the exports folder and a name that names no person."""
        return self.backend.exports / default_filename(self.draft, self.format)

    def _show_target(self) -> None:
        self.query_one("#export-target", Static).update(Text(str(self.target)))

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """Another format: another file name."""
        for fmt in ExportFormat:
            if event.pressed.id == f"format-{fmt.value}":
                self.format = fmt
        self.query_one("#export-done", Static).update("")
        self.query_one(ErrorLine).clear()
        self._show_target()

    def action_confirm(self) -> None:
        """Write the file in the background."""
        if self._writing:
            return
        self._writing = True
        self.query_one(ErrorLine).clear()
        self.query_one("#export-done", Static).update(Text(_("Skriver filen …"), style="italic"))
        self.run_worker(self._export(self.format), name="export", group="export")

    async def _export(self, fmt: ExportFormat) -> None:
        done = self.query_one("#export-done", Static)
        try:
            path = await self.backend.export_draft(self.drafts, self.version, fmt)
        except UserError as error:
            done.update("")
            self.query_one(ErrorLine).show(str(error))
            return
        finally:
            self._writing = False
        self.saved = path
        done.update(Text("✓ " + _("Sparad: {path}").format(path=path), style="bold"))
        self.notify(_("Sparad: {path}").format(path=path), markup=False)

    def action_cancel(self) -> None:
        """Close (with the last file written, if any)."""
        self.dismiss(self.saved)
