"""Språkcafé: practise the questions, sentence starters, words and job-interview questions in Swedish.

Nothing here opens a database or writes a file: what the learner types lives in the session object
and is dropped when practice ends.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

from rich.console import JustifyMethod
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, OptionList, Static, Tab, Tabs
from textual.widgets.option_list import Option

from interview.i18n import _
from interview.practice.deck import DeckKind
from interview.practice.session import PracticeSession
from interview.practice.speech import Speaker, Speed
from interview.rtl import RtlMode
from interview.text import for_display
from interview.tui.base_app import BaseApp
from interview.tui.commands import bindings
from interview.tui.commands.contexts import PRACTICE, PRACTICE_LANGUAGE
from interview.tui.commands.table import key_actions
from interview.tui.screens.practice_parts import PairTimerControls, ReadingAloud
from interview.tui.widgets.footer import KeyFooter
from interview.tui.widgets.practice_card import CardView, TimerView, place_text
from interview.tui.widgets.safe_text import AnswerBox
from interview.tui.widgets.topbar import TopBar

TIMER_TAB = "timer"
WIDE = 120
"""From this width on, the list of cards is shown beside the card."""


class LanguagePicker(ModalScreen[str | None]):
    """Choose the language of the translations (or none)."""

    CONTEXT = PRACTICE_LANGUAGE
    BINDINGS = bindings(PRACTICE_LANGUAGE)

    def __init__(self, session: PracticeSession) -> None:
        """Offer the languages ``session`` has translations for."""
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        """Lay out a title and the list."""
        options = [Option(_("Ingen översättning"), id="")]
        for language in self.session.material.languages():
            translation = self.session.material.translations[language.tag]
            label = Text(language.name.capitalize(), style="bold")
            label.append("   " + translation.status.label, style="italic")
            options.append(Option(label, id=language.tag))
        with Vertical(classes="dialog"):
            yield Static(_("Översätt till vilket språk?"), classes="dialog-title", markup=False)
            picker = OptionList(*options, id="languages")
            yield picker

    def on_mount(self) -> None:
        """Put the cursor on the language in use."""
        picker = self.query_one(OptionList)
        current = self.session.language_tag or ""
        for index in range(picker.option_count):
            if picker.get_option_at_index(index).id == current:
                picker.highlighted = index
        picker.focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        """Return the chosen tag ("" for none)."""
        self.dismiss(event.option.id or "")

    def action_cancel(self) -> None:
        """Keep the language as it was."""
        self.dismiss(None)


class PracticeScreen(PairTimerControls, ReadingAloud):
    """The practice: one card at a time in large type, a box to try answering, and a pair timer."""

    CSS_PATH = "../practice.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (22, "-normal"), (40, "-tall")]
    HELP = _(
        "Språkcafé: öva på att prata svenska om arbetslivet. Läs frågan högt och svara på svenska. "
        "Översättningen är dold tills du trycker F2, så att du först försöker på svenska. "
        "I rutan kan du skriva ditt svar för att öva; det sparas inte och försvinner när övningen "
        "slutar. Ctrl+S läser upp det du har skrivit. Ingen databas öppnas här."
    )
    CONTEXT = PRACTICE
    BINDINGS = bindings(PRACTICE)

    @property
    def box_keys(self) -> dict[str, str]:
        """The function keys the practice box passes on (key → action), after the unit's keymap.

        Letters, digits and arrows stay the box's own: they are typed or move the cursor there.
        """
        keymap = self.app.keys if isinstance(self.app, BaseApp) else {}
        return {
            key: action
            for key, action in key_actions(PRACTICE, keymap).items()
            if key[:1] == "f" and key[1:].isdigit()
        }

    def __init__(
        self,
        session: PracticeSession,
        *,
        speaker: Speaker,
        rtl_mode: RtlMode = RtlMode.VISUAL,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        """Practise with ``session``; ``speaker`` reads aloud and ``now`` drives the timer."""
        super().__init__()
        self.session = session
        self.speaker = speaker
        self.rtl_mode = rtl_mode
        self.now = now
        self._ticker: Timer | None = None
        self._last_turn: int | None = 1

    def compose(self) -> ComposeResult:
        """Top bar, tabs, the card or the timer, footer."""
        yield TopBar(_("Språkcafé – inget du skriver sparas"), demo=False)
        yield Tabs(
            *(Tab(f"{number} {kind.label}", id=kind.value) for number, kind in enumerate(DeckKind, 1)),
            Tab(f"{len(DeckKind) + 1} " + _("Prata två och två"), id=TIMER_TAB),
            id="practice-tabs",
        )
        with ContentSwitcher(initial="deck", id="practice-switcher"):
            with Horizontal(id="deck"):
                yield OptionList(id="card-list")
                with Vertical(id="card-area"):
                    with VerticalScroll(id="card-scroll", can_focus=False):
                        yield CardView(id="card")
                    yield Static(
                        _("Öva här: skriv ditt svar på svenska. Det sparas inte."),
                        id="box-hint",
                        markup=False,
                    )
                    yield AnswerBox(
                        id="practice-box",
                        command_keys=frozenset(self.box_keys),
                        clear_on_submit=False,
                    )
            yield TimerView(id=TIMER_TAB)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Show the first card; the timer ticks only while it runs."""
        self._ticker = self.set_interval(0.25, self.tick, pause=True)
        # The tabs change with 1–5 or a click: as a focus stop they would take the arrows from the cards.
        self.query_one(Tabs).can_focus = False
        self.show_deck()
        self._focus_cards()

    def _focus_cards(self) -> None:
        """Focus the card list where it is shown; on a narrow screen, nothing (the screen's keys)."""
        options = self.query_one("#card-list", OptionList)
        if self.app.size.width >= WIDE:
            options.focus()
        else:
            self.set_focus(None)

    def on_resize(self) -> None:
        """Take the focus from the card list when a narrower screen hides it."""
        if self.focused is self.query_one("#card-list", OptionList) and self.app.size.width < WIDE:
            self.set_focus(None)

    # ----- drawing -----

    def show_deck(self) -> None:
        """Fill the list with the current deck and show the card in front."""
        deck = self.session.deck()
        options = self.query_one("#card-list", OptionList)
        options.clear_options()
        heading = None
        for index, card in enumerate(deck.cards):
            if card.heading != heading and self.session.kind in {
                DeckKind.QUESTIONS,
                DeckKind.WORDS,
            }:
                heading = card.heading
                options.add_option(
                    Option(Text(for_display(heading), style="bold"), id=f"h{index}", disabled=True)
                )
            options.add_option(Option(Text(for_display(card.swedish)), id=str(index)))
        self.show_card()

    def draw(self, view: CardView, *, justify: JustifyMethod = "left") -> None:
        """Draw the card in front into ``view`` (this screen's, or the projector's)."""
        session = self.session
        view.show(
            session.card,
            place_text(session.kind, session.index, len(session.deck().cards)),
            translated=session.show_translation,
            language=session.language,
            status=session.translation.status if session.translation else None,
            rtl_mode=self.rtl_mode,
            justify=justify,
        )

    def show_card(self) -> None:
        """Draw the card in front and the learner's text for it."""
        session = self.session
        self.draw(self.query_one(CardView))
        options = self.query_one("#card-list", OptionList)
        with contextlib.suppress(LookupError):
            options.highlighted = options.get_option_index(str(session.index))
        box = self.query_one("#practice-box", AnswerBox)
        if box.text != session.draft():
            box.text = session.draft()

    def _keep_draft(self) -> None:
        self.session.keep_draft(self.query_one("#practice-box", AnswerBox).text)

    # ----- cards -----

    def _move(self, change: Callable[[], None]) -> None:
        self._keep_draft()
        change()
        self.show_card()

    def action_previous(self) -> None:
        """Go to the card before."""
        self._move(lambda: self.session.step(-1))

    def action_next(self) -> None:
        """Go to the card after."""
        self._move(lambda: self.session.step(1))

    def action_previous_heading(self) -> None:
        """Go to the first card of the area or theme before."""
        self._move(lambda: self.session.next_heading(-1))

    def action_next_heading(self) -> None:
        """Go to the first card of the next area or theme."""
        self._move(lambda: self.session.next_heading(1))

    @on(OptionList.OptionHighlighted, "#card-list")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Go to the card highlighted in the list."""
        option_id = event.option.id or ""
        if option_id.isdigit() and int(option_id) != self.session.index:
            self._move(lambda: self.session.go(int(option_id)))

    @on(OptionList.OptionSelected, "#card-list")
    def selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a card in the list: try answering in the box."""
        self.action_try_answer()

    def action_try_answer(self) -> None:
        """Go to the box to try an answer; a sentence starter goes into it, to finish."""
        if self.query_one(ContentSwitcher).current == TIMER_TAB:
            return
        box = self.query_one("#practice-box", AnswerBox)
        card = self.session.card
        if self.session.kind is DeckKind.STARTERS and card and not box.text.strip():
            box.text = card.swedish
            box.move_cursor(box.document.end)
        box.focus()

    def action_translation(self) -> None:
        """Show or hide the translation."""
        if self.session.language is None and not self.session.show_translation:
            self.action_language()
            return
        self.session.toggle_translation()
        self.show_card()

    def action_language(self) -> None:
        """Choose the translation's language."""

        def chosen(tag: str | None) -> None:
            if tag is None:
                return
            self._keep_draft()
            self.session.set_language(tag or None)
            self.session.show_translation = bool(tag)
            self.show_deck()

        self.app.push_screen(LanguagePicker(self.session), chosen)

    # ----- tabs -----

    def action_tab(self, tab: str) -> None:
        """Go to a tab."""
        self.query_one(Tabs).active = tab

    @on(Tabs.TabActivated, "#practice-tabs")
    def tab_activated(self, event: Tabs.TabActivated) -> None:
        """Show the deck or the timer of the tab."""
        tab = event.tab.id or ""
        switcher = self.query_one(ContentSwitcher)
        if tab == TIMER_TAB:
            self._keep_draft()
            switcher.current = TIMER_TAB
            self.tick()
            self.refresh_bindings()
            return
        switcher.current = "deck"
        kind = DeckKind(tab)
        if kind is not self.session.kind:
            self._keep_draft()
            self.session.kind = kind
            self.show_deck()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Allow the timer's keys on the timer tab and the card keys elsewhere."""
        on_timer = self.query_one(ContentSwitcher).current == TIMER_TAB
        if action.startswith("timer_"):
            return on_timer
        card_actions = {
            "previous",
            "next",
            "previous_heading",
            "next_heading",
            "translation",
            "read",
            "read_slow",
            "try_answer",
        }
        if action in card_actions:
            return not on_timer
        return True

    def on_answer_box_submitted(self, event: AnswerBox.Submitted) -> None:
        """Ctrl+S in the box reads the learner's own sentence aloud."""
        if event.text.strip():
            self.read_aloud(event.text, Speed.NORMAL)

    async def on_answer_box_command(self, event: AnswerBox.Command) -> None:
        """F-keys typed in the box act in typing order."""
        await self.run_action(self.box_keys[event.key])

    def action_leave_box(self) -> None:
        """Esc in the box goes back to the list."""
        if self.focused is self.query_one("#practice-box", AnswerBox):
            self._keep_draft()
            self._focus_cards()

    # ----- projector and the end -----

    def action_projector(self) -> None:
        """Show the card (and the timer) in big type for a group."""
        from interview.tui.screens.projector import ProjectorScreen

        self._keep_draft()

        def back(_result: None) -> None:
            self.show_card()
            self.tick()

        self.app.push_screen(ProjectorScreen(self), back)

    def action_close(self) -> None:
        """End practice: what was typed is dropped."""
        self.query_one("#practice-box", AnswerBox).clear()
        self.session.forget()
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.app.exit()
