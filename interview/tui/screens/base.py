"""What every screen of the app shares: typed access to the app and its backend, and error display."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from interview.tui.app import KartlaggApp
    from interview.tui.backend import Backend

R = TypeVar("R")


class _AppAccess:
    """Typed access to the app."""

    @property
    def kartlagg(self) -> KartlaggApp:
        """The app, typed."""
        from interview.tui.app import KartlaggApp

        app = self.app  # type: ignore[attr-defined]
        assert isinstance(app, KartlaggApp)
        return app

    @property
    def backend(self) -> Backend:
        """The database thread and the bank."""
        return self.kartlagg.backend

    def show_error(self, message: str) -> None:
        """Tell the user what went wrong (plain text, stays until read)."""
        self.kartlagg.notify(message, title="", severity="error", timeout=10, markup=False)


class AppScreen(_AppAccess, Screen[R], Generic[R]):
    """A full screen of the app."""


class AppModal(_AppAccess, ModalScreen[R], Generic[R]):
    """A dialog over the current screen."""
