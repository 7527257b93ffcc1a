"""The check report names the file that holds each problem, also when a unit's override is involved."""

from __future__ import annotations

from pathlib import Path

from interview.banks.loader import BankLibrary
from interview.banks.report import bank_report
from interview.paths import Locations

SHIPPED = Locations.for_user().shipped_banks


def test_each_finding_names_the_file_that_holds_the_question(tmp_path: Path) -> None:
    override = tmp_path / "solby.toml"
    override.write_text(
        '[bank]\nid = "solby"\nextends = "sassam"\ntitle = "Solby"\nversion = "1"\n\n'
        '[[area]]\nid = "kroppsfunktioner"\n\n[[area.question]]\nid = "kropp.idag"\n'
        'lattlast = "Hur mår du? Hur mår kroppen?"\n\n'
        '[[area.question]]\nid = "solby.ny"\nstandard = "Varför har du ont?"\n'
        'lattlast = "Var har du ont?"\n',
        encoding="utf-8",
    )
    library = BankLibrary.discover([SHIPPED, tmp_path])
    assert library.errors == []
    lines, errors, warnings = bank_report(library.get("solby"))
    two_marks = [line for line in lines if "kropp.idag [lättläst]" in line]
    assert len(two_marks) == 1
    assert two_marks[0].startswith(f"FEL      {override}: ")
    varfor = [line for line in lines if "solby.ny [standard]" in line and "Varför" in line]
    assert len(varfor) == 1
    assert varfor[0].startswith(f"VARNING  {override}: ")
    assert errors == 1
    assert warnings >= 1
    # Nothing is blamed on the shipped file: it has no problems of its own.
    assert not any(str(SHIPPED / "sassam.toml") + ":" in line for line in lines)
