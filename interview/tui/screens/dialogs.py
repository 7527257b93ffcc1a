"""Small dialogs of the interview: choose a follow-up, write an own one, pick an area, edit an answer."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from interview.banks.models import Question, QuestionKind, Register
from interview.engine import MAX_QUESTION_CHARS, Interview
from interview.i18n import _
from interview.records import Exchange, Tag
from interview.text import for_display
from interview.tui.commands import bindings
from interview.tui.commands.contexts import AREA_PICKER, EDIT_ANSWER, FOLLOW_UP, OWN_QUESTION
from interview.tui.labels import TAG_SYMBOLS
from interview.tui.screens.base import AppModal, FormModal
from interview.tui.widgets.areas import coverage_mark
from interview.tui.widgets.form import ErrorLine
from interview.tui.widgets.safe_text import AnswerBox, SafeInput

OWN = "__own__"


@dataclass(frozen=True)
class FollowUpChoice:
    """A probe from the bank (``question_id``) or the caseworker's own question (``own_text``)."""

    question_id: str | None = None
    own_text: str | None = None


class FollowUpScreen(AppModal[FollowUpChoice | None]):
    """The offered hinder and resurs probes, and a line for an own follow-up question."""

    HELP = _(
        "Välj en följdfråga med pilarna och Enter, eller med dess siffra. Eller skriv en egen "
        "följdfråga i rutan och tryck Enter. Esc stänger."
    )
    CONTEXT = FOLLOW_UP
    BINDINGS = bindings(FOLLOW_UP)

    def __init__(self, probes: tuple[Question, ...], register: Register) -> None:
        """Offer ``probes`` in ``register``."""
        super().__init__()
        self.probes = probes
        self.register = register

    def compose(self) -> ComposeResult:
        """Lay out the probes, then the own question."""
        with Vertical(classes="dialog"):
            yield Static(_("Följdfråga"), classes="dialog-title", markup=False)
            if self.probes:
                options = []
                for number, probe in enumerate(self.probes, start=1):
                    tag = Tag.HINDER if probe.kind is QuestionKind.HINDER else Tag.RESURS
                    options.append(
                        Option(
                            Text(f"{number}  {TAG_SYMBOLS[tag]} {probe.text(self.register)}"),
                            id=probe.id,
                        )
                    )
                yield OptionList(*options, id="probe-options")
            else:
                yield Static(_("Inga fler följdfrågor från frågebanken här."), markup=False)
            yield Static(_("Egen följdfråga:"), classes="field-label", markup=False)
            yield SafeInput(id="own", max_length=MAX_QUESTION_CHARS, placeholder=_("Skriv frågan"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Return the chosen probe."""
        event.stop()
        self.dismiss(FollowUpChoice(question_id=event.option.id))

    def action_pick(self, number: int) -> None:
        """Choose probe ``number`` (when the own-question box is not being typed in)."""
        if 1 <= number <= len(self.probes):
            self.dismiss(FollowUpChoice(question_id=self.probes[number - 1].id))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Ask the own question."""
        if event.value.strip():
            self.dismiss(FollowUpChoice(own_text=event.value))

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)


class OwnQuestionScreen(AppModal[str | None]):
    """A line for the caseworker's own follow-up question."""

    HELP = _("Skriv din egen följdfråga och tryck Enter. Esc stänger.")
    AUTO_FOCUS = "#own"
    CONTEXT = OWN_QUESTION
    BINDINGS = bindings(OWN_QUESTION)

    def compose(self) -> ComposeResult:
        """One input."""
        with Vertical(classes="dialog"):
            yield Static(_("Egen följdfråga"), classes="dialog-title", markup=False)
            yield SafeInput(id="own", max_length=MAX_QUESTION_CHARS, placeholder=_("Skriv frågan"))
            yield ErrorLine()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Ask it."""
        if not event.value.strip():
            self.query_one(ErrorLine).show(_("Skriv följdfrågan först."))
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Close without asking."""
        self.dismiss(None)


class AreaPickerScreen(AppModal[str | None]):
    """Every area with its coverage; choose one to go to."""

    HELP = _("Välj ett område med pilarna och tryck Enter. ✓ klart, ◐ påbörjat, ○ inte påbörjat.")
    CONTEXT = AREA_PICKER
    BINDINGS = bindings(AREA_PICKER)

    def __init__(self, interview: Interview) -> None:
        """List the areas of ``interview``."""
        super().__init__()
        self.interview = interview

    def compose(self) -> ComposeResult:
        """Lay out the list."""
        register = self.interview.register
        options = [
            Option(
                Text(f"{coverage_mark(cover)} {area.label_in(register)}  ({area.title})"),
                id=area.id,
            )
            for area, cover in zip(self.interview.bank.areas, self.interview.coverage(), strict=True)
        ]
        with Vertical(classes="dialog"):
            yield Static(_("Välj område"), classes="dialog-title", markup=False)
            option_list = OptionList(*options, id="area-options")
            yield option_list

    def on_mount(self) -> None:
        """Start on the current area."""
        ids = [area.id for area in self.interview.bank.areas]
        self.query_one(OptionList).highlighted = ids.index(self.interview.current_area.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Go there."""
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Stay."""
        self.dismiss(None)


class EditAnswerScreen(FormModal[str]):
    """Change an earlier answer; the earlier text is kept as a revision."""

    HELP = _(
        "Ändra svaret och spara med Ctrl+S. Det tidigare svaret sparas också, så inget försvinner. "
        "Esc stänger utan att ändra."
    )
    CONTEXT = EDIT_ANSWER
    BINDINGS = bindings(EDIT_ANSWER)

    def __init__(self, exchange: Exchange) -> None:
        """Edit ``exchange``'s answer."""
        super().__init__()
        self.exchange = exchange

    def compose(self) -> ComposeResult:
        """Lay out the question, the answer in a box and the buttons."""
        with Vertical(classes="dialog wide"):
            yield Static(_("Ändra svaret"), classes="dialog-title", markup=False)
            yield Static(for_display(self.exchange.question_text), classes="question-text", markup=False)
            box = AnswerBox(self.exchange.answer or "", id="edit-answer", clear_on_submit=False)
            yield box
            yield ErrorLine()
            with Horizontal(classes="buttons"):
                yield Button(_("Spara"), id="save", variant="primary")
                yield Button(_("Avbryt"), id="cancel")

    def on_mount(self) -> None:
        """Start typing at once."""
        self.query_one(TextArea).focus()

    def on_answer_box_submitted(self, message: AnswerBox.Submitted) -> None:
        """Ctrl+S in the box saves."""
        message.stop()
        self.action_confirm()

    def action_confirm(self) -> None:
        """Return the new text."""
        text = self.query_one(TextArea).text
        if not text.strip():
            self.field_error("edit-answer", _("Svaret kan inte vara tomt."))
            return
        self.dismiss(text)
