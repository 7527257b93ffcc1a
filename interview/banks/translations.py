"""Translations of a question bank: the participant's reading support beside the Swedish wording.

A translation file holds one language of one bank, both registers of every question and the areas'
titles and labels, with a status that says how far it can be trusted. Swedish stays the official
wording: a question read through a tolk uses the Swedish text, and the record is always Swedish.
The format is documented in ``question_banks/translations/README.md``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from interview.banks.loader import BankError, key_path, pydantic_reason, read_toml
from interview.banks.models import Bank, Identifier, Register, Text
from interview.i18n import _
from interview.languages import TranslationLanguage, TranslationStatus

TRANSLATION_FOLDER = "translations"
"""The folder beside the banks (in ``question_banks/``) that holds their translations."""

QUESTION_MARKS = frozenset("?\u061f\u1367\uff1f")
"""Question marks of the scripts kartlagg shows: Latin, Arabic (؟), Ethiopic (፧) and full width."""


class AreaTranslation(BaseModel):
    """An area's heading and everyday labels in one language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Text
    label: Text
    label_lattlast: Text


class QuestionTranslation(BaseModel):
    """A question in both registers in one language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    standard: Text
    lattlast: Text

    def text(self, register: Register) -> str:
        """Return the wording in ``register``."""
        return self.standard if register is Register.STANDARD else self.lattlast


class BankTranslation(BaseModel):
    """One bank in one language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bank: Identifier
    language: TranslationLanguage
    status: TranslationStatus
    note: str = ""
    areas: dict[Identifier, AreaTranslation] = Field(default_factory=dict, alias="area")
    questions: dict[Identifier, QuestionTranslation] = Field(default_factory=dict, alias="question")

    def question_text(self, question_id: str, register: Register) -> str | None:
        """Return the translated wording of ``question_id``, or None when it is not translated."""
        translated = self.questions.get(question_id)
        return translated.text(register) if translated is not None else None

    def area_label(self, area_id: str, register: Register) -> str | None:
        """Return the translated everyday label of ``area_id``, or None when it is not translated."""
        translated = self.areas.get(area_id)
        if translated is None:
            return None
        return translated.label if register is Register.STANDARD else translated.label_lattlast


def read_translation_file(path: Path) -> BankTranslation:
    """Read one translation file; raise :class:`BankError` naming the key of a mistake."""
    data = read_toml(path)
    header = data.get("translation")
    if not isinstance(header, dict):
        raise BankError(path, "translation", _("tabellen [translation] saknas"))
    unknown = sorted(set(data) - {"translation", "area", "question"})
    if unknown:
        raise BankError(path, unknown[0], _("okänd nyckel på översta nivån"))
    fields = {**header, "area": data.get("area", {}), "question": data.get("question", {})}
    try:
        return BankTranslation.model_validate(fields)
    except ValidationError as error:
        first = error.errors()[0]
        loc = tuple(first.get("loc", ()))
        where = key_path(loc, data) if loc and loc[0] in data else key_path(("translation", *loc), data)
        raise BankError(path, where, pydantic_reason(first)) from None


def question_marks(text: str) -> int:
    """Count the question marks in ``text``, in any of the scripts kartlagg shows."""
    return sum(1 for char in text if char in QUESTION_MARKS)


@dataclass(frozen=True)
class TranslationIssue:
    """Something a translation lacks or gets wrong, by key: ``question "kropp.idag".lattlast``."""

    key: str
    reason: str


def check_translation(bank: Bank, translation: BankTranslation) -> list[TranslationIssue]:
    """Compare ``translation`` with ``bank``: all ids translated, none unknown, the same "?" count."""
    issues: list[TranslationIssue] = []
    known_areas = {area.id for area in bank.areas}
    for area in bank.areas:
        if area.id not in translation.areas:
            issues.append(TranslationIssue(f'area "{area.id}"', _("området är inte översatt")))
        for question in area.questions:
            translated = translation.questions.get(question.id)
            if translated is None:
                issues.append(
                    TranslationIssue(f'question "{question.id}"', _("frågan är inte översatt"))
                )
                continue
            for register in Register:
                source, text = question.text(register), translated.text(register)
                if question_marks(source) != question_marks(text):
                    reason = _("{count} frågetecken i översättningen, {source} i den svenska").format(
                        count=question_marks(text), source=question_marks(source)
                    )
                    issues.append(TranslationIssue(f'question "{question.id}".{register.value}', reason))
    known_questions = {question.id for area in bank.areas for question in area.questions}
    issues.extend(
        TranslationIssue(f'area "{area_id}"', _("det finns inget sådant område i banken"))
        for area_id in translation.areas
        if area_id not in known_areas
    )
    issues.extend(
        TranslationIssue(f'question "{question_id}"', _("det finns ingen sådan fråga i banken"))
        for question_id in translation.questions
        if question_id not in known_questions
    )
    return issues


@dataclass
class TranslationLibrary:
    """The bank translations in a list of folders, read when first asked for.

    A file is named ``<bank id>.<language tag>.toml`` (``sassam.ar.toml``); a later folder's file
    replaces a language of an earlier one. Only the names are looked at when the library is made, so
    start-up does not pay for languages nobody reads; a file is parsed the first time it is needed.
    """

    files: dict[tuple[str, str], Path] = field(default_factory=dict)
    """By (bank id, language tag), from the file names."""
    errors: list[BankError] = field(default_factory=list)
    _loaded: dict[tuple[str, str], BankTranslation | None] = field(default_factory=dict)

    @classmethod
    def discover(cls, folders: Iterable[Path]) -> TranslationLibrary:
        """Find every ``<bank>.<language>.toml`` of every folder in order (nothing is parsed yet)."""
        library = cls()
        for folder in folders:
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.toml")):
                parts = path.name.split(".")
                if len(parts) < 3:
                    library.errors.append(
                        BankError(path, "-", _("filnamnet ska vara <bank>.<språk>.toml"))
                    )
                    continue
                library.files[(".".join(parts[:-2]), parts[-2])] = path
        return library

    def get(self, bank_id: str, language: str) -> BankTranslation | None:
        """Return the translation of ``bank_id`` into ``language`` (None if none, or if it is broken).

        A broken file is recorded in :attr:`errors` the first time it is read.
        """
        key = (bank_id, language)
        if key not in self._loaded:
            self._loaded[key] = self._read(key) if key in self.files else None
        return self._loaded[key]

    def _read(self, key: tuple[str, str]) -> BankTranslation | None:
        path = self.files[key]
        try:
            translation = read_translation_file(path)
        except BankError as error:
            self.errors.append(error)
            return None
        if (translation.bank, translation.language) != key:
            reason = _("filen heter {name} men översätter {bank!r} till {tag!r}").format(
                name=path.name, bank=translation.bank, tag=translation.language
            )
            self.errors.append(BankError(path, "translation", reason))
            return None
        return translation

    @property
    def translations(self) -> dict[tuple[str, str], BankTranslation]:
        """Every translation that can be read (reading them all), by (bank id, language tag)."""
        loaded = {key: self.get(*key) for key in self.files}
        return {key: value for key, value in loaded.items() if value is not None}

    @property
    def sources(self) -> dict[tuple[str, str], Path]:
        """The file of each (bank id, language tag)."""
        return dict(self.files)

    def languages(self, bank_id: str) -> list[str]:
        """Return the language tags ``bank_id`` has a translation file for, in file order."""
        return [language for bank, language in self.files if bank == bank_id]


def translation_folders(question_bank_folders: Iterable[Path]) -> list[Path]:
    """Return the translation folders inside the given bank folders."""
    return [folder / TRANSLATION_FOLDER for folder in question_bank_folders]


def _toml_string(text: str) -> str:
    """Quote ``text`` as a TOML basic string."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def translation_template(bank: Bank, language: str, existing: BankTranslation | None = None) -> str:
    """Return a translation file for ``bank`` to fill in, the Swedish source as comments.

    Texts of ``existing`` are kept, so a template made after the bank grew only lacks the new ids.
    """
    lines = [
        "[translation]",
        f"bank = {_toml_string(bank.id)}",
        f"language = {_toml_string(language)}",
        f'status = "{(existing.status if existing else TranslationStatus.MACHINE_DRAFT).value}"',
        f"note = {_toml_string(existing.note if existing else '')}",
    ]
    for area in bank.areas:
        done = existing.areas.get(area.id) if existing else None
        lines += ["", f"[area.{area.id}]"]
        for key, source in (
            ("title", area.title),
            ("label", area.label),
            ("label_lattlast", area.label_lattlast),
        ):
            lines.append(f"# {source}")
            lines.append(f"{key} = {_toml_string(getattr(done, key) if done else '')}")
        for question in area.questions:
            translated = existing.questions.get(question.id) if existing else None
            lines += ["", f'[question."{question.id}"]']
            for register in Register:
                lines.append(f"# {question.text(register)}")
                value = translated.text(register) if translated else ""
                lines.append(f"{register.value} = {_toml_string(value)}")
    return "\n".join(lines) + "\n"
