"""The språkcafé part of the ``kartlagg bank check`` report."""

from __future__ import annotations

from interview.banks.loader import BankLibrary
from interview.banks.report import format_error
from interview.banks.rules import LIX_WARN, Finding, Level
from interview.formatting import display_number
from interview.i18n import _, ngettext
from interview.languages import language
from interview.practice.check import check_content, check_translation, content_lix
from interview.practice.loader import PracticeLibrary

_LEVEL_NAMES = {Level.ERROR: "FEL", Level.WARNING: "VARNING"}


def _part_name(part: str) -> str:
    names = {
        "starter": _("meningsbörjor"),
        "example": _("exempelmeningar"),
        "interview": _("intervjufrågor"),
    }
    return names[part]


def practice_report(library: PracticeLibrary, banks: BankLibrary) -> tuple[list[str], int, int]:
    """Return the report lines for the practice content and its translations, errors and warnings."""
    errors_lines = [format_error(error) for error in library.errors]
    errors = len(library.errors)
    content = library.content
    if content is None:
        if not library.errors:
            return [], 0, 0
        return errors_lines, errors, 0
    bank = banks.banks.get(content.bank)
    findings = list(check_content(content, bank))
    for tag in sorted(library.translations):
        findings.extend(check_translation(library.translations[tag], content, bank))
    lines = [
        *errors_lines,
        _("Språkcafé {id!r}: {title}, version {version}").format(
            id=content.id, title=content.title, version=content.version
        ),
        "  " + _("från {path}").format(path=library.sources["content"]),
        "",
    ]
    lines.extend(_finding_line(finding, library) for finding in findings)
    if findings:
        lines.append("")
    lines.append(_("LIX (helst högst {limit:.0f}):").format(limit=LIX_WARN))
    for part, value in content_lix(content).items():
        mark = "✓" if value <= LIX_WARN else "!"
        value_text = display_number(value, 1)
        lines.append(f"  {_part_name(part):<16} {value_text:>5}  {mark}")
    lines.append(_("Översättningar:"))
    for tag in sorted(library.translations):
        translation = library.translations[tag]
        lines.append(f"  {language(tag).name:<20} {tag:<4} {translation.status.label}")
    if not library.translations:
        lines.append("  " + _("inga"))
    found_errors = sum(1 for finding in findings if finding.level is Level.ERROR)
    warnings = len(findings) - found_errors
    lines.append("")
    lines.append(_summary(len(library.translations), errors + found_errors, warnings))
    return lines, errors + found_errors, warnings


def _summary(translations: int, errors: int, warnings: int) -> str:
    return (
        ", ".join(
            (
                ngettext("{count} översättning", "{count} översättningar", translations).format(
                    count=translations
                ),
                ngettext("{count} fel", "{count} fel", errors).format(count=errors),
                ngettext("{count} varning", "{count} varningar", warnings).format(count=warnings),
            )
        )
        + "."
    )


def _finding_line(finding: Finding, library: PracticeLibrary) -> str:
    path = library.sources.get(finding.subject) or library.sources.get("content") or ""
    level = _LEVEL_NAMES[finding.level]
    return f"{level:<7}  {path}: {finding.where}: {finding.message}  ({finding.rule})"
