"""The ``kartlagg`` package: one output for every line, a context instead of globals, no wall clock.

Every line goes through the context's :class:`Output`: control characters a user typed are drawn as
symbols, right-to-left text is shaped only for a terminal. Help and argparse's messages go the same
way. The core imports neither storage nor the command line.
"""

from __future__ import annotations

import io
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import interview
from interview.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from interview.cli.context import CliContext
from interview.cli.output import Output
from interview.cli.prompt import TerminalPrompt
from interview.clock import ManualClock
from interview.participants import new_participant
from interview.paths import Locations
from interview.rtl import RtlMode, visual_line
from storage import Repository
from tests.cli_runner import Kartlagg, ScriptedPrompt
from tests.keys import TEST_KEY

ARABIC = "أنا أبحث عن عمل في المطبخ"
CLI = Path(interview.__file__).parent / "cli"


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def context(
    locations: Locations, prompt: ScriptedPrompt | None = None
) -> tuple[CliContext, io.StringIO, io.StringIO]:
    out, err = io.StringIO(), io.StringIO()
    built = CliContext.build(locations, prompt=prompt or ScriptedPrompt(), out=out, err=err)
    return built, out, err


def test_control_characters_a_user_typed_are_drawn_as_symbols() -> None:
    out, err = io.StringIO(), io.StringIO()
    output = Output(out, err)
    output.line("Eva \x1b[31mröd\x07\tslut\r")
    output.error("fel \x9b2J")
    assert out.getvalue() == "Eva ␛[31mröd␇\tslut␍\n"
    assert err.getvalue() == "fel ◇2J\n"


def test_right_to_left_text_is_shaped_only_for_a_terminal_that_needs_it() -> None:
    assert visual_line(ARABIC) != ARABIC  # so the comparisons below can fail
    terminal, pipe, own_bidi = Terminal(), io.StringIO(), Terminal()
    Output(terminal, io.StringIO()).line(f"Svar: {ARABIC}")
    Output(pipe, io.StringIO()).line(f"Svar: {ARABIC}")
    Output(own_bidi, io.StringIO(), RtlMode.LOGICAL).line(f"Svar: {ARABIC}")
    assert terminal.getvalue() == visual_line(f"Svar: {ARABIC}") + "\n"
    assert pipe.getvalue() == own_bidi.getvalue() == f"Svar: {ARABIC}\n"


def test_every_line_of_a_command_goes_to_the_contexts_output(
    locations: Locations, capsys: pytest.CaptureFixture[str]
) -> None:
    built, out, err = context(locations)
    assert main(["where"], built) == EXIT_OK
    assert f"Databas:                  {locations.database}\n" in out.getvalue()
    assert err.getvalue() == ""
    assert capsys.readouterr() == ("", "")


def test_help_and_argument_errors_go_through_the_output_too(
    locations: Locations, capsys: pytest.CaptureFixture[str]
) -> None:
    built, out, err = context(locations)
    with pytest.raises(SystemExit) as done:
        main(["--help"], built)
    assert done.value.code == 0
    assert out.getvalue().startswith("Användning: kartlagg")
    assert "radera" in out.getvalue()
    with pytest.raises(SystemExit) as wrong:
        main(["radera", "19900101-9802"], built)
    assert wrong.value.code == EXIT_USAGE
    assert "kartlagg radera: fel: de här argumenten behövs: --skal" in err.getvalue()
    assert main(["bank"], built) == EXIT_OK  # a group without its command shows its help
    assert "check" in out.getvalue().split("Frågebanker.")[1]
    assert capsys.readouterr() == ("", "")


def test_an_expected_failure_is_one_swedish_line_and_exit_1(locations: Locations) -> None:
    built, out, err = context(locations)
    assert main(["passphrase"], built) == EXIT_FAILED
    assert err.getvalue() == "kartlagg passphrase: skriv 'change' eller 'encrypt'.\n"
    assert main(["audit", "show"], built) == EXIT_FAILED
    assert err.getvalue().endswith(
        f"kartlagg audit: det finns ingen databas ännu ({locations.database}).\n"
    )
    assert out.getvalue() == ""


def test_a_name_with_escape_codes_reaches_the_terminal_as_symbols(
    locations: Locations, kartlagg: Kartlagg, prompt: ScriptedPrompt, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = "Eva \x1b]0;kapad\x07Exempel"
    with Repository.open(locations.database, key=TEST_KEY) as repo:
        repo.add_participant(new_participant(hostile, "19851224-9809", ManualClock(), "Handläggare"))
    prompt.lines.append("0000")  # a wrong confirmation: nothing is removed
    assert kartlagg(["radera", "19851224-9809", "--skal", "misstag"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Eva ␛]0;kapad␇Exempel" in out
    assert "\x1b" not in out and "\x07" not in out
    assert "Avbrutet. Inget har tagits bort." in out


def test_the_terminal_prompt_asks_through_the_output_and_reads_a_line() -> None:
    out = io.StringIO()
    prompt = TerminalPrompt(Output(out, io.StringIO()), stdin=io.StringIO("GALLRA\n"))
    assert prompt.line("Skriv GALLRA: ") == "GALLRA"
    assert prompt.line("Igen: ") == ""  # the end of the input is an empty answer
    assert out.getvalue() == "Skriv GALLRA: Igen: "


WALL_CLOCK = re.compile(
    r"\b(?:datetime\.(?:now|utcnow|today)|date\.today|time\.(?:time|monotonic|localtime))\(|system_clock\("
)


def test_the_command_line_reads_the_time_only_from_its_context() -> None:
    assert WALL_CLOCK.search("at = datetime.now(UTC)")  # the pattern finds what it looks for
    assert WALL_CLOCK.search("number = parse(wanted, date.today())")
    sources = sorted(CLI.glob("*.py"))
    assert len(sources) >= 10
    readers = [path.name for path in sources if WALL_CLOCK.search(path.read_text(encoding="utf-8"))]
    assert readers == []


def test_the_core_imports_neither_storage_nor_the_command_line() -> None:
    core = [
        info.name
        for info in pkgutil.walk_packages(interview.__path__, "interview.")
        if not info.name.startswith(("interview.cli", "interview.tui"))
    ]
    assert "interview.engine" in core and "interview.person_export" in core
    code = (
        "import importlib, sys\n"
        f"for name in {core!r}:\n"
        "    importlib.import_module(name)\n"
        "def loaded():\n"
        "    return sorted(m for m in sys.modules if m.split('.')[0] == 'storage'"
        " or m == 'interview.cli' or m.startswith('interview.cli.'))\n"
        "print(','.join(loaded()))\n"
        "importlib.import_module('interview.cli.export')\n"  # the check can fail: this one does
        "print(','.join(loaded()))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    core_loaded, cli_loaded = result.stdout.splitlines()
    assert core_loaded == ""
    assert "storage" in cli_loaded.split(",") and "interview.cli" in cli_loaded.split(",")
