"""One participant: their kartläggningar, sessions and how far each has come; start or continue."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from interview.consent import Consent, consent_line, consent_status, current
from interview.engine import Interview
from interview.errors import UserError
from interview.i18n import _
from interview.records import Participant
from interview.text import for_display
from interview.tui.commands import bindings
from interview.tui.commands.contexts import OVERVIEW
from interview.tui.labels import day, masked_number
from interview.tui.screens.base import AppScreen
from interview.tui.screens.session_start import SessionPlan
from interview.tui.summary import coverage_line, recap_text, session_line
from interview.tui.widgets.footer import KeyFooter
from interview.tui.widgets.topbar import TopBar


class OverviewScreen(AppScreen[None]):
    """The participant's overview."""

    HELP = _(
        "Översikt över deltagaren: kartläggningar, samtal och hur långt ni har kommit. "
        "Tryck Enter för att starta eller fortsätta samtalet. F7 öppnar sammanställningen av den "
        "senaste kartläggningen: granska, läs igenom och skriv under. Esc går tillbaka till listan."
    )
    CONTEXT = OVERVIEW
    BINDINGS = bindings(OVERVIEW)

    def __init__(self, participant: Participant, *, resume: bool = False, load_now: bool = True) -> None:
        """Show ``participant``; ``resume`` continues the latest kartläggning at once.

        ``load_now=False`` waits with loading until the screen is first shown (it lies under the
        interview when ``--fortsatt`` opens an interrupted session, and must not slow that down).
        """
        super().__init__()
        self._load_now = load_now
        self.participant = participant
        self.interviews: list[Interview] = []
        self.consents: list[Consent] = []
        """The participant's medgivanden, oldest first (the last one counts)."""
        self._resume = resume
        self._loaded = False
        self._revealed = False
        """The whole personnummer is shown (p); it is hidden again whenever the screen is left."""

    def compose(self) -> ComposeResult:
        """Heading and details."""
        yield TopBar(self.participant.name, demo=self.kartlagg.demo)
        with VerticalScroll(id="overview"):
            yield Static(self._heading(), id="person", markup=False)
            yield Static("", id="consent", markup=False)
            yield Static(
                _("m: medgivande om informationsutbyte · i: information om personuppgifter"),
                id="consent-keys",
                markup=False,
            )
            yield Static(_("Laddar …"), id="details", markup=False)
        yield KeyFooter()

    def _heading(self) -> Text:
        participant = self.participant
        text = Text(for_display(participant.name), style="bold")
        number = participant.personnummer if self._revealed else None
        shown = f"{number[:8]}-{number[8:]}" if number else masked_number(participant)
        text.append("   " + shown)
        if participant.no_number_reason:
            text.append("\n" + _("Inget nummer: ") + for_display(participant.no_number_reason))
        text.append(
            "\n"
            + _("Tillagd {date} av {who}").format(
                date=day(participant.created_at), who=for_display(participant.created_by)
            ),
            style="dim",
        )
        return text

    def on_mount(self) -> None:
        """Load the kartläggningar (unless asked to wait until shown)."""
        if self._load_now:
            self.run_worker(self.reload(), name="load-overview", group="load", exclusive=True)

    def action_reveal(self) -> None:
        """Show the whole personnummer, or hide it again (p); it is hidden when the screen is left."""
        if self.participant.personnummer is None:
            return
        self._revealed = not self._revealed
        self.query_one("#person", Static).update(self._heading())

    def on_screen_suspend(self) -> None:
        """Hide the personnummer again as soon as another screen (or the curtain) covers this one."""
        if self._revealed:
            self._revealed = False
            self.query_one("#person", Static).update(self._heading())

    def on_screen_resume(self) -> None:
        """Back from the interview (or shown for the first time): show the new state."""
        if self.app.screen is not self:
            return  # already covered again (the interview was opened on top at once)
        if self.interviews or not self._load_now:
            self._load_now = True
            self.run_worker(self.reload(), name="load-overview", group="load", exclusive=True)
        elif self._loaded:
            self.run_worker(self.reload_consent(), name="load-consent", group="consent")

    async def reload(self) -> None:
        """Load and show the participant's kartläggningar."""
        try:
            self.interviews = await self.backend.interviews(self.participant.id)
        except UserError as error:
            self.show_error(str(error))
            return
        self._loaded = True
        self.query_one("#details", Static).update(self._details())
        if self._resume:
            self._resume = False
            self.action_continue()
        await self.reload_consent()

    async def reload_consent(self) -> None:
        """Load the medgivanden and show where the one that counts stands today."""
        try:
            self.consents = await self.backend.consents(self.participant.id)
        except UserError as error:
            self.show_error(str(error))
            return
        today = self.backend.today()
        latest = current(self.consents)
        line = self.query_one("#consent", Static)
        line.update(for_display(consent_line(latest, today)))
        line.set_class(consent_status(latest, today).warning, "warning")

    def action_consent(self) -> None:
        """Show, register or withdraw the medgivande om informationsutbyte (m)."""
        from interview.tui.screens.consent import ConsentScreen

        self.app.push_screen(ConsentScreen(self.participant))

    def action_privacy_notice(self) -> None:
        """Show the information about personal data (i)."""
        from interview.tui.screens.privacy_notice import PrivacyNoticeScreen

        self.app.push_screen(PrivacyNoticeScreen())

    def _details(self) -> Text:
        text = Text()
        if not self.interviews:
            text.append(_("Ingen kartläggning ännu.") + "\n\n", style="bold")
            text.append(_("Tryck Enter för att starta den första."))
            return text
        for number, interview in enumerate(self.interviews, start=1):
            kartlaggning = interview.kartlaggning
            text.append(
                _("Kartläggning {n}, startad {date} ({bank})").format(
                    n=number, date=day(kartlaggning.created_at), bank=interview.bank.title
                )
                + "\n",
                style="bold",
            )
            text.append(_("Status: ") + coverage_line(interview) + "\n")
            for session in interview.sessions:
                text.append("  " + for_display(session_line(session)) + "\n")
            if interview.session is not None:
                text.append(
                    "  " + _("Ett samtal är inte avslutat. Enter fortsätter där ni slutade.") + "\n",
                    style="bold",
                )
            text.append("\n")
        latest = self.interviews[-1]
        recap = recap_text(latest)
        if recap and latest.session is None:
            text.append(for_display(recap) + "\n\n")
        text.append(_("Tryck Enter för att fortsätta kartläggningen."), style="bold")
        text.append("\n" + _("F7 öppnar sammanställningen: granska, läs igenom och skriv under."))
        return text

    def action_back(self) -> None:
        """Back to the list."""
        self.app.pop_screen()

    def action_review(self) -> None:
        """Open the sammanställning of the latest kartläggning."""
        from interview.tui.screens.review import ReviewScreen

        if not self._loaded:
            return
        if not self.interviews:
            self.notify(_("Det finns ingen kartläggning ännu. Tryck Enter för att starta den."))
            return
        latest = self.interviews[-1].kartlaggning
        self.app.push_screen(ReviewScreen(latest.id, name=self.participant.name))

    def action_continue(self) -> None:
        """Continue the latest kartläggning (or start one): session start first if none is open."""
        from interview.tui.screens.interview import InterviewScreen
        from interview.tui.screens.session_start import SessionStartScreen

        if not self._loaded:
            # Enter before the kartläggningar are known: go on once they are, never start a second one
            self._resume = True
            return
        interview = self.interviews[-1] if self.interviews else None
        if interview is not None and interview.session is not None:
            self.app.push_screen(InterviewScreen(interview, resumed=True))
            return

        def go(plan: SessionPlan) -> None:
            self.run_worker(self.start(interview, plan), name="start", group="continue")

        def planned(plan: SessionPlan | None) -> None:
            if plan is None:
                return
            if not plan.tolk:
                go(plan)
                return
            from dataclasses import replace

            from interview.records import TolkRecord
            from interview.tui.screens.tolk import TolkRecordScreen

            def recorded(record: TolkRecord | None) -> None:
                go(replace(plan, tolk_record=record))

            last = interview.sessions[-1].tolk_record if interview and interview.sessions else None
            self.app.push_screen(TolkRecordScreen(last, plan.language), recorded)

        self.app.push_screen(SessionStartScreen(interview), planned)

    async def start(self, interview: Interview | None, plan: SessionPlan) -> None:
        """Start the session (and the kartläggning, the first time) and open the interview."""
        from interview.tui.screens.interview import InterviewScreen

        try:
            if interview is None:
                interview = await self.backend.begin_interview(self.participant, plan.caseworker)
                self.interviews.append(interview)
            started = interview
            await self.backend.run(
                lambda: started.start_session(
                    plan.caseworker,
                    plan.register,
                    tolk=plan.tolk,
                    time_frame_minutes=plan.minutes,
                    language=plan.language,
                    tolk_record=plan.tolk_record,
                )
            )
        except UserError as error:
            self.show_error(str(error))
            return
        self.kartlagg.caseworker = plan.caseworker
        await self.app.push_screen(InterviewScreen(interview, resumed=False))
