"""What every screen of the app shares: typed access to the app and its backend, and error display."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from textual import on
from textual.events import Mount
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Checkbox, Footer, Input, RadioSet, Select, TextArea

from interview.tui.widgets.footer import KeyFooter
from interview.tui.widgets.form import ErrorLine, clear_field_errors, show_field_error

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
    cancels. Subclasses implement :meth:`action_confirm`, and tell the user about a mistake with
    :meth:`field_error` (at the field it concerns) or :meth:`form_error` (on the form's error line).
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

    def field_error(
        self,
        field_id: str,
        message: str,
        *,
        below: str | None = None,
        clears_on: Collection[str] = (),
    ) -> None:
        """Show ``message`` under the field ``field_id`` and put the cursor there.

        The message goes away when the field (or one of ``clears_on``) changes; ``below`` places it
        under another widget, the last of a group of fields. Without a field (``""``) the message
        goes on the form's error line.
        """
        if not field_id:
            self.form_error(message)
            return
        show_field_error(self, field_id, message, below=below, clears_on=clears_on)

    def form_error(self, message: str) -> None:
        """Show ``message`` on the form's error line (for what concerns no single field)."""
        clear_field_errors(self)
        self.query_one(ErrorLine).show(message)

    def clear_errors(self) -> None:
        """Take every message off the form."""
        clear_field_errors(self)
        for line in self.query(ErrorLine):
            line.clear()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Clear the message of a field that changed."""
        clear_field_errors(self, event.input.id)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        """Clear the message of a box that was ticked or unticked."""
        clear_field_errors(self, event.checkbox.id)

    def on_select_changed(self, event: Select.Changed) -> None:
        """Clear the message of a list where another choice was made."""
        clear_field_errors(self, event.select.id)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """Clear the message of a radio set where another choice was made."""
        clear_field_errors(self, event.radio_set.id)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Clear the message of a text box that changed."""
        clear_field_errors(self, event.text_area.id)

    def action_confirm(self) -> None:
        """Check the fields and finish (each form says how)."""
        raise NotImplementedError

    def action_cancel(self) -> None:
        """Close without a result."""
        self.dismiss(None)
