"""The command line and languages: the interface language setting, bank translation templates and
checks."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from interview import cli
from interview.banks.translations import read_translation_file

ROOT = Path(__file__).resolve().parents[2]


def run_kartlagg(config_home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``kartlagg`` in its own process with its own configuration folder."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(config_home), "XDG_DATA_HOME": str(config_home)}
    return subprocess.run(
        [sys.executable, "-m", "interview.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )


def write_config(config_home: Path, text: str) -> None:
    folder = config_home / "kartlagg"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(text, encoding="utf-8")


def test_the_interface_language_setting_changes_what_the_command_line_says(tmp_path: Path) -> None:
    swedish = run_kartlagg(tmp_path, "where")
    assert swedish.returncode == 0
    assert "Databas:" in swedish.stdout
    write_config(tmp_path, 'interface_language = "en"\n')
    english = run_kartlagg(tmp_path, "where")
    assert english.returncode == 0, english.stderr
    assert "Databas:" not in english.stdout
    assert "Database" in english.stdout


def test_an_interface_language_without_a_catalog_is_refused_in_swedish(tmp_path: Path) -> None:
    write_config(tmp_path, 'interface_language = "kmr"\n')
    result = run_kartlagg(tmp_path, "where")
    assert result.returncode == 2
    assert "Gränssnittet finns inte på 'kmr'" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_rtl_mode_names_the_key(tmp_path: Path) -> None:
    write_config(tmp_path, 'rtl_mode = "sideways"\n')
    result = run_kartlagg(tmp_path, "where")
    assert result.returncode == 2
    assert "rtl_mode" in result.stderr and "Traceback" not in result.stderr


def test_bank_template_writes_a_file_to_fill_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "sassam.ckb.toml"
    code = cli.main(["bank", "template", "ckb", "--out", str(target)])
    assert code == 0
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    assert data["translation"]["language"] == "ckb"
    assert len(data["question"]) == 125
    assert all(texts == {"standard": "", "lattlast": ""} for texts in data["question"].values())
    assert capsys.readouterr().out == f"Skrev {target}.\n"


def test_bank_template_keeps_an_existing_translation(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["bank", "template", "so"]) == 0
    data = tomllib.loads(capsys.readouterr().out)
    shipped = read_translation_file(ROOT / "question_banks" / "translations" / "sassam.so.toml")
    assert data["question"]["kropp.idag"]["lattlast"] == shipped.questions["kropp.idag"].lattlast


def test_bank_template_refuses_an_unknown_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["bank", "template", "klingon"]) == 2
    assert "okänt språk 'klingon'" in capsys.readouterr().err


def test_bank_check_reports_the_translations_and_a_missing_question(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["bank", "check"]) == 0
    report = capsys.readouterr().out
    assert "Översättningar av frågebankerna:" in report
    assert "sassam · tigrinja (ti)" in report

    own = Path(os.environ["XDG_CONFIG_HOME"]) / "kartlagg" / "question_banks" / "translations"
    own.mkdir(parents=True, exist_ok=True)
    shipped = (ROOT / "question_banks" / "translations" / "sassam.uk.toml").read_text("utf-8")
    start = shipped.index('[question."kropp.idag"]')
    end = shipped.index("[question.", start + 10)
    (own / "sassam.uk.toml").write_text(shipped[:start] + shipped[end:], encoding="utf-8")
    try:
        assert cli.main(["bank", "check"]) == 1
        report = capsys.readouterr().out
        assert 'question "kropp.idag": frågan är inte översatt' in report
    finally:
        (own / "sassam.uk.toml").unlink()
