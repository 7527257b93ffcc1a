"""The side panel: every area with what is covered and its hinder and resurs counts, and the clock."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from interview.banks.models import Area, Register
from interview.engine import AreaCoverage, ClockState, SessionClock
from interview.i18n import _
from interview.records import Tag
from interview.tui.labels import TAG_SYMBOLS, clock_text


def coverage_mark(coverage: AreaCoverage) -> str:
    """✓ done, ◐ started, ○ not yet."""
    if coverage.complete:
        return "✓"
    return "◐" if coverage.started else "○"


def area_line(area: Area, coverage: AreaCoverage, register: Register, *, current: bool) -> Text:
    """Return one line of the panel: mark, hinder and resurs counts, everyday label (never wrapped)."""
    pointer = "➤" if current else " "
    hinder, resurs = TAG_SYMBOLS[Tag.HINDER], TAG_SYMBOLS[Tag.RESURS]
    counts = f"{hinder}{coverage.hinder:<2}{resurs}{coverage.resurs:<2}" if coverage.started else ""
    line = Text.assemble(
        (f"{pointer}{coverage_mark(coverage)} ", "bold"),
        (f"{counts:<7}", "dim"),
        (area.label_in(register), "bold" if current else ""),
        no_wrap=True,
        overflow="ellipsis",
    )
    return line


class AreaPanel(Vertical):
    """The areas of the bank and the session clock."""

    DEFAULT_CSS = """
    AreaPanel { width: 34; height: 1fr; }
    AreaPanel > OptionList { height: 1fr; }
    AreaPanel > #clock { height: auto; padding: 0 1; }
    """

    class Chosen(Message):
        """The user picked an area to go to."""

        def __init__(self, area_id: str) -> None:
            """Carry the chosen area's id."""
            super().__init__()
            self.area_id = area_id

    def __init__(self, *, id: str | None = None) -> None:
        """Start with no areas shown."""
        super().__init__(id=id)
        self._shown: dict[int, str] = {}

    def compose(self) -> ComposeResult:
        """Lay out the list of areas and the clock."""
        yield Static(_("Områden"), classes="panel-title", markup=False)
        yield OptionList(id="area-list")
        yield Static("", id="clock", markup=False)

    def show(
        self,
        areas: tuple[Area, ...],
        coverage: list[AreaCoverage],
        register: Register,
        current_id: str,
    ) -> None:
        """Show the areas with their coverage; ``current_id`` is marked."""
        option_list = self.query_one(OptionList)
        lines = [
            area_line(area, cover, register, current=area.id == current_id)
            for area, cover in zip(areas, coverage, strict=True)
        ]
        if option_list.option_count != len(areas):
            option_list.clear_options()
            option_list.add_options(
                [Option(line, id=area.id) for line, area in zip(lines, areas, strict=True)]
            )
        for index, line in enumerate(lines):
            # only changed lines are redrawn: an answer usually changes one area
            if line.plain != self._shown.get(index):
                option_list.replace_option_prompt_at_index(index, line)
        self._shown = {index: line.plain for index, line in enumerate(lines)}

    def show_clock(self, clock: SessionClock | None, frame_minutes: int) -> None:
        """Show the elapsed time and a notice at 50 and 60 minutes."""
        widget = self.query_one("#clock", Static)
        widget.update(clock_text(clock, frame_minutes))
        widget.set_class(clock is not None and clock.state is ClockState.WARNING, "warning")
        widget.set_class(clock is not None and clock.state is ClockState.LIMIT, "limit")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Clicking or pressing Enter on an area asks to go there."""
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(event.option.id))
