"""The readable report of ``kartlagg bank check``: findings, then LIX per area, then a summary."""

from __future__ import annotations

from collections.abc import Sequence

from interview.banks.lix import readability
from interview.banks.loader import BankError
from interview.banks.models import Bank, Register
from interview.banks.rules import LIX_WARN, Finding, Level, area_text, check_bank
from interview.banks.translations import TranslationLibrary, check_translation
from interview.formatting import display_number
from interview.i18n import _, ngettext
from interview.languages import language

_LEVEL_NAMES = {Level.ERROR: "FEL", Level.WARNING: "VARNING"}


def bank_report(bank: Bank) -> tuple[list[str], int, int]:
    """Return the report lines for ``bank`` and its counts of errors and warnings."""
    findings = check_bank(bank)
    lines = [
        _("Frågebank {id!r}: {title}, version {version}").format(
            id=bank.id, title=bank.title, version=bank.version
        ),
        *("  " + _("från {path}").format(path=source) for source in bank.sources),
        "",
    ]
    lines.extend(format_finding(finding, bank) for finding in findings)
    if findings:
        lines.append("")
    lines.append(_("LIX per område (lättläst, helst högst {limit:.0f}):").format(limit=LIX_WARN))
    width = max(len(area.id) for area in bank.areas)
    for area in bank.areas:
        value = readability(area_text(area, Register.LATTLAST)).lix
        mark = "✓" if value <= LIX_WARN else "!"
        questions = ngettext("{count} fråga", "{count} frågor", len(area.questions)).format(
            count=len(area.questions)
        )
        lines.append(f"  {area.id:<{width}}  {display_number(value, 1):>5}  {mark}  {questions}")
    errors = sum(1 for finding in findings if finding.level is Level.ERROR)
    warnings = len(findings) - errors
    count = sum(len(area.questions) for area in bank.areas)
    lines.append("")
    lines.append(summary_line(len(bank.areas), count, errors, warnings))
    return lines, errors, warnings


def summary_line(areas: int, questions: int, errors: int, warnings: int) -> str:
    """Return the closing line of a report."""
    return (
        ", ".join(
            (
                ngettext("{count} område", "{count} områden", areas).format(count=areas),
                ngettext("{count} fråga", "{count} frågor", questions).format(count=questions),
                ngettext("{count} fel", "{count} fel", errors).format(count=errors),
                ngettext("{count} varning", "{count} varningar", warnings).format(count=warnings),
            )
        )
        + "."
    )


def format_finding(finding: Finding, bank: Bank) -> str:
    """Return one finding as a report line, naming the file that holds what it is about."""
    path = bank.origins.get(finding.subject) or (bank.sources[-1] if bank.sources else bank.id)
    level = _LEVEL_NAMES[finding.level]
    return f"{level:<7}  {path}: {finding.where}: {finding.message}  ({finding.rule})"


def format_error(error: BankError) -> str:
    """Return a bank file that failed to load as one line."""
    return f"FEL      {error.path}: {error.key}: {error.reason}"


def errors_report(errors: Sequence[BankError]) -> list[str]:
    """Return the lines for files that failed to load."""
    return [format_error(error) for error in errors]


def translations_report(banks: Sequence[Bank], library: TranslationLibrary) -> tuple[list[str], int]:
    """Return one line per bank translation (language, status, problems) and the count of errors.

    A translation of a bank that is not loaded is skipped; a missing or extra id, or a question mark
    more or less than in the Swedish, is an error: the participant would read something else.
    """
    by_id = {bank.id: bank for bank in banks}
    lines: list[str] = []
    errors = 0
    for (bank_id, tag), translation in sorted(library.translations.items()):
        bank = by_id.get(bank_id)
        if bank is None:
            continue
        path = library.sources[(bank_id, tag)]
        issues = check_translation(bank, translation)
        errors += len(issues)
        lines.extend(f"FEL      {path}: {issue.key}: {issue.reason}" for issue in issues)
        mark = "✓" if not issues else "!"
        lines.append(f"  {bank_id} · {language(tag).name} ({tag})  {mark}  {translation.status.label}")
    if lines:
        lines.insert(0, _("Översättningar av frågebankerna:"))
    return lines, errors
