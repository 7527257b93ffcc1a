"""Encryption at rest: opening the encrypted database (key derivation included), and the cost of
saving an answer encrypted against plain SQLite in the same run.

Run from the repository root::

    .venv/bin/python benchmarks/bench_encryption.py            # 20 opens, 600 saves of each kind
    .venv/bin/python benchmarks/bench_encryption.py --quick    # 5 opens, 150 saves

It prints numbers and PASS/FAIL against the target; it never fails on wall-clock time.

1. Opening: ``Repository.open`` of an existing encrypted database with 500 answers (what the app
   does after the passphrase is typed): SQLCipher derives the key (PBKDF2-HMAC-SHA512, 256,000
   iterations by default), checks it on the first page read, applies the pragmas and checks the
   schema. Also the key check alone (``PRAGMA key`` + the first read).
2. Saving: ``Interview.answer`` (one committed transaction, WAL, ``synchronous=FULL``, fsync) on the
   encrypted database and on a plain one with the same schema and pragmas, alternating answer by
   answer so both see the same disk. Target: p99 encrypted <= 1.5 x p99 plain.

The scratch databases live on the real disk under ``benchmarks/.data/`` and are removed afterwards.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_common import BENCH_KEY, heading, keyed, load_bank, mount_of, verdict  # noqa: E402
from sqlite_utils import Database  # noqa: E402

from interview.clock import ManualClock  # noqa: E402
from interview.engine import Interview  # noqa: E402
from interview.participants import new_participant  # noqa: E402
from storage import Repository, schema  # noqa: E402
from storage.driver import sqlite  # noqa: E402

TARGET = 1.5


def plain_repository(path: Path) -> Repository:
    """A Repository over an unencrypted database with kartlagg's schema and pragmas (the baseline)."""
    connection = sqlite.connect(str(path), isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"):
        connection.execute(f"PRAGMA {pragma}")
    db = Database(connection)
    schema.migrate(db)
    return Repository(db, path, None, read_only=False)


def interview_on(repository: Repository, name: str) -> Interview:
    bank = load_bank()
    clock = ManualClock()
    person = new_participant(name, None, clock, "Handläggare Bench", "Påhittad testperson")
    repository.add_participant(person)
    interview = Interview.begin(bank, person, repository, clock, "Handläggare Bench")
    interview.start_session("Handläggare Bench")
    return interview


def answer_once(interview: Interview, counter: int) -> float:
    current = interview.current
    if current is None or (current.question is not None and current.question.is_scale):
        interview.ask_own("Vad mer vill du berätta?")
    started = time.perf_counter()
    interview.answer(f"Påhittat svar nummer {counter} om arbete och hälsa.")
    return (time.perf_counter() - started) * 1000


def percentile(values: list[float], percent: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(percent / 100 * len(ordered)) - 1))]


def part_one(work: Path, opens: int) -> None:
    heading(f"1. Opening the encrypted database ({opens} times)")
    path = work / "open.db"
    with Repository.open(path, key=BENCH_KEY) as repo:
        interview = interview_on(repo, "Testperson Öppna")
        for counter in range(500):
            answer_once(interview, counter)
    whole, key_only = [], []
    for _ in range(opens):
        started = time.perf_counter()
        Repository.open(path, key=BENCH_KEY).close()
        whole.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        connection = keyed(path)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        key_only.append((time.perf_counter() - started) * 1000)
        connection.close()
    size = path.stat().st_size / 1024
    print(f"  database: {size:.0f} KiB, 500 answers")
    median, most = statistics.median(whole), max(whole)
    print(f"  Repository.open:          median {median:6.1f} ms   max {most:6.1f} ms")
    print(
        f"  key derivation + check:   median {statistics.median(key_only):6.1f} ms   "
        f"max {max(key_only):6.1f} ms"
    )


def part_two(work: Path, saves: int) -> None:
    heading(f"2. Saving an answer, encrypted and plain ({saves} each, alternating)")
    with Repository.open(work / "encrypted.db", key=BENCH_KEY) as encrypted_repo:
        plain_repo = plain_repository(work / "plain.db")
        try:
            encrypted = interview_on(encrypted_repo, "Testperson Krypterad")
            plain = interview_on(plain_repo, "Testperson Okrypterad")
            for counter in range(20):  # warm up both
                answer_once(encrypted, counter)
                answer_once(plain, counter)
            times: dict[str, list[float]] = {"encrypted": [], "plain": []}
            for counter in range(saves):
                times["encrypted"].append(answer_once(encrypted, counter))
                times["plain"].append(answer_once(plain, counter))
        finally:
            plain_repo.close()
    for name, values in times.items():
        print(
            f"  {name:<10} p50 {percentile(values, 50):6.2f} ms   p99 {percentile(values, 99):6.2f} ms"
            f"   max {max(values):6.2f} ms"
        )
    ratio = percentile(times["encrypted"], 99) / percentile(times["plain"], 99)
    print(f"  ratio p99 encrypted/plain: {ratio:.2f}  target <= {TARGET}  {verdict(ratio <= TARGET)}")
    p50 = percentile(times["encrypted"], 50) / percentile(times["plain"], 50)
    print(f"  ratio p50 encrypted/plain: {p50:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args()
    work = ROOT / "benchmarks" / ".data" / "encryption"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    print("kartlagg encryption benchmark")
    print(f"  SQLCipher {sqlite.connect(':memory:').execute('PRAGMA cipher_version').fetchone()[0]}")
    print(f"  scratch: {work} ({mount_of(work)})")
    try:
        part_one(work, 5 if args.quick else 20)
        part_two(work, 150 if args.quick else 600)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
