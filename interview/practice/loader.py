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


def _validate(path: Path, data: dict[str, Any], table: str, allowed: frozenset[str]) -> dict[str, Any]:
    """Check the outline of a file whose header is ``[table]``; return header and sections as one."""
    header = data[table]
    if not isinstance(header, dict):
        raise BankError(path, table, _("ska vara en tabell"))
    sections = {key: value for key, value in data.items() if key != table}
    unknown = sorted(set(sections) - allowed)
    if unknown:
        raise BankError(path, unknown[0], _("okänd nyckel på översta nivån"))
    return {**header, **sections}


def _model_error(path: Path, error: ValidationError, data: dict[str, Any], table: str) -> BankError:
    """Name the key of the first mistake; keys of the header table are named under it."""
    first = error.errors()[0]
    loc = tuple(first.get("loc", ()))
    if loc and loc[0] not in data:
        loc = (table, *loc)
        data = {table: data[table]}
    return BankError(path, key_path(loc, data), pydantic_reason(first))


def read_practice_file(path: Path) -> PracticeContent | PracticeTranslation:
    """Read one content or translation file; raise :class:`BankError` if it is unusable."""
    data = read_toml(path)
    if "practice" in data:
        content = _validate(path, data, "practice", frozenset({"starter", "theme", "interview"}))
        _check_duplicates(path, content)
        try:
            return PracticeContent.model_validate(content)
        except ValidationError as error:
            raise _model_error(path, error, data, "practice") from None
    if "translation" in data:
        translation = _validate(path, data, "translation", frozenset(_SECTIONS))
        try:
            return PracticeTranslation.model_validate(translation)
        except ValidationError as error:
            raise _model_error(path, error, data, "translation") from None
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
