"""Adding a participant: name and personnummer (or samordningsnummer), or why there is none."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Static

from interview.errors import UserError
from interview.i18n import _
from interview.participants import ParticipantError
from interview.records import Participant
from interview.tui.commands import bindings
from interview.tui.commands.contexts import ADD_PARTICIPANT
from interview.tui.screens.base import FormModal
from interview.tui.widgets.checkbox import MarkedCheckbox
from interview.tui.widgets.form import ErrorLine, FieldLabel
from interview.tui.widgets.safe_text import SafeInput
from storage.errors import ParticipantExists


class AddParticipantScreen(FormModal[Participant]):
    """A form for a new participant, checked strictly before anything is saved."""

    HELP = _(
        "Skriv deltagarens namn och personnummer eller samordningsnummer med tolv siffror, "
        "till exempel 19850312-2387. Har deltagaren inget nummer: kryssa i rutan och skriv varför, "
        "och gärna födelsedatum. Ctrl+S sparar, Esc avbryter."
    )
    AUTO_FOCUS = "#name"
    LAST_FIELD = "caseworker"
    CONTEXT = ADD_PARTICIPANT
    BINDINGS = bindings(ADD_PARTICIPANT)

    def compose(self) -> ComposeResult:
        """Lay out the fields."""
        with VerticalScroll(classes="dialog"):
            yield Static(_("Ny deltagare"), classes="dialog-title", markup=False)
            yield FieldLabel(_("Namn"))
            yield SafeInput(id="name", max_length=200)
            yield FieldLabel(_("Personnummer eller samordningsnummer (12 siffror)"))
            yield SafeInput(id="number", placeholder=_("ÅÅÅÅMMDD-NNNN"), max_length=20)
            yield MarkedCheckbox(_("Deltagaren har inget nummer"), id="no-number")
            yield FieldLabel(_("Varför saknas nummer? (och födelsedatum)"))
            yield SafeInput(id="reason", disabled=True, max_length=500)
            yield FieldLabel(_("Ditt namn (handläggare)"))
            yield SafeInput(self.kartlagg.caseworker, id="caseworker", max_length=200)
            yield ErrorLine()
            with Horizontal(classes="buttons"):
                yield Button(_("Spara"), id="save", variant="primary")
                yield Button(_("Avbryt"), id="cancel")

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        """No number: the reason field opens, the number field closes."""
        self.query_one("#reason", Input).disabled = not event.value
        self.query_one("#number", Input).disabled = event.value

    def action_confirm(self) -> None:
        """Check and save in the background."""
        self.run_worker(self._save(), name="add-participant", group="save", exclusive=True)

    async def _save(self) -> None:
        name = self.query_one("#name", Input).value
        no_number = self.query_one("#no-number", Checkbox).value
        number = None if no_number else self.query_one("#number", Input).value
        reason = self.query_one("#reason", Input).value if no_number else None
        caseworker = self.query_one("#caseworker", Input).value.strip()
        if not name.strip():
            self.field_error("name", _("Skriv deltagarens namn."))
            return
        if not no_number and not (number or "").strip():
            self.field_error(
                "number",
                _(
                    "Skriv personnummer eller samordningsnummer, eller kryssa i att deltagaren "
                    "inte har något."
                ),
                clears_on=("no-number",),
            )
            return
        if not caseworker:
            self.field_error("caseworker", _("Skriv ditt namn som handläggare."))
            return
        try:
            participant = await self.backend.add_participant(name, number, caseworker, reason)
        except ParticipantError as failure:
            self.field_error(failure.field, str(failure))
            return
        except ParticipantExists as failure:
            self.field_error("number", str(failure))
            return
        except UserError as failure:
            self.form_error(str(failure))
            return
        self.kartlagg.caseworker = caseworker
        self.dismiss(participant)
