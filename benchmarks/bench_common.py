"""What the benchmark scripts share: percentiles, headings, the machine, the bank, scratch databases.

Imported by ``bench_storage.py`` and ``bench_app.py``, which run as scripts from this folder.
"""

from __future__ import annotations

import math
import platform
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from interview.banks import BankLibrary
from interview.banks.models import Bank
from interview.paths import Locations


def rank(values: Sequence[int], percent: float) -> int:
    """Return the nearest-rank ``percent`` percentile of sorted ``values``."""
    index = max(0, math.ceil(percent / 100 * len(values)) - 1)
    return values[index]


def verdict(ok: bool) -> str:
    """Return PASS or FAIL."""
    return "PASS" if ok else "FAIL"


def heading(text: str) -> None:
    """Print a section heading."""
    print()
    print(text)
    print("-" * len(text))


def mount_of(path: Path) -> str:
    """Return "<fstype> on <mount point>" for ``path`` (Linux only; "unknown" elsewhere)."""
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return "unknown"
    resolved = str(path.resolve())
    best = ("", "unknown")
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        point, fstype = parts[1], parts[2]
        inside = resolved == point or resolved.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best[0]):
            best = (point, fstype)
    return f"{best[1]} on {best[0] or '?'}"


def cpu_model() -> str:
    """Return the CPU's model name."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def load_bank() -> Bank:
    """Return the shipped SASSAM bank."""
    return BankLibrary.discover([Locations.for_user().shipped_banks]).get("sassam")


def remove_database(path: Path) -> None:
    """Delete a database file with its side files (``-wal``, ``-shm``, ``.lock``)."""
    for suffix in ("", "-wal", "-shm", "-journal", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def answer_text(texts: Sequence[str], number: int, *, scale: bool) -> str:
    """Return fictional answer ``number`` from ``texts``; scale questions start with 0–10."""
    text = texts[number % len(texts)]
    return f"{number % 11} – {text}" if scale else text


BENCH_KEY = "bench-lösenfras-för-påhittade-data"
"""The passphrase of every benchmark database (invented data only)."""


def keyed(path: Path, **options: Any) -> Any:
    """Open ``path`` with SQLCipher and the benchmark key, without kartlagg's pragmas (bulk loading)."""
    from storage.connection import quoted_key
    from storage.driver import sqlite

    connection = sqlite.connect(str(path), **options)
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = {quoted_key(BENCH_KEY)}")
    return connection
