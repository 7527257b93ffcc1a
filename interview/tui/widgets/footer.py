"""The footer of every screen and dialog: the keys that matter most there, short, at 80 columns."""

from __future__ import annotations

from textual.widgets import Footer


class KeyFooter(Footer):
    """A compact footer: the screen's marked commands (see the command table), then the app's.

    The palette's key is one of the app's commands (in the interface language, and remappable), so
    Textual's own palette entry on the right, labelled "palette", is not shown.
    """

    def __init__(self) -> None:
        """Make a compact footer."""
        super().__init__(compact=True, show_command_palette=False)
