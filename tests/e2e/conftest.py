"""A real terminal for the end-to-end tests: tmux runs ``kartlagg`` detached; the tests type and read.

Every :class:`Terminal` has its own tmux server (``tmux -L``) and its own configuration, so a test never
touches a tmux the developer is using and never reads ``~/.tmux.conf``. The app is the pane's command
(no shell in between), so the pane's pid is the app's pid, and ``remain-on-exit`` keeps the pane and its
last screen after the app exits or is killed. Waits poll the screen until what they wait for is there,
and a wait that times out fails with the screen as it was.

tmux must be installed: ``scripts/test`` installs it, and without it these tests fail (never skip).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from interview.passphrase import DEMO_PASSPHRASE
from interview.paths import APP_NAME, Locations
from interview.records import KartlaggningRecord
from storage import Repository

KARTLAGG = Path(sys.executable).parent / "kartlagg"
"""The console script of the environment the tests run in: what a user starts."""
WIDTH, HEIGHT = 120, 40
TIMEOUT = 20.0
"""Seconds a wait may take before the test fails (the first start also fills the demo database)."""
POLL = 0.05
"""Seconds between two looks at the screen while waiting."""
SESSION = "e2e"
CURRENT_MARK = "➤ Handläggaren frågar"
"""The head of the question bubble that is asked now."""
_TMUX_CONF = "set -g remain-on-exit on\nset -g status off\n"
_DROPPED_ENV = ("TMUX", "TMUX_PANE", "COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR")
"""Variables that would nest tmux, fix the app's size or switch its colours off."""
_RIGHT_BORDER = re.compile(r"\s{2,}\S?$")
_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")


@dataclass(frozen=True)
class Home:
    """The XDG folders one test's app runs with (inside the test's ``tmp_path``)."""

    root: Path

    @property
    def env(self) -> dict[str, str]:
        """The XDG variables that point the app at this home."""
        return {
            name: str(self.root / name.lower())
            for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")
        }

    @property
    def locations(self) -> Locations:
        """Where the app keeps its files in this home (what ``kartlagg where`` would say)."""
        env = self.env
        return Locations(
            data_dir=Path(env["XDG_DATA_HOME"]) / APP_NAME,
            config_dir=Path(env["XDG_CONFIG_HOME"]) / APP_NAME,
        )

    @property
    def demo_database(self) -> Path:
        """The database ``kartlagg demo`` uses."""
        return self.locations.demo_database


class AppEnded(AssertionError):
    """The app ended while a test waited for something on its screen."""


@dataclass(frozen=True)
class Exit:
    """How the app in a pane ended."""

    status: int | None
    """The exit code, when it exited by itself."""
    signal: int | None
    """The signal that ended it, when it was killed."""


class Terminal:
    """One detached tmux session of ``WIDTH`` x ``HEIGHT`` cells running ``kartlagg``."""

    def __init__(self, tmux: str, home: Home, workdir: Path) -> None:
        """Prepare a tmux server of our own; nothing runs until :meth:`start`."""
        self.home = home
        self.socket = f"kartlagg-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._tmux_path = tmux
        self._config = workdir / f"{self.socket}.conf"
        self._config.write_text(_TMUX_CONF, encoding="utf-8")
        env = {
            name: value
            for name, value in os.environ.items()
            if name not in _DROPPED_ENV and not name.startswith("TEXTUAL")
        }
        env.update(home.env, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        env.setdefault("TERM", "xterm-256color")
        self._env = env
        self._pid: int | None = None

    # ----------------------------------------------------------------------------- tmux

    def tmux(self, *args: str) -> str:
        """Run a tmux command on this terminal's server and return what it printed."""
        command = [self._tmux_path, "-u", "-L", self.socket, "-f", str(self._config), *args]
        result = subprocess.run(
            command,
            env=self._env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=30,
            check=False,
        )
        if result.returncode != 0:
            msg = f"tmux {' '.join(args)!r} failed ({result.returncode}): {result.stderr.strip()}"
            raise AssertionError(msg)
        return result.stdout

    def info(self, template: str) -> str:
        """Return a tmux format (``#{pane_pid}`` and the like) for the app's pane."""
        return self.tmux("display-message", "-p", "-t", SESSION, template).rstrip("\n")

    # ----------------------------------------------------------------------------- the app

    def start(self, *args: str) -> Terminal:
        """Run ``kartlagg *args`` in a new session with this terminal's XDG folders."""
        if not KARTLAGG.exists():
            pytest.fail(f"{KARTLAGG} is missing: install kartlagg into the venv (pip install -e .)")
        env_flags = [flag for name, value in self.home.env.items() for flag in ("-e", f"{name}={value}")]
        self.tmux(
            "new-session", "-d", "-s", SESSION, "-x", str(WIDTH), "-y", str(HEIGHT),
            *env_flags, str(KARTLAGG), *args,
        )  # fmt: skip
        self._pid = int(self.info("#{pane_pid}"))
        return self

    @property
    def pid(self) -> int:
        """The app's process id (the pane runs the app itself)."""
        if self._pid is None:
            msg = "the terminal has not been started"
            raise RuntimeError(msg)
        return self._pid

    @property
    def alive(self) -> bool:
        """True while the app runs."""
        return self.info("#{pane_dead}") != "1"

    def exit(self) -> Exit | None:
        """How the app ended, or None while it runs."""
        dead, status, signal_number = self.info(
            "#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}"
        ).split("|")
        if dead == "1" and (status or signal_number):
            return Exit(int(status) if status else None, int(signal_number) if signal_number else None)
        # tmux marks the pane dead when the terminal closes, and collects the exit status later; tmux
        # 3.3 now and then never collects it, so ask the kernel about the app's (zombie) process too.
        return _zombie_exit(self.pid)

    def kill(self, signal_number: int = signal.SIGKILL) -> Exit:
        """Send ``signal_number`` to the app (only to the process this terminal started) and wait."""
        cmdline = Path(f"/proc/{self.pid}/cmdline")
        if cmdline.exists():
            assert b"kartlagg" in cmdline.read_bytes(), "the pane does not run kartlagg"
        os.kill(self.pid, signal_number)
        return self.wait_for_exit()

    def wait_for_exit(self, timeout: float = TIMEOUT) -> Exit:
        """Wait until the app has ended and return how."""
        deadline = time.monotonic() + timeout
        while (ended := self.exit()) is None:
            if time.monotonic() > deadline:
                msg = f"the app still runs after {timeout:.0f} s; the screen:\n{self.screen()}"
                raise AssertionError(msg)
            time.sleep(POLL)
        return ended

    def close(self) -> None:
        """Stop this terminal's tmux server (and remove its socket), and the app if it still runs."""
        with contextlib.suppress(AssertionError, subprocess.SubprocessError, OSError):
            socket = Path(self.tmux("display-message", "-p", "#{socket_path}").strip())
            self.tmux("kill-server")
            if socket.name == self.socket:
                socket.unlink(missing_ok=True)
        if self._pid is None:
            return
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if not Path(f"/proc/{self._pid}").exists() or _zombie_exit(self._pid) is not None:
                return
            time.sleep(POLL)
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGKILL)

    # ----------------------------------------------------------------------------- input

    def keys(self, *keys: str) -> None:
        """Press keys by tmux name: ``Enter``, ``C-s``, ``F2``, ``Down`` …"""
        self.tmux("send-keys", "-t", SESSION, *keys)

    def type(self, text: str) -> None:
        """Type ``text`` as it is, one key per character."""
        self.tmux("send-keys", "-t", SESSION, "-l", "--", text)

    def paste(self, text: str) -> None:
        """Paste ``text`` with tmux's own paste: one bracketed paste, line feeds kept."""
        self.tmux("set-buffer", "-b", SESSION, "--", text)
        self.tmux("paste-buffer", "-p", "-r", "-d", "-b", SESSION, "-t", SESSION)

    def paste_unfiltered(self, text: str) -> None:
        """Send the bytes of a bracketed paste of ``text`` from a terminal that filters nothing.

        Many terminals drop control characters from a paste (and tmux versions differ); this sends
        ``ESC[200~``, ``text`` and ``ESC[201~`` exactly as they are.
        """
        self.type(f"\x1b[200~{text}\x1b[201~")

    # ----------------------------------------------------------------------------- output

    def screen(self, *, styled: bool = False) -> str:
        """What the terminal shows now (with ``styled``, with the SGR codes of colours and styles)."""
        return self.tmux("capture-pane", "-p", *(["-e"] if styled else []), "-t", SESSION)

    @property
    def title(self) -> str:
        """The terminal's title, as an escape sequence from the app would set it."""
        return self.info("#{pane_title}")

    def set_title(self, title: str) -> None:
        """Give the terminal a title of our own (to see later whether anything changed it)."""
        self.tmux("select-pane", "-t", SESSION, "-T", title)

    def wait_until(
        self,
        condition: Callable[[str], bool],
        what: str,
        *,
        timeout: float = TIMEOUT,
        styled: bool = False,
    ) -> str:
        """Wait until ``condition`` holds for the screen, and return that screen.

        The screen must hold still for one poll too, so a frame that tmux has only drawn half of is
        never returned. Fails at once if the app exits while waiting.
        """
        deadline = time.monotonic() + timeout
        previous: str | None = None
        while True:
            screen = self.screen(styled=styled)
            if condition(screen) and screen == previous:
                return screen
            previous = screen
            if (ended := self.exit()) is not None:
                msg = f"the app ended ({ended}) while waiting for {what}; the screen:\n{self.screen()}"
                raise AppEnded(msg)
            if time.monotonic() > deadline:
                msg = f"gave up after {timeout:.0f} s waiting for {what}; the screen:\n{screen}"
                raise AssertionError(msg)
            time.sleep(POLL)

    def wait_for(self, *texts: str, timeout: float = TIMEOUT) -> str:
        """Wait until every one of ``texts`` is on the screen, and return the screen."""
        return self.wait_until(
            lambda screen: all(text in screen for text in texts), repr(texts), timeout=timeout
        )


def _zombie_exit(pid: int) -> Exit | None:
    """How process ``pid`` ended if it is a zombie (Linux ``/proc``), else None."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    fields = stat.rpartition(")")[2].split()  # from field 3 (the state) on
    if not fields or fields[0] != "Z" or len(fields) < 50:
        return None
    code = int(fields[49])  # field 52: the exit status as waitpid(2) reports it
    return Exit(status=None, signal=code & 0x7F) if code & 0x7F else Exit(status=code >> 8, signal=None)


# --------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def tmux() -> str:
    """The tmux program; the end-to-end tests fail (never skip) without it."""
    path = shutil.which("tmux")
    if path is None:
        pytest.fail(
            "tmux is not installed, and the end-to-end tests (tests/e2e) need it. "
            "scripts/test installs it (apt-get install -y tmux); install it and run again.",
            pytrace=False,
        )
    return path


@pytest.fixture
def home(tmp_path: Path) -> Home:
    """The XDG folders of this test's app."""
    return Home(tmp_path / "home")


@pytest.fixture
def new_terminal(tmux: str, home: Home, tmp_path: Path) -> Iterator[Callable[[], Terminal]]:
    """Open terminals on this test's home; each is closed (its server and app stopped) afterwards."""
    opened: list[Terminal] = []

    def open_terminal() -> Terminal:
        terminal = Terminal(tmux, home, tmp_path)
        opened.append(terminal)
        return terminal

    yield open_terminal
    for terminal in opened:
        terminal.close()


# --------------------------------------------------------------------------------- kartlagg steps


@dataclass(frozen=True)
class AnswerLines:
    """The three lines of an answer bubble, from the column where its text starts."""

    status: str
    """"Deltagaren svarar  … sparar" or "… ✓ sparat 14:02"."""
    text: str
    tag: str
    """"▼ Hinder", "▲ Resurs", "■ Fakta" or "○ Ej märkt" (empty while saving)."""


def answer_bubble(screen: str, text: str) -> AnswerLines | None:
    """Return the answer bubble on ``screen`` whose (one-line) text contains ``text``."""
    lines = screen.splitlines()
    for index, line in enumerate(lines):
        column = line.find(text)
        if column < 0 or index == 0 or "Deltagaren svarar" not in lines[index - 1]:
            continue  # the answer box's copy of the text has the box's frame above it
        tag = _cell_text(lines[index + 1], column) if index + 1 < len(lines) else ""
        return AnswerLines(_cell_text(lines[index - 1], column), _cell_text(line, column), tag)
    return None


def _cell_text(line: str, column: int) -> str:
    """Return ``line`` from ``column`` on, without the bubble's right border."""
    return _RIGHT_BORDER.sub("", line[column:]).strip()


def is_saved(screen: str, text: str) -> bool:
    """True when the answer ``text`` is shown as saved ("✓ sparat")."""
    bubble = answer_bubble(screen, text)
    return bubble is not None and "sparat" in bubble.status


def current_question(screen: str) -> str:
    """Return the bubble marked "➤" (the question to ask now): its head and its text, unwrapped."""
    lines = screen.splitlines()
    for index, line in enumerate(lines):
        column = line.find(CURRENT_MARK)
        if column < 2:
            continue
        border = line[column - 2]
        parts = [_cell_text(line, column)]
        for following in lines[index + 1 :]:
            if len(following) <= column or following[column - 2] != border:
                break
            parts.append(_cell_text(following, column))
        return parts[0] + "\n" + " ".join(parts[1:])
    msg = f"no question marked ➤ on the screen:\n{screen}"
    raise AssertionError(msg)


def line_with(screen: str, text: str) -> str:
    """Return the first line of ``screen`` that holds ``text`` (styled screens included)."""
    for line in screen.splitlines():
        if text in _ESCAPE.sub("", line):
            return line
    return ""


def open_participant(
    terminal: Terminal,
    name: str,
    search: str,
    others: Sequence[str],
    loaded: str = "Tryck Enter för att",
) -> str:
    """From the participant list, search for ``name`` and open their overview; return its screen.

    ``loaded`` is a text the overview shows once loaded (another one in another interface language).
    """
    terminal.wait_for(name, *others)  # the list has loaded
    terminal.type(search)
    terminal.wait_until(
        lambda screen: name in screen and not any(other in screen for other in others),
        f"the list to show only {name}",
    )
    row = line_with(terminal.screen(styled=True), name)
    terminal.keys("Enter")  # Enter in the search box moves to the list: the row shows the cursor
    terminal.wait_until(
        lambda screen: line_with(screen, name) not in ("", row),
        "the list to have the focus",
        styled=True,
    )
    terminal.keys("Enter")
    return terminal.wait_for(name, loaded)  # the overview has loaded


def start_session(terminal: Terminal, caseworker: str) -> str:
    """On a participant's overview, start a session as ``caseworker``; return the interview screen."""
    terminal.keys("Enter")
    terminal.wait_for("Starta samtalet", "Handläggare")
    terminal.keys("C-s")  # without a name the dialog asks for one and puts the cursor in its field
    terminal.wait_for("Skriv handläggarens namn.")
    terminal.type(caseworker)
    terminal.wait_for(caseworker)
    terminal.keys("C-s")
    return terminal.wait_for("Deltagarens svar", CURRENT_MARK)


def save_answer(terminal: Terminal, text: str) -> str:
    """Type ``text`` into the answer box, save it with Ctrl+S and wait for "sparat"."""
    terminal.type(text)
    terminal.wait_for(text)  # in the answer box: Ctrl+S saves what the box holds
    terminal.keys("C-s")
    return terminal.wait_until(lambda screen: is_saved(screen, text), f"{text!r} to be saved")


def tag_answer(terminal: Terminal, text: str, key: str, label: str) -> str:
    """Tag the latest answer (``text``) with ``key`` and wait for ``label`` under it."""
    terminal.keys(key)

    def tagged(screen: str) -> bool:
        bubble = answer_bubble(screen, text)
        return bubble is not None and label in bubble.tag

    return terminal.wait_until(tagged, f"{text!r} to be tagged {label}")


def load_only_kartlaggning(database: Path, name: str) -> KartlaggningRecord:
    """Read (read-only) the one kartläggning of the participant called ``name``."""
    with Repository.open(database, key=DEMO_PASSPHRASE, read_only=True) as repository:
        [participant] = [each for each in repository.participants() if each.name == name]
        [kartlaggning] = repository.kartlaggningar(participant.id)
        record = repository.load(kartlaggning.id)
    assert record is not None
    return record
