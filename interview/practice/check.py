"""The checks of ``kartlagg bank check`` for the språkcafé content and its translations.

The Swedish texts follow the same plain-Swedish rules as a bank's lättläst register. A translation may
only translate what exists, keeps the number of question marks and gaps ("…") of the Swedish text, and
one that leaves texts out is reported so that the learner does not meet "Översättning saknas".
"""

from __future__ import annotations

from collections.abc import Iterator

from interview.banks.lix import readability
from interview.banks.models import Bank
from interview.banks.rules import Finding, Level, check_abbreviations, check_plain
from interview.i18n import _, ngettext
from interview.practice.deck import practised_questions
from interview.practice.models import PracticeContent, PracticeTranslation

QUESTION_MARKS = ("?", "؟", "፧")
"""The question marks of the product's scripts (Latin, Arabic, Ethiopic)."""
GAP = "…"


def source_texts(content: PracticeContent, bank: Bank | None) -> dict[str, dict[str, str]]:
    """Return the Swedish text of everything translatable, by translation table and id."""
    practised = practised_questions(bank) if bank else []
    return {
        "area": {area_id: label for area_id, label, _question in practised},
        "question": {question.id: question.lattlast for _area, _label, question in practised},
        "starter": {item.id: item.text for item in content.starters},
        "theme": {theme.id: theme.title for theme in content.themes},
        "word": {word.id: word.word for theme in content.themes for word in theme.words},
        "example": {
            word.id: word.example for theme in content.themes for word in theme.words if word.example
        },
        "interview": {item.id: item.text for item in content.interview},
    }


def count_marks(text: str) -> int:
    """Count the question marks of ``text`` in any of the product's scripts."""
    return sum(text.count(mark) for mark in QUESTION_MARKS)


def check_content(content: PracticeContent, bank: Bank | None) -> Iterator[Finding]:
    """Yield the findings for the Swedish practice texts."""
    if bank is None:
        yield Finding(
            Level.ERROR,
            "bank",
            "practice.bank",
            _("det finns ingen frågebank med id {id!r} att öva på").format(id=content.bank),
            subject="content",
        )
    # Negations make a question harder to answer; a learner's own sentence may need one.
    texts = [
        *((f"starter {item.id!r}", item.text) for item in content.starters),
        *(
            (f"word {word.id!r}.example", word.example)
            for theme in content.themes
            for word in theme.words
            if word.example
        ),
        *((f"interview {item.id!r}", item.text) for item in content.interview),
    ]
    for where, text in texts:
        for finding in (*check_abbreviations(text, where), *check_plain(text, where)):
            if finding.rule == "negation" and not where.startswith("interview"):
                continue
            yield Finding(finding.level, finding.rule, finding.where, finding.message, subject="content")
        if count_marks(text) > 1:
            yield Finding(
                Level.ERROR,
                "en-fråga",
                where,
                _("har {count} frågetecken: en fråga i taget").format(count=count_marks(text)),
                subject="content",
            )


def check_translation(
    translation: PracticeTranslation, content: PracticeContent, bank: Bank | None
) -> Iterator[Finding]:
    """Yield the findings for one translation against the Swedish content."""
    subject = translation.language
    if translation.practice != content.id:
        yield Finding(
            Level.ERROR,
            "översättning",
            "translation.practice",
            _("översätter {id!r}, men innehållet heter {content!r}").format(
                id=translation.practice, content=content.id
            ),
            subject=subject,
        )
        return
    missing = 0
    for table, sources in source_texts(content, bank).items():
        translated: dict[str, str] = getattr(translation, table)
        for item_id in sorted(set(translated) - set(sources)):
            if table in {"area", "question"} and bank is None:
                continue
            yield Finding(
                Level.ERROR,
                "översättning",
                f"{table}.{item_id}",
                _("finns inte i det svenska innehållet"),
                subject=subject,
            )
        for item_id, swedish in sources.items():
            text = translated.get(item_id)
            if text is None:
                missing += 1
                continue
            where = f"{table}.{item_id}"
            if count_marks(text) != count_marks(swedish):
                yield Finding(
                    Level.ERROR,
                    "frågetecken",
                    where,
                    _("har {found} frågetecken, den svenska texten har {expected}").format(
                        found=count_marks(text), expected=count_marks(swedish)
                    ),
                    subject=subject,
                )
            if text.count(GAP) != swedish.count(GAP):
                yield Finding(
                    Level.ERROR,
                    "lucka",
                    where,
                    _("har {found} luckor (…), den svenska texten har {expected}").format(
                        found=text.count(GAP), expected=swedish.count(GAP)
                    ),
                    subject=subject,
                )
    if missing:
        yield Finding(
            Level.WARNING,
            "översättning",
            "translation",
            ngettext(
                "{count} text är inte översatt (visas som saknad)",
                "{count} texter är inte översatta (visas som saknade)",
                missing,
            ).format(count=missing),
            subject=subject,
        )


def content_lix(content: PracticeContent) -> dict[str, float]:
    """Return the LIX of the Swedish starters, example sentences and interview questions."""
    examples = [word.example for theme in content.themes for word in theme.words if word.example]
    return {
        "starter": readability(" ".join(item.text for item in content.starters)).lix,
        "example": readability(" ".join(examples)).lix,
        "interview": readability(" ".join(item.text for item in content.interview)).lix,
    }
