"""The cards practised: Swedish text, its heading, and the translation to show on request."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from interview.banks.models import AreaGroup, Bank, Question, Register
from interview.i18n import _
from interview.practice.models import PracticeContent, PracticeTranslation

PRACTISED_GROUPS = frozenset(
    {
        AreaGroup.INLEDNING,
        AreaGroup.INDIVID,
        AreaGroup.OMGIVNING,
        AreaGroup.MOTIVATION,
        AreaGroup.ATGARDER,
    }
)


def is_practised(question: Question) -> bool:
    """Tell whether a bank question is practised: an opening question, asked as a question.

    Statements, permission and check questions and sensitive items belong to a real meeting only.
    """
    return (
        not question.kind.is_probe
        and not question.statement
        and not question.permission
        and not question.check
        and not question.sensitive
    )


class DeckKind(StrEnum):
    """The kinds of practice, one tab each."""

    QUESTIONS = "questions"
    STARTERS = "starters"
    WORDS = "words"
    INTERVIEW = "interview"

    @property
    def label(self) -> str:
        """The name of the tab."""
        titles = {
            DeckKind.QUESTIONS: _("Frågor"),
            DeckKind.STARTERS: _("Börja svaret"),
            DeckKind.WORDS: _("Ord"),
            DeckKind.INTERVIEW: _("Jobbintervju"),
        }
        return titles[self]


@dataclass(frozen=True)
class Card:
    """One thing to practise."""

    id: str
    swedish: str
    heading: str
    """The area, theme or kind the card belongs to (in Swedish)."""
    translation: str | None = None
    """The text in the chosen language; None when there is none (or no language is chosen)."""
    heading_translation: str | None = None
    example: str | None = None
    """For a word: a short Swedish sentence that uses it."""
    example_translation: str | None = None


@dataclass(frozen=True)
class Deck:
    """The cards of one kind of practice, in order."""

    kind: DeckKind
    cards: tuple[Card, ...]


def practised_questions(bank: Bank) -> list[tuple[str, str, Question]]:
    """Return (area id, area label in lättläst, question) for every practised question, in order."""
    return [
        (area.id, area.label_lattlast, question)
        for area in bank.areas
        if area.group in PRACTISED_GROUPS
        for question in area.openings
        if is_practised(question)
    ]


def build_decks(
    content: PracticeContent, bank: Bank | None, translation: PracticeTranslation | None
) -> dict[DeckKind, Deck]:
    """Return every deck, with the texts of ``translation`` where it has them."""
    t = translation
    questions = tuple(
        Card(
            id=f"question:{question.id}",
            swedish=question.text(Register.LATTLAST),
            heading=label[:1].upper() + label[1:],
            translation=t.question.get(question.id) if t else None,
            heading_translation=t.area.get(area_id) if t else None,
        )
        for area_id, label, question in (practised_questions(bank) if bank else [])
    )
    starters = tuple(
        Card(
            id=f"starter:{starter.id}",
            swedish=starter.text,
            heading=_("Börja svaret så här"),
            translation=t.starter.get(starter.id) if t else None,
        )
        for starter in content.starters
    )
    words = tuple(
        Card(
            id=f"word:{word.id}",
            swedish=word.word,
            heading=theme.title,
            translation=t.word.get(word.id) if t else None,
            heading_translation=t.theme.get(theme.id) if t else None,
            example=word.example,
            example_translation=t.example.get(word.id) if t else None,
        )
        for theme in content.themes
        for word in theme.words
    )
    interview = tuple(
        Card(
            id=f"interview:{item.id}",
            swedish=item.text,
            heading=_("Vanliga frågor på en jobbintervju"),
            translation=t.interview.get(item.id) if t else None,
        )
        for item in content.interview
    )
    return {
        DeckKind.QUESTIONS: Deck(DeckKind.QUESTIONS, questions),
        DeckKind.STARTERS: Deck(DeckKind.STARTERS, starters),
        DeckKind.WORDS: Deck(DeckKind.WORDS, words),
        DeckKind.INTERVIEW: Deck(DeckKind.INTERVIEW, interview),
    }
