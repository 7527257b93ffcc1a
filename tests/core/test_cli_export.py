"""``kartlagg export``: the listing, finding a kartläggning, formats, owner-only files, clear errors."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest

from interview.banks import Bank
from interview.clock import ManualClock
from interview.draft.models import CaseworkerSections
from interview.draft.workflow import Drafts
from interview.paths import Locations
from storage import Repository
from tests.cli_runner import Kartlagg
from tests.draft.kartlaggning import (
    ARABIC_ANSWER,
    CASEWORKER,
    EDITED_TO,
    NAME,
    NUMBER,
    START,
    build_kartlaggning,
)
from tests.keys import TEST_KEY


@pytest.fixture
def signed(locations: Locations, bank: Bank) -> tuple[str, str]:
    """Leila's kartläggning in the unit's database with version 1 signed and version 2 begun."""
    clock = ManualClock(START)
    with Repository.open(locations.database, key=TEST_KEY) as repo:
        kartlaggning_id = build_kartlaggning(repo, bank, clock)
        record = repo.load(kartlaggning_id)
        assert record is not None
        drafts = Drafts(record, bank, repo, clock, unit="Enheten")
        drafts.mark_reviewed(CASEWORKER)
        drafts.finish_read_back("", CASEWORKER)
        version = drafts.sign(NAME, CASEWORKER, date(2026, 10, 12))
        drafts.save_sections(CaseworkerSections(assessment="Ny bedömning."), CASEWORKER)
    assert version.sha256 is not None
    return kartlaggning_id, version.sha256


def test_without_a_kartlaggning_it_lists_them_with_masked_numbers(
    kartlagg: Kartlagg, signed: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    kartlaggning_id, _hash = signed
    assert kartlagg(["export"]) == 0
    listed = capsys.readouterr().out
    assert kartlaggning_id[:8] in listed
    assert NAME in listed
    assert "19900101-****" in listed
    assert "9802" not in listed
    assert "v2  utkast" in listed


def test_a_signed_version_is_exported_with_its_hash_owner_only(
    kartlagg: Kartlagg, signed: tuple[str, str], locations: Locations, capsys: pytest.CaptureFixture[str]
) -> None:
    kartlaggning_id, sha256 = signed
    assert kartlagg(["export", kartlaggning_id[:6], "--format", "md", "--version", "1"]) == 0
    out = capsys.readouterr().out
    path = Path(out.split("Sparad: ", 1)[1].splitlines()[0])
    assert path.parent == locations.exports
    assert NAME not in path.name
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    text = path.read_text(encoding="utf-8")
    assert sha256 in text
    assert sha256 in out
    assert EDITED_TO in text
    assert ARABIC_ANSWER in text
    assert "Ny bedömning." not in text  # that is version 2


def test_the_latest_version_is_found_by_personnummer(
    kartlagg: Kartlagg, signed: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "ut.html"
    assert kartlagg(["export", NUMBER, "--format", "html", "--out", str(target)]) == 0
    assert "Version 2 (utkast)" in capsys.readouterr().out
    text = target.read_text(encoding="utf-8")
    assert "Ny bedömning." in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "ab"], "minst 4 tecken"),
        (["export", "ffffffff"], "ingen kartläggning har ett id"),
        (["export", "19900101-9810"], "ingen kartläggning har det personnumret"),
        (["export", "{id}", "--version", "7"], "version 7 finns inte"),
        (["export", "{id}", "--out", "/finns/inte/x.pdf"], "finns inte"),
    ],
)
def test_mistakes_get_a_swedish_message_and_exit_1(
    kartlagg: Kartlagg,
    signed: tuple[str, str],
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    kartlaggning_id, _hash = signed
    argv = [arg.format(id=kartlaggning_id[:8]) for arg in args]
    assert kartlagg(argv) == 1
    error = capsys.readouterr().err
    assert message in error
    assert "Traceback" not in error


def test_no_database_yet_is_said_plainly(
    kartlagg: Kartlagg, locations: Locations, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kartlagg(["export"]) == 1
    assert "det finns ingen databas ännu" in capsys.readouterr().err
    assert not locations.database.exists()


def test_export_works_while_the_app_has_the_database_open(
    kartlagg: Kartlagg, signed: tuple[str, str], locations: Locations, capsys: pytest.CaptureFixture[str]
) -> None:
    kartlaggning_id, _hash = signed
    with Repository.open(locations.database, key=TEST_KEY):
        assert kartlagg(["export", kartlaggning_id[:8], "--format", "md"]) == 0
    assert "Sparad:" in capsys.readouterr().out


def test_a_machine_without_pango_is_told_what_to_install(
    kartlagg: Kartlagg,
    signed: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import interview.draft.export as export

    def no_pango(*_args: object, **_kwargs: object) -> bytes:
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(export, "render", no_pango)
    kartlaggning_id, _hash = signed
    assert kartlagg(["export", kartlaggning_id[:8]]) == 1
    error = capsys.readouterr().err
    assert "biblioteket pango saknas" in error
    assert "Traceback" not in error
