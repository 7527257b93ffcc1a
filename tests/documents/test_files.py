"""Writing an export: owner-only (0600), atomic, no temporary file left behind, nothing in the
system's temporary folder; the renderer chosen by format and a file name that names no one.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import platformdirs
import pytest

from interview.documents.files import default_filename, render, write_export
from interview.documents.formats import ExportFormat
from interview.draft.models import Draft
from interview.paths import APP_NAME
from tests.documents.conftest import PARTICIPANT_NAME, SHA256

# ------------------------------------------------------------------ watching the temporary folder

_watched: list[tuple[str, list[str]]] = []
_WATCHED_EVENTS = {"open", "os.mkdir", "tempfile.mkdtemp", "tempfile.mkstemp", "os.rename"}


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _watched or event not in _WATCHED_EVENTS or not args:
        return
    path = args[0]
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if not isinstance(path, str | os.PathLike):
        return
    text = os.path.abspath(os.fspath(path))  # noqa: PTH100 - no Path objects inside an audit hook
    for folder, seen in _watched:
        if text == folder or text.startswith(folder + os.sep):
            seen.append(f"{event} {text}")


sys.addaudithook(_audit)


@pytest.fixture
def system_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, list[str]]]:
    """An empty folder made the system's temporary folder, and every use of it seen by Python."""
    folder = tmp_path / "system-tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    assert tempfile.gettempdir() == str(folder)
    seen: list[str] = []
    _watched.append((str(folder), seen))
    try:
        yield folder, seen
    finally:
        _watched.clear()


# ------------------------------------------------------------------------------- write_export


def test_the_file_is_owner_only_and_nothing_else_is_left(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    old_umask = os.umask(0)
    try:
        path = write_export(b"%PDF-1.7 content \x00\xff", folder / "a.pdf")
    finally:
        os.umask(old_umask)
    assert path == folder / "a.pdf"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes() == b"%PDF-1.7 content \x00\xff"
    assert sorted(folder.iterdir()) == [path]


def test_text_is_written_as_utf8(tmp_path: Path) -> None:
    path = write_export("Åsa – أعمل – ኣብ", tmp_path / "a.md")
    assert path.read_text(encoding="utf-8") == "Åsa – أعمل – ኣብ"


def test_an_existing_file_is_replaced_and_made_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text("gammalt", encoding="utf-8")
    path.chmod(0o644)
    write_export("nytt", path)
    assert path.read_text(encoding="utf-8") == "nytt"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(tmp_path.iterdir()) == [path]


def test_a_failed_write_removes_its_temporary_file_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(b"gammalt")

    def failing_fsync(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError, match="No space left"):
        write_export(b"nytt", path)
    assert sorted(tmp_path.iterdir()) == [path]
    assert path.read_bytes() == b"gammalt"


def test_a_missing_folder_is_an_error_and_nothing_is_made(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_export(b"x", tmp_path / "finns-inte" / "a.pdf")
    assert list(tmp_path.iterdir()) == []


_EXPORT_SCRIPT = """
import sys
from pathlib import Path
from interview.documents.files import render, write_export
from interview.documents.formats import ExportFormat
from interview.draft.models import Draft

draft = Draft.model_validate_json(Path(sys.argv[1]).read_text(encoding="utf-8"))
write_export(render(draft, sys.argv[3], ExportFormat.PDF), Path(sys.argv[2]))
"""


def test_a_pdf_export_in_a_fresh_process_leaves_the_temporary_folder_empty(
    draft: Draft, tmp_path: Path
) -> None:
    """The whole export, WeasyPrint's first import included, in a new interpreter."""
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    target = tmp_path / "export"
    target.mkdir()
    source = tmp_path / "draft.json"
    source.write_text(draft.model_dump_json(), encoding="utf-8")
    environment = {**os.environ, "TMPDIR": str(system_tmp)}
    subprocess.run(
        [sys.executable, "-c", _EXPORT_SCRIPT, str(source), str(target / "a.pdf"), SHA256],
        check=True,
        env=environment,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
    )
    assert list(system_tmp.iterdir()) == []
    (exported,) = target.iterdir()
    assert exported.name == "a.pdf"
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600


def test_a_pdf_export_uses_nothing_in_the_system_temporary_folder(
    draft: Draft, tmp_path: Path, system_temp: tuple[Path, list[str]]
) -> None:
    """Every file Python opens or makes while exporting is watched: none is in the temp folder.

    WeasyPrint is imported before the watch starts: at its first import, cffi looks its C libraries
    up with ctypes.util.find_library, which may run gcc with a scratch file in the temporary folder
    (removed at once; it holds no document data). That is a one-time library lookup, not the export.
    """
    import weasyprint  # noqa: F401 - see the docstring

    folder, seen = system_temp
    seen.clear()
    target = tmp_path / "export"
    target.mkdir()
    path = write_export(render(draft, SHA256, ExportFormat.PDF), target / "a.pdf")
    assert path.read_bytes().startswith(b"%PDF-")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(target.iterdir()) == [path]
    assert list(folder.iterdir()) == []
    assert seen == []
    # WeasyPrint's copies of the fonts went to a private folder in the user's cache, now removed.
    cache = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    assert [entry.name for entry in cache.iterdir() if entry.name.startswith("pdf-fonts-")] == []


def test_the_temporary_folder_check_itself_can_fail(system_temp: tuple[Path, list[str]]) -> None:
    """WeasyPrint left to itself copies @font-face fonts into the system's temporary folder."""
    from weasyprint import HTML

    _folder, seen = system_temp
    font = Path(__file__).resolve().parents[2] / "interview/documents/fonts/NotoSans-Regular.ttf"
    page = (
        f"<style>@font-face {{ font-family: Prov; src: url({font.as_uri()}) }} p {{ font-family: Prov }}"
        "</style><p>Provtext</p>"
    )
    HTML(string=page).write_pdf()
    assert any("weasyprint-" in event for event in seen), seen


# ---------------------------------------------------------------------- render and file names


@pytest.mark.parametrize(
    ("fmt", "start"),
    [
        (ExportFormat.PDF, b"%PDF-"),
        (ExportFormat.DOCX, b"PK\x03\x04"),
        (ExportFormat.HTML, b"<!DOCTYPE html>"),
        (ExportFormat.MD, f"{PARTICIPANT_NAME} · 19870614-".encode()),
    ],
)
def test_render_picks_the_format(draft: Draft, fmt: ExportFormat, start: bytes) -> None:
    assert render(draft, SHA256, fmt).startswith(start)


def test_default_file_names_name_no_one(draft: Draft) -> None:
    names = {fmt: default_filename(draft, fmt) for fmt in ExportFormat}
    short = draft.kartlaggning_id[:8]
    assert names == {
        ExportFormat.PDF: f"sammanstallning-{short}-v2.pdf",
        ExportFormat.DOCX: f"sammanstallning-{short}-v2.docx",
        ExportFormat.HTML: f"sammanstallning-{short}-v2.html",
        ExportFormat.MD: f"sammanstallning-{short}-v2.md",
    }
    for name in names.values():
        assert name.isascii()
        assert "Leyla" not in name
        assert "19870614" not in name


def test_an_odd_id_cannot_make_a_path(draft: Draft) -> None:
    odd = draft.model_copy(update={"kartlaggning_id": "../../Leyla/x"})
    name = default_filename(odd, ExportFormat.PDF)
    assert "/" not in name
    assert ".." not in name


def test_formats_have_swedish_labels_and_suffixes() -> None:
    assert [fmt.suffix for fmt in ExportFormat] == [".pdf", ".docx", ".html", ".md"]
    assert ExportFormat("pdf") is ExportFormat.PDF
    labels = [fmt.label for fmt in ExportFormat]
    assert labels == [
        "PDF för utskrift och underskrift",
        "Word-dokument (DOCX)",
        "Webbsida (HTML)",
        "Text med Markdown",
    ]
    assert [fmt.binary for fmt in ExportFormat] == [True, True, False, False]
