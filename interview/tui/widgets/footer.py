"""The footer of every screen and dialog: the keys that matter most there, short, at 80 columns."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from interview.tui.commands import COMMANDS, CONTEXTS


def _wide_only_actions() -> frozenset[str]:
    """Return the actions of the commands the footer shows only on a wide screen."""
    return frozenset(
        CONTEXTS[name].prefix + command.action_in(name)
        for command in COMMANDS.values()
        if command.footer_wide
        for name in command.keys
    )


WIDE_ONLY = _wide_only_actions()


class KeyFooter(Footer):
    """A compact footer: the screen's marked commands (see the command table), then the app's.

    The palette's key is one of the app's commands (in the interface language, and remappable), so
    Textual's own palette entry on the right, labelled "palette", is not shown. Below 110 columns
    the commands marked ``footer_wide`` step aside.
    """

    SCOPED_CSS = False  # the rule looks at the screen's width class, outside the footer
    DEFAULT_CSS = """
    Screen.-narrow KeyFooter FooterKey.-wide-only { display: none; }
    """

    def __init__(self) -> None:
        """Make a compact footer."""
        super().__init__(compact=True, show_command_palette=False)

    def compose(self) -> ComposeResult:
        """Lay out Textual's footer keys, marking those that need a wide screen."""
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.action in WIDE_ONLY:
                widget.add_class("-wide-only")
            yield widget
