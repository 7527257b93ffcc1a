"""Review of one sammanställning: the draft beside the sources of each sentence, and the steps.

The caseworker reads the draft, checks where each sentence comes from, writes the assessment, marks
the version as reviewed, reads it through with the participant, signs it and exports it. Every step
runs on the database thread through the :class:`~interview.draft.workflow.Drafts` of the
kartläggning; the screen only shows the composed :class:`~interview.draft.models.Draft`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container
from textual.widgets import OptionList, Static

from interview.draft.models import Draft, DraftStatus, DraftVersion
from interview.draft.workflow import Drafts
from interview.errors import UserError
from interview.i18n import _
from interview.tui.commands import COMMANDS, bindings, keys_of, keys_text
from interview.tui.commands.contexts import REVIEW
from interview.tui.screens.base import AppScreen
from interview.tui.screens.confirm import ConfirmScreen
from interview.tui.screens.review_sections import SectionsScreen
from interview.tui.screens.review_versions import VersionsScreen, version_line
from interview.tui.screens.sign import caseworker_for, short_hash
from interview.tui.widgets.draft_view import DraftView, legend
from interview.tui.widgets.footer import KeyFooter
from interview.tui.widgets.form import ErrorLine
from interview.tui.widgets.sources import SourcePanel, sources_text
from interview.tui.widgets.topbar import TopBar

__all__ = ["ReviewScreen", "SectionsScreen", "Shown", "VersionsScreen", "status_line", "version_line"]

STEPS = frozenset({"edit", "mark_reviewed", "read_back", "sign", "new_version"})
"""The actions that change the sammanställning (none of them on an earlier version)."""


@dataclass(frozen=True)
class Shown:
    """What the screen shows: the version, its draft, and what is known about it."""

    version: DraftVersion
    draft: Draft
    latest: int
    """The number of the latest version."""
    changed_after_signing: bool
    verified: bool | None
    """For a signed version: whether its content still matches its SHA-256."""


def step_state(action: str, shown: Shown | None, *, read_only: bool) -> bool | None:
    """Return whether ``action`` is offered: False hides it, None greys it out until loaded."""
    if action in STEPS and read_only:
        return False
    if action == "versions" and read_only:
        return False
    if action == "new_version":
        return shown is not None and shown.version.signed
    if action in STEPS or action in {"export", "versions"}:
        return None if shown is None else True
    return True


def status_line(shown: Shown, *, read_only: bool, new_version_key: str = "Ctrl+N") -> Text:
    """Return "Version N · status", a signed version's checksum, and what needs doing.

    ``new_version_key`` is the key that starts a new version (after the unit's keymap).
    """
    version = shown.version
    text = Text(
        _("Version {n} · {status}").format(n=version.version, status=version.status.label),
        style="bold",
    )
    if read_only:
        text.append(" · " + _("bara läsning"))
        if version.version != shown.latest:
            text.append(" · " + _("den senaste är version {n}").format(n=shown.latest))
    if version.signed and version.sha256:
        signed_on = version.signature.signed_on if version.signature else None
        if signed_on is not None:
            text.append("\n" + _("Underskriven {date}").format(date=signed_on.isoformat()))
        text.append("\n" + _("SHA-256: ") + version.sha256)
        if version.audit_head:
            text.append("\n" + _("Kedjehuvud i granskningsloggen: ") + version.audit_head)
        if shown.verified:
            text.append("\n✓ " + _("Kontrollsumman stämmer: texten är densamma som vid underskriften."))
        else:
            text.append(
                "\n✗ " + _("Kontrollsumman stämmer inte. Den sparade texten har ändrats."),
                style="bold",
            )
    if shown.changed_after_signing and not read_only:
        text.append(
            "\n⚠ "
            + _(
                "Svaren har ändrats efter underskriften. Tryck {key} för att starta en ny version."
            ).format(key=new_version_key),
            style="bold",
        )
    return text


class ReviewScreen(AppScreen[None]):
    """One sammanställning: the draft, the sources of the selected sentence, and the steps."""

    CSS_PATH = "../drafts.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    AUTO_FOCUS = "#draft-view"
    HELP = _(
        "Här granskar du sammanställningen. Välj en mening med pilarna: rutan visar vilka svar "
        "den bygger på, med frågan, svaret, märkningen och samtalet.\n"
        "Stegen i ordning: skriv handläggarens bedömning, markera som granskad, läs igenom med "
        "deltagaren, skriv under, exportera. Tangenterna står nedan.\n"
        "En underskriven version kan inte ändras: en ändring blir en ny version, och du får "
        "frågan innan den startas."
    )
    CONTEXT = REVIEW
    BINDINGS = bindings(REVIEW)

    def __init__(
        self,
        kartlaggning_id: str,
        *,
        name: str = "",
        drafts: Drafts | None = None,
        version: DraftVersion | None = None,
    ) -> None:
        """Review the sammanställning of ``kartlaggning_id``.

        With ``version`` (and the ``drafts`` it belongs to), that version is shown read-only.
        """
        super().__init__()
        self.kartlaggning_id = kartlaggning_id
        self.participant_name = name or (drafts.record.participant.name if drafts else "")
        self.drafts = drafts
        self.fixed_version = version
        self.shown: Shown | None = None
        self._busy = False

    @property
    def read_only(self) -> bool:
        """True when an earlier version is shown."""
        return self.fixed_version is not None

    # ----------------------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        """Status, legend, the draft and its sources, footer."""
        title = _("Sammanställning")
        if self.participant_name:
            title += " · " + self.participant_name
        yield TopBar(title, demo=self.kartlagg.demo)
        yield Static(_("Laddar …"), id="review-status", markup=False)
        yield ErrorLine(id="review-message")
        yield Static(legend(), id="review-legend", markup=False)
        with Container(id="review-body"):
            yield DraftView(id="draft-view")
            yield SourcePanel(id="sources")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Load the sammanställning."""
        self.run_worker(self.reload(), name="load-review", group="load", exclusive=True)

    async def reload(self) -> None:
        """Read the versions (the first time) and show the version in question."""
        try:
            if self.drafts is None:
                self.drafts = await self.backend.open_drafts(self.kartlaggning_id)
            drafts = self.drafts
            fixed = self.fixed_version
            self.shown = await self.backend.run(lambda: _shown(drafts, fixed))
        except UserError as error:
            self.tell(str(error))
            return
        if not self.participant_name:
            self.participant_name = drafts.record.participant.name
            self.query_one(TopBar).set_title(_("Sammanställning") + " · " + self.participant_name)
        self.show()

    def show(self) -> None:
        """Draw what is loaded."""
        shown = self.shown
        if shown is None:
            return
        self.query_one("#review-status", Static).update(
            status_line(shown, read_only=self.read_only, new_version_key=self.new_version_key)
        )
        self.query_one(DraftView).show(shown.draft)
        self._show_sources()
        self.refresh_bindings()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Show where the highlighted sentence comes from."""
        self._show_sources()

    def _show_sources(self) -> None:
        if self.shown is None or self.drafts is None:
            return
        sentence = self.query_one(DraftView).sentence
        drafts = self.drafts
        self.query_one(SourcePanel).show(
            sources_text(sentence, drafts.record, drafts.bank, self.shown.version, drafts.unit)
        )

    # ----------------------------------------------------------------------------- keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the steps on an earlier version, and the new-version key until a signature."""
        return step_state(action, self.shown, read_only=self.read_only)

    @property
    def caseworker(self) -> str:
        """Who is taking the steps: the name last entered, or the latest session's caseworker."""
        assert self.drafts is not None
        return caseworker_for(self.drafts.record, self.kartlagg.caseworker)

    def tell(self, message: str | None) -> None:
        """Explain on the screen why a step cannot be taken (stays until the next step)."""
        line = self.query_one("#review-message", ErrorLine)
        line.update(message or "")
        line.display = bool(message)

    def _step(self, call: Callable[[], DraftVersion], done: Callable[[DraftVersion], str]) -> None:
        """Take a step on the database thread, then say what happened and show the new state."""
        if self._busy:
            return
        self._busy = True
        self.tell(None)

        async def run() -> None:
            try:
                version = await self.backend.run(call)
            except UserError as error:
                self.tell(str(error))
                return
            finally:
                self._busy = False
            self.notify(done(version), markup=False)
            await self.reload()

        self.run_worker(run(), name="draft-step", group="step")

    def after(self, message: Callable[[DraftVersion], str]) -> Callable[[DraftVersion | None], None]:
        """Return a dialog's callback: say what happened, show the new state (nothing on cancel)."""

        def done(version: DraftVersion | None) -> None:
            if version is not None:
                self.tell(None)
                self.notify(message(version), markup=False)
                self.run_worker(self.reload(), name="load-review", group="load", exclusive=True)

        return done

    def action_edit(self) -> None:
        """Write or change the caseworker's three sections (a new version after a signed one)."""
        if self.drafts is None:
            return
        before = self.drafts.current

        def message(version: DraftVersion) -> str:
            if version.version != before.version:
                return _(
                    "Sparat som version {n} (utkast). Version {old} är underskriven och ändras inte."
                ).format(n=version.version, old=before.version)
            return _("Bedömningen är sparad.")

        self.app.push_screen(SectionsScreen(self.drafts, self.caseworker), self.after(message))

    def action_mark_reviewed(self) -> None:
        """Mark the version as reviewed (utkast → granskad)."""
        if self.drafts is None:
            return
        drafts, by, current = self.drafts, self.caseworker, self.drafts.current
        if current.signed:
            self.tell(
                _(
                    "Version {n} är underskriven och kan inte ändras. Tryck {key} för att starta "
                    "en ny version."
                ).format(n=current.version, key=self.new_version_key)
            )
            return
        self._step(
            lambda: drafts.mark_reviewed(by),
            lambda version: _("Version {n} är granskad. Läs igenom den med deltagaren (F4).").format(
                n=version.version
            ),
        )

    def action_read_back(self) -> None:
        """Read the text through with the participant on the shared screen."""
        from interview.tui.screens.read_back import ReadBackScreen

        if self.drafts is None or self.shown is None:
            return
        current = self.drafts.current
        if current.status is DraftStatus.UTKAST:
            self.tell(
                _("Granska texten först (F3). Sedan kan ni läsa igenom den tillsammans med deltagaren.")
            )
            return
        if current.signed:
            self.tell(
                _("Version {n} är redan underskriven. En ändring blir en ny version.").format(
                    n=current.version
                )
            )
            return
        screen = ReadBackScreen(self.drafts, self.shown.draft, self.caseworker)
        self.app.push_screen(
            screen,
            self.after(
                lambda version: (
                    _("Genomläsningen är klar. Nu kan ni skriva under (F5).")
                    if version.status is DraftStatus.GENOMLAST
                    else _("Synpunkterna är sparade.")
                )
            ),
        )

    def action_sign(self) -> None:
        """Sign the version that was read through."""
        from interview.tui.screens.sign import SignScreen

        if self.drafts is None:
            return
        current = self.drafts.current
        if current.signed:
            self.tell(_("Version {n} är redan underskriven.").format(n=current.version))
            return
        if current.status is not DraftStatus.GENOMLAST:
            self.tell(_("Läs igenom texten med deltagaren först (F4). Sedan kan ni skriva under."))
            return
        self.app.push_screen(
            SignScreen(self.drafts),
            self.after(
                lambda version: _("Version {n} är underskriven. SHA-256: {hash}").format(
                    n=version.version, hash=short_hash(version.sha256 or "")
                )
            ),
        )

    @property
    def new_version_key(self) -> str:
        """The key that starts a new version, after the unit's keymap ("Ctrl+N")."""
        return keys_text(keys_of(COMMANDS["new_version"], REVIEW, self.kartlagg.keys))

    def action_new_version(self) -> None:
        """Start a new version after a signed one, once the caseworker has said yes."""
        if self.drafts is None:
            return
        drafts, by = self.drafts, self.caseworker
        signed = drafts.current.version

        def answered(yes: bool | None) -> None:
            if yes:
                self._step(
                    lambda: drafts.new_version(by),
                    lambda version: _("Version {n} är startad som utkast.").format(n=version.version),
                )

        self.app.push_screen(
            ConfirmScreen(
                _("Starta version {n}?").format(n=signed + 1),
                _(
                    "Version {n} är underskriven och ändras inte. Version {next} startar som utkast "
                    "och ska granskas, läsas igenom och skrivas under igen."
                ).format(n=signed, next=signed + 1),
                _("Starta version {n}").format(n=signed + 1),
            ),
            answered,
        )

    def action_versions(self) -> None:
        """Choose an earlier version to read."""
        if self.drafts is None:
            return
        drafts = self.drafts
        earlier = [version for version in drafts.versions if version.id != drafts.current.id]
        if not earlier:
            self.tell(_("Det finns inga tidigare versioner."))
            return

        def chosen(version: DraftVersion | None) -> None:
            if version is not None:
                self.app.push_screen(ReviewScreen(self.kartlaggning_id, drafts=drafts, version=version))

        self.app.push_screen(VersionsScreen(earlier), chosen)

    def action_export(self) -> None:
        """Write the version shown to a file (PDF, Word, HTML or Markdown)."""
        from interview.tui.screens.export import ExportScreen

        if self.drafts is None or self.shown is None:
            return
        self.app.push_screen(ExportScreen(self.drafts, self.shown.version, self.shown.draft))

    def action_back(self) -> None:
        """Back to the list."""
        self.app.pop_screen()


def _shown(drafts: Drafts, fixed: DraftVersion | None) -> Shown:
    """Compose (or read the frozen) draft; on the database thread, in order with the steps."""
    version = fixed or drafts.current
    return Shown(
        version=version,
        draft=drafts.draft(version),
        latest=drafts.current.version,
        changed_after_signing=fixed is None and drafts.changed_after_signing,
        verified=Drafts.verify(version) if version.signed else None,
    )
