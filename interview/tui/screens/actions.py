"""Åtgärder: what must happen first, who is responsible, by when — a small editable table.

The table fits the screen: "when" is as wide as a date, "who" as its longest name (within bounds),
and "what" as its longest text as far as the rest of the width allows, a longer text wrapping over
several lines. It scrolls sideways only when even the narrowest columns do not fit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Static

from interview.dates import DateError, format_date, parse_date
from interview.engine import Interview
from interview.errors import UserError
from interview.i18n import _
from interview.records import Action
from interview.text import for_display
from interview.tui.commands import bindings
from interview.tui.commands.contexts import ACTION_FORM, ACTIONS
from interview.tui.screens.base import AppModal, FormModal
from interview.tui.widgets.footer import KeyFooter
from interview.tui.widgets.form import ErrorLine, FieldLabel
from interview.tui.widgets.safe_text import SafeInput


class ActionFormScreen(FormModal[Action]):
    """Write or change one åtgärd; it closes only once the åtgärd is saved."""

    HELP = _(
        "Skriv vad som ska göras, vem som är ansvarig och när det ska vara klart (ÅÅÅÅ-MM-DD, "
        "kan lämnas tomt). Ctrl+S sparar, Esc avbryter."
    )
    AUTO_FOCUS = "#what"
    LAST_FIELD = "due"
    CONTEXT = ACTION_FORM
    BINDINGS = bindings(ACTION_FORM)

    def __init__(self, interview: Interview, action: Action | None) -> None:
        """Edit ``action`` of ``interview`` (None: a new one)."""
        super().__init__()
        self.interview = interview
        self.action = action

    def compose(self) -> ComposeResult:
        """Three fields."""
        action = self.action
        with Vertical(classes="dialog"):
            yield Static(
                _("Ändra åtgärd") if action else _("Ny åtgärd"), classes="dialog-title", markup=False
            )
            yield FieldLabel(_("Vad ska göras?"))
            yield SafeInput(action.what if action else "", id="what", max_length=1000)
            yield FieldLabel(_("Vem är ansvarig?"))
            yield SafeInput(action.who if action else "", id="who", max_length=200)
            yield FieldLabel(_("När? (ÅÅÅÅ-MM-DD)"))
            due = format_date(action.due) if action and action.due else ""
            yield SafeInput(due, id="due", max_length=10, placeholder=_("ÅÅÅÅ-MM-DD"))
            yield ErrorLine()
            with Horizontal(classes="buttons"):
                yield Button(_("Spara"), id="save", variant="primary")
                yield Button(_("Avbryt"), id="cancel")

    def action_confirm(self) -> None:
        """Save in the background; a refusal is explained here and nothing typed is lost."""
        self.run_worker(self._save(), name="save-action", group="save", exclusive=True)

    async def _save(self) -> None:
        what = self.query_one("#what", SafeInput).value
        who = self.query_one("#who", SafeInput).value
        if not what.strip():
            self.field_error("what", _("Skriv vad som ska göras."))
            return
        if not who.strip():
            self.field_error("who", _("Skriv vem som är ansvarig."))
            return
        try:
            due = parse_date(self.query_one("#due", SafeInput).value)
        except DateError as failure:
            self.field_error("due", str(failure))
            return
        try:
            if self.action is None:
                saved = await self.backend.run(lambda: self.interview.add_action(what, who, due))
            else:
                action_id = self.action.id
                saved = await self.backend.run(
                    lambda: self.interview.update_action(action_id, what, who, due)
                )
        except UserError as failure:
            self.form_error(str(failure))
            return
        self.dismiss(saved)


class ColumnWidths(NamedTuple):
    """The widths of the three columns, in cells, padding not included."""

    what: int
    who: int
    due: int


WHAT_MIN = 24
"""The narrowest "what" column before the table scrolls sideways instead."""
WHO_MIN = 12
WHO_MAX = 30
DUE_WIDTH = len("ÅÅÅÅ-MM-DD")


def column_widths(
    width: int,
    whats: Sequence[str],
    whos: Sequence[str],
    headers: tuple[str, str, str],
    padding: int = 1,
) -> ColumnWidths:
    """Return column widths that fit in ``width`` cells (each column has ``padding`` on both sides).

    "When" fits a date, "who" the longest of ``whos`` (between :data:`WHO_MIN` and :data:`WHO_MAX`)
    and "what" the longest of ``whats`` or the rest of the width, whichever is less. When the rest
    is narrower than :data:`WHAT_MIN`, "who" gives way first; only then are the columns wider than
    ``width`` and the table scrolls sideways.
    """
    what_header, who_header, due_header = (cell_len(header) for header in headers)
    usable = width - 3 * 2 * padding
    due = max(DUE_WIDTH, due_header)
    longest_who = max((cell_len(who) for who in whos), default=0)
    who = min(max(longest_who, who_header, WHO_MIN), WHO_MAX)
    who = max(min(who, usable - due - WHAT_MIN), WHO_MIN, who_header)
    longest_what = max((cell_len(what) for what in whats), default=0)
    what = max(min(usable - who - due, longest_what), WHAT_MIN, what_header)
    return ColumnWidths(what=what, who=who, due=due)


class ActionsTable(DataTable[Text]):
    """The åtgärder in three columns fitted to the table's width, fitted again when it changes."""

    def __init__(self) -> None:
        """Start empty; :meth:`show` fills the table."""
        super().__init__(id="actions", cursor_type="row", zebra_stripes=True)
        self.actions: tuple[Action, ...] = ()
        self._fitted_to = -1

    @property
    def available_width(self) -> int:
        """The cells the columns may fill (room is kept for a vertical scrollbar)."""
        return self.size.width - self.styles.gutter.width - self.styles.scrollbar_size_vertical

    def show(self, actions: Sequence[Action], select: str | None = None) -> None:
        """Show ``actions``, with the cursor on the one whose id is ``select``."""
        self.actions = tuple(actions)
        self._fitted_to = self.available_width
        self.clear(columns=True)
        headers = (_("Vad"), _("Vem"), _("När"))
        widths = column_widths(
            self._fitted_to,
            [for_display(action.what) for action in actions],
            [for_display(action.who) for action in actions],
            headers,
            self.cell_padding,
        )
        for header, key, width in zip(headers, ColumnWidths._fields, widths, strict=True):
            self.add_column(header, key=key, width=width)
        for index, action in enumerate(actions):
            self.add_row(
                Text(for_display(action.what)),
                Text(for_display(action.who)),
                Text(format_date(action.due) if action.due else "—"),
                key=action.id,
                height=None,
            )
            if action.id == select:
                self.move_cursor(row=index)

    def on_resize(self, event: events.Resize) -> None:
        """Fit the columns again when the width changed."""
        if self.available_width != self._fitted_to:
            row = self.cursor_row
            selected = self.actions[row].id if 0 <= row < len(self.actions) else None
            self.show(self.actions, selected)


class ActionsScreen(AppModal[None]):
    """The åtgärder of the kartläggning."""

    HELP = _(
        "Åtgärder som behövs innan en individuell plan mot arbete kan göras: vad, vem och när. "
        "Ctrl+N lägger till, Enter ändrar den valda, Delete tar bort den. Esc går tillbaka."
    )
    CONTEXT = ACTIONS
    BINDINGS = bindings(ACTIONS)

    def __init__(self, interview: Interview) -> None:
        """Show the åtgärder of ``interview``."""
        super().__init__()
        self.interview = interview

    def compose(self) -> ComposeResult:
        """Lay out the table."""
        with Vertical(classes="dialog full"):
            yield Static(_("Åtgärder"), classes="dialog-title", markup=False)
            yield ActionsTable()
            yield Static("", id="actions-empty", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Columns and rows."""
        self.fill()

    def fill(self, select: str | None = None) -> None:
        """Show the åtgärder in columns fitted to the table's width."""
        actions = self.interview.actions
        self.query_one(ActionsTable).show(actions, select)
        self.query_one("#actions-empty", Static).update(
            "" if actions else _("Inga åtgärder ännu. Tryck Ctrl+N för att lägga till en.")
        )

    def _selected(self) -> Action | None:
        table = self.query_one(DataTable)
        actions = self.interview.actions
        if not actions or table.cursor_row < 0 or table.cursor_row >= len(actions):
            return None
        return actions[table.cursor_row]

    def action_add(self) -> None:
        """Add a new åtgärd."""
        self._edit(None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row changes it."""
        self._edit(self._selected())

    def _edit(self, action: Action | None) -> None:
        def saved(result: Action | None) -> None:
            if result is not None:
                self.fill(select=result.id)

        self.app.push_screen(ActionFormScreen(self.interview, action), saved)

    def action_remove(self) -> None:
        """Remove the selected åtgärd."""
        action = self._selected()
        if action is None:
            return

        async def remove() -> None:
            try:
                await self.backend.run(lambda: self.interview.remove_action(action.id))
            except UserError as error:
                self.show_error(str(error))
                return
            self.fill()
            self.notify(_("Åtgärden är borttagen."))

        self.run_worker(remove(), name="remove-action", group="save")

    def action_close(self) -> None:
        """Back to the conversation."""
        self.dismiss(None)
