"""The caseworker's three sections of a sammanställning, edited in a dialog that closes once saved."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static, TextArea

from interview.draft.models import ASSESSMENT_FIELDS, CaseworkerSections, DraftStatus, DraftVersion
from interview.draft.workflow import Drafts
from interview.errors import UserError
from interview.i18n import _
from interview.tui.commands import bindings
from interview.tui.commands.contexts import ASSESSMENT
from interview.tui.screens.base import FormModal
from interview.tui.widgets.form import ErrorLine, FieldLabel
from interview.tui.widgets.safe_text import AnswerBox


class SectionsScreen(FormModal[DraftVersion]):
    """The caseworker's three sections in three boxes; it closes only once they are saved."""

    CSS_PATH = "../drafts.tcss"
    HELP = _(
        "Skriv handläggarens bedömning i de tre rutorna. Tab går till nästa ruta. Ctrl+S sparar. "
        "Om det inte går att spara står det varför, och texten finns kvar i rutorna. "
        "Esc stänger (två gånger om du har ändrat något som inte är sparat)."
    )
    CONTEXT = ASSESSMENT
    BINDINGS = bindings(ASSESSMENT)

    def __init__(self, drafts: Drafts, by: str) -> None:
        """Edit the sections of ``drafts``' current version as ``by``."""
        super().__init__()
        self.drafts = drafts
        self.by = by
        self.original = drafts.current.sections
        self._warned = False
        self._saving = False

    def _note(self) -> str:
        current = self.drafts.current
        if current.signed:
            return _(
                "Version {n} är underskriven och ändras inte. Det du sparar blir version {next}."
            ).format(n=current.version, next=current.version + 1)
        if current.status is not DraftStatus.UTKAST:
            return _(
                "Om du ändrar texten blir version {n} ett utkast igen och behöver granskas på nytt."
            ).format(n=current.version)
        return _("Det här är din bedömning. Den visas som handläggarens text, inte deltagarens ord.")

    def compose(self) -> ComposeResult:
        """Three labelled boxes and the buttons."""
        with VerticalScroll(classes="dialog wide", id="sections-dialog", can_focus=False):
            yield Static(_("Handläggarens bedömning"), classes="dialog-title", markup=False)
            yield Static(self._note(), id="sections-note", markup=False)
            for field, heading in ASSESSMENT_FIELDS:
                yield FieldLabel(_(heading))
                text: str = getattr(self.original, field)
                yield AnswerBox(text, id=field, clear_on_submit=False)
            yield ErrorLine()
            with Horizontal(classes="buttons"):
                yield Button(_("Spara"), id="save", variant="primary")
                yield Button(_("Avbryt"), id="cancel")

    def on_mount(self) -> None:
        """Start typing at the end of the first box."""
        box = self.query_one("#assessment", AnswerBox)
        box.move_cursor(box.document.end)
        box.focus()

    def typed(self) -> dict[str, str]:
        """Return what the three boxes hold."""
        return {
            field: self.query_one(f"#{field}", TextArea).text for field, _heading in ASSESSMENT_FIELDS
        }

    def on_answer_box_submitted(self, message: AnswerBox.Submitted) -> None:
        """Ctrl+S in a box saves."""
        message.stop()
        self.action_confirm()

    def action_confirm(self) -> None:
        """Save in the background; a refusal is explained here and the text stays in the boxes."""
        if self._saving:
            return
        self._saving = True
        sections = CaseworkerSections(**self.typed())
        self.run_worker(self._save(sections), name="save-sections", group="save")

    async def _save(self, sections: CaseworkerSections) -> None:
        drafts, by = self.drafts, self.by
        try:
            saved = await self.backend.run(lambda: drafts.save_sections(sections, by))
        except UserError as error:
            self.query_one(ErrorLine).show(str(error))
            return
        finally:
            self._saving = False
        self.app.call_later(self.dismiss, saved)

    def action_cancel(self) -> None:
        """Close; if something typed is not saved, only on the second Esc."""
        changed = self.typed() != {
            field: getattr(self.original, field) for field, _heading in ASSESSMENT_FIELDS
        }
        if changed and not self._warned:
            self._warned = True
            self.query_one(ErrorLine).show(
                _(
                    "Det du har skrivit är inte sparat. Tryck Ctrl+S för att spara, "
                    "eller Esc igen för att stänga utan att spara."
                )
            )
            return
        self.dismiss(None)
