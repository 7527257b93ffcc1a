"""Small helpers for the forms: a field with its label, and the line where mistakes are explained."""

from __future__ import annotations

from textual.widgets import Static


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
