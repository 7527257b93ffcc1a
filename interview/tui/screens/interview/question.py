"""The question panel under the chat: the bilingual view, tolk mode and the offered follow-ups.

With a reading language the question to ask now is shown in Swedish and in that language (beside it on
wide screens, under it on narrow ones and in tolk mode). Tolk mode shows one question at a time, large.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static, TextArea

from interview.banks.models import Register
from interview.i18n import _
from interview.languages import language
from interview.records import Tag
from interview.tui.labels import TAG_SYMBOLS, register_words
from interview.tui.widgets.bilingual import BilingualQuestion, ShownQuestion
from interview.tui.widgets.tolk_panel import TolkPanel

if TYPE_CHECKING:
    from interview.tui.screens.interview.commands import InterviewCommands

MAX_PROBES_SHOWN = 9
WIDE_BILINGUAL = 110
"""From this width the translation stands beside the Swedish; below it, under the Swedish."""


class QuestionPanel:
    """Shows the question to ask now: its language, register, tolk mode and the offered follow-ups."""

    def __init__(self, screen: InterviewCommands) -> None:
        """Serve ``screen`` (its bilingual view, tolk panel and probe list)."""
        self.screen = screen
        self.bilingual = True
        """Whether the translation is shown when the session has a reading language (Ctrl+B)."""

    @property
    def tolk_mode(self) -> bool:
        """True in tolk mode (one question at a time)."""
        return self.screen.has_class("-tolk")

    def shown_question(self) -> ShownQuestion | None:
        """Return the question to ask now with its translation, for the bilingual view."""
        interview = self.screen.interview
        current = interview.current
        tag = interview.language
        if current is None or tag is None:
            return None
        translation = self.screen.backend.translation(interview.bank, tag)
        question = current.question
        translated = None
        if translation is not None and question is not None:
            translated = translation.question_text(question.id, interview.register)
        return ShownQuestion(
            swedish=current.text,
            language=tag,
            translated=translated,
            status=translation.status if translation else None,
            own=question is None,
        )

    def show_languages(self) -> None:
        """Show the bilingual view and the tolk panel as the question, language and mode stand."""
        screen = self.screen
        bilingual = screen.query_one(BilingualQuestion)
        shown = self.shown_question()
        bilingual.display = self.bilingual and screen.interview.language is not None
        bilingual.show(shown)
        bilingual.stack(screen.size.width < WIDE_BILINGUAL or self.tolk_mode)
        if self.tolk_mode:
            screen.query_one(TolkPanel).show(screen.interview)

    def restack(self) -> None:
        """Put the translation beside the Swedish on wide screens, below it on narrow ones."""
        screen = self.screen
        bilingual = screen.query_one(BilingualQuestion)
        bilingual.stack(screen.size.width < WIDE_BILINGUAL or self.tolk_mode)

    def show_probes(self) -> None:
        """List the offered follow-ups, numbered (none in tolk mode)."""
        interview = self.screen.interview
        probes = interview.offered_probes()[:MAX_PROBES_SHOWN]
        widget = self.screen.query_one("#probes", Static)
        if not probes or self.tolk_mode:  # tolk mode: one question at a time
            widget.update("")
            widget.display = False
            return
        register = interview.register
        lines = [_("Följdfrågor (F5, eller en siffra i chatten):")]
        for number, question in enumerate(probes, start=1):
            symbol = TAG_SYMBOLS[Tag.HINDER if question.kind.value == "hinder" else Tag.RESURS]
            lines.append(f"{number} {symbol} {question.text(register)}")
        widget.update("\n".join(lines))
        widget.display = True

    def choose_language(self) -> None:
        """Choose the participant's reading language (shown beside the Swedish)."""
        from interview.tui.screens.language import LanguageChoice, LanguageScreen

        screen = self.screen
        interview = screen.interview
        if interview.session is None:
            screen.show_error(_("Starta ett samtal först."))
            return
        bank = interview.bank
        choices = []
        for tag in screen.backend.reading_languages(bank):
            translation = screen.backend.translation(bank, tag)
            if translation is not None:
                choices.append(LanguageChoice(tag, translation.status))

        def chosen(tag: str | None) -> None:
            if tag is None:
                return

            async def change() -> None:
                session = await screen.saves.engine(lambda: interview.set_language(tag))
                if session is not None:
                    self.bilingual = True
                    self.show_languages()
                    name = language(tag).name if session.language else _("bara svenska")
                    screen.notify(_("Frågorna visas nu på {language}.").format(language=name))
                    screen.query_one("#answer", TextArea).focus()

            screen.saves.in_order(change(), "set-language")

        screen.app.push_screen(LanguageScreen(choices, interview.language), chosen)

    def toggle_bilingual(self) -> None:
        """Show or hide the translation beside the Swedish (Swedish is always shown)."""
        if self.screen.interview.language is None:
            self.screen.show_error(_("Välj först deltagarens språk med Ctrl+L."))
            return
        self.bilingual = not self.bilingual
        self.show_languages()

    def toggle_register(self) -> None:
        """Switch between standard and lättläst Swedish; the current question changes at once."""
        screen = self.screen
        register = (
            Register.STANDARD if screen.interview.register is Register.LATTLAST else Register.LATTLAST
        )

        async def change() -> None:
            if await screen.saves.engine(lambda: screen.interview.set_register(register)) is not None:
                screen._after_move()
                screen.notify(
                    _("Frågorna visas nu på {register}.").format(register=register_words(register))
                )

        screen.saves.in_order(change(), "set-register")

    def toggle_tolk_mode(self) -> None:
        """One question at a time in large type, with pauses for the tolk (Ctrl+T again leaves)."""
        screen = self.screen
        screen.toggle_class("-tolk")
        self.show_languages()
        self.show_probes()
        if self.tolk_mode:
            screen.notify(_("Tolkläge: en fråga i taget. Ctrl+T går tillbaka till chatten."))
        screen.query_one("#answer", TextArea).focus()
