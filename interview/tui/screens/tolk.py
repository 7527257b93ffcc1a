"""The tolk of a session: who interprets and how (the tolk record), asked when a tolk is present.

Per ``languages.md`` the record holds the language and dialect, the mode (på plats, telefon, video),
the level and the agency and booking reference, never the tolk's name.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Select, Static

from interview.i18n import _
from interview.languages import LANGUAGES
from interview.records import TolkLevel, TolkMode, TolkRecord
from interview.tui.commands import bindings
from interview.tui.commands.contexts import TOLK
from interview.tui.labels import TOLK_LEVELS, TOLK_MODES
from interview.tui.screens.base import FormModal
from interview.tui.widgets.form import ErrorLine, FieldLabel
from interview.tui.widgets.safe_text import SafeInput


class TolkRecordScreen(FormModal[TolkRecord]):
    """The tolk's language, dialect, mode, level, agency and booking reference."""

    HELP = _(
        "Skriv in tolkens språk och hur tolkningen sker. Skriv tolkförmedlingen och bokningsnumret, "
        "inte tolkens namn. Uppgifterna står i sammanställningen. Ctrl+S sparar, Esc hoppar över."
    )
    AUTO_FOCUS = "#tolk-language"
    LAST_FIELD = "tolk-booking"
    CONTEXT = TOLK
    BINDINGS = bindings(TOLK)

    def __init__(self, current: TolkRecord | None, suggested_language: str | None = None) -> None:
        """Fill in ``current`` (the last session's tolk), or suggest the reading language."""
        super().__init__()
        self.current = current
        self.suggested_language = suggested_language

    def compose(self) -> ComposeResult:
        """Lay out the fields."""
        current = self.current
        chosen = current.language if current else self.suggested_language
        languages = [(item.name, item.tag) for item in LANGUAGES if item.tag != "sv"]
        with VerticalScroll(classes="dialog"):
            yield Static(_("Tolk"), classes="dialog-title", markup=False)
            yield FieldLabel(_("Språk"))
            yield Select(
                languages,
                value=chosen if chosen in {tag for _name, tag in languages} else Select.NULL,
                prompt=_("Välj språk"),
                id="tolk-language",
            )
            yield FieldLabel(_("Dialekt (om det behövs)"))
            yield SafeInput(current.dialect or "" if current else "", id="tolk-dialect", max_length=100)
            yield FieldLabel(_("Hur"))
            yield Select(
                [(TOLK_MODES[mode], mode.value) for mode in TolkMode],
                value=(current.mode if current else TolkMode.PA_PLATS).value,
                allow_blank=False,
                id="tolk-mode",
            )
            yield FieldLabel(_("Nivå"))
            yield Select(
                [(TOLK_LEVELS[level], level.value) for level in TolkLevel],
                value=(current.level if current else TolkLevel.AUKTORISERAD).value,
                allow_blank=False,
                id="tolk-level",
            )
            yield FieldLabel(_("Tolkförmedling"))
            yield SafeInput(current.agency or "" if current else "", id="tolk-agency", max_length=200)
            yield FieldLabel(_("Bokningsnummer"))
            yield SafeInput(
                current.booking_reference or "" if current else "", id="tolk-booking", max_length=100
            )
            yield ErrorLine()
            with Horizontal(classes="buttons"):
                yield Button(_("Spara"), id="save", variant="primary")
                yield Button(_("Hoppa över"), id="cancel")

    def action_confirm(self) -> None:
        """Check the language and save."""
        language = self.query_one("#tolk-language", Select).value
        if not isinstance(language, str):
            self.field_error("tolk-language", _("Välj tolkens språk i listan."))
            return

        def text(field: str) -> str | None:
            return self.query_one(f"#{field}", Input).value.strip() or None

        mode = self.query_one("#tolk-mode", Select).value
        level = self.query_one("#tolk-level", Select).value
        self.dismiss(
            TolkRecord(
                language=language,
                dialect=text("tolk-dialect"),
                mode=TolkMode(str(mode)),
                level=TolkLevel(str(level)),
                agency=text("tolk-agency"),
                booking_reference=text("tolk-booking"),
            )
        )
