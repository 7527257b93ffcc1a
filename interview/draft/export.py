"""Exporting one version of a sammanställning to a file, for the app and for ``kartlagg export``.

A signed version is exported exactly as it was signed (its frozen content) with its SHA-256 printed;
an unsigned one is composed from the answers as they are now and says that it is not signed. The file
is written readable by its owner only, atomically, and nothing goes to a temporary folder.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from interview.audit import AuditAction, AuditEvent
from interview.documents.files import default_filename, render, write_export
from interview.documents.formats import ExportFormat
from interview.draft.models import DraftVersion
from interview.draft.workflow import Drafts
from interview.errors import UserError
from interview.i18n import _

FOLDER_MODE = 0o700


class ExportError(UserError):
    """The file could not be written; ``str(error)`` says why, in Swedish."""


def export_draft(
    drafts: Drafts,
    fmt: ExportFormat,
    *,
    version: DraftVersion | None = None,
    path: Path | None = None,
    folder: Path,
) -> Path:
    """Write ``version`` (the current one by default) as ``fmt`` and return where it went.

    ``path`` is the file to write; without it the file goes into ``folder`` under a name that names
    no person (``sammanstallning-1a2b3c4d-v2.pdf``).
    """
    chosen = version or drafts.current
    draft = drafts.draft(chosen)
    sha256 = chosen.sha256 if chosen.signed else None
    audit_head = chosen.audit_head if chosen.signed else None
    target = path if path is not None else folder / default_filename(draft, fmt)
    try:
        data = render(draft, sha256, fmt, audit_head=audit_head)
    except OSError:
        # WeasyPrint could not load the system's pango library (only the PDF needs it)
        raise ExportError(
            _(
                "PDF kan inte göras på den här datorn: biblioteket pango saknas (Debian: apt install "
                "libpango-1.0-0 libpangoft2-1.0-0). Välj Word, HTML eller Markdown så länge."
            )
        ) from None
    if path is None:
        return save_file(data, target, folder=folder)
    if target.is_dir():
        target = target / default_filename(draft, fmt)
    return save_file(data, target)


def export_event(version: DraftVersion, fmt: ExportFormat, actor: str, at: datetime) -> AuditEvent:
    """Return the audit entry for an export of ``version`` (no path: a file name may name someone)."""
    return AuditEvent(
        at=at,
        actor=actor,
        action=AuditAction.EXPORT,
        subject=f"draft:{version.id}",
        detail={"version": version.version, "format": fmt.value, "signed": version.signed},
    )


def save_file(data: bytes | str, target: Path, *, folder: Path | None = None) -> Path:
    """Write ``data`` to ``target`` (owner only, atomically); a Swedish :class:`ExportError` if not.

    ``folder``, when given, is created first (0700): the default exports folder.
    """
    try:
        if folder is not None:
            folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        return write_export(data, target)
    except FileNotFoundError:
        raise ExportError(
            _("Mappen {folder} finns inte. Välj en mapp som finns.").format(folder=target.parent)
        ) from None
    except PermissionError:
        raise ExportError(
            _("Du har inte behörighet att skriva i {folder}.").format(folder=target.parent)
        ) from None
    except OSError as error:
        raise ExportError(
            _("Filen {path} kunde inte skrivas ({reason}). Inget annat har ändrats.").format(
                path=target, reason=error.strerror or type(error).__name__
            )
        ) from None
