"""Small helpers for the forms: a field's label, a mistake shown at its field, and the form's error line.

A mistake about one field is shown right under that field (:class:`FieldError`) with the cursor put
there; :func:`show_field_error` does both and :func:`clear_field_errors` takes the message away again
once the field changes. The :class:`ErrorLine` at the bottom of a form is for what concerns no single
field (the database could not save, for instance).
"""

from __future__ import annotations

from collections.abc import Collection

from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Static

ERROR_MARK = "✗"
"""Put before a field's message, so it reads as a mistake without its colour."""


class ErrorLine(Static):
    """Where a form explains, in Swedish, what needs to change. Empty when all is well."""

    DEFAULT_CSS = """
    ErrorLine { height: auto; color: $error; text-style: bold; }
    """

    def __init__(self, *, id: str = "error") -> None:
        """Start with an empty error line."""
        super().__init__("", markup=False, id=id)

    def show(self, message: str) -> None:
        """Show ``message`` (plain text)."""
        self.update(message)

    def clear(self) -> None:
        """Remove the message."""
        self.update("")


class FieldLabel(Static):
    """The label above an input."""

    DEFAULT_CSS = """
    FieldLabel { height: auto; margin-top: 1; text-style: bold; }
    """

    def __init__(self, text: str) -> None:
        """Show ``text``."""
        super().__init__(text, markup=False)


class FieldError(Static):
    """A mistake shown right under the field it concerns; hidden when there is none."""

    DEFAULT_CSS = """
    FieldError { height: auto; color: $error; text-style: bold; display: none; }
    FieldError.-shown { display: block; }
    """

    def __init__(self, field_id: str, clears_on: Collection[str] = ()) -> None:
        """Tell about ``field_id``; a change in it (or in ``clears_on``) clears the message."""
        super().__init__("", markup=False, id=f"{field_id}-error")
        self.field_id = field_id
        self.clears_on = frozenset({field_id, *clears_on})
        self._message = ""

    @property
    def message(self) -> str:
        """The message shown, without its mark (empty when hidden)."""
        return self._message

    def show(self, message: str) -> None:
        """Show ``message`` (plain text, typed text stays text)."""
        self._message = message
        self.update(f"{ERROR_MARK} {message}")
        self.add_class("-shown")

    def clear(self) -> None:
        """Hide the message."""
        self._message = ""
        self.update("")
        self.remove_class("-shown")


def _anchor(field: Widget, below: Widget | None) -> Widget:
    """Return the widget the message goes after: ``below``, or the field's row in the dialog."""
    anchor = below or field
    node: DOMNode | None = anchor
    while isinstance(node, Widget):
        parent = node.parent
        if isinstance(parent, Widget) and parent.has_class("dialog"):
            return node
        node = parent
    return anchor


def show_field_error(
    form: Widget,
    field_id: str,
    message: str,
    *,
    below: str | None = None,
    clears_on: Collection[str] = (),
) -> FieldError:
    """Show ``message`` under the field ``field_id`` of ``form`` and put the cursor in that field.

    Every other message on the form is cleared first, so the one shown is the one to act on. The
    message goes under ``below`` instead when given (the last widget of a group of fields), and goes
    away when the field, or one of ``clears_on``, changes.
    """
    clear_field_errors(form)
    for line in form.query(ErrorLine):
        line.clear()
    field = form.query_one(f"#{field_id}", Widget)
    error = next((shown for shown in form.query(FieldError) if shown.field_id == field_id), None)
    if error is not None:
        error.clears_on = frozenset({field_id, *clears_on})
    else:
        error = FieldError(field_id, clears_on)
        anchor = _anchor(field, form.query_one(f"#{below}", Widget) if below else None)
        container = anchor.parent
        assert isinstance(container, Widget)
        container.mount(error, after=anchor)
    error.show(message)
    field.focus()
    form.call_after_refresh(error.scroll_visible, animate=False)
    return error


def clear_field_errors(form: Widget, changed: str | None = None) -> None:
    """Hide the field messages of ``form`` (only those cleared by a change in ``changed`` if given)."""
    for error in form.query(FieldError):
        if changed is None or changed in error.clears_on:
            error.clear()
