"""The house stays easy to change: no module of the product over 500 lines, no class over 300.

When a screen or a table grows past these, its parts (a log, a panel, a queue, a table group) become
modules of their own with one job each (see ../shared/engineering/architecture.md).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("interview", "storage")
MAX_MODULE_LINES = 500
MAX_CLASS_LINES = 300


def _sources() -> list[Path]:
    return sorted(path for package in PACKAGES for path in (ROOT / package).rglob("*.py"))


def test_the_count_sees_the_product() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in _sources()}
    assert {"interview/errors.py", "storage/schema.py", "interview/tui/app.py"} <= names
    assert len(names) > 100


def test_no_module_is_over_500_lines() -> None:
    long = {
        path.relative_to(ROOT).as_posix(): lines
        for path in _sources()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_no_class_is_over_300_lines() -> None:
    long: dict[str, int] = {}
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.end_lineno is not None:
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_CLASS_LINES:
                    long[f"{path.relative_to(ROOT).as_posix()}:{node.name}"] = lines
    assert long == {}
