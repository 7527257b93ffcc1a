"""The bar at the top of every screen: where you are, and a clear DEMO mark on the demo database."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from interview.i18n import _
from interview.text import for_display


class TopBar(Static):
    """One line saying where you are; on the demo it starts with DEMO."""

    DEFAULT_CSS = """
    TopBar { height: 1; width: 1fr; padding: 0 1; }
    """

    def __init__(self, title: str, *, demo: bool) -> None:
        """Show ``title``; ``demo`` adds the DEMO mark."""
        super().__init__(markup=False, id="topbar")
        self.demo = demo
        self.set_title(title)

    def set_title(self, title: str) -> None:
        """Show a new title."""
        text = Text()
        if self.demo:
            text.append(" " + _("DEMO – påhittade personer") + " ", style="bold reverse")
            text.append("  ")
        text.append("kartlagg", style="bold")
        text.append("  ·  " + for_display(title))
        self.update(text)
