"""Choosing the renderer, naming the file, and writing it so that only its owner can read it."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from interview.draft.models import Draft
from interview.i18n import record_in_swedish

from .formats import ExportFormat

FILE_MODE = 0o600
"""Exported files are readable and writable by their owner only: they hold personal data."""


def render(
    draft: Draft, sha256: str | None, fmt: ExportFormat, *, audit_head: str | None = None
) -> bytes:
    """Return the sammanställning in ``fmt`` as the bytes of the file (text as UTF-8).

    The document is Swedish whatever the interface language: the record is always Swedish.
    """
    with record_in_swedish():
        return _render(draft, sha256, fmt, audit_head)


def _render(draft: Draft, sha256: str | None, fmt: ExportFormat, audit_head: str | None) -> bytes:
    if fmt is ExportFormat.PDF:
        from .pdf import render_pdf  # noqa: PLC0415 - WeasyPrint loads only when a PDF is made

        return render_pdf(draft, sha256, audit_head=audit_head)
    if fmt is ExportFormat.DOCX:
        from .docx import render_docx  # noqa: PLC0415 - python-docx loads only when needed

        return render_docx(draft, sha256, audit_head=audit_head)
    if fmt is ExportFormat.HTML:
        from .html import render_html  # noqa: PLC0415 - as the others

        return render_html(draft, sha256, audit_head=audit_head).encode("utf-8")
    from .markdown import render_markdown  # noqa: PLC0415 - as the others

    return render_markdown(draft, sha256, audit_head=audit_head).encode("utf-8")


def default_filename(draft: Draft, fmt: ExportFormat) -> str:
    """Return a file name that names no person: ``sammanstallning-1a2b3c4d-v2.pdf``."""
    short_id = "".join(char for char in draft.kartlaggning_id if char.isascii() and char.isalnum())[:8]
    return f"sammanstallning-{short_id or 'utan-id'}-v{draft.version}{fmt.suffix}"


def write_export(data: bytes | str, path: Path) -> Path:
    """Write ``data`` to ``path`` atomically, readable by the owner only (0600); return ``path``.

    The bytes go to a new temporary file in the same folder (created exclusively with mode 0600, so
    no one else can ever open it), are flushed to disk, and the file is then renamed over ``path``:
    a reader sees the old file or the whole new one, never half. The folder is synced so the rename
    survives a crash. On any error the temporary file is removed. Text is written as UTF-8. Nothing
    is written anywhere else (the system's temporary folder is never used).
    """
    content = data.encode("utf-8") if isinstance(data, str) else data
    target = Path(path)
    folder = target.parent
    temporary = folder / f".{target.name}.{secrets.token_hex(6)}.tmp"
    descriptor = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_CLOEXEC, FILE_MODE)
    try:
        try:
            # The mode given to os.open is reduced by the umask; 0600 is what the file must have.
            os.fchmod(descriptor, FILE_MODE)
            view = memoryview(content)
            while view:
                written = os.write(descriptor, view)
                view = view[written:]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        temporary.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_folder(folder)
    return target


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entry for the renamed file (not every platform or file system can)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)
