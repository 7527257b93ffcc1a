"""The README's key table, written from the command table (``python -m interview.tui.commands.readme``).

The table stands in README.md between two markers; a test checks that it matches the command table,
and running this module writes it again after a change (``--check`` only compares).
"""

from __future__ import annotations

import sys
from pathlib import Path

from interview.i18n import record_in_swedish
from interview.tui.commands.contexts import CONTEXTS
from interview.tui.commands.model import keys_text, split_keys
from interview.tui.commands.table import COMMANDS

BEGIN = "<!-- keys:begin (written by python -m interview.tui.commands.readme) -->"
END = "<!-- keys:end -->"


def key_table() -> str:
    """Return the Markdown table: every command's id, its Swedish title and its keys on each screen."""
    from interview.i18n import _

    lines = [
        "| id (for `[keys]`) | Command | Keys (screen) |",
        "| --- | --- | --- |",
    ]
    with record_in_swedish():
        for command in COMMANDS.values():
            places = [
                f"{keys_text(split_keys(keys))} ({_(CONTEXTS[name].title)})"
                for name, keys in command.keys.items()
            ]
            fixed = command.per_key or all(CONTEXTS[name].fixed for name in command.keys)
            shown_id = command.id if not fixed else f"{command.id} (fixed)"
            lines.append(f"| `{shown_id}` | {_(command.title)} | {'; '.join(places)} |")
    return "\n".join(lines)


def readme_section(readme: str) -> str:
    """Return the key table that stands in ``readme`` between the markers."""
    start = readme.index(BEGIN) + len(BEGIN)
    return readme[start : readme.index(END)].strip()


def write(readme: Path) -> bool:
    """Write the key table into ``readme``; return True when it changed."""
    text = readme.read_text(encoding="utf-8")
    start = text.index(BEGIN) + len(BEGIN)
    new = text[:start] + "\n" + key_table() + "\n" + text[text.index(END) :]
    if new == text:
        return False
    readme.write_text(new, encoding="utf-8")
    return True


def main(argv: list[str]) -> int:
    """Write (or with ``--check`` compare) the key table in README.md; 1 when it was out of date."""
    readme = Path(__file__).resolve().parents[3] / "README.md"
    if "--check" in argv:
        return 0 if readme_section(readme.read_text(encoding="utf-8")) == key_table() else 1
    return 1 if write(readme) else 0


if __name__ == "__main__":  # pragma: no cover - a developer's tool
    sys.exit(main(sys.argv[1:]))
