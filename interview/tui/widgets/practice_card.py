"""The card in front in språkcafé: heading, place, the Swedish text, and the translation on request."""

from __future__ import annotations

from rich.console import Group, JustifyMethod, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static

from interview.i18n import _
from interview.languages import Language, TranslationStatus
from interview.practice.deck import Card, DeckKind
from interview.practice.timer import TimerState
from interview.rtl import RtlMode
from interview.text import for_display
from interview.tui.widgets.display_text import DisplayText


def place_text(kind: DeckKind, index: int, count: int) -> str:
    """Return "Fråga 3 av 52" (or the word for the kind of card)."""
    words = {
        DeckKind.QUESTIONS: _("Fråga {number} av {count}"),
        DeckKind.STARTERS: _("Mening {number} av {count}"),
        DeckKind.WORDS: _("Ord {number} av {count}"),
        DeckKind.INTERVIEW: _("Fråga {number} av {count}"),
    }
    return words[kind].format(number=index + 1, count=count)


def translation_renderable(
    card: Card,
    language: Language | None,
    status: TranslationStatus | None,
    rtl_mode: RtlMode,
    *,
    justify: JustifyMethod = "left",
) -> RenderableType:
    """Return the translation block: the language and its status, then the translated texts."""
    if language is None:
        return Text(_("Inget språk valt för översättning. Tryck F6 för att välja."), style="italic")
    label = Text(justify=justify)
    label.append(language.name.capitalize(), style="bold")
    if status is not None:
        label.append("  ·  " + status.label, style="italic")
    parts: list[RenderableType] = [label]
    if card.translation is None:
        parts.append(Text(_("Översättning saknas för den här texten."), style="italic"))
    else:
        parts.append(DisplayText(card.translation, style="bold", justify=justify, rtl_mode=rtl_mode))
    if card.example and card.example_translation:
        parts.append(DisplayText(card.example_translation, justify=justify, rtl_mode=rtl_mode))
    return Group(*parts)


class CardView(Vertical):
    """One card, large and calm, for two people reading together."""

    def compose(self) -> ComposeResult:
        """Heading, place, Swedish, example, translation."""
        yield Static("", id="card-heading", markup=False)
        yield Static("", id="card-swedish", markup=False)
        yield Static("", id="card-example", markup=False)
        yield Static("", id="card-translation", markup=False)

    def show(
        self,
        card: Card | None,
        place: str,
        *,
        translated: bool,
        language: Language | None,
        status: TranslationStatus | None,
        rtl_mode: RtlMode,
        justify: JustifyMethod = "left",
    ) -> None:
        """Draw ``card``; the translation only when ``translated``."""
        heading = self.query_one("#card-heading", Static)
        swedish = self.query_one("#card-swedish", Static)
        example = self.query_one("#card-example", Static)
        translation = self.query_one("#card-translation", Static)
        if card is None:
            heading.update(Text(_("Här finns inget att öva på."), justify=justify))
            swedish.update("")
            example.update("")
            translation.display = False
            return
        head = Text(justify=justify)
        head.append(for_display(card.heading), style="bold")
        head.append("   " + place, style="dim")
        head.append("   " + _("← → byter kort"), style="dim")
        heading.update(head)
        swedish.update(Text(for_display(card.swedish), justify=justify))
        example.display = card.example is not None
        example.update(Text(for_display(card.example or ""), justify=justify))
        translation.display = True
        if translated:
            translation.update(translation_renderable(card, language, status, rtl_mode, justify=justify))
        else:
            hidden = _("Översättningen är dold: försök först på svenska. F2 visar den.")
            translation.update(Text(hidden, style="italic", justify=justify))
        translation.set_class(not translated, "hidden-translation")


class TimerView(Vertical):
    """The pair-talk timer: big digits, whose turn it is, and the keys."""

    def compose(self) -> ComposeResult:
        """Turn, digits, help."""
        yield Static("", id="timer-turn", markup=False)
        yield Digits("3:00", id="timer-digits")
        yield Static("", id="timer-keys", markup=False)

    def show(self, state: TimerState, minutes_each: int) -> None:
        """Draw ``state``."""
        turn = self.query_one("#timer-turn", Static)
        if state.finished:
            turn.update(Text(_("Klart! Båda har pratat."), style="bold"))
        elif not state.started:
            turn.update(
                Text(
                    _("Prata två och två: {minutes} minuter var. Person 1 börjar.").format(
                        minutes=minutes_each
                    ),
                    style="bold",
                )
            )
        else:
            text = _("Person {number} pratar").format(number=state.turn)
            if not state.running:
                text += " – " + _("pausad")
            turn.update(Text(text, style="bold"))
        self.query_one("#timer-digits", Digits).update(state.clock)
        self.set_class(state.running, "running")
        self.set_class(state.finished, "finished")
        keys = _(
            "Mellanslag: starta eller pausa   R: börja om   + och −: minuter per person ({minutes})"
        ).format(minutes=minutes_each)
        self.query_one("#timer-keys", Static).update(Text(keys, style="dim"))
