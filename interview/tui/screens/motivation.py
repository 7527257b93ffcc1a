"""The motivationskors: the goal, the four fields from the participant's answers, and the two scales."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.events import Click
from textual.message import Message
from textual.widgets import Static

from interview.engine import Interview, Motivation
from interview.i18n import _
from interview.text import for_display
from interview.tui.commands import bindings
from interview.tui.commands.contexts import MOTIVATION
from interview.tui.screens.base import AppModal
from interview.tui.widgets.footer import KeyFooter

FIELDS: tuple[tuple[str, str], ...] = (
    ("good_for_me", "Bra för mig"),
    ("less_good_for_me", "Mindre bra för mig"),
    ("good_for_others", "Bra för andra"),
    ("less_good_for_others", "Mindre bra för andra"),
)
"""The four fields of the cross, in reading order (left to right, top to bottom)."""


def scale_bar(value: int | None) -> str:
    """Return a 0–10 scale as a bar with the number, e.g. "███████░░░ 7 av 10"."""
    if value is None:
        return _("inte besvarat")
    return "█" * value + "░" * (10 - value) + " " + _("{n} av 10").format(n=value)


def answers_text(motivation: Motivation, role: str) -> str:
    """Return the participant's answers for ``role``, one per line (plain text)."""
    answers = motivation.answers.get(role, ())
    lines = [for_display(exchange.answer or "") for exchange in answers]
    return "\n".join(f"• {line}" for line in lines) if lines else _("(inget svar ännu)")


class FieldBox(Static, can_focus=True):
    """One part of the view; Enter or a click asks its question in the interview."""

    class Ask(Message):
        """Ask the question behind this part."""

        def __init__(self, question_id: str) -> None:
            """Carry the question's id."""
            super().__init__()
            self.question_id = question_id

    BINDINGS = bindings(MOTIVATION, only=("ask_field",))

    def __init__(self, content: Text, question_id: str | None, *, id: str) -> None:
        """Show ``content``; ``question_id`` is asked on Enter."""
        super().__init__(content, markup=False, id=id, classes="field")
        self.question_id = question_id

    def action_ask(self) -> None:
        """Ask this part's question."""
        if self.question_id is not None:
            self.post_message(self.Ask(self.question_id))

    def on_click(self, event: Click) -> None:
        """Ask on a click too."""
        self.action_ask()


class MotivationScreen(AppModal[str | None]):
    """The motivationskors as its own view."""

    HELP = _(
        "Motivationskorset visar deltagarens egna svar: vad som är bra och mindre bra med att arbeta, "
        "för deltagaren och för andra. Under korset står hur viktigt det är och hur säker deltagaren "
        "känner sig (0–10). Välj en ruta med Tab och tryck Enter för att ställa den frågan. "
        "Esc går tillbaka till samtalet."
    )
    CONTEXT = MOTIVATION
    BINDINGS = bindings(MOTIVATION, leave_out=("ask_field",))

    def __init__(self, interview: Interview) -> None:
        """Show the motivation of ``interview``."""
        super().__init__()
        self.interview = interview

    def compose(self) -> ComposeResult:
        """Goal, cross, scales."""
        motivation = self.interview.motivation()
        ids = motivation.question_ids
        with VerticalScroll(classes="dialog full", id="motivation"):
            yield Static(_("Motivationskorset"), classes="dialog-title", markup=False)
            yield FieldBox(
                self._part(_("Målet, med deltagarens ord"), answers_text(motivation, "goal")),
                ids.get("goal"),
                id="goal",
            )
            with Grid(id="cross"):
                for role, title in FIELDS:
                    yield FieldBox(
                        self._part(_(title), answers_text(motivation, role)), ids.get(role), id=role
                    )
            for role, title in (("importance", _("Hur viktigt?")), ("confidence", _("Hur säker?"))):
                value = motivation.importance if role == "importance" else motivation.confidence
                body = scale_bar(value)
                for follow in (f"{role}_why", f"{role}_step"):
                    if motivation.answers.get(follow):
                        body += "\n" + answers_text(motivation, follow)
                yield FieldBox(self._part(title, body), ids.get(role), id=role)
        yield KeyFooter()

    @staticmethod
    def _part(title: str, body: str) -> Text:
        return Text.assemble((title, "bold"), "\n", body)

    def on_field_box_ask(self, event: FieldBox.Ask) -> None:
        """Go back and ask that question."""
        self.dismiss(event.question_id)

    def action_close(self) -> None:
        """Back to the conversation."""
        self.dismiss(None)
