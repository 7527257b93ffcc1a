"""What every screen of the app shares: typed access to the app and its backend, and error display."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from textual import on
from textual.events import Mount
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Input

from interview.tui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from interview.tui.app import KartlaggApp
    from interview.tui.backend import Backend

R = TypeVar("R")


class _AppAccess:
    """Typed access to the app, and the screen's place in the command table."""

    CONTEXT: ClassVar[str] = ""
    """The screen's context in the command table: its keys, its palette entries, its F1 key list."""

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
    """A dialog over the current screen, with a footer of its own keys (not the screen's behind)."""

    @on(Mount)
    def _add_key_footer(self) -> None:
        """Add the dialog's own footer, unless it lays out one itself (subclasses keep ``on_mount``)."""
        if not self.query(Footer):
            self.mount(KeyFooter())


class FormModal(AppModal[R | None], Generic[R]):
    """A dialog with fields and two buttons: the confirming one and "Avbryt" (id ``cancel``).

    Enter in the field named by :attr:`LAST_FIELD` confirms; in any other field it moves on. Escape
    cancels. Subclasses implement :meth:`action_confirm`.
    """

    LAST_FIELD = ""
    """The id of the input where Enter confirms (empty: none)."""

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Confirm, or cancel with the ``cancel`` button."""
        if event.button.id == "cancel":
            self.action_cancel()
        else:
            self.action_confirm()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves to the next field; in the last one it confirms."""
        if self.LAST_FIELD and event.input.id == self.LAST_FIELD:
            self.action_confirm()
        else:
            self.focus_next()

    def action_confirm(self) -> None:
        """Check the fields and finish (each form says how)."""
        raise NotImplementedError

    def action_cancel(self) -> None:
        """Close without a result."""
        self.dismiss(None)
