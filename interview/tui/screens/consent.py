"""The medgivande om informationsutbyte: the one that counts in full, a new one, and a withdrawal.

:class:`ConsentScreen` shows the participant's current medgivande (and earlier ones briefly) with the
text that was shown. ``n`` opens :class:`ConsentFormScreen` to register a new one, ``a`` opens
:class:`WithdrawConsentScreen`. Both forms save themselves and stay open on a mistake, with the message
on the form and everything typed kept.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Select, Static

from interview.consent import (
    CONSENT_TEXT,
    CONSENT_TEXT_VERSION,
    Category,
    Consent,
    ConsentError,
    Direction,
    Party,
    PartyKind,
    WithdrawalChannel,
    consent_line,
    consent_status,
    current,
    latest_end,
)
from interview.dates import DateError, format_date, parse_date
from interview.errors import UserError
from interview.i18n import _
from interview.languages import LANGUAGES, language
from interview.records import Participant
from interview.text import for_display
from interview.tui.commands import bindings
from interview.tui.commands.contexts import CONSENT, CONSENT_FORM, WITHDRAW_CONSENT
from interview.tui.consent_text import SWEDISH, consent_details
from interview.tui.labels import day
from interview.tui.screens.base import AppScreen, FormModal
from interview.tui.widgets.checkbox import MarkedCheckbox
from interview.tui.widgets.footer import KeyFooter
from interview.tui.widgets.form import ErrorLine, FieldLabel
from interview.tui.widgets.safe_text import SafeInput
from interview.tui.widgets.topbar import TopBar

__all__ = ["ConsentFormScreen", "ConsentScreen", "WithdrawConsentScreen", "consent_details"]


class ConsentScreen(AppScreen[None]):
    """The participant's medgivande om informationsutbyte."""

    HELP = _(
        "Medgivandet om informationsutbyte: vilka parter enheten får hämta uppgifter från och lämna "
        "uppgifter till, vilka uppgifter och hur länge. Det senaste medgivandet gäller. Tryck n för "
        "att registrera ett nytt och a för att återkalla det som gäller. Esc går tillbaka."
    )
    CONTEXT = CONSENT
    BINDINGS = bindings(CONSENT)

    def __init__(self, participant: Participant) -> None:
        """Show the medgivanden of ``participant``."""
        super().__init__()
        self.participant = participant
        self.consents: list[Consent] = []
        self._loaded = False

    def compose(self) -> ComposeResult:
        """Lay out the current medgivande, earlier ones, and the text."""
        yield TopBar(self.participant.name, demo=self.kartlagg.demo)
        with VerticalScroll(id="overview"):
            yield Static(_("Medgivande om informationsutbyte"), classes="dialog-title", markup=False)
            yield Static(_("Laddar …"), id="consent-current", markup=False)
            yield Static("", id="consent-earlier", markup=False)
            yield Static(
                _("Texten som visas för deltagaren (version {version}):").format(
                    version=CONSENT_TEXT_VERSION
                ),
                classes="consent-text",
                markup=False,
            )
            yield Static(CONSENT_TEXT, id="consent-text", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Load the medgivanden."""
        self.run_worker(self.reload(), name="load-consents", group="load", exclusive=True)

    async def reload(self) -> None:
        """Load and show the medgivanden."""
        try:
            self.consents = await self.backend.consents(self.participant.id)
        except UserError as error:
            self.show_error(str(error))
            return
        self._loaded = True
        today = self.backend.today()
        latest = current(self.consents)
        shown = self.query_one("#consent-current", Static)
        if latest is None:
            shown.update(
                consent_line(None, today) + "\n" + _("Tryck n för att registrera ett nytt medgivande.")
            )
        else:
            shown.update(consent_details(latest, today))
        shown.set_class(consent_status(latest, today).warning, "warning")
        earlier = Text()
        if len(self.consents) > 1:
            earlier.append(_("Tidigare medgivanden") + ":\n", style="bold")
            for consent in reversed(self.consents[:-1]):
                earlier.append(
                    "  "
                    + _("{start} – {end}: {parties} ({status})").format(
                        start=day(consent.valid_from),
                        end=day(consent.valid_to),
                        parties=for_display(consent.parties_text),
                        status=consent_status(consent, today).label,
                    )
                    + "\n"
                )
        self.query_one("#consent-earlier", Static).update(earlier)

    def action_new(self) -> None:
        """Register a new medgivande (n)."""
        if not self._loaded:
            return

        def saved(consent: Consent | None) -> None:
            if consent is not None:
                self.notify(_("Medgivandet är sparat."), markup=False)
                self.run_worker(self.reload(), name="load-consents", group="load", exclusive=True)

        self.app.push_screen(ConsentFormScreen(self.participant), saved)

    def action_withdraw(self) -> None:
        """Withdraw the medgivande that counts (a)."""
        if not self._loaded:
            return
        latest = current(self.consents)
        if latest is None:
            self.notify(_("Det finns inget medgivande att återkalla."), markup=False)
            return
        if latest.withdrawal is not None:
            self.notify(
                _("Medgivandet är redan återkallat. Det går inte att återkalla det igen."),
                markup=False,
            )
            return

        def saved(consent: Consent | None) -> None:
            if consent is not None:
                self.notify(_("Återkallelsen är sparad."), markup=False)
                self.run_worker(self.reload(), name="load-consents", group="load", exclusive=True)

        self.app.push_screen(WithdrawConsentScreen(latest), saved)

    def action_back(self) -> None:
        """Back to the overview."""
        self.app.pop_screen()


_FIELD_IDS = {
    "parties": f"party-{next(iter(PartyKind)).value}",
    "categories": f"category-{next(iter(Category)).value}",
    "purpose": "purpose",
    "valid_from": "valid-from",
    "valid_to": "valid-to",
    "signed_on": "signed-on",
    "voluntary": "voluntary",
    "language": "consent-language",
    "caseworker": "caseworker",
    "withdrawn_on": "withdrawn-on",
}
"""Which widget to put the cursor in for each field a :class:`ConsentError` names."""

_LAST_PARTY = [*PartyKind][-1]
_GROUPS: dict[str, tuple[tuple[str, ...], str]] = {
    "parties": (
        tuple(f"party-{kind.value}" for kind in PartyKind),
        f"name-{_LAST_PARTY.value}" if _LAST_PARTY.takes_name else f"party-{_LAST_PARTY.value}",
    ),
    "categories": (
        tuple(f"category-{category.value}" for category in Category),
        f"category-{[*Category][-1].value}",
    ),
}
"""For a field that is a group of boxes: the boxes that clear its message, and the last one (the
message is shown under it)."""


class _SavingForm(FormModal[Consent]):
    """A form that saves itself and shows a mistake at its field, keeping what was typed."""

    def fail(self, message: str, field: str = "") -> None:
        """Show ``message`` at ``field`` (a :class:`ConsentError` field name), the cursor there."""
        widget_id = _FIELD_IDS.get(field, field)
        if not widget_id or not self.query(f"#{widget_id}"):
            self.form_error(message)
            return
        clears_on, below = _GROUPS.get(field, ((), ""))
        self.field_error(widget_id, message, below=below or None, clears_on=clears_on)

    def read_date(self, widget_id: str, label: str) -> date:
        """Return the date typed in ``widget_id``; raise :class:`ConsentError` naming ``label``."""
        value = self.query_one(f"#{widget_id}", Input).value
        try:
            parsed = parse_date(value)
        except DateError as error:
            raise ConsentError(f"{label}: {error}", widget_id) from None
        if parsed is None:
            raise ConsentError(f"{label}: {DateError()}", widget_id)
        return parsed

    def text(self, widget_id: str) -> str:
        """Return the text typed in ``widget_id``, trimmed."""
        return self.query_one(f"#{widget_id}", Input).value.strip()


class ConsentFormScreen(_SavingForm):
    """Register a new medgivande om informationsutbyte."""

    HELP = _(
        "Fyll i medgivandet tillsammans med deltagaren: vilka parter, åt vilket håll, vilka uppgifter "
        "och vad som inte ingår, syftet och hur länge det gäller (högst 12 månader). Datum skrivs "
        "ÅÅÅÅ-MM-DD. Ctrl+S sparar, Esc avbryter."
    )
    AUTO_FOCUS = "#caseworker"
    CONTEXT = CONSENT_FORM
    BINDINGS = bindings(CONSENT_FORM)

    def __init__(self, participant: Participant) -> None:
        """Register a medgivande for ``participant``."""
        super().__init__()
        self.participant = participant
        self._saving = False

    def compose(self) -> ComposeResult:
        """Lay out the fields."""
        today = self.backend.today()
        directions = [(direction.label, direction.value) for direction in Direction]
        with VerticalScroll(classes="dialog full"):
            yield Static(
                _("Nytt medgivande om informationsutbyte"), classes="dialog-title", markup=False
            )
            yield FieldLabel(_("Handläggare"))
            yield SafeInput(self.kartlagg.caseworker, id="caseworker", max_length=200)
            yield FieldLabel(_("Företrädare (god man, förvaltare eller vårdnadshavare), om någon"))
            yield SafeInput("", id="representative", max_length=200)
            yield FieldLabel(_("Parter och åt vilket håll uppgifterna får gå"))
            for kind in PartyKind:
                with Horizontal(classes="party-row"):
                    yield MarkedCheckbox(kind.label, False, id=f"party-{kind.value}")
                    yield Select(
                        directions,
                        value=Direction.BOTH.value,
                        allow_blank=False,
                        id=f"direction-{kind.value}",
                    )
                if kind.takes_name:
                    yield SafeInput(
                        "",
                        id=f"name-{kind.value}",
                        max_length=200,
                        placeholder=_party_placeholder(kind),
                    )
            yield FieldLabel(_("Uppgifter som får utbytas"))
            for category in Category:
                yield MarkedCheckbox(category.label, False, id=f"category-{category.value}")
            yield FieldLabel(_("Undantag: uppgifter som inte får utbytas"))
            yield SafeInput("", id="exclusions", max_length=2000)
            yield FieldLabel(_("Syfte"))
            yield SafeInput(
                "",
                id="purpose",
                max_length=2000,
                placeholder=_("Till exempel: planera stöd för att komma närmare arbete"),
            )
            yield FieldLabel(_("Gäller från (ÅÅÅÅ-MM-DD)"))
            yield SafeInput(format_date(today), id="valid-from", max_length=10)
            yield FieldLabel(_("Gäller till (ÅÅÅÅ-MM-DD, högst 12 månader)"))
            yield SafeInput(format_date(latest_end(today)), id="valid-to", max_length=10)
            yield FieldLabel(_("Underskrivet den (ÅÅÅÅ-MM-DD)"))
            yield SafeInput(format_date(today), id="signed-on", max_length=10)
            yield FieldLabel(_("Förklarat på"))
            yield Select(
                [(language(SWEDISH).name, SWEDISH)]
                + [(item.name, item.tag) for item in LANGUAGES if item.tag != SWEDISH],
                value=SWEDISH,
                allow_blank=False,
                id="consent-language",
            )
            yield MarkedCheckbox(_("Tolk var med"), False, id="consent-tolk")
            yield MarkedCheckbox(
                _("Jag har berättat att medgivandet är frivilligt och vad ett nej betyder"),
                False,
                id="voluntary",
            )
            yield Static(
                _("Texten som visades: version {version}").format(version=CONSENT_TEXT_VERSION),
                id="text-version",
                classes="consent-text",
                markup=False,
            )
            yield ErrorLine()
            with Horizontal(classes="buttons"):
                yield Button(_("Spara"), id="save", variant="primary")
                yield Button(_("Avbryt"), id="cancel")

    def _build(self) -> Consent:
        """Return the medgivande the fields describe; :class:`ConsentError` names what to fix."""
        caseworker = self.text("caseworker")
        if not caseworker:
            raise ConsentError(_("Skriv handläggarens namn."), "caseworker")
        parties = []
        for kind in PartyKind:
            if not self.query_one(f"#party-{kind.value}", Checkbox).value:
                continue
            name = self.text(f"name-{kind.value}") if kind.takes_name else ""
            direction = self.query_one(f"#direction-{kind.value}", Select).value
            parties.append(Party(kind=kind, name=name or None, direction=Direction(str(direction))))
        categories = [
            category
            for category in Category
            if self.query_one(f"#category-{category.value}", Checkbox).value
        ]
        valid_from = self.read_date("valid-from", _("Gäller från"))
        valid_to = self.read_date("valid-to", _("Gäller till"))
        signed_on = self.read_date("signed-on", _("Underskrivet den"))
        chosen = self.query_one("#consent-language", Select).value
        return Consent(
            participant_id=self.participant.id,
            legal_representative=self.text("representative") or None,
            parties=tuple(parties),
            categories=tuple(categories),
            exclusions=self.text("exclusions") or None,
            purpose=self.text("purpose"),
            valid_from=valid_from,
            valid_to=valid_to,
            voluntary_explained=self.query_one("#voluntary", Checkbox).value,
            language=chosen if isinstance(chosen, str) and chosen != SWEDISH else None,
            tolk=self.query_one("#consent-tolk", Checkbox).value,
            signed_on=signed_on,
            created_at=self.backend.clock(),
            created_by=caseworker,
        )

    def action_confirm(self) -> None:
        """Check the fields and save; a mistake is shown here and nothing typed is lost."""
        if self._saving:
            return
        try:
            consent = self._build()
        except ConsentError as error:
            self.fail(str(error), error.field)
            return
        self.query_one(ErrorLine).clear()
        self._saving = True
        self.run_worker(self._save(consent), name="save-consent", group="save-consent")

    async def _save(self, consent: Consent) -> None:
        try:
            saved = await self.backend.add_consent(consent)
        except ConsentError as error:
            self.fail(str(error), error.field)
            return
        except UserError as error:
            self.fail(str(error))
            return
        finally:
            self._saving = False
        self.kartlagg.caseworker = consent.created_by
        self.dismiss(saved)


def _party_placeholder(kind: PartyKind) -> str:
    if kind is PartyKind.VARDENHET:
        return _("Vårdenhetens namn")
    if kind is PartyKind.SOCIALTJANSTEN:
        return _("Socialtjänstens enhet (om det behövs)")
    return _("Den andra partens namn")


class WithdrawConsentScreen(_SavingForm):
    """Record that the participant withdrew the medgivande: when and how it came in."""

    HELP = _(
        "Skriv när och hur deltagaren återkallade medgivandet. Medgivandet sparas med återkallelsen, "
        "och inga uppgifter får utbytas efter det. Ctrl+S sparar, Esc avbryter."
    )
    AUTO_FOCUS = "#caseworker"
    LAST_FIELD = "withdrawn-on"
    CONTEXT = WITHDRAW_CONSENT
    BINDINGS = bindings(WITHDRAW_CONSENT)

    def __init__(self, consent: Consent) -> None:
        """Withdraw ``consent``."""
        super().__init__()
        self.consent = consent
        self._saving = False

    def compose(self) -> ComposeResult:
        """Lay out the fields."""
        with VerticalScroll(classes="dialog"):
            yield Static(_("Återkalla medgivandet"), classes="dialog-title", markup=False)
            yield Static(for_display(self.consent.parties_text), classes="recap", markup=False)
            yield FieldLabel(_("Handläggare"))
            yield SafeInput(self.kartlagg.caseworker, id="caseworker", max_length=200)
            yield FieldLabel(_("Hur återkallelsen kom in"))
            yield Select(
                [(channel.label, channel.value) for channel in WithdrawalChannel],
                value=WithdrawalChannel.MUNTLIGT.value,
                allow_blank=False,
                id="withdrawn-how",
            )
            yield FieldLabel(_("Återkallat den (ÅÅÅÅ-MM-DD)"))
            yield SafeInput(format_date(self.backend.today()), id="withdrawn-on", max_length=10)
            yield ErrorLine()
            with Horizontal(classes="buttons"):
                yield Button(_("Återkalla"), id="save", variant="error")
                yield Button(_("Avbryt"), id="cancel")

    def action_confirm(self) -> None:
        """Check the fields and save the withdrawal."""
        if self._saving:
            return
        caseworker = self.text("caseworker")
        if not caseworker:
            self.fail(_("Skriv handläggarens namn."), "caseworker")
            return
        try:
            withdrawn_on = self.read_date("withdrawn-on", _("Återkallat den"))
        except ConsentError as error:
            self.fail(str(error), error.field)
            return
        how = WithdrawalChannel(str(self.query_one("#withdrawn-how", Select).value))
        self.query_one(ErrorLine).clear()
        self._saving = True
        self.run_worker(
            self._save(withdrawn_on, how, caseworker), name="withdraw-consent", group="save-consent"
        )

    async def _save(self, withdrawn_on: date, how: WithdrawalChannel, by: str) -> None:
        try:
            withdrawn = await self.backend.withdraw_consent(self.consent, withdrawn_on, how, by)
        except ConsentError as error:
            self.fail(str(error), error.field)
            return
        except UserError as error:
            self.fail(str(error))
            return
        finally:
            self._saving = False
        self.kartlagg.caseworker = by
        self.dismiss(withdrawn)
