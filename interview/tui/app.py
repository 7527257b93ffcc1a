"""The kartlagg app: built by :func:`make_app` with everything it needs passed in."""

from __future__ import annotations

import time
from pathlib import Path

from textual import events

from interview.clock import Clock
from interview.rtl import RtlMode
from interview.tui.backend import Backend
from interview.tui.base_app import BaseApp
from interview.tui.commands import WantedKeys

DEFAULT_IDLE_LOCK_MINUTES = 10
IDLE_CHECK_SECONDS = 15


class KartlaggApp(BaseApp):
    """The interview on a shared screen."""

    CSS_PATH = "kartlagg.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-normal"), (170, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]
    TITLE = "kartlagg"

    def action_curtain(self) -> None:
        """Blank the screen at once (the privacy curtain); Enter shows it again."""
        from interview.tui.screens.curtain import CurtainScreen

        if isinstance(self.screen, CurtainScreen):
            return
        self.clear_notifications()
        self.forget_clipboard()
        self.push_screen(CurtainScreen())

    def __init__(
        self,
        backend: Backend,
        *,
        resume: bool = False,
        caseworker: str = "",
        idle_lock_minutes: int = DEFAULT_IDLE_LOCK_MINUTES,
        keymap: WantedKeys | None = None,
    ) -> None:
        """Make the app over ``backend``; ``resume`` opens the latest kartläggning at once.

        ``keymap`` is the unit's ``[keys]`` (command id → keys); a key that clashes is refused with
        :class:`~interview.tui.commands.KeymapError`.
        """
        super().__init__(keymap)
        self.backend = backend
        self.resume = resume
        self.caseworker = caseworker
        """The caseworker's name as last entered (offered again in forms)."""
        self.idle_lock_minutes = idle_lock_minutes
        self.last_input = time.monotonic()
        """When a key was last pressed or the mouse last used (monotonic seconds)."""

    async def on_event(self, event: events.Event) -> None:
        """Note every key and mouse use: the idle lock counts from the last one."""
        if isinstance(event, events.Key | events.MouseEvent):
            self.last_input = time.monotonic()
        await super().on_event(event)

    def lock_if_idle(self, now: float | None = None) -> None:
        """Lock the screen when nothing has been typed or clicked for the idle lock's minutes."""
        from interview.tui.screens.lock import LockScreen

        passphrase = self.backend.passphrase
        if passphrase is None or isinstance(self.screen, LockScreen):
            return  # the database is not open yet, or already locked
        idle = (now if now is not None else time.monotonic()) - self.last_input
        if idle < self.idle_lock_minutes * 60:
            return
        self.clear_notifications()
        self.forget_clipboard()
        self.push_screen(LockScreen(passphrase, self.idle_lock_minutes))

    @property
    def demo(self) -> bool:
        """True on the demo database."""
        return self.backend.demo

    def on_mount(self) -> None:
        """Use the calm theme and open the database in the background."""
        self.use_theme()
        from interview.tui.screens.starting import StartingScreen

        self.push_screen(StartingScreen())
        self.set_interval(IDLE_CHECK_SECONDS, self.lock_if_idle)

    async def action_quit(self) -> None:
        """Close the database and leave."""
        await self.backend.close()
        self.exit()


def make_app(
    database: Path,
    *,
    demo: bool = False,
    resume: bool = False,
    caseworker: str = "",
    banks: list[Path] | None = None,
    clock: Clock | None = None,
    unit: str | None = None,
    exports: Path | None = None,
    rtl_mode: RtlMode = RtlMode.VISUAL,
    passphrase: str | None = None,
    idle_lock_minutes: int = DEFAULT_IDLE_LOCK_MINUTES,
    keymap: WantedKeys | None = None,
) -> KartlaggApp:
    """Build the app over ``database`` (the demo database when ``demo``).

    ``banks`` are the folders to load question banks from (the shipped ones when not given) and
    ``clock`` the source of time (the system clock when not given); tests pass their own. ``unit``
    is the unit's name printed on the sammanställning and ``exports`` the folder exports go to;
    ``rtl_mode`` says who orders right-to-left text (kartlagg, or the terminal). Without
    ``passphrase`` the app asks for the unit's passphrase before it opens the database (the demo has
    its own, shown on screen). The screen locks after ``idle_lock_minutes`` without a key or a click.
    ``keymap`` moves commands to other keys (``[keys]`` in ``config.toml``); a clash raises
    :class:`~interview.tui.commands.KeymapError` before anything is opened.
    """
    from interview.clock import system_clock
    from interview.paths import Locations

    folders = banks if banks is not None else [Locations.for_user().shipped_banks]
    from interview.settings import DEFAULT_UNIT, DEMO_UNIT

    backend = Backend(
        database,
        folders,
        clock or system_clock,
        demo=demo,
        unit=unit or (DEMO_UNIT if demo else DEFAULT_UNIT),
        exports=exports,
        rtl_mode=rtl_mode,
        passphrase=passphrase,
    )
    return KartlaggApp(
        backend,
        resume=resume,
        caseworker=caseworker,
        idle_lock_minutes=idle_lock_minutes,
        keymap=keymap,
    )
