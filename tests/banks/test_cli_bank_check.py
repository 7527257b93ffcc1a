"""`kartlagg bank check`, `where`, `--version`, `--help`: Swedish output and no tracebacks."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from interview.banks.models import SASSAM_AREAS
from interview.cli import main

REPO = Path(__file__).resolve().parents[2]
SHIPPED_FILE = REPO / "question_banks" / "sassam.toml"


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


@dataclass(frozen=True)
class Home:
    config: Path
    data: Path


@pytest.fixture
def home(tmp_path: Path) -> Home:
    config, data = tmp_path / "config", tmp_path / "data"
    config.mkdir()
    data.mkdir()
    return Home(config, data)


def kartlagg(home: Home, *args: str) -> Run:
    env = {**os.environ, "XDG_CONFIG_HOME": str(home.config), "XDG_DATA_HOME": str(home.data)}
    done = subprocess.run(
        [sys.executable, "-m", "interview.cli", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def question(qid: str, text: str) -> str:
    return f'[[area.question]]\nid = "{qid}"\nstandard = "{text}"\nlattlast = "{text}"\n'


def bank_text(*questions: str) -> str:
    return (
        '[bank]\nid = "liten"\ntitle = "Liten bank"\nversion = "1"\n\n'
        '[[area]]\nid = "inledning"\ntitle = "Inledning"\ngroup = "inledning"\n'
        'purpose = "Att börja samtalet."\nlabel = "i dag"\nlabel_lattlast = "i dag"\n\n'
        + "".join(questions)
    )


GOOD_BANK = bank_text(question("a", "Hur mår du i dag?"), question("b", "Vad vill du prata om?"))


def lines_with(text: str, *parts: str) -> list[str]:
    return [line for line in text.splitlines() if all(part in line for part in parts)]


def test_check_shipped_bank_is_clean(home: Home) -> None:
    run = kartlagg(home, "bank", "check")
    assert run.code == 0, run.out
    assert "Traceback" not in run.err
    assert "0 fel" in run.out
    assert "16 områden" in run.out
    assert str(SHIPPED_FILE) in run.out
    for area_id, _group in SASSAM_AREAS:
        assert re.search(rf"^  {area_id} +\d+,\d  ✓  \d+ frågor$", run.out, re.M), area_id


def test_check_shipped_file_by_path(home: Home) -> None:
    run = kartlagg(home, "bank", "check", str(SHIPPED_FILE))
    assert run.code == 0
    assert "0 fel, 0 varningar." in run.out


@pytest.mark.parametrize(
    ("text", "key"),
    [
        pytest.param(GOOD_BANK.replace('version = "1"', "version = 1 2"), "rad 4", id="toml"),
        pytest.param(
            GOOD_BANK.replace('lattlast = "Hur mår du i dag?"\n', ""),
            'area "inledning" › question "a".lattlast',
            id="missing-key",
        ),
        pytest.param(
            GOOD_BANK + question("a", "Vad gör dig glad?"),
            'area "inledning" › question "a".id',
            id="duplicate-id",
        ),
    ],
)
def test_check_broken_file(home: Home, tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / "trasig.toml"
    path.write_text(text, encoding="utf-8")
    run = kartlagg(home, "bank", "check", str(path))
    assert run.code != 0
    assert "Traceback" not in run.err
    found = lines_with(run.out, "FEL", str(path), key)
    assert len(found) == 1, run.out
    assert "1 fel" in run.out


def test_check_question_with_two_question_marks(home: Home, tmp_path: Path) -> None:
    path = tmp_path / "tva.toml"
    path.write_text(
        bank_text(question("a", "Hur mår du? Vad gör du?"), question("b", "Vad vill du?")),
        encoding="utf-8",
    )
    run = kartlagg(home, "bank", "check", str(path))
    assert run.code == 1
    assert "Traceback" not in run.err
    assert lines_with(run.out, "från", str(path))
    assert len(lines_with(run.out, "FEL", "a [standard]", "2 frågetecken")) == 1
    assert len(lines_with(run.out, "FEL", "a [lättläst]", "2 frågetecken")) == 1
    assert "2 fel" in run.out


def test_check_unit_folder_reports_a_broken_unit_bank(home: Home) -> None:
    unit = home.config / "kartlagg" / "question_banks"
    unit.mkdir(parents=True)
    broken = unit / "enhet.toml"
    broken.write_text(GOOD_BANK + question("a", "Vad gör dig glad?"), encoding="utf-8")
    run = kartlagg(home, "bank", "check")
    assert run.code == 1
    assert lines_with(run.out, "FEL", str(broken), 'question "a".id')
    assert "Frågebank 'sassam'" in run.out  # the shipped bank is still checked


def test_check_missing_path(home: Home, tmp_path: Path) -> None:
    missing = tmp_path / "finns-inte.toml"
    run = kartlagg(home, "bank", "check", str(missing))
    assert run.code != 0
    assert "Traceback" not in run.err
    assert lines_with(run.out + run.err, str(missing), "finns inte")


def test_check_override_with_bad_questions_has_no_traceback(home: Home, tmp_path: Path) -> None:
    path = tmp_path / "solby.toml"
    path.write_text(
        '[bank]\nid = "solby"\nextends = "sassam"\ntitle = "Solby"\nversion = "1"\n\n'
        '[[area]]\nid = "kroppsfunktioner"\nquestion = ["Hur mår du?"]\n',
        encoding="utf-8",
    )
    run = kartlagg(home, "bank", "check", str(path))
    assert run.code == 1
    assert "Traceback" not in run.err
    assert lines_with(run.out, "FEL", str(path))


def test_where_uses_the_xdg_folders(home: Home) -> None:
    run = kartlagg(home, "where")
    assert run.code == 0
    assert f"{home.data / 'kartlagg' / 'kartlagg.db'}" in run.out
    assert f"{home.config / 'kartlagg' / 'config.toml'}" in run.out
    assert lines_with(run.out, "Egna frågebanker:", str(home.config / "kartlagg" / "question_banks"))
    assert lines_with(run.out, "Medföljande frågebanker:", str(SHIPPED_FILE.parent))


def test_version(home: Home) -> None:
    run = kartlagg(home, "--version")
    assert run.code == 0
    assert run.out.startswith("kartlagg ")
    assert re.fullmatch(r"kartlagg \d+\.\d+\.\d+\S*\n", run.out)


def test_help_is_swedish(home: Home) -> None:
    run = kartlagg(home, "--help")
    assert run.code == 0
    assert run.out.startswith("Användning: kartlagg")
    assert "flaggor:" in run.out and "kommandon:" in run.out
    assert "usage" not in run.out.lower()


@pytest.mark.parametrize("args", [("bank", "--help"), ("bank", "check", "--help")])
def test_sub_command_help_has_one_usage_prefix(home: Home, args: tuple[str, ...]) -> None:
    run = kartlagg(home, *args)
    assert run.code == 0
    assert run.out.startswith(f"Användning: kartlagg {' '.join(args[:-1])} ")
    assert "Användning: Användning:" not in run.out


def test_unknown_command(home: Home) -> None:
    run = kartlagg(home, "nonsens")
    assert run.code == 2
    assert "Traceback" not in run.err
    assert "okänt val 'nonsens'" in run.err
    assert "invalid choice" not in run.err
    assert run.out == ""


def in_process_env(monkeypatch: pytest.MonkeyPatch, home: Home) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home.config))
    monkeypatch.setenv("XDG_DATA_HOME", str(home.data))


def test_main_in_process_reports_a_broken_file(
    home: Home, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    in_process_env(monkeypatch, home)
    path = tmp_path / "saknas.toml"
    path.write_text(GOOD_BANK.replace('title = "Inledning"\n', ""), encoding="utf-8")
    assert main(["bank", "check", str(path)]) == 1
    out = capsys.readouterr().out
    assert f'FEL      {path}: area "inledning".title: saknas' in out.splitlines()


def test_main_in_process_good_bank_and_bad_argument(
    home: Home, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    in_process_env(monkeypatch, home)
    path = tmp_path / "bra.toml"
    path.write_text(GOOD_BANK, encoding="utf-8")
    assert main(["bank", "check", str(path)]) == 0
    assert "1 område, 2 frågor, 0 fel, 0 varningar." in capsys.readouterr().out
    with pytest.raises(SystemExit) as stopped:
        main(["bank", "check", str(path), "extra"])
    assert stopped.value.code == 2
    assert "okända argument: extra" in capsys.readouterr().err
