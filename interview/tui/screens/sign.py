"""Signing a sammanställning: both names, the date, and the participant's consent."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Static

from interview.dates import DateError, format_date, parse_date
from interview.draft.models import DraftVersion
from interview.draft.workflow import Drafts
from interview.errors import UserError
from interview.i18n import _
from interview.records import KartlaggningRecord
from interview.tui.commands import bindings
from interview.tui.commands.contexts import SIGN
from interview.tui.screens.base import FormModal
from interview.tui.widgets.checkbox import MarkedCheckbox
from interview.tui.widgets.form import ErrorLine, FieldLabel
from interview.tui.widgets.safe_text import SafeInput


def caseworker_for(record: KartlaggningRecord, remembered: str) -> str:
    """Return the caseworker's name to offer: the last one entered, or the latest session's."""
    if remembered.strip():
        return remembered.strip()
    sessions = sorted(record.sessions, key=lambda session: session.number)
    return sessions[-1].caseworker if sessions else record.kartlaggning.created_by


def short_hash(sha256: str) -> str:
    """Return the first 16 hex digits of a checksum and "…" (the review shows all 64)."""
    return sha256[:16] + "…"


class SignScreen(FormModal[DraftVersion]):
    """Sign the version that was read through; it closes only once the signature is stored."""

    CSS_PATH = "../drafts.tcss"
    HELP = _(
        "Skriv deltagarens och handläggarens namn och datum (ÅÅÅÅ-MM-DD). Kryssa i att "
        "deltagaren har läst texten och godkänner den. Ctrl+S skriver under. "
        "Efter underskriften kan versionen inte ändras: en ändring blir en ny version. Esc avbryter."
    )
    AUTO_FOCUS = "#participant-name"
    CONTEXT = SIGN
    BINDINGS = bindings(SIGN)

    def __init__(self, drafts: Drafts) -> None:
        """Sign the current version of ``drafts``."""
        super().__init__()
        self.drafts = drafts
        self._saving = False

    def compose(self) -> ComposeResult:
        """Names, date, consent, buttons."""
        record = self.drafts.record
        version = self.drafts.current.version
        today = self.backend.today()
        with VerticalScroll(classes="dialog", id="sign-dialog", can_focus=False):
            yield Static(
                _("Skriv under version {n}").format(n=version), classes="dialog-title", markup=False
            )
            yield Static(
                _("När ni skriver under låses texten. En ändring blir en ny version."),
                markup=False,
            )
            yield FieldLabel(_("Deltagarens namn"))
            yield SafeInput(record.participant.name, id="participant-name", max_length=200)
            yield FieldLabel(_("Handläggarens namn"))
            caseworker = caseworker_for(record, self.kartlagg.caseworker)
            yield SafeInput(caseworker, id="caseworker-name", max_length=200)
            yield FieldLabel(_("Datum (ÅÅÅÅ-MM-DD)"))
            yield SafeInput(format_date(today), id="signed-on", max_length=10)
            yield MarkedCheckbox(_("Deltagaren har läst texten och godkänner den"), id="consent")
            yield ErrorLine()
            with Horizontal(classes="buttons"):
                yield Button(_("Skriv under"), id="sign", variant="primary")
                yield Button(_("Avbryt"), id="cancel")

    def action_confirm(self) -> None:
        """Check the consent and the date, then sign in the background."""
        if self._saving:
            return
        participant = self.query_one("#participant-name", Input).value
        if not participant.strip():
            self.field_error("participant-name", _("Skriv deltagarens namn."))
            return
        caseworker = self.query_one("#caseworker-name", Input).value
        if not caseworker.strip():
            self.field_error("caseworker-name", _("Skriv handläggarens namn."))
            return
        try:
            signed_on = parse_date(self.query_one("#signed-on", Input).value)
            if signed_on is None:
                raise DateError
        except DateError as failure:
            self.field_error("signed-on", str(failure))
            return
        if signed_on > self.backend.today():
            self.field_error("signed-on", _("Datumet kan inte vara efter i dag."))
            return
        if not self.query_one("#consent", Checkbox).value:
            self.field_error("consent", _("Kryssa i att deltagaren har läst texten och godkänner den."))
            return
        self.clear_errors()
        self._saving = True
        self.run_worker(self._sign(participant, caseworker, signed_on), name="sign", group="save")

    async def _sign(self, participant: str, caseworker: str, signed_on: date) -> None:
        drafts = self.drafts
        try:
            signed = await self.backend.run(lambda: drafts.sign(participant, caseworker, signed_on))
        except UserError as failure:
            self.form_error(str(failure))
            return
        finally:
            self._saving = False
        if signed.signature is not None:
            self.kartlagg.caseworker = signed.signature.caseworker
        self.app.call_later(self.dismiss, signed)
