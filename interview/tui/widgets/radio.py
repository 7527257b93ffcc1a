"""A radio button whose choice is shown by a shape, not by brightness."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import RadioButton

CHOSEN = "●"
NOT_CHOSEN = "○"


class MarkedRadioButton(RadioButton):
    """Textual's radio button draws "●" whether chosen or not and tells them apart by brightness.

    On a shared screen, and for anyone who does not see contrast well, the choice must be readable:
    this one draws ● for the chosen button and ○ for the others.
    """

    @property
    def _button(self) -> Content:
        """The button with ● or ○ inside."""
        self.BUTTON_INNER = CHOSEN if self.value else NOT_CHOSEN
        return super()._button
