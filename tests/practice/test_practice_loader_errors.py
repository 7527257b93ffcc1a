"""A broken content or translation file: one BankError naming the file, the key and why, in Swedish."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview.banks.loader import BankError
from interview.practice.loader import read_practice_file
from interview.practice.models import PracticeContent, PracticeTranslation
from tests.practice.fictional import CONTENT_TOML, translation_toml, write


def load_error(path: Path) -> BankError:
    with pytest.raises(BankError) as caught:
        read_practice_file(path)
    assert caught.value.path == path
    assert str(path) in str(caught.value)
    return caught.value


def test_the_fictional_files_load(tmp_path: Path) -> None:
    content = read_practice_file(write(tmp_path, "kafe.toml", CONTENT_TOML))
    assert isinstance(content, PracticeContent)
    assert [word.id for theme in content.themes for word in theme.words] == ["lon", "rast", "cv"]
    translation = read_practice_file(
        write(tmp_path, "kafe.en.toml", translation_toml('[word]\nlon = "salary"\n'))
    )
    assert isinstance(translation, PracticeTranslation)
    assert translation.word == {"lon": "salary"}


DUPLICATES = {
    "starter": CONTENT_TOML.replace('id = "forstar"', 'id = "bra_pa"'),
    "theme": CONTENT_TOML.replace('id = "soka"', 'id = "jobb"'),
    "word": CONTENT_TOML.replace('id = "cv"', 'id = "lon"'),
    "interview": CONTENT_TOML.replace('id = "borja"', 'id = "om_dig"'),
}


@pytest.mark.parametrize("group", DUPLICATES)
def test_duplicate_id_names_the_id(tmp_path: Path, group: str) -> None:
    error = load_error(write(tmp_path, "kafe.toml", DUPLICATES[group]))
    assert error.reason.startswith(f"{group}-id ")
    assert "finns två gånger" in error.reason


@pytest.mark.parametrize("group", DUPLICATES)
def test_duplicate_id_error_key_names_the_group(tmp_path: Path, group: str) -> None:
    error = load_error(write(tmp_path, "kafe.toml", DUPLICATES[group]))
    # The key must point at the duplicate, not at the unrelated "bank" key of [practice].
    assert group in error.key, f"key is {error.key!r}"


@pytest.mark.parametrize(
    ("text", "key", "reason"),
    [
        (CONTENT_TOML.replace('title = "Kafé – prata om jobb"\n', ""), "practice.title", "saknas"),
        (CONTENT_TOML.replace('bank = "liten"\n', ""), "practice.bank", "saknas"),
        (CONTENT_TOML.replace('word = "rast"\n', ""), 'theme "jobb" › word "rast".word', "saknas"),
        (CONTENT_TOML.replace('version = "1"', 'version = "1"\nfarg = "blå"'), "practice.farg", "okänd"),
        (CONTENT_TOML + '\n[extra]\nx = "y"\n', "extra", "okänd nyckel på översta nivån"),
        (CONTENT_TOML.replace('id = "bra_pa"', 'id = "Bra på"'), 'starter "Bra på".id', "små bokstäver"),
    ],
    ids=["title", "bank", "word", "header-key", "top-level", "id-pattern"],
)
def test_content_mistakes_name_the_key(tmp_path: Path, text: str, key: str, reason: str) -> None:
    error = load_error(write(tmp_path, "kafe.toml", text))
    assert error.key == key
    assert reason in error.reason


def test_invalid_toml_names_line_and_column(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, "kafe.toml", CONTENT_TOML.replace('id = "kafe"', "id = kafe")))
    assert error.key == "rad 2, kolumn 6"
    assert error.reason.startswith("ogiltig TOML")


def test_a_file_with_neither_table_is_refused(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, "kafe.toml", 'titel = "Kafé"\n'))
    assert error.reason == "tabellen [practice] eller [translation] saknas"


@pytest.mark.parametrize("tag", ["sv", "xx", "arabiska"])
def test_translation_into_an_unknown_language_or_swedish_is_refused(tmp_path: Path, tag: str) -> None:
    error = load_error(write(tmp_path, "kafe.x.toml", translation_toml(language=tag)))
    assert error.key == "translation.language"
    assert error.reason.startswith(f"okänt språk {tag!r}")


@pytest.mark.parametrize(
    ("text", "key", "reason"),
    [
        (translation_toml().replace("machine-draft", "klar"), "translation.status", "ska vara en av"),
        (translation_toml().replace('language = "en"\n', ""), "translation.language", "saknas"),
        (translation_toml('[ord]\nlon = "salary"\n'), "ord", "okänd nyckel på översta nivån"),
        (translation_toml('[word]\nlon = ""\n'), "word.lon", "får inte vara tom"),
        ('translation = "en"\n', "translation", "ska vara en tabell"),
    ],
    ids=["status", "language", "section", "empty", "not-a-table"],
)
def test_translation_mistakes_name_the_key(tmp_path: Path, text: str, key: str, reason: str) -> None:
    error = load_error(write(tmp_path, "kafe.en.toml", text))
    assert error.key == key
    assert reason in error.reason
