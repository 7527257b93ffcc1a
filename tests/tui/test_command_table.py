"""The one command table: every key once per screen, F1, the palette and the README built from it,
and a unit's ``[keys]`` checked against it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from textual.screen import Screen

from interview.tui.commands import (
    COMMANDS,
    CONTEXTS,
    KeymapError,
    check_keymap,
    help_lines,
    keys_of,
    palette_entries,
)
from interview.tui.commands.documents import DOCUMENT_COMMANDS
from interview.tui.commands.general import GENERAL
from interview.tui.commands.interview import INTERVIEW_COMMANDS
from interview.tui.commands.people import PEOPLE
from interview.tui.commands.practice import PRACTICE_COMMANDS
from interview.tui.commands.readme import key_table, readme_section
from interview.tui.commands.table import active_commands
from interview.tui.screens.help import help_text

ROOT = Path(__file__).resolve().parents[2]


def test_every_command_is_declared_once_under_its_own_id() -> None:
    declared = [*GENERAL, *PEOPLE, *INTERVIEW_COMMANDS, *DOCUMENT_COMMANDS, *PRACTICE_COMMANDS]
    ids = [command.id for command in declared]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert len(COMMANDS) == len(declared)
    for command in declared:
        assert command.keys, command.id
        assert set(command.keys) <= set(CONTEXTS), command.id


@pytest.mark.parametrize("name", sorted(CONTEXTS))
def test_no_key_means_two_commands_on_one_screen(name: str) -> None:
    owner: dict[str, str] = {}
    for place, command in active_commands(name):
        for key in keys_of(command, place):
            assert owner.setdefault(key, command.id) == command.id, (
                f"{key} is both {owner[key]} and {command.id} in {name}"
            )


def fake_screen(name: str) -> Screen[object]:
    """Something with what the help reads from a screen: its text, its context and the app's."""
    app = SimpleNamespace(APP_CONTEXT=CONTEXTS[name].app or name)
    return cast(Screen[object], SimpleNamespace(HELP="", CONTEXT=name, app=app))


@pytest.mark.parametrize("name", sorted(CONTEXTS))
def test_every_key_of_a_screen_is_in_its_f1_help_and_its_palette(name: str) -> None:
    shown = help_text(fake_screen(name)).plain
    screen = CONTEXTS[name].parent or name  # the chat's commands are in its screen's palette
    palette = {entry.command.id: entry.keys for entry in palette_entries(screen)}
    for place, command in active_commands(name):
        keys = next(keys for keys, title in help_lines(place) if title == command.title)
        pattern = rf"^  {re.escape(keys)} +{re.escape(command.title)}$"
        assert re.search(pattern, shown, re.MULTILINE), (name, command.id)
        if command.palette:
            where = CONTEXTS[place].where
            listed = f"{keys} {where}" if where else keys
            assert listed in palette[command.id].split("; "), (name, command.id)


def test_the_interview_palette_has_the_chat_commands_and_says_where_they_work() -> None:
    palette = {entry.command.id: entry.keys for entry in palette_entries("interview")}
    assert palette["tag_hinder"] == "F2; H i chatten"
    assert palette["untag"] == "X i chatten"
    assert palette["end"] == "F10"
    assert list(palette)[-3:] == ["help", "quit", "curtain"]


def test_the_interview_help_lists_the_chat_letters() -> None:
    shown = help_text(fake_screen("interview")).plain
    assert "I chatten" in shown
    for letter, title in (("H", "Märk som hinder"), ("X", "Ta bort märkningen"), ("1–9", "Välj")):
        assert any(line.split()[:1] == [letter] and title in line for line in shown.splitlines()), letter


def test_the_readme_key_table_is_the_command_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme_section(readme) == key_table()
    for command in COMMANDS.values():
        assert f"`{command.id}" in readme_section(readme)


def test_a_keymap_moves_a_command_everywhere_it_is_bound() -> None:
    keymap = check_keymap({"end": "F11", "tag_hinder": ["f2", "ctrl+h"]})
    assert keymap == {"end": "f11", "tag_hinder": "f2,ctrl+h"}
    assert keys_of(COMMANDS["end"], "interview", keymap) == ["f11"]
    assert keys_of(COMMANDS["tag_hinder"], "interview", keymap) == ["f2", "ctrl+h"]
    assert keys_of(COMMANDS["tag_hinder"], "chat", keymap) == ["h"]  # the chat's letter is fixed
    lines = {title: keys for keys, title in help_lines("interview", keymap)}
    assert lines["Avsluta samtalet"] == "F11"


@pytest.mark.parametrize(
    ("wanted", "names"),
    [
        ({"documents": "ctrl+n"}, ("Dokument", "documents", "Ny deltagare", "add_participant")),
        ({"end": "f2"}, ("Avsluta samtalet", "end", "Märk som hinder", "tag_hinder")),
        ({"help": "f7"}, ("Hjälp", "help", "Dokument", "documents")),
        ({"skip": "f7", "next_area": "f6"}, ()),  # a swap is no clash
    ],
)
def test_a_keymap_that_clashes_is_refused_naming_both_commands(
    wanted: dict[str, Any], names: tuple[str, ...]
) -> None:
    if not names:
        assert check_keymap(wanted) == wanted
        return
    with pytest.raises(KeymapError) as refused:
        check_keymap(wanted)
    for name in names:
        assert name in str(refused.value)


@pytest.mark.parametrize(
    ("wanted", "says"),
    [
        ({"no_such": "f2"}, "no_such"),
        ({"skip": "s"}, "svarsrutan"),
        ({"probe_number": "f2"}, "kan inte få andra tangenter"),
        ({"end": ""}, "ingen tangent"),
    ],
)
def test_a_keymap_that_cannot_work_is_refused(wanted: dict[str, Any], says: str) -> None:
    with pytest.raises(KeymapError, match=says):
        check_keymap(wanted)


def test_a_clashing_keymap_in_config_toml_stops_the_start_with_a_message(tmp_path: Path) -> None:
    folder = tmp_path / "kartlagg"
    folder.mkdir()
    (folder / "config.toml").write_text('[keys]\nend = "f2"\n', encoding="utf-8")
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "interview.cli", "demo"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "config.toml" in done.stderr
    assert "Avsluta samtalet" in done.stderr
    assert "Märk som hinder" in done.stderr
