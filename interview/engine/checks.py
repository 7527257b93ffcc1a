"""The limits of what a caseworker types, and the checks the engine makes before it stores anything."""

from __future__ import annotations

import re

from interview.banks.models import Question
from interview.engine.errors import InterviewError
from interview.i18n import _
from interview.languages import is_known
from interview.records import TolkRecord
from interview.text import clean_input

MAX_ANSWER_CHARS = 200_000
MAX_QUESTION_CHARS = 2_000
MAX_NOTE_CHARS = 2_000
MAX_ACTION_CHARS = 1_000
MAX_RESPONSIBLE_CHARS = 200
MIN_TIME_FRAME_MINUTES = 5
MAX_TIME_FRAME_MINUTES = 60
SCALE = re.compile(r"^\s*(10|[0-9])(?![0-9])")
"""The number (0–10) an answer to a scale question starts with."""


def reading_language(tag: str | None) -> str | None:
    """Check a reading language: None or ``sv`` is Swedish only; an unknown tag is refused."""
    if tag is None or tag == "sv":
        return None
    if not is_known(tag):
        raise InterviewError(_("kartlagg känner inte till språket {tag!r}.").format(tag=tag))
    return tag


def valid_tolk(record: TolkRecord | None) -> TolkRecord | None:
    """Check a tolk record: its language must be a known one other than Swedish."""
    if record is not None and (record.language == "sv" or not is_known(record.language)):
        raise InterviewError(_("Välj tolkens språk i listan."))
    return record


def valid_answer(text: str, question: Question | None) -> str:
    """Return the cleaned answer; refuse an empty or too long one, or a scale answer without a number."""
    cleaned = clean_input(text)
    if not cleaned.strip():
        raise InterviewError(_("Svaret är tomt. Skriv något eller hoppa över frågan."))
    if len(cleaned) > MAX_ANSWER_CHARS:
        raise InterviewError(
            _("Svaret är för långt ({count} tecken, högst {limit}). Dela upp det i flera svar.").format(
                count=len(cleaned), limit=MAX_ANSWER_CHARS
            )
        )
    if question is not None and question.is_scale and SCALE.match(cleaned) is None:
        raise InterviewError(_("Börja svaret med en siffra från 0 till 10."))
    return cleaned


def valid_question(text: str) -> str:
    """Return the caseworker's own follow-up question cleaned; refuse an empty or too long one."""
    cleaned = clean_input(text).strip()
    if not cleaned:
        raise InterviewError(_("Skriv följdfrågan först."))
    if len(cleaned) > MAX_QUESTION_CHARS:
        raise InterviewError(
            _("Frågan är för lång (högst {limit} tecken).").format(limit=MAX_QUESTION_CHARS)
        )
    return cleaned


def valid_action(what: str, who: str) -> tuple[str, str]:
    """Return an åtgärd's what and who cleaned; refuse either empty or too long."""
    cleaned_what = clean_input(what).strip()
    cleaned_who = clean_input(who).strip()
    if not cleaned_what:
        raise InterviewError(_("Skriv vad som ska göras."))
    if len(cleaned_what) > MAX_ACTION_CHARS:
        raise InterviewError(
            _("Åtgärden är för lång (högst {limit} tecken).").format(limit=MAX_ACTION_CHARS)
        )
    if not cleaned_who:
        raise InterviewError(_("Skriv vem som är ansvarig."))
    if len(cleaned_who) > MAX_RESPONSIBLE_CHARS:
        raise InterviewError(
            _("Namnet på den som är ansvarig är för långt (högst {limit} tecken).").format(
                limit=MAX_RESPONSIBLE_CHARS
            )
        )
    return cleaned_what, cleaned_who
