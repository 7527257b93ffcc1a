"""Reading the sammanställning through with the participant, one part at a time, on the shared screen.

Calm and large: one section alone in a narrow column with wide margins, bold headings and space
between the sentences. The last stop is the participant's synpunkter, typed in a box and saved with
Ctrl+S; "Klar – genomläst" records that the text was read through. What is typed stays in the box
until it is saved, and after a failed save.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container, Vertical, VerticalScroll
from textual.widgets import Static

from interview.draft.models import Draft, DraftVersion, Section, SectionKind
from interview.draft.workflow import Drafts
from interview.errors import UserError
from interview.i18n import _
from interview.text import for_display
from interview.tui.commands import bindings
from interview.tui.commands.contexts import READ_BACK
from interview.tui.labels import clock_time
from interview.tui.screens.base import AppScreen
from interview.tui.widgets.draft_view import section_title, sentence_text
from interview.tui.widgets.footer import KeyFooter
from interview.tui.widgets.form import ErrorLine
from interview.tui.widgets.safe_text import AnswerBox
from interview.tui.widgets.topbar import TopBar

NOT_READ = frozenset({SectionKind.SYNPUNKTER, SectionKind.READ_BACK, SectionKind.SIGNATURES})
"""Parts not read aloud: the synpunkter are written at the last stop; the others come after."""
BOX_KEYS = frozenset({"pageup", "f10"})
"""Keys the synpunkter box passes on in typing order (so nothing typed before them is missed)."""


def section_page(section: Section) -> Text:
    """Return one section as the read-back shows it: title, headings, space between sentences."""
    text = section_title(section)
    if section.note:
        text.append("\n" + for_display(section.note), style="italic")
    for block in section.blocks:
        text.append("\n\n")
        if block.heading:
            text.append(for_display(block.heading) + "\n", style="bold")
        sentences = [sentence_text(sentence, bullet=block.listed) for sentence in block.sentences]
        text.append_text(Text("\n" if block.listed else "\n\n").join(sentences))
    return text


class ReadBackScreen(AppScreen[DraftVersion | None]):
    """The draft one part at a time, then the participant's synpunkter."""

    CSS_PATH = "../drafts.tcss"
    AUTO_FOCUS = ""  # nothing takes the keys until the synpunkter box is shown
    HELP = _(
        "Läs igenom texten tillsammans med deltagaren, en del i taget. PgDn eller → går till nästa "
        "del, PgUp eller ← till förra. Pil upp och ner flyttar texten om den är lång. End går till "
        "sista delen: deltagarens synpunkter. Skriv dem i rutan med deltagarens egna ord och spara "
        "med Ctrl+S. F10 (Klar – genomläst) sparar synpunkterna och visar att ni har läst igenom "
        "texten. Esc går tillbaka; det som står i rutan sparas först."
    )
    CONTEXT = READ_BACK
    BINDINGS = bindings(READ_BACK)

    def __init__(self, drafts: Drafts, draft: Draft, by: str) -> None:
        """Read ``draft`` (the current version of ``drafts``) through; steps are taken as ``by``."""
        super().__init__()
        self.drafts = drafts
        self.by = by
        self.sections = [section for section in draft.sections if section.kind not in NOT_READ]
        self.stop = 0
        self.saved_text = drafts.current.synpunkter or ""
        self._busy = False

    @property
    def stops(self) -> int:
        """How many parts there are: the sections read, and the synpunkter."""
        return len(self.sections) + 1

    @property
    def at_synpunkter(self) -> bool:
        """True at the last stop."""
        return self.stop == len(self.sections)

    def compose(self) -> ComposeResult:
        """Lay out the place, the page (or the synpunkter box) and the keys."""
        name = self.drafts.record.participant.name
        yield TopBar(_("Genomläsning") + " · " + name, demo=self.kartlagg.demo)
        with Container(id="rb-body"):
            yield Static("", id="rb-place", markup=False)
            with VerticalScroll(id="rb-page", can_focus=False):
                yield Static("", id="rb-text", markup=False)
            with Vertical(id="rb-synpunkter"):
                first = name.split()[0] if name.split() else name
                yield Static(
                    Text.assemble(
                        (_("Deltagarens synpunkter"), "bold underline"),
                        "\n",
                        _(
                            "Vill {name} ändra eller lägga till något? Skriv det här med "
                            "{name}s egna ord. Ctrl+S sparar."
                        ).format(name=for_display(first)),
                    ),
                    id="rb-synpunkter-title",
                    markup=False,
                )
                box = AnswerBox(
                    self.saved_text, id="synpunkter", command_keys=BOX_KEYS, clear_on_submit=False
                )
                box.border_title = _("Synpunkter")
                yield box
                yield ErrorLine(id="rb-error")
                yield Static("", id="rb-saved", markup=False)
            yield Static(
                _("PgDn/→  nästa del   ·   PgUp/←  förra delen   ·   F10  klar"),
                id="rb-keys",
                markup=False,
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        """Show the first part."""
        self.show()

    def show(self) -> None:
        """Draw the part in front."""
        place = _("Del {n} av {total}").format(n=self.stop + 1, total=self.stops)
        page = self.query_one("#rb-page", VerticalScroll)
        box = self.query_one("#synpunkter", AnswerBox)
        synpunkter = self.query_one("#rb-synpunkter", Vertical)
        page.display = not self.at_synpunkter
        synpunkter.display = self.at_synpunkter
        if self.at_synpunkter:
            place += " · " + _("Deltagarens synpunkter")
            box.focus()
        else:
            section = self.sections[self.stop]
            place += " · " + for_display(section.title)
            self.query_one("#rb-text", Static).update(section_page(section))
            page.scroll_home(animate=False)
            self.set_focus(None)
        self.query_one("#rb-place", Static).update(Text(place, style="bold"))

    # ----------------------------------------------------------------------------- moving

    def go(self, stop: int) -> None:
        """Show part ``stop`` (kept within the parts)."""
        stop = max(0, min(stop, self.stops - 1))
        if stop != self.stop:
            self.stop = stop
            self.show()

    def action_next(self) -> None:
        """Show the next part."""
        self.go(self.stop + 1)

    def action_previous(self) -> None:
        """Show the part before."""
        self.go(self.stop - 1)

    def action_first(self) -> None:
        """Show the first part."""
        self.go(0)

    def action_last(self) -> None:
        """Show the synpunkter, the last part."""
        self.go(self.stops - 1)

    def action_scroll(self, lines: int) -> None:
        """Move a long part's text up or down."""
        self.query_one("#rb-page", VerticalScroll).scroll_relative(y=lines * 3, animate=False)

    def on_answer_box_command(self, message: AnswerBox.Command) -> None:
        """PgUp and F10 typed in the box, in typing order."""
        message.stop()
        if message.key == "pageup":
            self.action_previous()
        elif message.key == "f10":
            self.action_finish()

    def on_answer_box_submitted(self, message: AnswerBox.Submitted) -> None:
        """Ctrl+S in the box saves the synpunkter."""
        message.stop()
        self.action_save()

    # ----------------------------------------------------------------------------- saving

    @property
    def typed(self) -> str:
        """What the synpunkter box holds."""
        return self.query_one("#synpunkter", AnswerBox).text

    def _run(
        self, call: Callable[[], DraftVersion], then: Callable[[DraftVersion, str], object]
    ) -> None:
        """Save on the database thread; on failure say why here (the text stays in the box)."""
        if self._busy:
            return
        self._busy = True
        text = self.typed
        error = self.query_one("#rb-error", ErrorLine)
        error.clear()

        async def run() -> None:
            try:
                version = await self.backend.run(call)
            except UserError as failure:
                self.go(self.stops - 1)  # the box and the reason are on the last part
                error.show(str(failure))
                return
            finally:
                self._busy = False
            self.saved_text = text
            then(version, text)

        self.run_worker(run(), name="save-synpunkter", group="save")

    def _saved(self, version: DraftVersion, text: str) -> None:
        moment: datetime = version.updated_at
        self.query_one("#rb-saved", Static).update(
            Text("✓ " + _("Synpunkterna är sparade {time}").format(time=clock_time(moment)))
        )

    def action_save(self) -> None:
        """Store the synpunkter as typed so far."""
        drafts, by, text = self.drafts, self.by, self.typed
        self._run(lambda: drafts.save_synpunkter(text, by), self._saved)

    def action_finish(self) -> None:
        """Klar – genomläst: store the synpunkter and that the text was read through."""
        if not self.at_synpunkter:
            self.go(self.stops - 1)
            self.query_one("#rb-error", ErrorLine).show(
                _(
                    "Sista delen är deltagarens synpunkter. Skriv dem här, och tryck F10 igen "
                    "när ni är klara."
                )
            )
            return
        drafts, by, text = self.drafts, self.by, self.typed
        self._run(
            lambda: drafts.finish_read_back(text, by),
            lambda version, _text: self.app.call_later(self.dismiss, version),
        )

    def action_back(self) -> None:
        """Back to the review; what is typed and not saved is saved first."""
        if self.typed == self.saved_text:
            self.dismiss(None)
            return
        drafts, by, text = self.drafts, self.by, self.typed
        self._run(
            lambda: drafts.save_synpunkter(text, by),
            lambda version, _text: self.app.call_later(self.dismiss, version),
        )
