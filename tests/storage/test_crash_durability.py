"""Crash durability: a writer killed with SIGKILL at random moments loses no answer it reported saved.

A forked child opens the database, resumes (or starts) the kartläggning and saves answers in a loop,
writing each answer's id to a pipe only after ``Interview.answer`` returned. The parent kills it with
SIGKILL after a random delay, at least 200 times, and after each kill checks that every reported id is
stored and that ``PRAGMA integrity_check`` is ``ok``. Kills land anywhere: while the database is
created and migrated, while the interview is rebuilt, and inside commits.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from interview.banks import Bank
from interview.clock import ManualClock
from interview.engine import Interview
from interview.participants import new_participant
from interview.records import Tag
from storage import Repository
from tests.keys import TEST_KEY

KILLS = 200
READY = b"ready\n"
PERSONNUMMER = "199001010017"
CASEWORKER = "Handläggare Hanna Exempel"


def _writer(db_path: Path, bank: Bank, report: int) -> None:
    """Save answers until killed, reporting each saved answer's id on ``report``."""
    clock = ManualClock()
    repo = Repository.open(db_path, key=TEST_KEY)
    person = repo.participant_by_personnummer(PERSONNUMMER)
    if person is None:
        person = new_participant("Doris Testperson", PERSONNUMMER, clock, CASEWORKER)
        repo.add_participant(person)
    existing = repo.kartlaggningar(person.id)
    if existing:
        record = repo.load(existing[0].id)
        assert record is not None
        interview = Interview(bank, record, repo, clock)
    else:
        interview = Interview.begin(bank, person, repo, clock, CASEWORKER)
    if interview.session is None:
        interview.start_session(CASEWORKER)
    os.write(report, READY)  # opened (the key derived): the parent's kill clock starts now
    counter = 0
    while True:
        counter += 1
        if interview.current is None and interview.next_area() is None:
            interview.ask_own("Vad mer vill du berätta?")
        current = interview.current
        assert current is not None
        scale = current.question is not None and current.question.is_scale
        exchange = interview.answer("5" if scale else f"Svar nummer {counter} från {os.getpid()}.")
        os.write(report, f"{exchange.id}\n".encode())
        if counter % 3 == 0:
            interview.tag(exchange.id, Tag.HINDER if counter % 2 else Tag.RESURS)


def _run_child(db_path: Path, bank: Bank, delay: float) -> set[str]:
    """Fork a writer, kill it with SIGKILL after ``delay`` seconds; return the ids it reported."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        os.close(read_end)
        try:
            _writer(db_path, bank, write_end)
        finally:
            os._exit(0)
    os.close(write_end)
    chunks: list[bytes] = []
    while READY not in b"".join(chunks):  # wait until the writer has opened the database
        chunk = os.read(read_end, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    lines = b"".join(chunks).replace(READY, b"").decode().splitlines()
    # A line cut off by the kill was never completely reported.
    return {line for line in lines if len(line) == 32}


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() (POSIX)")
def test_no_reported_answer_is_lost_across_sigkills(tmp_path: Path, bank: Bank) -> None:
    db_path = tmp_path / "crash" / "kartlagg.db"
    rng = random.Random(20261123)
    reported: set[str] = set()
    kills_with_new_answers = 0
    # The database is encrypted: opening it derives the key first (PBKDF2). The writer says when it
    # is open, and the kill comes a random moment after that, while answers are being written.
    for attempt in range(KILLS):
        delay = rng.uniform(0.0, 0.06)
        new = _run_child(db_path, bank, delay)
        kills_with_new_answers += bool(new)
        reported |= new
        if not db_path.exists():
            continue
        with Repository.open(db_path, key=TEST_KEY) as repo:
            assert repo.integrity_check() == "ok", f"after kill {attempt + 1}"
            missing = reported - repo.answer_ids()
            assert not missing, f"{len(missing)} reported answers lost after kill {attempt + 1}"
    assert reported, "the writer never got to save anything"
    # Most kills should land while answers are being written, not only during start-up.
    assert kills_with_new_answers >= KILLS // 4
