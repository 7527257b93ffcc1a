"""Storage benchmarks for kartlagg: answer-save latency, load-and-rebuild time, lookup scaling.

Run from the repository root::

    .venv/bin/python benchmarks/bench_storage.py            # full run (first run generates ~3M answers)
    .venv/bin/python benchmarks/bench_storage.py --quick    # smoke run with smaller sizes

It prints numbers and PASS/FAIL against the targets; it never fails on wall-clock time. Three parts:

1. Answer-save latency through ``Interview.answer`` (validation + one committed transaction, WAL +
   ``synchronous=FULL``), timed per call with ``time.perf_counter_ns``. Target: p99 <= 5 ms.
2. Load + rebuild (``Repository.load`` + ``Interview(...)``) of a kartläggning of 5 sessions x 80
   answers, every answer tagged, some re-tagged and some edited, all written through the engine.
   Target: p99 <= 50 ms.
3. The caseworker's lookup (participant by personnummer -> their kartläggningar -> load + rebuild the
   latest one) in a database of 10 participants and in one of 10,000 participants x 300 answers, the
   same target shape in both. The databases are written with bulk SQL on the real schema (created by
   ``Repository.open``) and cached under ``benchmarks/.data/`` keyed by the schema and this generator's
   version. Target: big/small <= 2x (on p50).

All names are fictional ("Testperson 00042"); personnummer are generated to pass the Luhn check.
Scratch databases live under ``benchmarks/.data/`` so that fsync hits the real disk (not a tmpfs).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import platform
import random
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from importlib import metadata
from pathlib import Path
from typing import Any

from bench_common import (  # this folder: the scripts run from here
    BENCH_KEY,
    answer_text,
    cpu_model,
    heading,
    keyed,
    load_bank,
    mount_of,
    rank,
    remove_database,
    verdict,
)

from interview.banks import Register
from interview.banks.models import Bank
from interview.clock import ManualClock
from interview.engine import Interview
from interview.participants import new_participant
from interview.personnummer import luhn_ok, parse
from interview.records import Exchange, Tag
from storage.connection import connect
from storage.driver import sqlite
from storage.repository import Repository

REPO_ROOT = Path(__file__).resolve().parent.parent

DATA_DIR = REPO_ROOT / "benchmarks" / ".data"
GENERATOR_VERSION = "lookup-db-v2"
"""Change when the generated data changes shape, so cached databases are rebuilt."""

CASEWORKER = "Handläggare Test"
BASE_TIME = datetime(2024, 1, 8, 8, 0, tzinfo=UTC)
TAG_CYCLE = (Tag.HINDER, Tag.RESURS, Tag.FAKTA)
RETAG_EVERY = 5
"""Every 5th answer gets a second tag change (re-tagged)."""
EDIT_EVERY = 10
"""Every 10th answer is edited once (one row in answer_revisions)."""

SAVE_TARGET_P99_MS = 5.0
LOAD_TARGET_P99_MS = 50.0
LOOKUP_TARGET_RATIO = 2.0

ANSWER_TEXTS = (
    "Jag har ont i ryggen när jag sitter länge, men det går bra att gå och stå.",
    "Jag sover dåligt sedan i våras. Jag vaknar flera gånger varje natt och är trött på dagen.",
    "Min syster hjälper mig med papper från myndigheter. Vi träffas nästan varje vecka.",
    "Jag har jobbat som lokalvårdare i fyra år och på lager i två år. Jag tyckte om lagret mest.",
    "Det är svårt att planera dagen. Jag glömmer tider om jag inte skriver upp dem i telefonen.",
    "Jag tycker om att laga mat och att vara ute i skogen. Det gör mig lugn.",
    "Jag har körkort men ingen bil. Bussen går en gång i timmen från där jag bor.",
    "Jag läste på gymnasiet i två år men gick inte ut. Jag vill gärna läsa klart svenska och "
    "matte på komvux om det går att kombinera med praktik.",
    "Ja, det stämmer.",
    "Jag har kontakt med vårdcentralen och en kurator där. Kuratorn har jag träffat tre gånger. "
    "Det har hjälpt att prata, men det tar tid att få en ny tid och ibland blir det inställt.",
    "Pengarna räcker inte hela månaden. Då blir jag stressad och har svårt att tänka på annat.",
    "Jag vill helst arbeta med människor, kanske inom äldreomsorgen. Jag har hjälpt min mormor "
    "mycket och vet att jag är tålmodig. Men jag är orolig för att lyfta tungt med min rygg.",
)
OWN_QUESTIONS = (
    "Kan du berätta mer om det?",
    "Hur märks det en vanlig dag?",
    "Vad har hjälpt dig tidigare?",
    "Vem kan du fråga om hjälp?",
    "Hur länge har det varit så?",
    "Vad skulle göra det lättare?",
)

INSERT_PARTICIPANT = (
    "INSERT INTO participants (id, name, personnummer, no_number_reason, created_at, created_by) "
    "VALUES (?, ?, ?, NULL, ?, ?)"
)
INSERT_KARTLAGGNING = (
    "INSERT INTO kartlaggningar (id, participant_id, bank_id, created_at, created_by, "
    "cursor_area_id, cursor_pending, cursor_updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)"
)
INSERT_SESSION = (
    "INSERT INTO sessions (id, kartlaggning_id, number, started_at, ended_at, caseworker, "
    "reading_register, tolk) VALUES (?, ?, ?, ?, ?, ?, 'standard', 0)"
)
INSERT_ASKED = (
    "INSERT INTO asked_questions (id, kartlaggning_id, session_id, seq, area_id, question_id, "
    "source, question_text, parent_id, asked_at, skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"
)
INSERT_ANSWER = (
    "INSERT INTO answers (asked_id, text, revision, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)"
)
INSERT_REVISION = (
    "INSERT INTO answer_revisions (asked_id, revision, text, saved_at, saved_by) VALUES (?, 1, ?, ?, ?)"
)
INSERT_TAG = "INSERT INTO tags (asked_id, tag, set_at, set_by) VALUES (?, ?, ?, ?)"

# The read queries of Repository.participant_by_personnummer, .kartlaggningar and .load, copied
# verbatim for EXPLAIN QUERY PLAN (keep in sync with storage/tables/).
LOOKUP_QUERIES: tuple[tuple[str, str], ...] = (
    ("participant_by_personnummer", "SELECT * FROM participants WHERE personnummer = ?"),
    (
        "kartlaggningar",
        "SELECT id, participant_id, bank_id, created_at, created_by FROM kartlaggningar "
        "WHERE participant_id = ? ORDER BY created_at",
    ),
    ("load: head", "SELECT * FROM kartlaggningar WHERE id = ?"),
    ("load: participant", "SELECT * FROM participants WHERE id = ?"),
    (
        "load: sessions",
        "SELECT * FROM sessions WHERE kartlaggning_id = ? ORDER BY number",
    ),
    (
        "load: revisions",
        "SELECT r.* FROM answer_revisions r JOIN asked_questions q ON q.id = r.asked_id "
        "WHERE q.kartlaggning_id = ? ORDER BY r.asked_id, r.revision",
    ),
    (
        "load: tags",
        "SELECT t.asked_id, t.tag, t.set_at, t.set_by FROM tags t "
        "JOIN asked_questions q ON q.id = t.asked_id "
        "WHERE q.kartlaggning_id = ? ORDER BY t.id",
    ),
    (
        "load: exchanges",
        "SELECT q.*, a.text AS answer, a.revision AS revision, a.saved_at AS answered_at, "
        "a.saved_by AS answered_by FROM asked_questions q "
        "LEFT JOIN answers a ON a.asked_id = q.id "
        "WHERE q.kartlaggning_id = ? ORDER BY q.seq",
    ),
)


# --------------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class Sizes:
    """How much each part does."""

    saves: int
    load_sessions: int
    load_answers_per_session: int
    load_repeats: int
    small_participants: int
    big_participants: int
    answers_per_participant: int
    sessions_per_participant: int
    lookup_repeats: int
    other_lookups: int


FULL = Sizes(
    saves=1_000,
    load_sessions=5,
    load_answers_per_session=80,
    load_repeats=50,
    small_participants=10,
    big_participants=10_000,
    answers_per_participant=300,
    sessions_per_participant=4,
    lookup_repeats=50,
    other_lookups=50,
)
QUICK = Sizes(
    saves=100,
    load_sessions=5,
    load_answers_per_session=80,
    load_repeats=10,
    small_participants=10,
    big_participants=1_000,
    answers_per_participant=300,
    sessions_per_participant=4,
    lookup_repeats=10,
    other_lookups=10,
)


# --------------------------------------------------------------------------------- statistics


@dataclass(frozen=True)
class Stats:
    """Summary of timings in milliseconds."""

    count: int
    p50: float
    p99: float
    max: float

    @classmethod
    def of(cls, nanoseconds: Sequence[int]) -> Stats:
        """Summarise ``nanoseconds`` (nearest-rank percentiles)."""
        values = sorted(nanoseconds)
        return cls(
            count=len(values),
            p50=rank(values, 50) / 1e6,
            p99=rank(values, 99) / 1e6,
            max=values[-1] / 1e6,
        )

    def line(self) -> str:
        """Return ``p50 … p99 … max …`` in ms."""
        return (
            f"p50 {self.p50:8.3f} ms   p99 {self.p99:8.3f} ms   max {self.max:8.3f} ms   "
            f"(n={self.count})"
        )


# --------------------------------------------------------------------------------- machine


def _memory_gib() -> str:
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return "unknown"
    return f"{pages / 2**30:.1f} GiB"


def print_machine() -> None:
    """Print what the numbers were measured on."""
    heading("Machine")
    print(f"  CPUs (os.cpu_count):  {os.cpu_count()}  ({cpu_model()})")
    print(f"  memory:               {_memory_gib()}")
    print(f"  OS:                   {platform.platform()}")
    print(f"  python:               {platform.python_implementation()} {platform.python_version()}")
    print(f"  sqlite (library):     {sqlite.sqlite_version} (SQLCipher)")
    print(f"  sqlite-utils:         {metadata.version('sqlite-utils')}")
    print(f"  pydantic:             {metadata.version('pydantic')}")
    print(f"  data folder:          {DATA_DIR} ({mount_of(DATA_DIR)})")


def print_pragmas(path: Path) -> None:
    """Print the durability settings ``storage.connection.connect`` applies (what Repository uses)."""
    with closing(connect(path, key=BENCH_KEY)) as connection:
        journal = connection.execute("PRAGMA journal_mode").fetchone()[0]
        synchronous = connection.execute("PRAGMA synchronous").fetchone()[0]
    names = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}
    print(
        f"  settings from storage.connection.connect: journal_mode={journal}, "
        f"synchronous={names.get(int(synchronous), synchronous)}"
    )


# --------------------------------------------------------------------------------- helpers


def fictional_personnummer(index: int) -> str:
    """Return a valid (Luhn-checked) 12-digit personnummer, unique per ``index`` < 320,000."""
    born = date(1960, 1, 1) + timedelta(days=index % 16_000)
    serial = 980 + index // 16_000
    nine = f"{born:%y%m%d}{serial:03d}"
    check = next(digit for digit in range(10) if luhn_ok(f"{nine}{digit}"))
    return f"{born:%Y%m%d}{serial:03d}{check}"


def masked(personnummer: str) -> str:
    """Return ``ÅÅÅÅMMDD-****``."""
    return f"{personnummer[:8]}-****"


class EngineDriver:
    """Moves an interview through the bank: openings, then own follow-ups, then the next area."""

    def __init__(self, interview: Interview, follow_ups_per_area: int) -> None:
        """Drive ``interview``, asking ``follow_ups_per_area`` own questions per area."""
        self.interview = interview
        self._quota = follow_ups_per_area
        self._own_in_area = 0
        self._asked_own = 0

    def prepare(self) -> bool:
        """Make sure there is a current question (untimed); return True if it is a scale one."""
        interview = self.interview
        while interview.current is None:
            last_area = interview.bank.next_area(interview.current_area.id) is None
            if self._own_in_area < self._quota or last_area:
                interview.ask_own(OWN_QUESTIONS[self._asked_own % len(OWN_QUESTIONS)])
                self._own_in_area += 1
                self._asked_own += 1
            else:
                interview.next_area()
                self._own_in_area = 0
        current = interview.current
        return current is not None and current.question is not None and current.question.is_scale


def follow_ups_for(bank: Bank, answers: int) -> int:
    """Return own follow-ups per area so that ``answers`` spread over every area."""
    openings = sum(len(area.openings) for area in bank.areas)
    return max(0, math.ceil((answers - openings) / len(bank.areas)))


def new_interview(repo: Repository, bank: Bank, clock: ManualClock, number: int) -> Interview:
    """Add a fictional participant and begin a kartläggning."""
    participant = new_participant(
        f"Testperson {number:05d}", fictional_personnummer(number), clock, CASEWORKER
    )
    repo.add_participant(participant)
    return Interview.begin(bank, participant, repo, clock, CASEWORKER)


# --------------------------------------------------------------------------------- 1: saves


def raw_commit_baseline(path: Path, count: int) -> Stats:
    """Time ``count`` one-row committed transactions on a bare connection with the same pragmas."""
    remove_database(path)
    timings: list[int] = []
    with closing(connect(path, key=BENCH_KEY)) as connection:
        connection.execute("CREATE TABLE scratch (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        for _commit in range(count):
            start = time.perf_counter_ns()
            connection.execute("BEGIN")
            connection.execute("INSERT INTO scratch (text) VALUES (?)", (ANSWER_TEXTS[0],))
            connection.execute("COMMIT")
            timings.append(time.perf_counter_ns() - start)
    remove_database(path)
    return Stats.of(timings)


def bench_saves(work: Path, bank: Bank, sizes: Sizes) -> bool:
    """Part 1: answer-save latency through Interview.answer."""
    heading(f"1. Answer-save latency: {sizes.saves:,} saves through Interview.answer")
    path = work / "saves.db"
    remove_database(path)
    clock = ManualClock()
    timings: list[int] = []
    with Repository.open(path, key=BENCH_KEY) as repo:
        interview = new_interview(repo, bank, clock, 1)
        interview.start_session(CASEWORKER)
        driver = EngineDriver(interview, follow_ups_for(bank, sizes.saves))
        for number in range(sizes.saves):
            scale = driver.prepare()
            clock.advance(seconds=3)
            text = answer_text(ANSWER_TEXTS, number, scale=scale)
            start = time.perf_counter_ns()
            interview.answer(text)
            timings.append(time.perf_counter_ns() - start)
        record = repo.load(interview.kartlaggning.id)
        stored = len(record.exchanges) if record else 0
    print_pragmas(path)
    remove_database(path)
    if stored != sizes.saves:
        msg = f"expected {sizes.saves} stored answers, found {stored}"
        raise RuntimeError(msg)
    stats = Stats.of(timings)
    baseline = raw_commit_baseline(work / "baseline.db", sizes.saves)
    ok = stats.p99 <= SAVE_TARGET_P99_MS
    print(f"  Interview.answer:        {stats.line()}")
    print(f"  (raw one-row commit:     {baseline.line()}  -- fsync floor, for comparison)")
    print(f"  target p99 <= {SAVE_TARGET_P99_MS:g} ms:   {verdict(ok)}")
    return ok


# --------------------------------------------------------------------------------- 2: load


def build_engine_kartlaggning(repo: Repository, bank: Bank, sizes: Sizes) -> tuple[str, int, int]:
    """Write a kartläggning through the engine; return its id, answers and edits."""
    clock = ManualClock(BASE_TIME)
    interview = new_interview(repo, bank, clock, 2)
    total = sizes.load_sessions * sizes.load_answers_per_session
    driver = EngineDriver(interview, follow_ups_for(bank, total))
    number = 0
    edits = 0
    for _session in range(sizes.load_sessions):
        interview.start_session(CASEWORKER)
        to_edit: list[Exchange] = []
        for _answer in range(sizes.load_answers_per_session):
            scale = driver.prepare()
            clock.advance(seconds=40)
            exchange = interview.answer(answer_text(ANSWER_TEXTS, number, scale=scale))
            clock.advance(seconds=5)
            interview.tag(exchange.id, TAG_CYCLE[number % 3])
            if number % RETAG_EVERY == RETAG_EVERY - 1:
                interview.tag(exchange.id, TAG_CYCLE[(number + 1) % 3])
            if number % EDIT_EVERY == EDIT_EVERY - 3:
                to_edit.append(exchange)
            number += 1
        for exchange in to_edit:
            clock.advance(seconds=20)
            interview.edit(exchange.id, f"{exchange.answer} Tillägg: det gäller mest på morgonen.")
            edits += 1
        interview.end_session()
        clock.advance(days=7)
    return interview.kartlaggning.id, number, edits


def bench_load(work: Path, bank: Bank, sizes: Sizes) -> bool:
    """Part 2: load + rebuild one kartläggning written through the engine."""
    total = sizes.load_sessions * sizes.load_answers_per_session
    heading(
        f"2. Load + rebuild: {sizes.load_sessions} sessions x {sizes.load_answers_per_session} "
        f"answers ({total} answers), {sizes.load_repeats} repeats"
    )
    path = work / "load.db"
    remove_database(path)
    clock = ManualClock()
    started = time.perf_counter()
    with Repository.open(path, key=BENCH_KEY) as repo:
        kartlaggning_id, answers, edits = build_engine_kartlaggning(repo, bank, sizes)
        built = time.perf_counter() - started
        totals: list[int] = []
        loads: list[int] = []
        rebuilds: list[int] = []
        for _repeat in range(sizes.load_repeats):
            start = time.perf_counter_ns()
            record = repo.load(kartlaggning_id)
            loaded = time.perf_counter_ns()
            if record is None:
                msg = "the kartläggning was not found"
                raise RuntimeError(msg)
            interview = Interview(bank, record, repo, clock)
            end = time.perf_counter_ns()
            totals.append(end - start)
            loads.append(loaded - start)
            rebuilds.append(end - loaded)
        tag_rows = sum(len(exchange.tags) for exchange in interview.exchanges)
        revision_rows = sum(len(exchange.revisions) for exchange in interview.exchanges)
    remove_database(path)
    if len(interview.exchanges) != answers or revision_rows != edits:
        msg = "the rebuilt interview does not match what was written"
        raise RuntimeError(msg)
    print(
        f"  written through the engine in {built:.1f} s: {answers} answers, {tag_rows} tag "
        f"changes, {revision_rows} edits"
    )
    stats = Stats.of(totals)
    ok = stats.p99 <= LOAD_TARGET_P99_MS
    print(f"  load + rebuild:          {stats.line()}")
    print(f"    of which repo.load:    {Stats.of(loads).line()}")
    print(f"    of which Interview():  {Stats.of(rebuilds).line()}")
    print(f"  target p99 <= {LOAD_TARGET_P99_MS:g} ms:  {verdict(ok)}")
    return ok


# --------------------------------------------------------------------------------- 3: generation


@dataclass(frozen=True)
class PlannedAnswer:
    """One answer of the generated kartläggning shape (the same for every participant)."""

    session: int
    area_id: str
    question_id: str | None
    source: str
    question_text: str
    parent: int | None
    scale: bool
    offset: timedelta
    """When it was asked, counted from the participant's creation."""


Shape = tuple[str, str | None, str, str, int | None, bool]
"""area id, question id, source, question text, parent index, is a scale question."""


def plan_kartlaggning(bank: Bank, answers: int, sessions: int) -> list[PlannedAnswer]:
    """Return the answers of one kartläggning: each area's openings, then probes/own follow-ups."""
    quota = follow_ups_for(bank, answers)
    shapes: list[Shape] = []
    for area in bank.areas:
        openings: list[int] = []
        for question in area.openings:
            openings.append(len(shapes))
            text = question.text(Register.STANDARD)
            shapes.append((area.id, question.id, "bank", text, None, question.is_scale))
        probes = area.probes
        for number in range(quota):
            parent = openings[number % len(openings)] if openings else None
            if number < len(probes):
                probe = probes[number]
                shape: Shape = (area.id, probe.id, "probe", probe.text(Register.STANDARD), parent, False)
            else:
                own = OWN_QUESTIONS[number % len(OWN_QUESTIONS)]
                shape = (area.id, None, "own", own, parent, False)
            shapes.append(shape)
    shapes = shapes[:answers]
    plan: list[PlannedAnswer] = []
    per_session = math.ceil(len(shapes) / sessions)
    for index, (area_id, question_id, source, text, parent, scale) in enumerate(shapes):
        session, position = divmod(index, per_session)
        offset = timedelta(days=7 * session, minutes=5, seconds=40 * (position + 1))
        plan.append(PlannedAnswer(session, area_id, question_id, source, text, parent, scale, offset))
    return plan


@dataclass
class ChunkRows:
    """Rows of one chunk of participants, in the order they are inserted."""

    participants: list[tuple[Any, ...]] = field(default_factory=list)
    kartlaggningar: list[tuple[Any, ...]] = field(default_factory=list)
    sessions: list[tuple[Any, ...]] = field(default_factory=list)
    asked: list[tuple[Any, ...]] = field(default_factory=list)
    answers: list[tuple[Any, ...]] = field(default_factory=list)
    revisions: list[tuple[Any, ...]] = field(default_factory=list)
    tags: list[tuple[Any, ...]] = field(default_factory=list)

    def insert(self, connection: Any) -> None:
        """Insert every row in one transaction."""
        connection.execute("BEGIN")
        connection.executemany(INSERT_PARTICIPANT, self.participants)
        connection.executemany(INSERT_KARTLAGGNING, self.kartlaggningar)
        connection.executemany(INSERT_SESSION, self.sessions)
        connection.executemany(INSERT_ASKED, self.asked)
        connection.executemany(INSERT_ANSWER, self.answers)
        connection.executemany(INSERT_REVISION, self.revisions)
        connection.executemany(INSERT_TAG, self.tags)
        connection.execute("COMMIT")


@dataclass(frozen=True)
class Person:
    """Ids and times of one generated participant."""

    index: int
    participant_id: str
    kartlaggning_id: str
    session_ids: tuple[str, ...]
    asked_ids: tuple[str, ...]
    created_at: datetime


class Generator:
    """Writes participants with one kartläggning each, sessions interleaved like real use."""

    def __init__(self, bank: Bank, plan: list[PlannedAnswer], sessions: int, seed: int) -> None:
        """Generate kartläggningar of shape ``plan`` over ``sessions`` sessions."""
        self.bank = bank
        self.plan = plan
        self.sessions = sessions
        self._rng = random.Random(seed)
        self._by_session: list[list[int]] = [[] for _ in range(sessions)]
        for index, planned in enumerate(plan):
            self._by_session[planned.session].append(index)

    def _id(self) -> str:
        return f"{self._rng.getrandbits(128):032x}"  # like uuid4().hex in the app

    def person(self, index: int) -> Person:
        """Return the ids and creation time of participant ``index``."""
        return Person(
            index=index,
            participant_id=self._id(),
            kartlaggning_id=self._id(),
            session_ids=tuple(self._id() for _ in range(self.sessions)),
            asked_ids=tuple(self._id() for _ in self.plan),
            created_at=BASE_TIME + timedelta(minutes=7 * index),
        )

    def chunk(self, indexes: range) -> ChunkRows:
        """Return the rows of participants ``indexes``: heads first, then session by session."""
        rows = ChunkRows()
        people = [self.person(index) for index in indexes]
        last = self.plan[-1]
        for person in people:
            created = person.created_at.isoformat()
            rows.participants.append(
                (
                    person.participant_id,
                    f"Testperson {person.index:05d}",
                    fictional_personnummer(person.index),
                    created,
                    CASEWORKER,
                )
            )
            rows.kartlaggningar.append(
                (
                    person.kartlaggning_id,
                    person.participant_id,
                    self.bank.id,
                    created,
                    CASEWORKER,
                    last.area_id,
                    (person.created_at + last.offset + timedelta(seconds=5)).isoformat(),
                )
            )
        for session in range(self.sessions):
            for person in people:
                self._session_rows(rows, person, session)
        return rows

    def _session_rows(self, rows: ChunkRows, person: Person, session: int) -> None:
        started = person.created_at + timedelta(days=7 * session)
        rows.sessions.append(
            (
                person.session_ids[session],
                person.kartlaggning_id,
                session + 1,
                started.isoformat(),
                (started + timedelta(minutes=55)).isoformat(),
                CASEWORKER,
            )
        )
        ids = person.asked_ids
        for index in self._by_session[session]:
            planned = self.plan[index]
            asked = person.created_at + planned.offset
            asked_at = asked.isoformat()
            asked_id = ids[index]
            rows.asked.append(
                (
                    asked_id,
                    person.kartlaggning_id,
                    person.session_ids[session],
                    index + 1,
                    planned.area_id,
                    planned.question_id,
                    planned.source,
                    planned.question_text,
                    ids[planned.parent] if planned.parent is not None else None,
                    asked_at,
                )
            )
            text = answer_text(ANSWER_TEXTS, person.index + index, scale=planned.scale)
            if index % EDIT_EVERY == EDIT_EVERY - 3:
                edited_at = (asked + timedelta(seconds=20)).isoformat()
                edited = f"{text} Tillägg: det gäller mest på morgonen."
                rows.answers.append((asked_id, edited, 2, edited_at, CASEWORKER))
                rows.revisions.append((asked_id, text, asked_at, CASEWORKER))
            else:
                rows.answers.append((asked_id, text, 1, asked_at, CASEWORKER))
            tag_at = (asked + timedelta(seconds=5)).isoformat()
            rows.tags.append((asked_id, TAG_CYCLE[index % 3].value, tag_at, CASEWORKER))
            if index % RETAG_EVERY == RETAG_EVERY - 1:
                retag_at = (asked + timedelta(seconds=25)).isoformat()
                rows.tags.append((asked_id, TAG_CYCLE[(index + 1) % 3].value, retag_at, CASEWORKER))


def schema_fingerprint(work: Path) -> str:
    """Return a hash of the schema Repository.open creates today (tables, indexes, migrations)."""
    path = work / "schema.db"
    remove_database(path)
    Repository.open(path, key=BENCH_KEY).close()
    with closing(keyed(path)) as connection:
        rows = connection.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        migrations = connection.execute("SELECT name FROM _sqlite_migrations ORDER BY name").fetchall()
    remove_database(path)
    text = json.dumps([rows, migrations])
    return hashlib.sha256(text.encode()).hexdigest()[:12]


@dataclass(frozen=True)
class LookupDatabase:
    """A generated database and how it was made."""

    path: Path
    participants: int
    target_index: int
    meta: dict[str, Any]
    cached: bool


def lookup_database(
    bank: Bank, sizes: Sizes, participants: int, fingerprint: str, *, rebuild: bool
) -> LookupDatabase:
    """Return the cached database of ``participants`` participants, generating it if needed."""
    key = hashlib.sha256(
        f"{fingerprint}|{GENERATOR_VERSION}|{bank.id}|{bank.version}|{participants}|"
        f"{sizes.answers_per_participant}|{sizes.sessions_per_participant}".encode()
    ).hexdigest()[:12]
    path = DATA_DIR / f"lookup-{participants}-{key}.db"
    meta_path = path.with_suffix(".json")
    target_index = participants // 2
    for stale in DATA_DIR.glob(f"lookup-{participants}-*.db"):
        if stale != path or rebuild:
            print(f"  removing stale cache {stale.name}")
            remove_database(stale)
            stale.with_suffix(".json").unlink(missing_ok=True)
    if path.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        return LookupDatabase(path, participants, target_index, meta, cached=True)
    meta = generate(bank, sizes, participants, path)
    meta["key"] = key
    meta_path.write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return LookupDatabase(path, participants, target_index, meta, cached=False)


def _chunks(total: int, size: int) -> Iterator[range]:
    for start in range(0, total, size):
        yield range(start, min(total, start + size))


def generate(bank: Bank, sizes: Sizes, participants: int, path: Path) -> dict[str, Any]:
    """Write the database with bulk SQL on the real schema; return facts about it."""
    partial = path.with_name(path.name + ".partial")
    remove_database(partial)
    started = time.perf_counter()
    Repository.open(partial, key=BENCH_KEY).close()  # the real schema and migrations, nothing else
    Path(f"{partial}.lock").unlink(missing_ok=True)
    for index in range(participants):  # every generated number must pass the app's own check
        number = fictional_personnummer(index)
        if parse(number, date(2026, 1, 1)).digits != number:
            msg = f"generated personnummer {index} is not valid"
            raise RuntimeError(msg)
    plan = plan_kartlaggning(bank, sizes.answers_per_participant, sizes.sessions_per_participant)
    generator = Generator(bank, plan, sizes.sessions_per_participant, seed=participants)
    counts = dict.fromkeys(("asked", "answers", "revisions", "tags"), 0)
    chunk_size = 100
    step = max(1, participants // 10)
    with closing(keyed(partial, isolation_level=None)) as connection:
        # Test data only: no journal, no fsync, a big page cache. The file is renamed into place
        # only when complete, so an interrupted run never leaves a half-made cache behind.
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA cache_size = -2000000")
        for indexes in _chunks(participants, chunk_size):
            rows = generator.chunk(indexes)
            rows.insert(connection)
            for name in counts:
                counts[name] += len(getattr(rows, name))
            done = indexes.stop
            if participants >= 1000 and (done % step < chunk_size or done == participants):
                print(
                    f"    generated {done:>6,}/{participants:,} participants "
                    f"({time.perf_counter() - started:.0f} s)",
                    flush=True,
                )
        generated = time.perf_counter() - started
        violations = connection.execute("PRAGMA foreign_key_check").fetchall()
        if violations:
            msg = f"generated data breaks {len(violations)} foreign keys, e.g. {violations[:3]}"
            raise RuntimeError(msg)
        connection.execute("PRAGMA journal_mode = WAL")
    checked = time.perf_counter() - started
    partial.replace(path)
    return {
        "participants": participants,
        "answers_per_participant": sizes.answers_per_participant,
        "sessions_per_participant": sizes.sessions_per_participant,
        "rows": counts,
        "generation_seconds": round(generated, 1),
        "foreign_key_check_seconds": round(checked - generated, 1),
        "generated_on": datetime.now(UTC).isoformat(timespec="seconds"),
        "bytes": path.stat().st_size,
    }


# --------------------------------------------------------------------------------- 3: lookups


@dataclass
class LookupTimings:
    """Per-stage timings of repeated lookups."""

    total: list[int] = field(default_factory=list)
    find: list[int] = field(default_factory=list)
    load: list[int] = field(default_factory=list)
    rebuild: list[int] = field(default_factory=list)


def lookup(
    repo: Repository, bank: Bank, clock: ManualClock, personnummer: str, timings: LookupTimings
) -> Interview:
    """Find the participant, list their kartläggningar, load and rebuild the latest one."""
    start = time.perf_counter_ns()
    participant = repo.participant_by_personnummer(personnummer)
    if participant is None:
        msg = f"no participant {masked(personnummer)}"
        raise RuntimeError(msg)
    latest = repo.kartlaggningar(participant.id)[-1]
    found = time.perf_counter_ns()
    record = repo.load(latest.id)
    loaded = time.perf_counter_ns()
    if record is None:
        msg = "the kartläggning was not found"
        raise RuntimeError(msg)
    interview = Interview(bank, record, repo, clock)
    end = time.perf_counter_ns()
    timings.total.append(end - start)
    timings.find.append(found - start)
    timings.load.append(loaded - found)
    timings.rebuild.append(end - loaded)
    return interview


@dataclass(frozen=True)
class LookupResult:
    """What the lookups in one database measured."""

    first: float
    repeated: LookupTimings
    others: Stats | None


def measure_lookups(database: LookupDatabase, bank: Bank, sizes: Sizes, *, others: int) -> LookupResult:
    """Look the target up repeatedly (and ``others`` other participants once each)."""
    clock = ManualClock()
    target = fictional_personnummer(database.target_index)
    expected_tags = sizes.answers_per_participant + sizes.answers_per_participant // RETAG_EVERY
    with Repository.open(database.path, key=BENCH_KEY) as repo:
        first = LookupTimings()
        interview = lookup(repo, bank, clock, target, first)
        tags = sum(len(exchange.tags) for exchange in interview.exchanges)
        if len(interview.exchanges) != sizes.answers_per_participant or tags != expected_tags:
            msg = (
                f"target has {len(interview.exchanges)} answers and {tags} tag changes, "
                f"expected {sizes.answers_per_participant} and {expected_tags}"
            )
            raise RuntimeError(msg)
        repeated = LookupTimings()
        for _repeat in range(sizes.lookup_repeats):
            lookup(repo, bank, clock, target, repeated)
        other_stats = None
        if others:
            rng = random.Random(7)
            pool = [i for i in range(database.participants) if i != database.target_index]
            other_timings = LookupTimings()
            for index in rng.sample(pool, min(others, len(pool))):
                lookup(repo, bank, clock, fictional_personnummer(index), other_timings)
            other_stats = Stats.of(other_timings.total)
    return LookupResult(first.total[0] / 1e6, repeated, other_stats)


def print_query_plans(path: Path) -> None:
    """Print EXPLAIN QUERY PLAN for the lookup and load queries on ``path``."""
    with closing(connect(path, key=BENCH_KEY, read_only=True)) as connection:
        stats = connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
        ).fetchone()[0]
        print(f"  sqlite_stat1 present: {'yes' if stats else 'no (the app never runs ANALYZE)'}")
        for label, sql in LOOKUP_QUERIES:
            plan = connection.execute(f"EXPLAIN QUERY PLAN {sql}", ("x",)).fetchall()
            print(f"  {label}:")
            for row in plan:
                print(f"      {row[3]}")


def describe(database: LookupDatabase) -> str:
    """Return one line about how the database was made."""
    meta = database.meta
    rows = meta["rows"]
    state = "cached" if database.cached else "generated now"
    return (
        f"{meta['participants']:,} participants, {rows['answers']:,} answers, "
        f"{rows['tags']:,} tag rows, {rows['revisions']:,} revisions; "
        f"{meta['bytes'] / 2**20:,.0f} MiB; {state}: generation took "
        f"{meta['generation_seconds']} s, then PRAGMA foreign_key_check "
        f"{meta['foreign_key_check_seconds']} s"
    )


def print_lookup(label: str, result: LookupResult) -> None:
    """Print one database's lookup figures."""
    timings = result.repeated
    print(f"  {label}")
    print(f"    first lookup after open:     {result.first:8.3f} ms")
    print(f"    lookup (same target):        {Stats.of(timings.total).line()}")
    print(f"      find participant + list:   {Stats.of(timings.find).line()}")
    print(f"      repo.load:                 {Stats.of(timings.load).line()}")
    print(f"      Interview():               {Stats.of(timings.rebuild).line()}")
    if result.others is not None:
        print(f"    lookup (other participants): {result.others.line()}")
        print("      (each looked up once: their pages may still be on disk if the OS cache is cold)")


def bench_lookups(bank: Bank, sizes: Sizes, *, rebuild: bool) -> bool:
    """Part 3: the same lookup in a small and a big database."""
    heading(
        f"3. Lookup by personnummer -> kartläggningar -> load + rebuild latest "
        f"({sizes.answers_per_participant} answers), {sizes.small_participants:,} vs "
        f"{sizes.big_participants:,} participants"
    )
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    fingerprint = schema_fingerprint(DATA_DIR)
    print(f"  schema fingerprint {fingerprint}, generator {GENERATOR_VERSION}")
    small = lookup_database(bank, sizes, sizes.small_participants, fingerprint, rebuild=rebuild)
    print(f"  small: {describe(small)}")
    big = lookup_database(bank, sizes, sizes.big_participants, fingerprint, rebuild=rebuild)
    print(f"  big:   {describe(big)}")
    target = masked(fictional_personnummer(big.target_index))
    print(
        f"  target: Testperson {big.target_index:05d} ({target}) in the big database, "
        f"Testperson {small.target_index:05d} in the small one; same shape in both "
        f"({sizes.sessions_per_participant} sessions, every answer tagged, every "
        f"{RETAG_EVERY}th re-tagged, every {EDIT_EVERY}th edited)"
    )
    small_result = measure_lookups(small, bank, sizes, others=0)
    big_result = measure_lookups(big, bank, sizes, others=sizes.other_lookups)
    print_lookup(f"at {small.participants:,} participants:", small_result)
    print_lookup(f"at {big.participants:,} participants:", big_result)
    small_stats = Stats.of(small_result.repeated.total)
    big_stats = Stats.of(big_result.repeated.total)
    ratio_p50 = big_stats.p50 / small_stats.p50
    ratio_p99 = big_stats.p99 / small_stats.p99
    ok = ratio_p50 <= LOOKUP_TARGET_RATIO
    print(f"  ratio big/small: p50 {ratio_p50:.2f}x, p99 {ratio_p99:.2f}x")
    print(f"  target p50 ratio <= {LOOKUP_TARGET_RATIO:g}x:  {verdict(ok)}")
    heading(f"Query plans on the {big.participants:,}-participant database")
    print_query_plans(big.path)
    return ok


# --------------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks; return 0 (timings never make the run fail)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="small sizes for a smoke run")
    parser.add_argument("--rebuild", action="store_true", help="regenerate the cached lookup databases")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    print(f"kartlagg storage benchmarks ({'quick' if args.quick else 'full'} run)")
    print_machine()
    bank = load_bank()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    work = DATA_DIR / f"scratch-{os.getpid()}"
    work.mkdir(parents=True, exist_ok=True)
    parts: list[tuple[str, Callable[[], bool]]] = [
        ("answer-save p99", lambda: bench_saves(work, bank, sizes)),
        ("load + rebuild p99", lambda: bench_load(work, bank, sizes)),
        ("lookup ratio", lambda: bench_lookups(bank, sizes, rebuild=args.rebuild)),
    ]
    results: list[tuple[str, bool]] = []
    try:
        for name, run in parts:
            results.append((name, run()))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    heading("Summary")
    for name, ok in results:
        print(f"  {name:<20} {verdict(ok)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
