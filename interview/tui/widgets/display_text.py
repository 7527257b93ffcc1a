"""Text in any of the product's scripts, drawn safely: right-to-left lines shaped and ordered.

User and content text is always plain (never markup) and passes through ``for_display``. Text that
reads right to left is wrapped in logical order, then each line is shaped and reordered for the
terminal (see :mod:`interview.rtl`) and aligned to the right.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, JustifyMethod, RenderResult
from rich.measure import Measurement
from rich.style import Style
from rich.text import Text

from interview.rtl import RtlMode, display_lines, is_rtl
from interview.text import for_display


class DisplayText:
    """A Rich renderable for a text that may be right to left."""

    def __init__(
        self,
        text: str,
        *,
        style: str | Style = "",
        justify: JustifyMethod = "left",
        rtl_mode: RtlMode = RtlMode.VISUAL,
    ) -> None:
        """Draw ``text`` in ``style``; left-to-right text is justified by ``justify``."""
        self.text = for_display(text)
        self.style = style
        self.justify = justify
        self.rtl_mode = rtl_mode
        self.rtl = is_rtl(self.text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """Yield the lines for the width at hand."""
        if not self.rtl:
            yield Text(self.text, style=self.style, justify=self.justify)
            return
        justify: JustifyMethod = "center" if self.justify == "center" else "right"
        for line in display_lines(self.text, options.max_width, self.rtl_mode):
            yield Text(line, style=self.style, justify=justify, no_wrap=True, overflow="crop")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """Measure the widest line: the most this text needs."""
        widest = max((len(line) for line in self.text.split("\n")), default=0)
        return Measurement(1, min(widest, options.max_width))
