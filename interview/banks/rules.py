"""The plain-Swedish rules of ``shared/domain/questions.md``, one function per question and area.

Each rule returns :class:`Finding` objects; nothing here prints. Errors make ``kartlagg bank check``
fail, warnings are advice for whoever edits the bank.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import StrEnum

from interview.banks.lix import is_long, readability, words
from interview.banks.models import (
    AVSLUT_ROLES,
    MOTIVATION_ROLES,
    SASSAM_AREAS,
    Area,
    Bank,
    Question,
    QuestionKind,
    Register,
)
from interview.i18n import _

MAX_WORDS_WARN = 12
MAX_WORDS_ERROR = 15
MAX_LONG_WORDS = 2
LIX_WARN = 25.0
LIX_ERROR = 30.0
MIN_OPENINGS = 2
MIN_PROBES = 2


class Level(StrEnum):
    """How serious a finding is."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One thing the checker noticed, with where it is."""

    level: Level
    rule: str
    where: str
    message: str
    subject: str = ""
    """The id of the bank, area or question the finding is about (to find its file)."""


REGISTER_NAMES = {Register.STANDARD: "standard", Register.LATTLAST: "lättläst"}

_ABBREVIATIONS = re.compile(
    r"(?<![\w.])(t\.\s?ex\.?|bl\.\s?a\.?|o\.s\.v\.?|osv|d\.v\.s\.?|dvs|ca|c:a|m\.m\.?|"
    r"p\.g\.a\.?|pga|t\.o\.m\.?|s\.k\.?|resp\.|ang\.|etc\.?)(?![\w])",
    re.IGNORECASE,
)
# Upper-case agency abbreviations only: "af" and "fk" in lower case are not words to flag.
_AGENCY_ABBREVIATIONS = re.compile(r"(?<![\w.])(AF|FK)(?![\w])")
_IMPERSONAL = re.compile(r"\b(man|den sökande|sökanden)\b", re.IGNORECASE)
_FORMAL_NI = re.compile(r"\b(Ni|Er|Ert|Era)\b")
_NEGATIONS = re.compile(r"\b(inte|ingen|inget|inga|aldrig)\b", re.IGNORECASE)
_IDIOMS = (
    "gå i väggen",
    "gick i väggen",
    "gått i väggen",
    "ta tag i",
    "ta sig i kragen",
    "komma till skott",
    "på rak arm",
    "hålla huvudet kallt",
    "ligga i lä",
    "bita ihop",
    "ha mycket på sin tallrik",
    "gå på knäna",
)
JARGON: dict[str, str] = {
    "arbetsförmåga": "hur mycket du orkar arbeta",
    "rehabilitering": "stöd för att komma tillbaka",
    "insats": "stöd eller hjälp",
    "åtgärd": "det som ska göras",
    "försörjningsstöd": "pengar från kommunen",
    "substansintag": "mediciner, alkohol och andra ämnen",
    "psykosomatik": "stress som känns i kroppen",
    "kartläggning": "vårt samtal",
    "funktionsnedsättning": "det som är svårt för dig",
    "sysselsättning": "något att göra på dagarna",
    "arbetsprövning": "prova på ett arbete",
    "anställningsbarhet": "chans att få jobb",
    "psykosocial": "hur du mår och har det",
    "handlingsplan": "plan",
}
_OPEN_PROMPTS = ("berätta", "beskriv")
_CLOSED_STARTS = frozenset(
    {
        "har",
        "är",
        "kan",
        "vill",
        "brukar",
        "finns",
        "får",
        "skulle",
        "känner",
        "tycker",
        "gör",
        "ska",
        "blir",
        "måste",
        "orkar",
        "behöver",
        "tror",
        "tar",
        "använder",
        "hade",
        "var",
        "kunde",
        "ville",
    }
)


def _where(question: Question, register: Register) -> str:
    return f"{question.id} [{REGISTER_NAMES[register]}]"


def check_question(question: Question, register: Register) -> Iterator[Finding]:
    """Yield the findings for one question in one register."""
    text = question.text(register)
    where = _where(question, register)
    marks = text.count("?")
    first_word = (words(text) or [""])[0].casefold()
    if marks > 1:
        yield Finding(
            Level.ERROR,
            "en-fråga",
            where,
            _("har {count} frågetecken: en fråga i taget").format(count=marks),
        )
    if question.statement and marks:
        yield Finding(Level.ERROR, "en-fråga", where, _("är markerad som påstående men har frågetecken"))
    if not marks and not question.statement and first_word not in _OPEN_PROMPTS:
        yield Finding(
            Level.ERROR,
            "en-fråga",
            where,
            _("saknar frågetecken (markera statement = true om det inte är en fråga)"),
        )
    yield from check_abbreviations(text, where)
    if first_word == "varför":
        yield Finding(
            Level.WARNING,
            "varför",
            where,
            _('börjar med Varför, som kan låta anklagande: skriv "Vad gör att …?"'),
        )
    if (
        marks == 1
        and first_word in _CLOSED_STARTS
        and not (question.permission or question.check or question.sensitive)
    ):
        yield Finding(
            Level.WARNING,
            "öppen-fråga",
            where,
            _("sluten fråga: börja med Vad, Hur, Vilka, Berätta eller Beskriv"),
        )
    impersonal = _IMPERSONAL.search(text) or _FORMAL_NI.search(text)
    if impersonal:
        yield Finding(
            Level.WARNING,
            "du-tilltal",
            where,
            _("skriv du i stället för {word!r}").format(word=impersonal.group(0)),
        )
    if register is Register.LATTLAST:
        yield from check_plain(text, where)


def check_abbreviations(text: str, where: str) -> Iterator[Finding]:
    """Yield an error for the first abbreviation in ``text`` (a tolk or a learner may not know it)."""
    for match in (*_ABBREVIATIONS.finditer(text), *_AGENCY_ABBREVIATIONS.finditer(text)):
        yield Finding(
            Level.ERROR,
            "förkortning",
            where,
            _("förkortning {abbreviation!r}: skriv ut ordet").format(abbreviation=match.group(0)),
        )
        break


def check_plain(text: str, where: str) -> Iterator[Finding]:
    """Yield the lättläst findings for ``text``: length, long words, jargon and idioms."""
    found = words(text)
    if len(found) > MAX_WORDS_ERROR:
        yield Finding(
            Level.ERROR,
            "korta-frågor",
            where,
            _("{count} ord, högst {limit} i lättläst").format(count=len(found), limit=MAX_WORDS_ERROR),
        )
    elif len(found) > MAX_WORDS_WARN:
        yield Finding(
            Level.WARNING,
            "korta-frågor",
            where,
            _("{count} ord, helst högst {limit} i lättläst").format(
                count=len(found), limit=MAX_WORDS_WARN
            ),
        )
    long_words = [word for word in found if is_long(word)]
    if len(long_words) > MAX_LONG_WORDS:
        yield Finding(
            Level.WARNING,
            "långa-ord",
            where,
            _("{count} långa ord ({words}), helst högst {limit}").format(
                count=len(long_words), words=", ".join(long_words), limit=MAX_LONG_WORDS
            ),
        )
    lowered = text.casefold()
    for word in found:
        for jargon, plain in JARGON.items():
            if word.casefold().startswith(jargon):
                yield Finding(
                    Level.WARNING,
                    "fackord",
                    where,
                    _('fackordet {word!r}: säg hellre "{plain}"').format(word=word, plain=plain),
                )
    negation = _NEGATIONS.search(text)
    if negation:
        yield Finding(
            Level.WARNING,
            "negation",
            where,
            _("negationen {word!r} gör frågan svårare").format(word=negation.group(0)),
        )
    for idiom in _IDIOMS:
        if idiom in lowered:
            yield Finding(
                Level.WARNING,
                "idiom",
                where,
                _("uttrycket {idiom!r} är svårt att förstå och att tolka").format(idiom=idiom),
            )


def area_text(area: Area, register: Register) -> str:
    """Join every question of ``area`` in ``register``, as LIX is measured per area."""
    return " ".join(question.text(register) for question in area.questions)


def check_area(area: Area) -> Iterator[Finding]:
    """Yield the findings about an area's make-up and its plain-Swedish LIX."""
    where = f"area {area.id}"
    openings = len(area.openings)
    if openings < MIN_OPENINGS:
        yield Finding(
            Level.ERROR,
            "frågor-per-område",
            where,
            _("har {count} öppningsfrågor, behöver minst {limit}").format(
                count=openings, limit=MIN_OPENINGS
            ),
        )
    if area.group.has_probes:
        for kind, name in ((QuestionKind.HINDER, "hinder"), (QuestionKind.RESURS, "resurs")):
            count = len(area.of_kind(kind))
            if count < MIN_PROBES:
                yield Finding(
                    Level.ERROR,
                    "frågor-per-område",
                    where,
                    _("har {count} {kind}-frågor, behöver minst {limit}").format(
                        count=count, kind=name, limit=MIN_PROBES
                    ),
                )
    elif area.probes:
        yield Finding(
            Level.ERROR,
            "frågor-per-område",
            where,
            _("hinder- och resursfrågor hör bara till individ- och omgivningsområden"),
        )
    roles = {question.role for question in area.questions if question.role}
    required = {"motivation": MOTIVATION_ROLES, "avslut": AVSLUT_ROLES}.get(area.group.value, ())
    for role in required:
        if role not in roles:
            yield Finding(
                Level.ERROR,
                "roller",
                where,
                _("saknar en fråga med role = {role!r}").format(role=role),
            )
    for question in area.questions:
        if question.is_scale and "10" not in question.lattlast:
            yield Finding(
                Level.WARNING,
                "skala",
                f"{question.id} [lättläst]",
                _('en skalfråga ska säga "från 0 till 10"'),
            )
    value = readability(area_text(area, Register.LATTLAST)).lix
    if value > LIX_ERROR:
        yield Finding(
            Level.ERROR,
            "lix",
            where,
            _("LIX {value:.0f} i lättläst, högst {limit:.0f}").format(value=value, limit=LIX_ERROR),
        )
    elif value > LIX_WARN:
        yield Finding(
            Level.WARNING,
            "lix",
            where,
            _("LIX {value:.0f} i lättläst, helst högst {limit:.0f}").format(value=value, limit=LIX_WARN),
        )


def check_template(bank: Bank) -> Iterator[Finding]:
    """Yield findings when a SASSAM bank lacks an area or has them out of the method's order."""
    if bank.template != "sassam":
        return
    ids = [area.id for area in bank.areas]
    positions: list[int] = []
    for area_id, group in SASSAM_AREAS:
        if area_id not in ids:
            yield Finding(
                Level.ERROR,
                "mall",
                f"bank {bank.id}",
                _("området {area!r} saknas").format(area=area_id),
            )
            continue
        area = bank.area(area_id)
        if area.group is not group:
            yield Finding(
                Level.ERROR,
                "mall",
                f"area {area_id}",
                _("ska ha group = {group!r}").format(group=group.value),
            )
        positions.append(ids.index(area_id))
    if positions != sorted(positions):
        yield Finding(Level.ERROR, "mall", f"bank {bank.id}", _("områdena står inte i metodens ordning"))


def check_bank(bank: Bank) -> list[Finding]:
    """Return every finding for ``bank``: template, areas and each question in both registers."""
    findings = [replace(finding, subject=bank.id) for finding in check_template(bank)]
    for area in bank.areas:
        findings.extend(replace(finding, subject=area.id) for finding in check_area(area))
        for question in area.questions:
            for register in Register:
                findings.extend(
                    replace(finding, subject=question.id)
                    for finding in check_question(question, register)
                )
    return findings
