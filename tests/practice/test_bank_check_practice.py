"""`kartlagg bank check` over the språkcafé files: the shipped ones are clean, broken ones exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview.cli import EXIT_FINDINGS, EXIT_OK, main
from tests.practice.fictional import CONTENT_TOML, translation_toml, write

SWEDISH_NAMES = {
    "ar": "arabiska",
    "en": "engelska",
    "fa": "persiska",
    "prs": "dari",
    "so": "somaliska",
    "ti": "tigrinja",
    "uk": "ukrainska",
}


def check(capsys: pytest.CaptureFixture[str], *path: Path) -> tuple[int, str]:
    code = main(["bank", "check", *(str(item) for item in path)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out


def ar_translation(body: str, practice: str = "sprakcafe") -> str:
    return translation_toml(body, language="ar", practice=practice)


@pytest.mark.usefixtures("own_config")
def test_shipped_files_are_clean_and_every_language_is_named(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = check(capsys)
    assert code == EXIT_OK, out
    assert "Språkcafé 'sprakcafe'" in out
    assert "7 översättningar, 0 fel, 0 varningar." in out
    listed = out.split("Översättningar:", 1)[1]
    for tag, name in SWEDISH_NAMES.items():
        assert f"  {name:<20} {tag:<4} " in listed


@pytest.mark.usefixtures("own_config")
def test_the_shipped_folder_checks_clean(
    capsys: pytest.CaptureFixture[str], shipped_banks: Path
) -> None:
    code, out = check(capsys, shipped_banks / "sprakcafe")
    assert code == EXIT_OK, out
    assert "0 fel" in out


@pytest.mark.usefixtures("own_config")
def test_own_folder_with_only_a_translation_is_checked_against_shipped_content(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    own = tmp_path / "egna" / "sprakcafe"
    path = write(
        own,
        "sprakcafe.ar.toml",
        ar_translation('[interview]\nom_dig = "حدثني عن نفسك."\nstyrkor = "ما هي نقاط قوتك؟"\n'),
    )
    code, out = check(capsys, own)
    assert code == EXIT_OK, out
    assert "Språkcafé 'sprakcafe'" in out
    assert f"VARNING  {path}: translation:" in out
    assert "0 fel" in out


@pytest.mark.usefixtures("own_config")
@pytest.mark.parametrize(
    ("body", "where", "message"),
    [
        ('[interview]\nfinns_inte = "x"\n', "interview.finns_inte", "finns inte i det svenska"),
        ('[interview]\nstyrkor = "ما هي نقاط قوتك"\n', "interview.styrkor", "har 0 frågetecken"),
        ('[starter]\nbra_pa = "أنا جيد في"\n', "starter.bra_pa", "har 0 luckor (…)"),
        ('[question]\n"inl.varmprat" = "كيف كان يومك؟ ؟"\n', "question.inl.varmprat", "har 2"),
    ],
    ids=["unknown-id", "question-mark", "gap", "two-marks"],
)
def test_own_translation_with_a_mistake_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, body: str, where: str, message: str
) -> None:
    path = write(tmp_path / "sprakcafe", "sprakcafe.ar.toml", ar_translation(body))
    for target in (path, path.parent):
        code, out = check(capsys, target)
        assert code == EXIT_FINDINGS, out
        assert f"FEL      {path}: {where}: {message}" in out


@pytest.mark.usefixtures("own_config")
def test_translation_of_other_content_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path, "sprakcafe.ar.toml", ar_translation("", practice="kafe"))
    code, out = check(capsys, path)
    assert code == EXIT_FINDINGS, out
    assert f"FEL      {path}: translation.practice: översätter 'kafe'" in out


@pytest.mark.usefixtures("own_config")
@pytest.mark.parametrize(
    ("name", "text", "key_reason"),
    [
        ("sprakcafe.x.toml", translation_toml(language="sv"), "translation.language: okänt språk 'sv'"),
        ("sprakcafe.x.toml", translation_toml(language="zz"), "translation.language: okänt språk 'zz'"),
        ("kafe.toml", CONTENT_TOML + '\n[extra]\nx = "y"\n', "extra: okänd nyckel på översta nivån"),
        ("kafe.toml", CONTENT_TOML.replace('bank = "liten"\n', ""), "practice.bank: saknas"),
        ("kafe.toml", CONTENT_TOML.replace('id = "cv"', 'id = "lon"'), "word-id 'lon' finns två gånger"),
    ],
    ids=["sv", "unknown-language", "top-level", "missing-key", "duplicate-word"],
)
def test_broken_file_exits_1_naming_file_and_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, text: str, key_reason: str
) -> None:
    path = write(tmp_path / "sprakcafe", name, text)
    for target in (path, path.parent):
        code, out = check(capsys, target)
        assert code == EXIT_FINDINGS, out
        assert f"FEL      {path}: " in out
        assert key_reason in out


@pytest.mark.usefixtures("own_config")
def test_invalid_toml_exits_1_naming_the_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path, "sprakcafe.ar.toml", ar_translation('[word]\nlon = "راتب\n'))
    code, out = check(capsys, path)
    assert code == EXIT_FINDINGS, out
    assert f"FEL      {path}: rad " in out
    assert "ogiltig TOML" in out
