"""Composing the sammanställning: how long ``compose`` takes for a whole kartläggning.

Run from the repository root::

    .venv/bin/python benchmarks/bench_compose.py            # 200 repeats of each shape
    .venv/bin/python benchmarks/bench_compose.py --quick    # 20 repeats

Two shapes, both written through the engine into a scratch database and loaded back once:

1. Leila's kartläggning from the tests (``tests/draft/kartlaggning.py``): five sessions, every area,
   72 questions asked (a skipped area, an Arabic answer, an edited answer, åtgärder).
2. A heavy one: five sessions × 80 answers (400), every area taken up, each answer tagged, with probes
   and own follow-ups, so every section is long.

Timed per call with ``time.perf_counter_ns``: ``compose`` alone (pure, in memory), and compose plus
the canonical JSON and its SHA-256 (what signing adds). Target: compose p99 ≤ 50 ms. Also printed:
``Drafts.draft()`` of a signed version, which reads the frozen JSON instead of composing.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from itertools import cycle
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_common import BENCH_KEY, answer_text, heading, load_bank, rank, verdict

from interview.banks.models import Bank
from interview.clock import ManualClock
from interview.draft.canonical import canonical_json, content_hash
from interview.draft.compose import compose
from interview.draft.models import CaseworkerSections
from interview.draft.workflow import Drafts
from interview.engine import Interview
from interview.participants import new_participant
from interview.records import KartlaggningRecord, Tag
from storage import Repository
from tests.draft.kartlaggning import START, build_kartlaggning

TARGET_MS = 50.0
UNIT = "Arbetsmarknadsenheten i Exempelby"
TEXTS = (
    "Jag har jobbat i kök i tre år och tycker om att laga mat åt många.",
    "Ryggen gör ont när jag står länge, men det blir bättre när jag rör mig.",
    "Jag vill jobba med människor, helst i ett lag där alla hjälps åt.",
    "Min syster hjälper mig med barnen när jag behöver.",
)


def _heavy(repo: Repository, bank: Bank) -> str:
    clock = ManualClock(START)
    person = new_participant("Testperson Tung", "19900101-9810", clock, "Handläggare Test")
    repo.add_participant(person)
    interview = Interview.begin(bank, person, repo, clock, "Handläggare Test")
    tags = cycle((Tag.HINDER, Tag.RESURS, Tag.FAKTA, None))
    number = 0
    areas = [area.id for area in bank.areas]
    for session in range(5):
        interview.start_session("Handläggare Test")
        for index in range(80):
            area_id = areas[(session * 80 + index) * len(areas) // 400]
            if interview.current_area.id != area_id:
                interview.jump(area_id)
            current = interview.current
            if current is None:
                interview.ask_own("Vill du berätta mer om det?")
                current = interview.current
            assert current is not None
            scale = current.question is not None and current.question.is_scale
            clock.advance(seconds=30)
            exchange = interview.answer(answer_text(TEXTS, number, scale=scale))
            tag = next(tags)
            if tag is not None:
                interview.tag(exchange.id, tag)
            number += 1
        interview.end_session()
        clock.advance(days=7)
    interview.add_action("Söka praktik i ett storkök", "Handläggaren", date(2026, 12, 1))
    return interview.snapshot().kartlaggning.id


def _time(call: Callable[[], object], repeats: int) -> list[int]:
    call()  # warm up
    gc.collect()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter_ns()
        call()
        samples.append(time.perf_counter_ns() - start)
    return sorted(samples)


def _report(label: str, samples: list[int]) -> float:
    p50, p99 = rank(samples, 50) / 1e6, rank(samples, 99) / 1e6
    print(f"  {label:<44} p50 {p50:7.2f} ms   p99 {p99:7.2f} ms   max {samples[-1] / 1e6:7.2f} ms")
    return p99


def _shape(name: str, record: KartlaggningRecord, bank: Bank, repo: Repository, repeats: int) -> float:
    answers = sum(1 for exchange in record.exchanges if not exchange.skipped)
    heading(
        f"{name}: {len(record.sessions)} sessions, {answers} answers, {len(record.actions)} åtgärder"
    )
    drafts = Drafts(record, bank, repo, ManualClock(datetime(2026, 11, 1, tzinfo=UTC)), unit=UNIT)
    version = drafts.save_sections(
        CaseworkerSections(assessment="Bedömning.", rehabilitation="Praktik.", other_actions="Vård."),
        "Handläggare Test",
    )
    size = len(canonical_json(drafts.draft()).encode())
    p99 = _report("compose", _time(lambda: compose(record, bank, version, unit=UNIT), repeats))
    _report(
        "compose + canonical JSON + SHA-256",
        _time(
            lambda: content_hash(canonical_json(compose(record, bank, version, unit=UNIT))),
            repeats,
        ),
    )
    drafts.mark_reviewed("Handläggare Test")
    drafts.finish_read_back("Inga synpunkter.", "Handläggare Test")
    drafts.sign("Testperson", "Handläggare Test", date(2026, 11, 1))
    _report("Drafts.draft() of the signed version", _time(drafts.draft, repeats))
    print(f"  canonical JSON: {size / 1024:.0f} KiB")
    print(
        f"  compose p99 {p99:.2f} ms vs target {TARGET_MS:.0f} ms: ratio {p99 / TARGET_MS:.2f} → "
        f"{verdict(p99 <= TARGET_MS)}"
    )
    return p99


def main() -> int:
    """Build both shapes and time them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20 repeats instead of 200")
    args = parser.parse_args()
    repeats = 20 if args.quick else 200
    bank = load_bank()
    print(f"Python {sys.version.split()[0]}, {repeats} repeats per figure")
    with (
        tempfile.TemporaryDirectory(prefix="kartlagg-bench-") as folder,
        Repository.open(Path(folder) / "bench.db", key=BENCH_KEY) as repo,
    ):
        leila = build_kartlaggning(repo, bank, ManualClock(START))
        heavy = _heavy(repo, bank)
        for name, kartlaggning_id in (("Leila (tests)", leila), ("Heavy", heavy)):
            record = repo.load(kartlaggning_id)
            assert record is not None
            _shape(name, record, bank, repo, repeats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
