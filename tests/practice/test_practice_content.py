"""The shipped språkcafé content and its 7 translations: they load, and every text is translated."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview.banks import Bank
from interview.banks.rules import Level
from interview.practice.check import check_content, check_translation, source_texts
from interview.practice.loader import PRACTICE_FOLDER, PracticeLibrary, practice_folders
from interview.practice.models import PracticeContent, PracticeTranslation
from tests.practice.conftest import SHIPPED_TAGS
from tests.practice.fictional import CONTENT_TOML, translation_toml, write


def test_practice_folder_sits_inside_each_bank_folder(tmp_path: Path) -> None:
    assert practice_folders([tmp_path / "a", tmp_path / "b"]) == [
        tmp_path / "a" / PRACTICE_FOLDER,
        tmp_path / "b" / PRACTICE_FOLDER,
    ]


def test_shipped_files_load_without_errors(shipped_practice: PracticeLibrary) -> None:
    assert shipped_practice.errors == []
    assert isinstance(shipped_practice.content, PracticeContent)
    assert shipped_practice.content.id == "sprakcafe"
    assert shipped_practice.content.bank == "sassam"
    assert sorted(shipped_practice.translations) == sorted(SHIPPED_TAGS)


@pytest.mark.parametrize("tag", SHIPPED_TAGS)
def test_each_translation_file_is_named_for_its_language(
    shipped_practice: PracticeLibrary, tag: str
) -> None:
    translation = shipped_practice.translations[tag]
    assert isinstance(translation, PracticeTranslation)
    assert translation.practice == "sprakcafe"
    assert shipped_practice.sources[tag].name == f"sprakcafe.{tag}.toml"


def test_shipped_content_has_no_errors(shipped_practice: PracticeLibrary, bank: Bank) -> None:
    assert shipped_practice.content is not None
    errors = [
        finding
        for finding in check_content(shipped_practice.content, bank)
        if finding.level is Level.ERROR
    ]
    assert errors == []


@pytest.mark.parametrize("tag", SHIPPED_TAGS)
def test_translation_covers_every_translatable_text(
    shipped_practice: PracticeLibrary, bank: Bank, tag: str
) -> None:
    content = shipped_practice.content
    assert content is not None
    translation = shipped_practice.translations[tag]
    sources = source_texts(content, bank)
    assert sources["question"], "the practised questions take part"
    for table, texts in sources.items():
        translated: dict[str, str] = getattr(translation, table)
        missing = sorted(set(texts) - set(translated))
        assert missing == [], f"{tag}: [{table}] lacks {missing}"
    errors = [
        f"{finding.where}: {finding.message}"
        for finding in check_translation(translation, content, bank)
        if finding.level is Level.ERROR
    ]
    assert errors == []


def test_a_later_folder_replaces_a_language_and_the_content(tmp_path: Path) -> None:
    shipped, own = tmp_path / "shipped", tmp_path / "own"
    write(shipped, "kafe.toml", CONTENT_TOML)
    write(shipped, "kafe.en.toml", translation_toml('[interview]\nom_dig = "Tell me."\n'))
    write(shipped, "kafe.so.toml", translation_toml(language="so"))
    own_en = write(own, "kafe.en.toml", translation_toml('[interview]\nom_dig = "About you."\n'))
    own_content = write(own, "kafe.toml", CONTENT_TOML.replace('version = "1"', 'version = "2"'))

    library = PracticeLibrary.discover([shipped, tmp_path / "finns-inte", own])

    assert library.errors == []
    assert library.content is not None
    assert library.content.version == "2"
    assert library.sources["content"] == own_content
    assert library.translations["en"].interview == {"om_dig": "About you."}
    assert library.sources["en"] == own_en
    assert library.sources["so"] == shipped / "kafe.so.toml"


def test_a_broken_file_is_recorded_and_the_others_still_load(tmp_path: Path) -> None:
    write(tmp_path, "kafe.toml", CONTENT_TOML)
    broken = write(tmp_path, "kafe.ar.toml", translation_toml(language="sv"))
    library = PracticeLibrary.discover([tmp_path])
    assert library.content is not None
    assert library.translations == {}
    assert [error.path for error in library.errors] == [broken]


def test_the_format_readme_the_files_point_to_exists(shipped_banks: Path) -> None:
    # models.py and sprakcafe.toml both send editors to README.md in the sprakcafe folder.
    assert (shipped_banks / PRACTICE_FOLDER / "README.md").is_file()
