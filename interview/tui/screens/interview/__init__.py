"""The interview: the conversation, the answer box, tags, follow-ups, the areas and the clock.

One screen (:mod:`.screen`) with its parts: the chat with its history and trimming (:mod:`.chat`),
the question panel with the bilingual view and tolk mode (:mod:`.question`), the area panel and clock
(:mod:`.side`), the save queue (:mod:`.saving`) and the commands with their keys (:mod:`.commands`).
"""

from interview.tui.screens.interview.chat import HISTORY_SHOWN, MAX_BUBBLES, InterviewChat
from interview.tui.screens.interview.commands import InterviewCommands
from interview.tui.screens.interview.question import MAX_PROBES_SHOWN, WIDE_BILINGUAL
from interview.tui.screens.interview.saving import SAVE_HINT, AnswerSaved, SaveQueue
from interview.tui.screens.interview.screen import InterviewScreen

__all__ = [
    "HISTORY_SHOWN",
    "MAX_BUBBLES",
    "MAX_PROBES_SHOWN",
    "SAVE_HINT",
    "WIDE_BILINGUAL",
    "AnswerSaved",
    "InterviewChat",
    "InterviewCommands",
    "InterviewScreen",
    "SaveQueue",
]
