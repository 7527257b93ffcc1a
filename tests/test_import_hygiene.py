"""The layering holds: the interview core and storage never load textual.

Checked in a fresh interpreter, so nothing imported by other tests can hide a violation.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import interview
import storage


def _modules(package: object, prefix: str) -> list[str]:
    path = getattr(package, "__path__", [])
    return [
        info.name
        for info in pkgutil.walk_packages(path, prefix)
        if not info.name.startswith("interview.tui")
    ]


def test_core_and_storage_do_not_import_textual() -> None:
    modules = [
        "interview",
        "storage",
        *_modules(interview, "interview."),
        *_modules(storage, "storage."),
    ]
    assert "interview.engine" in modules
    assert "storage.repository" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"textual was imported: {result.stdout.strip()}"


def test_the_check_itself_can_fail() -> None:
    """Importing textual in the same way is detected (so the test above is not vacuous)."""
    code = (
        "import sys, textual.app\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('textual'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "textual" in result.stdout


SQL_STARTS = ("SELECT ", "INSERT ", "UPDATE ", "DELETE ", "CREATE ", "PRAGMA ")


def test_the_ui_writes_no_sql() -> None:
    """The Textual app reaches the database only through storage.Repository, never SQL of its own."""
    import ast
    from pathlib import Path

    tui = Path(interview.__file__).parent / "tui"
    offenders = []
    for source in sorted(tui.rglob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in {"sqlite3", "sqlite_utils", "sqlcipher3"} or name in {
                    "storage.schema",
                    "storage.connection",
                }:
                    offenders.append(f"{source.name}: {name}")
            # SQL statements as the repository writes them: an upper-case keyword first
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and text.lstrip().startswith(SQL_STARTS):
                offenders.append(f"{source.name}: {text[:40]!r}")
    assert offenders == []
