"""The unit's passphrase, asked before the database is opened (it is the key to the encryption).

A new database gets a passphrase chosen here, typed twice. The passphrase is never shown, stored or
logged; a wrong one gets a plain message that says nothing about what the database holds.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Static

from interview.i18n import _
from interview.passphrase import PassphraseError, check_new
from interview.tui.commands import bindings
from interview.tui.commands.contexts import PASSPHRASE
from interview.tui.screens.base import FormModal
from interview.tui.widgets.form import ErrorLine, FieldLabel
from interview.tui.widgets.safe_text import SafeInput


def _passphrase_field(passphrase: str) -> str:
    """Return the field a refused new passphrase is about: the first, or the second if they differ."""
    try:
        check_new(passphrase, passphrase)
    except PassphraseError:
        return "passphrase"
    return "again"


class PassphraseScreen(FormModal[str]):
    """Ask for the passphrase (or choose one for a new database); Esc closes kartlagg."""

    HELP = _(
        "Databasen är krypterad med enhetens lösenfras. Skriv den och tryck Enter. Lösenfrasen "
        "visas inte och sparas inte. Esc stänger kartlagg."
    )
    AUTO_FOCUS = "#passphrase"
    CONTEXT = PASSPHRASE
    BINDINGS = bindings(PASSPHRASE)

    def __init__(self, *, new: bool, error: str | None = None) -> None:
        """Ask for the passphrase; ``new`` when the database does not exist yet."""
        super().__init__()
        self.new = new
        self.error = error
        self.LAST_FIELD = "again" if new else "passphrase"

    def compose(self) -> ComposeResult:
        """Lay out the field (two for a new passphrase) and the buttons."""
        with VerticalScroll(classes="dialog"):
            if self.new:
                yield Static(_("Välj enhetens lösenfras"), classes="dialog-title", markup=False)
                yield Static(
                    _(
                        "Databasen krypteras med lösenfrasen. Utan den går uppgifterna inte att "
                        "läsa, inte heller för IT-stödet. Välj minst tio tecken, gärna flera ord, "
                        "och förvara den som enheten förvarar andra nycklar."
                    ),
                    markup=False,
                )
            else:
                yield Static(_("Enhetens lösenfras"), classes="dialog-title", markup=False)
            yield FieldLabel(_("Lösenfras"))
            yield SafeInput(password=True, id="passphrase", max_length=200)
            if self.new:
                yield FieldLabel(_("Samma lösenfras en gång till"))
                yield SafeInput(password=True, id="again", max_length=200)
            yield ErrorLine()
            with Horizontal(classes="buttons"):
                yield Button(_("Öppna"), id="open", variant="primary")
                yield Button(_("Stäng kartlagg"), id="cancel")

    def on_mount(self) -> None:
        """Show why the passphrase is asked again, if it was wrong."""
        if self.error:
            self.field_error("passphrase", self.error)

    def action_confirm(self) -> None:
        """Check the passphrase (a new one twice) and go on."""
        passphrase = self.query_one("#passphrase", Input).value
        if self.new:
            try:
                check_new(passphrase, self.query_one("#again", Input).value)
            except PassphraseError as error:
                self.field_error(_passphrase_field(passphrase), str(error))
                return
        elif not passphrase:
            self.field_error("passphrase", _("Skriv lösenfrasen."))
            return
        self.dismiss(passphrase)

    def action_cancel(self) -> None:
        """Close kartlagg: nothing can be done without the passphrase."""
        self.app.exit()
