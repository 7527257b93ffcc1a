"""Every place where keys mean something: the two apps, each screen and dialog, and the chat."""

from __future__ import annotations

from interview.i18n import N_
from interview.tui.commands.model import Context

APP = "app"
PRACTICE_APP = "practice_app"
STARTING = "starting"
PASSPHRASE = "passphrase"  # noqa: S105 - a screen's name, not a secret
CURTAIN = "curtain"
HELP = "help"
CONFIRM = "confirm"
PARTICIPANTS = "participants"
ADD_PARTICIPANT = "add_participant"
OVERVIEW = "overview"
PRIVACY_NOTICE = "privacy_notice"
CONSENT = "consent"
CONSENT_FORM = "consent_form"
WITHDRAW_CONSENT = "withdraw_consent"
SESSION_START = "session_start"
TOLK = "tolk"
INTERVIEW = "interview"
CHAT = "chat"
FOLLOW_UP = "follow_up"
OWN_QUESTION = "own_question"
AREA_PICKER = "area_picker"
EDIT_ANSWER = "edit_answer"
LANGUAGE = "language"
MOTIVATION = "motivation"
ACTIONS = "actions"
ACTION_FORM = "action_form"
END_SESSION = "end_session"
DRAFTS = "drafts"
REVIEW = "review"
ASSESSMENT = "assessment"
VERSIONS = "versions"
READ_BACK = "read_back"
SIGN = "sign"
EXPORT = "export"
PRACTICE = "practice"
PRACTICE_LANGUAGE = "practice_language"
PROJECTOR = "projector"

_ALL = (
    Context(APP, N_("Överallt i kartlagg"), app=""),
    Context(PRACTICE_APP, N_("Överallt i språkcaféet"), app=""),
    Context(STARTING, N_("Start")),
    Context(PASSPHRASE, N_("Lösenfras")),
    Context(CURTAIN, N_("Dold skärm"), covers=frozenset({"help", "curtain"})),
    Context(HELP, N_("Hjälp"), covers=frozenset({"help"})),
    Context(CONFIRM, N_("Fråga före en ändring")),
    Context(PARTICIPANTS, N_("Deltagare")),
    Context(ADD_PARTICIPANT, N_("Ny deltagare")),
    Context(OVERVIEW, N_("Översikt")),
    Context(PRIVACY_NOTICE, N_("Information om personuppgifter")),
    Context(CONSENT, N_("Medgivande")),
    Context(CONSENT_FORM, N_("Nytt medgivande")),
    Context(WITHDRAW_CONSENT, N_("Återkalla medgivande")),
    Context(SESSION_START, N_("Starta samtal")),
    Context(TOLK, N_("Tolk")),
    Context(INTERVIEW, N_("Samtalet"), typing=True),
    Context(
        CHAT,
        N_("Samtalet: i chatten"),
        parent=INTERVIEW,
        where=N_("i chatten"),
        fixed=True,
        prefix="screen.",
    ),
    Context(FOLLOW_UP, N_("Följdfrågor")),
    Context(OWN_QUESTION, N_("Egen följdfråga")),
    Context(AREA_PICKER, N_("Välj område")),
    Context(EDIT_ANSWER, N_("Ändra svar")),
    Context(LANGUAGE, N_("Deltagarens språk")),
    Context(MOTIVATION, N_("Motivationskorset")),
    Context(ACTIONS, N_("Åtgärder")),
    Context(ACTION_FORM, N_("Ny åtgärd")),
    Context(END_SESSION, N_("Avsluta samtalet")),
    Context(DRAFTS, N_("Dokument")),
    Context(REVIEW, N_("Sammanställning")),
    Context(ASSESSMENT, N_("Bedömning")),
    Context(VERSIONS, N_("Versioner")),
    Context(READ_BACK, N_("Läs igenom")),
    Context(SIGN, N_("Skriv under")),
    Context(EXPORT, N_("Exportera")),
    Context(PRACTICE, N_("Språkcafé"), app=PRACTICE_APP),
    Context(PRACTICE_LANGUAGE, N_("Språkcafé: språk"), app=PRACTICE_APP),
    Context(PROJECTOR, N_("Språkcafé: projektor"), app=PRACTICE_APP),
)

CONTEXTS: dict[str, Context] = {context.name: context for context in _ALL}
"""Every context by name, in the order the README lists them."""
