"""The validated shape of the språkcafé content and of its translations.

The TOML formats are documented in ``question_banks/sprakcafe/README.md``.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from interview.banks.models import Identifier, Text
from interview.i18n import _
from interview.languages import TranslationStatus, is_known

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

    @model_validator(mode="after")
    def _unique_ids(self) -> PracticeContent:
        groups: dict[str, list[str]] = {
            "starter": [item.id for item in self.starters],
            "theme": [item.id for item in self.themes],
            "word": [word.id for theme in self.themes for word in theme.words],
            "interview": [item.id for item in self.interview],
        }
        for group, ids in groups.items():
            seen: set[str] = set()
            for item_id in ids:
                if item_id in seen:
                    msg = _("{group}-id {id!r} finns två gånger").format(group=group, id=item_id)
                    raise ValueError(msg)
                seen.add(item_id)
        return self


LanguageTag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=20)]


class PracticeTranslation(BaseModel):
    """The translation of the practice content (and the practised questions) into one language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    practice: Identifier
    """The id of the content translated."""
    language: LanguageTag
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

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value == "sv" or not is_known(value):
            msg = _("okänt språk {tag!r}: använd en BCP 47-kod från språktabellen").format(tag=value)
            raise ValueError(msg)
        return value
