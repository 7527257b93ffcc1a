"""Load the språkcafé content and its translations from TOML files, reporting mistakes like the banks.

A folder holds one content file (with a ``[practice]`` table) and any number of translation files
(with a ``[translation]`` table). A later folder (the unit's own) replaces the content or a language of
an earlier one (the shipped files).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from interview.banks.loader import BankError, key_path, pydantic_reason, read_toml
from interview.i18n import _
from interview.practice.models import PracticeContent, PracticeTranslation

PRACTICE_FOLDER = "sprakcafe"
"""The folder beside the banks (in ``question_banks/``) that holds the practice content."""


_SECTIONS = ("area", "question", "starter", "theme", "word", "example", "interview")
"""The tables of a translation file, one per kind of text translated."""


def _check_duplicates(path: Path, fields: dict[str, Any]) -> None:
    """Name an id that comes twice by where it is, as the banks do (``theme "jobb" › word "lon".id``)."""
    seen: dict[str, set[str]] = {"starter": set(), "theme": set(), "word": set(), "interview": set()}

    def check(group: str, item: object, where: str) -> None:
        item_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(item_id, str):
            return
        if item_id in seen[group]:
            reason = _("{group}-id {id!r} finns två gånger").format(group=group, id=item_id)
            raise BankError(path, f'{where}{group} "{item_id}".id', reason)
        seen[group].add(item_id)

    for group in ("starter", "theme", "interview"):
        items = fields.get(group, [])
        for item in items if isinstance(items, list) else []:
            check(group, item, "")
            words = item.get("word", []) if group == "theme" and isinstance(item, dict) else []
            for word in words if isinstance(words, list) else []:
                check("word", word, f'theme "{item.get("id")}" › ')


def read_practice_file(path: Path) -> PracticeContent | PracticeTranslation:
    """Read one content or translation file; raise :class:`BankError` if it is unusable."""
    data = read_toml(path)
    if "practice" in data:
        header = data["practice"]
        if not isinstance(header, dict):
            raise BankError(path, "practice", _("ska vara en tabell"))
        unknown = sorted(set(data) - {"practice", "starter", "theme", "interview"})
        if unknown:
            raise BankError(path, unknown[0], _("okänd nyckel på översta nivån"))
        fields = {key: value for key, value in data.items() if key != "practice"}
        _check_duplicates(path, fields)
        content = {**header, **fields}
        try:
            return PracticeContent.model_validate(content)
        except ValidationError as error:
            first = error.errors()[0]
            loc = tuple(first.get("loc", ()))
            if loc and loc[0] not in fields:
                loc = ("practice", *loc)
                data = {"practice": header}
            raise BankError(path, key_path(loc, data), pydantic_reason(first)) from None
    if "translation" in data:
        header = data["translation"]
        if not isinstance(header, dict):
            raise BankError(path, "translation", _("ska vara en tabell"))
        sections = {key: value for key, value in data.items() if key != "translation"}
        unknown = sorted(set(sections) - set(_SECTIONS))
        if unknown:
            raise BankError(path, unknown[0], _("okänd nyckel på översta nivån"))
        translation = {**header, **sections}
        try:
            return PracticeTranslation.model_validate(translation)
        except ValidationError as error:
            first = error.errors()[0]
            loc = tuple(first.get("loc", ()))
            if loc and loc[0] not in sections:
                loc = ("translation", *loc)
                data = {"translation": header}
            raise BankError(path, key_path(loc, data), pydantic_reason(first)) from None
    raise BankError(path, "-", _("tabellen [practice] eller [translation] saknas"))


@dataclass
class PracticeLibrary:
    """The practice content and its translations found in a list of folders."""

    content: PracticeContent | None = None
    translations: dict[str, PracticeTranslation] = field(default_factory=dict)
    """By language tag."""
    sources: dict[str, Path] = field(default_factory=dict)
    """The file each part came from: ``"content"`` or a language tag."""
    errors: list[BankError] = field(default_factory=list)

    @classmethod
    def discover(cls, folders: Iterable[Path]) -> PracticeLibrary:
        """Load every ``*.toml`` of every folder in order; files that fail go to :attr:`errors`."""
        library = cls()
        for folder in folders:
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.toml")):
                library.add(path)
        return library

    def add(self, path: Path) -> None:
        """Load ``path`` into the library (a mistake is recorded in :attr:`errors`)."""
        try:
            loaded = read_practice_file(path)
        except BankError as error:
            self.errors.append(error)
            return
        if isinstance(loaded, PracticeContent):
            self.content = loaded
            self.sources["content"] = path
        else:
            self.translations[loaded.language] = loaded
            self.sources[loaded.language] = path


def practice_folders(question_bank_folders: Iterable[Path]) -> list[Path]:
    """Return the practice folders that sit beside (inside) the given bank folders."""
    return [folder / PRACTICE_FOLDER for folder in question_bank_folders]
