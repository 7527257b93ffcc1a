"""The validated shape of the språkcafé content and of its translations.

The TOML formats are documented in ``question_banks/sprakcafe/README.md``.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field, field_validator

from interview.banks.models import Identifier, Text
from interview.i18n import _
from interview.languages import TranslationLanguage, TranslationStatus

Translated = dict[Identifier, Text]
"""Translated texts by the id of what they translate."""


class Starter(BaseModel):
    """A sentence starter for answering, e.g. "Jag är bra på …"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Identifier
    text: Text


class Word(BaseModel):
    """A working-life word, with a short example sentence."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Identifier
    word: Text
    example: Text | None = None


class Theme(BaseModel):
    """Words that belong together, e.g. "Söka jobb"."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_by_name=True, validate_by_alias=True)

    id: Identifier
    title: Text
    words: tuple[Word, ...] = Field(alias="word", min_length=1)


class InterviewQuestion(BaseModel):
    """A common question at a job interview."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Identifier
    text: Text


class PracticeContent(BaseModel):
    """Everything practised in Swedish: which bank's questions, starters, words, interview questions."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_by_name=True, validate_by_alias=True)

    id: Identifier
    title: Text
    version: Text
    bank: Identifier
    """The bank whose opening questions are practised (in lättläst)."""
    starters: tuple[Starter, ...] = Field(alias="starter", min_length=1)
    themes: tuple[Theme, ...] = Field(alias="theme", min_length=1)
    interview: tuple[InterviewQuestion, ...] = Field(min_length=1)

    @field_validator("starters", "interview")
    @classmethod
    def _unique_items(
        cls, items: tuple[Starter | InterviewQuestion, ...]
    ) -> tuple[Starter | InterviewQuestion, ...]:
        _check_unique(item.id for item in items)
        return items

    @field_validator("themes")
    @classmethod
    def _unique_themes_and_words(cls, themes: tuple[Theme, ...]) -> tuple[Theme, ...]:
        _check_unique(theme.id for theme in themes)
        _check_unique(word.id for theme in themes for word in theme.words)
        return themes


def _check_unique(ids: Iterable[str]) -> None:
    """Raise ``ValueError`` naming the first id that comes twice."""
    seen: set[str] = set()
    for item_id in ids:
        if item_id in seen:
            msg = _("id {id!r} finns två gånger").format(id=item_id)
            raise ValueError(msg)
        seen.add(item_id)


class PracticeTranslation(BaseModel):
    """The translation of the practice content (and the practised questions) into one language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    practice: Identifier
    """The id of the content translated."""
    language: TranslationLanguage
    status: TranslationStatus
    note: str = ""
    area: Translated = Field(default_factory=dict)
    """The everyday labels of the bank's areas."""
    question: Translated = Field(default_factory=dict)
    """The lättläst wording of the bank's questions."""
    starter: Translated = Field(default_factory=dict)
    theme: Translated = Field(default_factory=dict)
    word: Translated = Field(default_factory=dict)
    example: Translated = Field(default_factory=dict)
    interview: Translated = Field(default_factory=dict)
