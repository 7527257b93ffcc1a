"""Start-up cost of the languages: every interface catalog and every bank translation loaded, as a
ratio to Swedish only.

Run from the repository root::

    .venv/bin/python benchmarks/bench_languages.py            # 31 runs of each start-up
    .venv/bin/python benchmarks/bench_languages.py --quick    # 9 runs of each

It prints numbers and PASS/FAIL against the target; it never fails on wall-clock time.

1. Whole start-up in fresh interpreters, the two kinds alternating (the first pair not counted):
   * Swedish only: import the command line, read the settings, Swedish interface, build the argument
     parser, load the question banks (what ``kartlagg`` does before the app draws);
   * all languages: the same, then every declared catalog (``.mo``) loaded, every bank translation
     parsed and checked against the bank, and the interface switched to arabiska (a right-to-left
     catalog, shaped for the terminal). Target: median(all) / median(Swedish) <= 1.2.
2. In one process, the language work alone (imports done): each catalog, each bank translation,
   Swedish banks only for comparison. What the app really does is lighter: it loads one catalog
   (the interface language) and a bank translation only when a reading language is chosen.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_common import heading, verdict  # noqa: E402

TARGET = 1.2

SWEDISH = """
from interview.cli import build_parser
from interview.catalogs import use_interface_language
from interview.settings import Settings
from interview.banks.loader import BankLibrary
from interview.paths import Locations
settings = Settings()
use_interface_language("sv")
build_parser()
BankLibrary.discover([Locations.for_user().shipped_banks])
"""

ALL_LANGUAGES = (
    SWEDISH
    + """
from interview.banks.translations import TranslationLibrary, check_translation, translation_folders
from interview.catalogs import declared_catalogs, load_catalog
library = BankLibrary.discover([Locations.for_user().shipped_banks])
for info in declared_catalogs():
    load_catalog(info)
translations = TranslationLibrary.discover(translation_folders([Locations.for_user().shipped_banks]))
for (bank_id, tag), translation in translations.translations.items():
    assert not check_translation(library.get(bank_id), translation)
use_interface_language("ar")
"""
)


def fresh_mo_files() -> list[str]:
    """Compile the catalogs whose ``.mo`` is missing or older than the ``.po``; return their names."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    compiled = []
    for po in sorted((ROOT / "locales").glob("*/LC_MESSAGES/kartlagg.po")):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parent.parent.name)
        with mo.open("wb") as handle:
            write_mo(handle, catalog)
        compiled.append(po.parent.parent.name)
    return compiled


def run(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
    return time.perf_counter() - start


def part_one(runs: int) -> None:
    heading(f"1. Start-up in fresh interpreters ({runs} runs each, alternating)")
    run(SWEDISH)
    run(ALL_LANGUAGES)  # warm the OS cache
    swedish, everything = [], []
    for _ in range(runs):
        swedish.append(run(SWEDISH))
        everything.append(run(ALL_LANGUAGES))
    for name, values in (("Swedish only", swedish), ("all languages", everything)):
        print(
            f"  {name:<14} median {statistics.median(values) * 1000:7.1f} ms   "
            f"min {min(values) * 1000:7.1f} ms   max {max(values) * 1000:7.1f} ms"
        )
    ratio = statistics.median(everything) / statistics.median(swedish)
    print(f"  ratio all/Swedish (medians): {ratio:.3f}  target <= {TARGET}  {verdict(ratio <= TARGET)}")


def part_two(repeats: int) -> None:
    from interview.banks.loader import BankLibrary
    from interview.banks.translations import TranslationLibrary, translation_folders
    from interview.catalogs import declared_catalogs, load_catalog
    from interview.paths import Locations

    heading(f"2. The language work alone, in one process (best of {repeats})")
    shipped = Locations.for_user().shipped_banks

    def best(work: object) -> float:
        assert callable(work)
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
        return min(times) * 1000

    banks = best(lambda: BankLibrary.discover([shipped]))
    print(f"  Swedish banks (BankLibrary.discover):      {banks:6.2f} ms")
    total = 0.0
    for info in declared_catalogs():
        spent = best(lambda info=info: load_catalog(info))
        total += spent
        label = f"catalog {info.locale} ({info.name}):"
        print(f"  {label:<42} {spent:6.2f} ms")
    folders = translation_folders([shipped])
    listing = best(lambda: TranslationLibrary.discover(folders))
    print(f"  bank translations listed (start-up):       {listing:6.2f} ms")
    for tag in TranslationLibrary.discover(folders).languages("sassam"):
        spent = best(lambda tag=tag: TranslationLibrary.discover(folders).get("sassam", tag))
        total += spent
        print(f"  bank translation sassam.{tag:<4} parsed:       {spent:6.2f} ms")
    print(f"  all catalogs and translations:             {total:6.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    args = parser.parse_args()
    compiled = fresh_mo_files()
    print("kartlagg languages benchmark")
    if compiled:
        print(f"  (compiled stale or missing .mo first: {', '.join(compiled)})")
    part_one(9 if args.quick else 31)
    part_two(5 if args.quick else 20)


if __name__ == "__main__":
    main()
