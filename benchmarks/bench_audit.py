"""The audit log and gallring: how long checking the chain and removing people take as data grows.

Run from the repository root::

    .venv/bin/python benchmarks/bench_audit.py            # up to 12 000 entries
    .venv/bin/python benchmarks/bench_audit.py --quick    # up to 3 000

It prints numbers only (no target is set for these); it never fails on wall-clock time.

1. ``kartlagg audit verify`` does ``Repository.verify_audit``: every entry is read and hashed again
   from the first. Measured at growing log sizes (each answer writes one entry), median of 5.
2. ``Repository.erase_participants`` (the real gallring run): half of the fictional people are
   removed in one transaction, then VACUUM and an emptied WAL. The time and the file before and after.

The scratch databases live on the real disk under ``benchmarks/.data/`` and are removed afterwards.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_common import BENCH_KEY, heading, load_bank, mount_of  # noqa: E402

from interview.clock import ManualClock  # noqa: E402
from interview.engine import Interview  # noqa: E402
from interview.participants import new_participant  # noqa: E402
from storage import Repository  # noqa: E402

CASEWORKER = "Handläggare Bench"


def fill(repository: Repository, people: int, answers_each: int, first: int = 0) -> None:
    """Add ``people`` fictional participants with ``answers_each`` answers each."""
    bank = load_bank()
    clock = ManualClock()
    for number in range(first, first + people):
        person = new_participant(f"Testperson {number}", None, clock, CASEWORKER, "Påhittad")
        repository.add_participant(person)
        interview = Interview.begin(bank, person, repository, clock, CASEWORKER)
        interview.start_session(CASEWORKER)
        for counter in range(answers_each):
            current = interview.current
            if current is None or (current.question is not None and current.question.is_scale):
                interview.ask_own("Vad mer vill du berätta?")
            interview.answer(f"Påhittat svar {counter} om arbete och hälsa.")


def part_one(work: Path, sizes: list[int]) -> None:
    heading("1. Checking the chain (audit verify), median of 5")
    path = work / "verify.db"
    with Repository.open(path, key=BENCH_KEY) as repo:
        added = 0
        for size in sizes:
            people = (size - added) // 100
            fill(repo, people, 100, first=added // 100)
            added = size
            entries = len(repo.audit_entries())
            runs = []
            for _ in range(5):
                started = time.perf_counter()
                verdict = repo.verify_audit()
                runs.append((time.perf_counter() - started) * 1000)
            assert verdict.ok
            median = statistics.median(runs)
            print(
                f"  {entries:>6} entries   median {median:7.1f} ms"
                f"   {median / entries * 1000:5.1f} µs per entry"
            )


def part_two(work: Path, people: int) -> None:
    heading(f"2. Gallring: removing {people // 2} of {people} people (100 answers each)")
    path = work / "gallring.db"
    with Repository.open(path, key=BENCH_KEY) as repo:
        fill(repo, people, 100)
        before = path.stat().st_size / 1024
        going = [person.id for person in repo.participants()][: people // 2]
        started = time.perf_counter()
        repo.erase_participants(
            going, actor=CASEWORKER, at=datetime.now(UTC), retention={"retention_months": 24}
        )
        took = (time.perf_counter() - started) * 1000
        after = path.stat().st_size / 1024
        assert repo.verify_audit().ok
    print(f"  file before {before:7.0f} KiB   after {after:7.0f} KiB")
    print(f"  erase + VACUUM + WAL checkpoint: {took:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller logs")
    args = parser.parse_args()
    work = ROOT / "benchmarks" / ".data" / "audit"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    print("kartlagg audit log benchmark")
    print(f"  scratch: {work} ({mount_of(work)})")
    try:
        part_one(work, [1000, 3000] if args.quick else [1000, 3000, 6000, 12000])
        part_two(work, 10 if args.quick else 40)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
