"""check_content / check_translation: what may be translated, question marks, gaps, the practice id."""

from __future__ import annotations

import pytest

from interview.banks.rules import Finding, Level
from interview.practice.check import (
    GAP,
    check_content,
    check_translation,
    content_lix,
    count_marks,
    source_texts,
)
from interview.practice.models import PracticeContent, PracticeTranslation
from tests.practice.fictional import PRACTISED_IDS, content, tiny_bank


def translation_of(
    tables: dict[str, dict[str, str]], language: str = "en", practice: str = "kafe"
) -> PracticeTranslation:
    return PracticeTranslation.model_validate(
        {"practice": practice, "language": language, "status": "machine-draft", **tables}
    )


def translation(
    language: str = "en", *, practice: str = "kafe", **tables: dict[str, str]
) -> PracticeTranslation:
    return translation_of(tables, language, practice)


def errors(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(finding.rule, finding.where) for finding in findings if finding.level is Level.ERROR]


@pytest.mark.parametrize(
    ("text", "count"),
    [("Hur mår du?", 1), ("كيف حالك؟", 1), ("ከመይ ኣለኻ፧", 1), ("Jag är bra på …", 0), ("Vad? Hur؟", 2)],
)
def test_count_marks_in_every_script(text: str, count: int) -> None:
    assert count_marks(text) == count


def test_source_texts_hold_every_translatable_id() -> None:
    sources = source_texts(content(), tiny_bank())
    assert list(sources["question"]) == PRACTISED_IDS
    assert sources["question"]["inl.dag"] == "Hur har din dag varit?"
    assert sources["area"] == {
        "inledning": "hur du har det",
        "kropp": "hur kroppen mår",
        "fritid": "när du är ledig",
    }
    assert sources["starter"] == {"bra_pa": "Jag är bra på …", "forstar": "Kan du säga det igen?"}
    assert sources["theme"] == {"jobb": "Jobb", "soka": "Söka jobb"}
    assert sources["word"] == {"lon": "lön", "rast": "rast", "cv": "CV"}
    assert sources["example"] == {"lon": "Lönen kommer varje månad.", "cv": "Jag skriver mitt CV."}
    assert list(sources["interview"]) == ["om_dig", "borja"]


def test_source_texts_without_a_bank_have_no_questions() -> None:
    sources = source_texts(content(), None)
    assert sources["area"] == {}
    assert sources["question"] == {}
    assert sources["starter"]


def test_fictional_content_is_clean() -> None:
    assert errors(list(check_content(content(), tiny_bank()))) == []


def test_content_without_its_bank_is_an_error() -> None:
    findings = list(check_content(content(), None))
    assert errors(findings) == [("bank", "practice.bank")]
    assert "'liten'" in findings[0].message


def test_content_text_with_two_questions_is_an_error() -> None:
    data = content().model_dump(by_alias=True)
    data["interview"][0]["text"] = "Vem är du? Var bor du?"
    findings = list(check_content(PracticeContent.model_validate(data), tiny_bank()))
    assert ("en-fråga", "interview 'om_dig'") in errors(findings)


def test_complete_translation_has_no_findings() -> None:
    sources = source_texts(content(), tiny_bank())
    full = translation_of(sources)
    assert list(check_translation(full, content(), tiny_bank())) == []


def test_missing_texts_are_one_warning() -> None:
    findings = list(check_translation(translation(), content(), tiny_bank()))
    assert [(finding.level, finding.where) for finding in findings] == [(Level.WARNING, "translation")]
    assert findings[0].message.startswith("19 texter")  # 3 areas, 5 questions, 11 content texts


def test_unknown_id_is_an_error_naming_table_and_id() -> None:
    findings = list(
        check_translation(translation(word={"lon": "salary", "bil": "car"}), content(), tiny_bank())
    )
    assert errors(findings) == [("översättning", "word.bil")]
    assert "finns inte i det svenska innehållet" in findings[0].message
    assert findings[0].subject == "en"


def test_unknown_question_id_is_ignored_without_a_bank() -> None:
    findings = list(check_translation(translation(question={"inl.dag": "x?"}), content(), None))
    assert errors(findings) == []


@pytest.mark.parametrize(
    ("table", "item", "text"),
    [
        ("interview", "borja", "متى يمكنك أن تبدأ"),
        ("interview", "borja", "متى؟ يمكنك أن تبدأ؟"),
        ("interview", "om_dig", "حدثني عن نفسك؟"),
        ("question", "inl.dag", "كيف كان يومك."),
        ("starter", "forstar", "هل يمكنك أن تقول ذلك مرة أخرى."),
    ],
)
def test_wrong_number_of_question_marks_is_an_error(table: str, item: str, text: str) -> None:
    wrong = translation_of({table: {item: text}}, "ar")
    findings = list(check_translation(wrong, content(), tiny_bank()))
    assert errors(findings) == [("frågetecken", f"{table}.{item}")]
    assert "frågetecken" in findings[0].message


def test_arabic_question_mark_counts_as_the_swedish_one() -> None:
    right = translation("ar", interview={"borja": "متى يمكنك أن تبدأ؟"})
    assert errors(list(check_translation(right, content(), tiny_bank()))) == []


@pytest.mark.parametrize("text", ["أنا جيد في", f"أنا جيد في {GAP} و {GAP}", "أنا جيد في ..."])
def test_changed_number_of_gaps_is_an_error(text: str) -> None:
    findings = list(check_translation(translation("ar", starter={"bra_pa": text}), content(), None))
    assert errors(findings) == [("lucka", "starter.bra_pa")]
    assert "luckor (…)" in findings[0].message


def test_translation_of_other_content_is_one_error() -> None:
    other = translation(practice="annat", word={"lon": "salary", "bil": "car"})
    findings = list(check_translation(other, content(), tiny_bank()))
    assert [(f.level, f.rule, f.where) for f in findings] == [
        (Level.ERROR, "översättning", "translation.practice")
    ]
    assert "'annat'" in findings[0].message
    assert "'kafe'" in findings[0].message


def test_content_lix_has_one_value_per_part() -> None:
    lix = content_lix(content())
    assert set(lix) == {"starter", "example", "interview"}
    assert all(0 < value < 60 for value in lix.values())
