"""Sammanställningar: every kartläggning with its version and status, filtered by status."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from interview.draft.models import DraftListing, DraftStatus
from interview.errors import UserError
from interview.i18n import _
from interview.text import for_display
from interview.tui.commands import bindings
from interview.tui.commands.contexts import DRAFTS
from interview.tui.labels import day, masked_digits
from interview.tui.screens.base import AppScreen
from interview.tui.widgets.footer import KeyFooter
from interview.tui.widgets.topbar import TopBar

FILTERS: tuple[DraftStatus | None, ...] = (
    None,
    DraftStatus.UTKAST,
    DraftStatus.GRANSKAD,
    DraftStatus.GENOMLAST,
    DraftStatus.UNDERTECKNAD,
)
"""The filters on keys 1–5: all, then each status in the order of the work."""


def filter_name(status: DraftStatus | None) -> str:
    """Return the filter as a short word, e.g. "alla" or "utkast"."""
    names = {
        None: _("alla"),
        DraftStatus.UTKAST: _("utkast"),
        DraftStatus.GRANSKAD: _("granskad"),
        DraftStatus.GENOMLAST: _("genomläst"),
        DraftStatus.UNDERTECKNAD: _("undertecknad"),
    }
    return names[status]


def status_text(item: DraftListing) -> str:
    """Return the status as listed, noting when the answers changed after signing."""
    text = item.status.label
    if item.changed_after_signing:
        text += " · " + _("ändrat efter underskrift")
    return text


def last_changed(item: DraftListing) -> str:
    """Return the day of the latest change to the version or the answers."""
    moments = [moment for moment in (item.updated_at, item.records_changed_at) if moment is not None]
    return day(max(moments, default=item.started_at))


def masked(item: DraftListing) -> str:
    """Return the personnummer with its last four digits hidden (as on every other screen)."""
    return masked_digits(item.personnummer)


class DraftsScreen(AppScreen[None]):
    """Every kartläggning's sammanställning: version, status and when it last changed."""

    CSS_PATH = "../drafts.tcss"
    HELP = _(
        "Här finns sammanställningen för varje kartläggning, med version och status. "
        "Tryck 1 för att visa alla, 2 utkast, 3 granskade, 4 genomlästa och 5 undertecknade. "
        "Välj en rad med pilarna och tryck Enter för att granska texten. Esc går tillbaka."
    )
    CONTEXT = DRAFTS
    BINDINGS = bindings(DRAFTS)

    def __init__(self) -> None:
        """Start with all kartläggningar shown, once they are loaded."""
        super().__init__()
        self.listing: list[DraftListing] = []
        self.status_filter: DraftStatus | None = None
        self._loaded = False

    def compose(self) -> ComposeResult:
        """Filter line, table, empty message, footer."""
        yield TopBar(_("Sammanställningar"), demo=self.kartlagg.demo)
        yield Static("", id="drafts-filter", markup=False)
        table: DataTable[Text] = DataTable(id="drafts", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(_("Laddar …"), id="drafts-empty", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Set up the columns and load."""
        table = self.query_one(DataTable)
        table.add_column(_("Deltagare"), key="name")
        table.add_column(_("Personnummer"), key="number")
        table.add_column(_("Version"), key="version")
        table.add_column(_("Status"), key="status")
        table.add_column(_("Senast ändrad"), key="changed")
        table.add_column(_("Svar"), key="answers")
        self._show_filter()
        self.run_worker(self.reload(), name="load-drafts", group="load", exclusive=True)

    def on_screen_resume(self) -> None:
        """Back from a review: statuses may have changed."""
        if self._loaded:
            self.run_worker(self.reload(), name="load-drafts", group="load", exclusive=True)

    async def reload(self) -> None:
        """Load the list again and show it."""
        try:
            self.listing = await self.backend.draft_listing()
        except UserError as error:
            self.show_error(str(error))
            return
        self._loaded = True
        self.fill()

    @property
    def shown(self) -> list[DraftListing]:
        """The kartläggningar that pass the filter, newest change first."""
        wanted = self.status_filter
        return [item for item in self.listing if wanted is None or item.status is wanted]

    def fill(self) -> None:
        """Show the kartläggningar that pass the filter, keeping the selected one if it is there."""
        table = self.query_one(DataTable)
        selected = self.selected_id
        table.clear()
        shown = self.shown
        for item in shown:
            table.add_row(
                Text(for_display(item.participant_name)),
                Text(masked(item)),
                Text(str(item.version or 1)),
                Text(status_text(item), style="bold" if item.changed_after_signing else ""),
                Text(last_changed(item)),
                Text(str(item.answers), justify="right"),
                key=item.kartlaggning_id,
            )
        ids = [item.kartlaggning_id for item in shown]
        if selected in ids:
            table.move_cursor(row=ids.index(selected))
        empty = self.query_one("#drafts-empty", Static)
        if not self.listing:
            empty.update(
                _("Inga kartläggningar ännu. Starta en kartläggning från listan med deltagare.")
            )
        elif not shown:
            empty.update(
                _("Ingen sammanställning har status {status}. Tryck 1 för att visa alla.").format(
                    status=filter_name(self.status_filter)
                )
            )
        else:
            empty.update("")
        empty.display = not shown
        self._show_filter()

    def _show_filter(self) -> None:
        line = Text(_("Visa:") + " ", style="bold")
        for number, status in enumerate(FILTERS, start=1):
            name = f"{number} {filter_name(status)}"
            if status is self.status_filter:
                line.append(f"[{name}]", style="bold reverse")
            else:
                line.append(f" {name} ", style="dim")
            line.append(" ")
        if self._loaded:
            line.append(
                "  " + _("{shown} av {total}").format(shown=len(self.shown), total=len(self.listing))
            )
        self.query_one("#drafts-filter", Static).update(line)

    @property
    def selected_id(self) -> str | None:
        """The kartläggning on the selected row."""
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return key

    def action_show(self, index: int) -> None:
        """Show only one status (or all)."""
        self.status_filter = FILTERS[index]
        self.fill()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Open the chosen kartläggning's sammanställning."""
        from interview.tui.screens.review import ReviewScreen

        key = event.row_key.value
        names = {item.kartlaggning_id: item.participant_name for item in self.listing}
        if key is not None:
            self.app.push_screen(ReviewScreen(key, name=names.get(key, "")))

    def action_back(self) -> None:
        """Back to the participants."""
        self.app.pop_screen()
