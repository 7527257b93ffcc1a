"""Åtgärder: what must happen first, who is responsible, by when — a small editable table."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Static

from interview.dates import format_date, parse_date
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
            yield SafeInput(due, id="due", max_length=10, placeholder="2026-12-15")
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
        error = self.query_one(ErrorLine)
        try:
            due = parse_date(self.query_one("#due", SafeInput).value)
            if self.action is None:
                saved = await self.backend.run(lambda: self.interview.add_action(what, who, due))
            else:
                action_id = self.action.id
                saved = await self.backend.run(
                    lambda: self.interview.update_action(action_id, what, who, due)
                )
        except UserError as failure:
            error.show(str(failure))
            return
        self.dismiss(saved)


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
            table: DataTable[Text] = DataTable(id="actions", cursor_type="row", zebra_stripes=True)
            yield table
            yield Static("", id="actions-empty", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Columns and rows."""
        table = self.query_one(DataTable)
        table.add_column(_("Vad"), key="what")
        table.add_column(_("Vem"), key="who")
        table.add_column(_("När"), key="due")
        self.fill()

    def fill(self, select: str | None = None) -> None:
        """Show the åtgärder."""
        table = self.query_one(DataTable)
        table.clear()
        actions = self.interview.actions
        for index, action in enumerate(actions):
            table.add_row(
                Text(for_display(action.what)),
                Text(for_display(action.who)),
                Text(format_date(action.due) if action.due else "—"),
                key=action.id,
            )
            if action.id == select:
                table.move_cursor(row=index)
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
