"""The interview screen: the conversation, the answer box, the follow-ups, the areas and the clock.

The screen lays out its parts and wires them together: the chat (:mod:`.chat`), the question panel
(:mod:`.question`), the side panel (:mod:`.side`) and the save queue (:mod:`.saving`); its commands
are in :mod:`.commands`.
"""

from __future__ import annotations

import gc

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static, TextArea

from interview.engine import Interview
from interview.i18n import _
from interview.tui.commands import COMMANDS, key_actions, keys_of
from interview.tui.commands.contexts import INTERVIEW
from interview.tui.screens.interview.chat import InterviewChat
from interview.tui.screens.interview.commands import InterviewCommands
from interview.tui.screens.interview.question import QuestionPanel
from interview.tui.screens.interview.saving import SAVE_HINT, SaveQueue
from interview.tui.screens.interview.side import SideView
from interview.tui.widgets.areas import AreaPanel
from interview.tui.widgets.bilingual import BilingualQuestion
from interview.tui.widgets.footer import KeyFooter
from interview.tui.widgets.safe_text import AnswerBox
from interview.tui.widgets.tolk_panel import TolkPanel
from interview.tui.widgets.topbar import TopBar


class InterviewScreen(InterviewCommands):
    """The conversation of one session."""

    HELP = _(
        "Frågan står i chatten. Skriv deltagarens svar i rutan längst ner och spara det. Märk det "
        "valda svaret som hinder, resurs eller fakta (samma tangent igen tar bort märkningen).\n"
        "Esc flyttar mellan svarsrutan och chatten. I chatten väljer pilarna ett svar, och "
        "chattens bokstäver (nedan) gäller det valda svaret.\n"
        "Med deltagarens språk visas frågan på svenska och på det språket. Tolkläget visar en "
        "fråga i taget, stort, med paus för tolken.\n"
        "Allt sparas direkt. Du kan stänga och fortsätta senare där ni slutade."
    )

    @property
    def box_keys(self) -> dict[str, str]:
        """The command keys the answer box passes on (key → action), after the unit's keymap."""
        keys = key_actions(INTERVIEW, self.kartlagg.keys)
        for command_id in ("submit", "toggle_focus"):  # the box saves itself; Esc leaves it
            for key in keys_of(COMMANDS[command_id], INTERVIEW, self.kartlagg.keys):
                keys.pop(key, None)
        return keys

    def __init__(self, interview: Interview, *, resumed: bool) -> None:
        """Show ``interview``; ``resumed`` when an interrupted session goes on."""
        super().__init__()
        self.interview = interview
        self.resumed = resumed
        self.saves = SaveQueue(self)
        self.question = QuestionPanel(self)
        self.side = SideView(self)

    def compose(self) -> ComposeResult:
        """Side panel, chat, follow-ups and the answer box."""
        yield TopBar(self._title(), demo=self.kartlagg.demo)
        with Horizontal(id="main"):
            yield AreaPanel(id="areas")
            with Vertical(id="talk"):
                yield TolkPanel(id="tolk-panel")
                yield InterviewChat(self.interview, resumed=self.resumed, id="chat")
                yield BilingualQuestion(id="bilingual", rtl_mode=self.backend.rtl_mode)
                yield Static("", id="probes", markup=False)
                answer = AnswerBox(
                    id="answer",
                    command_keys=frozenset(self.box_keys),
                    submit_keys=frozenset(keys_of(COMMANDS["submit"], INTERVIEW, self.kartlagg.keys)),
                )
                answer.border_title = _("Deltagarens svar")
                answer.border_subtitle = SAVE_HINT
                yield answer
        yield KeyFooter()

    def _title(self) -> str:
        session = self.interview.session
        participant = self.interview.participant.name
        if session is None:
            return participant
        return _("{name} · samtal {number}").format(name=participant, number=session.number)

    def on_mount(self) -> None:
        """Show the history, today's opening notes and the question to ask now."""
        chat = self.chat
        chat.show_history()
        self._show_current()
        chat.select(None, scroll=False)
        chat.anchor()  # the question being asked stays in view as the conversation grows
        self.side.refresh()
        self.question.show_probes()
        self.set_interval(10, self._tick)
        self.query_one("#answer", TextArea).focus()
        gc.freeze()  # the history is long-lived: keep the collector off it while typing

    def _tick(self) -> None:
        self.side.tick()

    def on_resize(self) -> None:
        """Put the translation beside the Swedish on wide screens, below it on narrow ones."""
        self.question.restack()

    def action_toggle_focus(self) -> None:
        """Move between the answer box and the chat."""
        box = self.query_one("#answer", TextArea)
        if box.has_focus:
            self.chat.focus()
            if self.chat.selected_id is None:
                self.chat.select(None)
        else:
            box.focus()

    def action_write(self) -> None:
        """Go to the answer box."""
        self.query_one("#answer", TextArea).focus()

    def on_area_panel_chosen(self, event: AreaPanel.Chosen) -> None:
        """Go to the area clicked in the side panel."""
        if event.area_id != self.interview.current_area.id:
            self.jump(event.area_id)

    async def on_answer_box_command(self, message: AnswerBox.Command) -> None:
        """Run a command key typed in the answer box, in typing order."""
        message.stop()
        await self.run_action(self.box_keys[message.key])

    def on_answer_box_submitted(self, message: AnswerBox.Submitted) -> None:
        """Ctrl+S in the answer box: save what it held at that key."""
        message.stop()
        self._submit(message.text, cleared=True)
