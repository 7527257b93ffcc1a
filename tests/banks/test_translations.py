"""The bank's translations: complete in every required language, consistent, and replaceable."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from interview.banks.loader import BankError, BankLibrary
from interview.banks.models import Bank, Register
from interview.banks.translations import (
    TranslationLibrary,
    check_translation,
    question_marks,
    read_translation_file,
    translation_folders,
    translation_template,
)
from interview.languages import TranslationStatus

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "question_banks"
REQUIRED = ("en", "ar", "so", "ti", "prs", "fa", "uk")


@pytest.fixture(scope="module")
def bank() -> Bank:
    return BankLibrary.discover([SHIPPED]).get("sassam")


@pytest.fixture(scope="module")
def library() -> TranslationLibrary:
    return TranslationLibrary.discover(translation_folders([SHIPPED]))


def test_the_shipped_translations_load_without_errors(library: TranslationLibrary) -> None:
    assert set(REQUIRED) <= set(library.languages("sassam"))
    assert {tag for _bank, tag in library.translations} >= set(REQUIRED)
    assert library.errors == []


def test_files_are_read_only_when_asked_for_and_must_be_named_for_what_they_hold(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    shipped = (SHIPPED / "translations" / "sassam.so.toml").read_text(encoding="utf-8")
    (folder / "sassam.so.toml").write_text("this is not TOML", encoding="utf-8")
    (folder / "sassam.ti.toml").write_text(shipped, encoding="utf-8")  # says "so" inside
    library = TranslationLibrary.discover([folder])
    assert library.errors == []  # nothing parsed yet: start-up pays only for a folder listing
    assert library.get("sassam", "so") is None
    assert library.get("sassam", "ti") is None
    reasons = [error.reason for error in library.errors]
    assert reasons[0].startswith("ogiltig TOML")
    assert reasons[1] == "filen heter sassam.ti.toml men översätter 'sassam' till 'so'"


@pytest.mark.parametrize("tag", REQUIRED)
def test_every_question_id_is_translated_in_both_registers(
    tag: str, bank: Bank, library: TranslationLibrary
) -> None:
    translation = library.get("sassam", tag)
    assert translation is not None
    assert isinstance(translation.status, TranslationStatus)
    assert check_translation(bank, translation) == []
    for area in bank.areas:
        texts = translation.areas[area.id]
        assert texts.title.strip() and texts.label.strip() and texts.label_lattlast.strip()
        for question in area.questions:
            for register in Register:
                text = translation.question_text(question.id, register)
                assert text is not None and text.strip(), (question.id, register)
                # one "?" where the source has one, none where it has none
                assert question_marks(text) == question_marks(question.text(register)), (
                    question.id,
                    register,
                    text,
                )
                assert text != question.text(register) or tag == "en", (question.id, register)


def test_a_missing_question_and_a_second_question_mark_are_reported(bank: Bank) -> None:
    translation = TranslationLibrary.discover(translation_folders([SHIPPED])).get("sassam", "en")
    assert translation is not None
    questions = dict(translation.questions)
    del questions["kropp.idag"]
    first = questions["inl.varmprat"]
    questions["inl.varmprat"] = first.model_copy(update={"lattlast": "How are you? And today?"})
    broken = translation.model_copy(update={"questions": questions})
    keys = {issue.key for issue in check_translation(bank, broken)}
    assert keys == {'question "kropp.idag"', 'question "inl.varmprat".lattlast'}


def test_a_broken_file_names_the_key(tmp_path: Path) -> None:
    path = tmp_path / "sassam.so.toml"
    path.write_text(
        '[translation]\nbank = "sassam"\nlanguage = "so"\nstatus = "machine-draft"\n\n'
        '[question."kropp.idag"]\nstandard = "Sidee tahay?"\nlattlast = ""\n',
        encoding="utf-8",
    )
    with pytest.raises(BankError) as caught:
        read_translation_file(path)
    assert caught.value.key == "question › kropp.idag.lattlast"
    assert caught.value.reason == "får inte vara tom"


def test_an_unknown_language_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sassam.xx.toml"
    path.write_text(
        '[translation]\nbank = "sassam"\nlanguage = "xx"\nstatus = "machine-draft"\n', encoding="utf-8"
    )
    with pytest.raises(BankError, match="okänt språk"):
        read_translation_file(path)


def test_a_units_own_file_replaces_a_shipped_language(tmp_path: Path, bank: Bank) -> None:
    own = tmp_path / "question_banks"
    (own / "translations").mkdir(parents=True)
    shipped = (SHIPPED / "translations" / "sassam.so.toml").read_text(encoding="utf-8")
    reviewed = shipped.replace('status = "machine-draft"', 'status = "reviewed-by-native-speaker"')
    (own / "translations" / "sassam.so.toml").write_text(reviewed, encoding="utf-8")
    library = TranslationLibrary.discover(translation_folders([SHIPPED, own]))
    translation = library.get("sassam", "so")
    assert translation is not None
    assert translation.status is TranslationStatus.REVIEWED
    assert check_translation(bank, translation) == []


def test_the_template_keeps_what_is_translated_and_lists_the_swedish(bank: Bank) -> None:
    existing = read_translation_file(SHIPPED / "translations" / "sassam.uk.toml")
    text = translation_template(bank, "uk", existing)
    assert "# Hur upplever du din fysiska hälsa just nu?" in text
    data = tomllib.loads(text)  # valid TOML, with the translated texts kept
    assert data["question"]["kropp.idag"]["standard"] == existing.questions["kropp.idag"].standard
