"""A checkbox whose state is shown by a shape, not only by a colour."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox

CHECKED = "✓"
UNCHECKED = " "


class MarkedCheckbox(Checkbox):
    """Textual's checkbox draws "X" whether ticked or not and tells them apart by colour alone.

    On a shared screen, and for anyone who does not see colours well, the state must be readable:
    this one draws ✓ when ticked and leaves the box empty when not.
    """

    @property
    def _button(self) -> Content:
        """The button with ✓ or an empty box inside."""
        self.BUTTON_INNER = CHECKED if self.value else UNCHECKED
        return super()._button
