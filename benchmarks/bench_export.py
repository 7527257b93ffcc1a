"""Export benchmark for kartlagg: the sammanställning of a whole kartläggning as a PDF.

Run from the repository root::

    .venv/bin/python benchmarks/bench_export.py            # full run (5 timed exports)
    .venv/bin/python benchmarks/bench_export.py --quick    # smoke run (2 timed exports)

It prints numbers and PASS/FAIL against the target; it never fails on wall-clock time.

What is timed. One PDF export as the app does it: ``interview.documents.files.render(draft, sha256,
ExportFormat.PDF)`` (the HTML page, WeasyPrint's layout with the bundled Noto fonts, font subsetting,
the PDF) and ``write_export`` of the bytes (a 0600 temporary file in the target folder, fsync,
rename), wall time with ``time.perf_counter_ns``. Composing the draft is not included (it is done
once, before, and timed on its own line).

The kartläggning. Written through ``interview.engine.Interview`` on a ``storage.Repository`` (a scratch
database under ``benchmarks/.data/``, deleted at the end), over 5 sessions: every one of the 16 areas
of the shipped SASSAM bank answered (every opening question, answers cycling through Swedish with
å ä ö, Arabic, Tigrinya and Ukrainian, so all three bundled font families are used), every factor
answer tagged hinder/resurs/fakta with one probe answered per factor area, 4 åtgärder, and a signed
version with the caseworker's three sections and the participant's synpunkter. Everything is
invented.

Method. The first export in the process is timed apart ("cold"): it includes importing WeasyPrint
(which loads pango, harfbuzz and fontconfig) and fontconfig's first scan. Then the timed exports run
one after another ("warm"); the figures are p50 and max. Target: every export, the cold one
included, <= 3 s. WeasyPrint subsets the fonts with HarfBuzz when the system has libharfbuzz-subset,
and otherwise with fontTools, several times slower; the script says which. The other formats are
timed once each for comparison. ``XDG_CACHE_HOME`` points into the scratch folder, so WeasyPrint's
font copies (in the user's cache) never touch the real one.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from importlib import metadata
from itertools import cycle
from pathlib import Path

from bench_common import BENCH_KEY, cpu_model, heading, load_bank, mount_of, rank, verdict

from interview.banks.models import AreaGroup, Bank
from interview.clock import ManualClock
from interview.documents.files import render, write_export
from interview.documents.formats import ExportFormat
from interview.draft.compose import compose
from interview.draft.models import (
    CaseworkerSections,
    Draft,
    DraftStatus,
    DraftVersion,
    Signature,
)
from interview.engine import Interview
from interview.participants import new_participant
from interview.records import KartlaggningRecord, Tag
from storage import Repository

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "benchmarks" / ".data"
TARGET_SECONDS = 3.0
SHA256 = "5e" * 32
"""A made-up checksum in the form a signed version stores."""
SESSIONS = 5
CASEWORKER = "Handläggare Bänk Exempel"
PARTICIPANT = ("Testperson Utskrift", "19920305-9804")
ANSWERS = (
    "Jag har jobbat i ett storkök i tre år och tycker om att laga mat åt många människor.",
    "أعمل في مطبخ منذ ثلاث سنوات وأحب الطبخ",
    "ኣብ ኩሽና ሰሪሐ እየ፣ ምስራሕ ደስ ይብለኒ",
    "Я працювала продавчинею два роки і хочу знову працювати.",
    "Ryggen värker ibland när jag står länge, men promenader på förmiddagen hjälper.",
)
ACTIONS = (
    ("Boka ett besök på ett storkök", "Handläggaren", 14),
    ("Anmäla sig till SFI på kvällstid", "Deltagaren", 21),
    ("Prata med läkaren om ryggen", "Deltagaren", 30),
    ("Ta reda på om hygienkursen kan göras på arabiska", "Handläggaren", None),
)
ASSESSMENT = "\n\n".join(
    [
        "Deltagaren har lång erfarenhet av köksarbete, både i hemlandet och i Sverige. "
        "Hon beskriver sig som noggrann och tycker om att arbeta i lag.",
        "Ryggen begränsar hur länge hon kan stå. Hon har själv hittat sätt att hantera det.",
        "Hon behöver stöd med svenska i skrift, men klarar samtal om arbetet bra.",
    ]
)


def print_machine(work: Path) -> None:
    """Print what the numbers were measured on."""
    heading("Machine")
    print(f"  CPUs (os.cpu_count):  {os.cpu_count()}  ({cpu_model()})")
    print(f"  OS:                   {platform.platform()}")
    print(f"  python:               {platform.python_implementation()} {platform.python_version()}")
    for package in ("weasyprint", "pydyf", "fonttools", "python-docx"):
        print(f"  {package + ':':<22}{metadata.version(package)}")
    print(f"  scratch folder:       {work} ({mount_of(work)})")


def build_record(work: Path, bank: Bank) -> KartlaggningRecord:
    """Write the kartläggning through the engine; return the stored record."""
    clock = ManualClock(datetime(2026, 3, 2, 8, 30, tzinfo=UTC))
    repo = Repository.open(work / "export.db", key=BENCH_KEY)
    try:
        participant = new_participant(*PARTICIPANT, clock, CASEWORKER)
        repo.add_participant(participant)
        interview = Interview.begin(bank, participant, repo, clock, CASEWORKER)
        texts = cycle(ANSWERS)
        tags = cycle((Tag.HINDER, Tag.RESURS, Tag.FAKTA))
        per_session = -(-len(bank.areas) // SESSIONS)
        areas = list(bank.areas)
        for number in range(SESSIONS):
            interview.start_session(CASEWORKER, tolk=number % 2 == 0)
            for area in areas[number * per_session : (number + 1) * per_session]:
                interview.jump(area.id)
                probed = False
                while (current := interview.current) is not None:
                    clock.advance(minutes=2)
                    scale = current.question is not None and current.question.is_scale
                    exchange = interview.answer("7, det är viktigt för mig." if scale else next(texts))
                    if area.group.has_probes:
                        interview.tag(exchange.id, next(tags))
                        offered = interview.offered_probes()
                        if offered and not probed:
                            interview.ask_probe(offered[0].id)
                            interview.answer(next(texts))
                            probed = True
                if area.group is AreaGroup.ATGARDER:
                    for what, who, days in ACTIONS:
                        due = clock().date() + timedelta(days=days) if days else None
                        interview.add_action(what, who, due)
            interview.end_session(None, f"Samtal {number + 1} klart.")
            clock.advance(days=7)
        record = repo.load(interview.kartlaggning.id)
    finally:
        repo.close()
    if record is None:
        raise RuntimeError("the kartläggning was not stored")
    return record


def compose_draft(bank: Bank, record: KartlaggningRecord) -> Draft:
    """Compose a signed version's draft with the caseworker's sections and synpunkter."""
    moment = datetime(2026, 4, 6, 10, 0, tzinfo=UTC)
    version = DraftVersion(
        kartlaggning_id=record.kartlaggning.id,
        version=1,
        status=DraftStatus.UNDERTECKNAD,
        sections=CaseworkerSections(
            assessment=ASSESSMENT, rehabilitation=ASSESSMENT, other_actions=ASSESSMENT
        ),
        synpunkter="Det stämmer.\n\nأريد أن أعمل في الصباح.",
        created_at=moment,
        updated_at=moment,
        updated_by=CASEWORKER,
        read_back_at=moment,
        read_back_by=CASEWORKER,
        signed_at=moment,
        signature=Signature(
            participant=PARTICIPANT[0], caseworker=CASEWORKER, signed_on=date(2026, 4, 6)
        ),
        sha256=SHA256,
    )
    return compose(record, bank, version, unit="Arbetsmarknadsenheten Bänkby", zone=UTC)


def export_once(draft: Draft, target: Path) -> tuple[int, int]:
    """Export one PDF; return the wall time in ns and the file's size."""
    started = time.perf_counter_ns()
    data = render(draft, SHA256, ExportFormat.PDF)
    write_export(data, target)
    return time.perf_counter_ns() - started, len(data)


def without_harfbuzz_subset(draft: Draft, target: Path, runs: int) -> list[int]:
    """Time exports with WeasyPrint's fontTools subsetting (HarfBuzz-Subset switched off)."""
    from weasyprint.pdf import fonts

    saved = fonts.harfbuzz_subset
    fonts.harfbuzz_subset = None
    try:
        return sorted(export_once(draft, target)[0] for _ in range(runs))
    finally:
        fonts.harfbuzz_subset = saved


def page_count(path: Path) -> str:
    """Return the page count from pdfinfo, or "?" without poppler."""
    try:
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "?"
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return line.split(":", 1)[1].strip()
    return "?"


def prepare(work: Path) -> Draft:
    """Write the kartläggning, compose its draft, and print what it holds."""
    heading("The kartläggning")
    started = time.perf_counter()
    bank = load_bank()
    record = build_record(work, bank)
    written = time.perf_counter() - started
    started = time.perf_counter()
    draft = compose_draft(bank, record)
    composed = time.perf_counter() - started
    area_ids = {area.id for area in bank.areas}
    areas = [section for section in draft.sections if section.id in area_ids]
    talked = sum(section.covered for section in areas)
    print(f"  {SESSIONS} sessions, {len(record.exchanges)} exchanges, written in {written:.2f} s")
    print(f"  {talked} of {len(areas)} areas talked about, {len(record.actions)} åtgärder")
    print(f"  composed in {composed * 1000:.1f} ms: {len(draft.sections)} sections")
    return draft


def bench_pdf(draft: Draft, work: Path, runs: int) -> bool:
    """Time the cold export, then ``runs`` warm ones; return whether every one met the target."""
    heading("PDF export (render + write_export)")
    target = work / "export" / "sammanstallning.pdf"
    target.parent.mkdir()
    cold, size = export_once(draft, target)
    from weasyprint.text import ffi

    subsetter = "HarfBuzz" if ffi.harfbuzz_subset is not None else "fontTools (slow fallback)"
    print(f"  font subsetting:      {subsetter}")
    print(f"  file:                 {size / 1024:.0f} KiB, {page_count(target)} pages")
    print(f"  cold (first in the process, WeasyPrint import included): {cold / 1e9:.3f} s")
    warm = sorted(export_once(draft, target)[0] for _ in range(runs))
    p50, worst = rank(warm, 50) / 1e9, warm[-1] / 1e9
    print(f"  warm: p50 {p50:.3f} s   max {worst:.3f} s   (n={runs})")
    slowest = max(cold / 1e9, worst)
    print(f"  slowest / target: {slowest:.3f} s / {TARGET_SECONDS:g} s = {slowest / TARGET_SECONDS:.2f}")
    ok = slowest <= TARGET_SECONDS
    print(f"  target every export <= {TARGET_SECONDS:g} s:  {verdict(ok)}")

    heading("Without HarfBuzz-Subset: fonts subset with fontTools (for comparison)")
    fallback = without_harfbuzz_subset(draft, target, runs)
    p50, worst = rank(fallback, 50) / 1e9, fallback[-1] / 1e9
    print(f"  warm: p50 {p50:.3f} s   max {worst:.3f} s   (n={runs})")
    print("  (a machine without libharfbuzz-subset0 exports at about this speed)")
    return ok


def other_formats(draft: Draft) -> None:
    """Time each other format once."""
    heading("Other formats (render only, once each, for comparison)")
    for fmt in (ExportFormat.DOCX, ExportFormat.HTML, ExportFormat.MD):
        started = time.perf_counter_ns()
        data = render(draft, SHA256, fmt)
        took = (time.perf_counter_ns() - started) / 1e6
        print(f"  {fmt.value:<5} {took:8.1f} ms   {len(data) / 1024:6.0f} KiB")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return 0 (timings never make the run fail)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="2 timed exports instead of 5")
    args = parser.parse_args(argv)
    runs = 2 if args.quick else 5
    work = DATA_DIR / f"scratch-export-{os.getpid()}"
    work.mkdir(parents=True, exist_ok=True)
    os.environ["XDG_CACHE_HOME"] = str(work / "cache")
    try:
        print(f"kartlagg export benchmark ({'quick' if args.quick else 'full'} run)")
        print_machine(work)
        draft = prepare(work)
        ok = bench_pdf(draft, work, runs)
        other_formats(draft)
        heading("Summary")
        print(f"  PDF export <= {TARGET_SECONDS:g} s      {verdict(ok)}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
