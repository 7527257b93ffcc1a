"""The plain-Swedish rules: each fires on a bad question and stays quiet on a good one."""

from __future__ import annotations

from typing import Any

import pytest

from interview.banks.loader import BankLibrary
from interview.banks.models import Area, AreaGroup, Bank, Question, Register
from interview.banks.rules import (
    Finding,
    Level,
    check_area,
    check_bank,
    check_question,
    check_template,
)
from interview.paths import Locations

GOOD = "Vad brukar du göra för att må bättre?"


def question(text: str, **flags: Any) -> Question:
    return Question(id="test.fraga", standard=text, lattlast=text, **flags)


def findings(q: Question, register: Register) -> list[Finding]:
    return list(check_question(q, register))


def rules(q: Question, register: Register, level: Level | None = None) -> set[str]:
    return {f.rule for f in findings(q, register) if level is None or f.level is level}


@pytest.mark.parametrize("register", list(Register))
def test_good_question_has_no_findings(register: Register) -> None:
    assert findings(question(GOOD), register) == []


@pytest.mark.parametrize("register", list(Register))
def test_two_question_marks_is_an_error(register: Register) -> None:
    found = findings(question("Vad gör du? Hur mår du?"), register)
    assert [(f.level, f.rule) for f in found] == [(Level.ERROR, "en-fråga")]
    assert "2 frågetecken" in found[0].message
    assert (
        found[0].where == f"test.fraga [{'standard' if register is Register.STANDARD else 'lättläst'}]"
    )


@pytest.mark.parametrize("register", list(Register))
def test_no_question_mark_is_an_error_unless_statement_or_prompt(register: Register) -> None:
    assert rules(question("Vad gör du."), register, Level.ERROR) == {"en-fråga"}
    assert rules(question("Vi ska prata om din dag.", statement=True), register) == set()
    assert rules(question("Berätta om din dag."), register) == set()
    assert rules(question("Beskriv en vanlig dag."), register) == set()


@pytest.mark.parametrize("register", list(Register))
def test_statement_with_question_mark_is_an_error(register: Register) -> None:
    found = findings(question("Hur mår du?", statement=True), register)
    assert [(f.level, f.rule) for f in found] == [(Level.ERROR, "en-fråga")]
    assert "påstående" in found[0].message


ABBREVIATED = [
    ("Vad gör du, t.ex. på fritiden?", "t.ex."),
    ("Vad gör du, bl.a. hemma?", "bl.a."),
    ("Vad gör du hemma, städar osv?", "osv"),
    ("Vilka tider, dvs när, kan du jobba?", "dvs"),
    ("Hur många timmar, ca, sover du?", "ca"),
    ("Hur ofta träffar du AF?", "AF"),
]


@pytest.mark.parametrize("register", list(Register))
@pytest.mark.parametrize(("text", "abbreviation"), ABBREVIATED)
def test_abbreviation_is_an_error(text: str, abbreviation: str, register: Register) -> None:
    found = [f for f in findings(question(text), register) if f.rule == "förkortning"]
    assert len(found) == 1
    assert found[0].level is Level.ERROR
    assert repr(abbreviation) in found[0].message


@pytest.mark.parametrize("register", list(Register))
def test_af_is_only_an_abbreviation_in_upper_case(register: Register) -> None:
    assert "förkortning" not in rules(question("Hur ofta träffar du af?"), register)
    assert "förkortning" not in rules(question("Vilket kafé gillar du?"), register)
    assert "förkortning" not in rules(question("Hur långt är det till Cafét?"), register)


@pytest.mark.parametrize("register", list(Register))
@pytest.mark.parametrize(
    "text", ["T.ex. vad gör du på fritiden?", "Bl.a. vad gör du hemma?", "Ca hur länge sover du?"]
)
def test_abbreviation_at_sentence_start_is_an_error(text: str, register: Register) -> None:
    # questions.md: abbreviations are an error in both registers, capitalised or not.
    assert "förkortning" in rules(question(text), register, Level.ERROR)


def test_more_than_15_words_in_lattlast_is_an_error() -> None:
    text = "Vad gör du en vanlig dag när du är hemma och har tid att vila lite?"
    q = question(text)
    found = [f for f in findings(q, Register.LATTLAST) if f.rule == "korta-frågor"]
    assert [(f.level, f.message) for f in found] == [(Level.ERROR, "16 ord, högst 15 i lättläst")]
    assert "korta-frågor" not in rules(q, Register.STANDARD)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Vad gör du en vanlig dag när du är hemma och har tid?", 13),
        ("Vad gör du en vanlig dag när du är hemma och har tid att vila?", 15),
    ],
)
def test_13_to_15_words_in_lattlast_is_a_warning(text: str, count: int) -> None:
    found = [f for f in findings(question(text), Register.LATTLAST) if f.rule == "korta-frågor"]
    assert [(f.level, f.message) for f in found] == [
        (Level.WARNING, f"{count} ord, helst högst 12 i lättläst")
    ]


def test_12_words_in_lattlast_is_fine() -> None:
    text = "Vad gör du en vanlig dag när du är hemma och vilar?"
    assert "korta-frågor" not in rules(question(text), Register.LATTLAST)


def test_more_than_two_long_words_is_a_warning_in_lattlast() -> None:
    q = question("Hur fungerar kommunikationen med kollegorna?")
    found = [f for f in findings(q, Register.LATTLAST) if f.rule == "långa-ord"]
    assert len(found) == 1 and found[0].level is Level.WARNING
    assert "fungerar, kommunikationen, kollegorna" in found[0].message
    assert "långa-ord" not in rules(question("Hur fungerar jobbet med kollegorna?"), Register.LATTLAST)


@pytest.mark.parametrize("register", list(Register))
def test_varfor_first_is_a_warning(register: Register) -> None:
    assert rules(question("Varför slutade du på jobbet?"), register) == {"varför"}
    assert "varför" not in rules(question("Vad gör att du slutade, och varför?"), register)


@pytest.mark.parametrize("register", list(Register))
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Hur mår man när man är stressad?", "man"),
        ("Vad vill Ni berätta?", "Ni"),
        ("Vad behöver den sökande för stöd?", "den sökande"),
    ],
)
def test_impersonal_address_is_a_warning(text: str, word: str, register: Register) -> None:
    found = [f for f in findings(question(text), register) if f.rule == "du-tilltal"]
    assert len(found) == 1 and found[0].level is Level.WARNING
    assert repr(word) in found[0].message


@pytest.mark.parametrize("register", list(Register))
def test_du_and_lower_case_ni_are_fine(register: Register) -> None:
    assert "du-tilltal" not in rules(question("Vad gör ni hemma på kvällen?"), register)
    assert "du-tilltal" not in rules(question("Vad tycker mannen om jobbet?"), register)


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Hur påverkar smärtan din arbetsförmåga?", "hur mycket du orkar arbeta"),
        ("Vilka åtgärder behövs först?", "det som ska göras"),
        ("Vad vet du om rehabilitering?", "stöd för att komma tillbaka"),
    ],
)
def test_jargon_is_a_warning_with_a_plain_alternative(text: str, plain: str) -> None:
    q = question(text)
    found = [f for f in findings(q, Register.LATTLAST) if f.rule == "fackord"]
    assert len(found) == 1 and found[0].level is Level.WARNING
    assert plain in found[0].message
    assert "fackord" not in rules(q, Register.STANDARD)


def test_negation_is_a_warning_in_lattlast() -> None:
    q = question("Vad gör du när du inte orkar?")
    found = [f for f in findings(q, Register.LATTLAST) if f.rule == "negation"]
    assert len(found) == 1 and found[0].level is Level.WARNING
    assert "'inte'" in found[0].message
    assert "negation" not in rules(question("Vad gör du när du är trött?"), Register.LATTLAST)


def test_idiom_is_a_warning_in_lattlast() -> None:
    q = question("Hur märker du att du håller på att gå i väggen?")
    found = [f for f in findings(q, Register.LATTLAST) if f.rule == "idiom"]
    assert len(found) == 1 and found[0].level is Level.WARNING
    assert "gå i väggen" in found[0].message
    assert "idiom" not in rules(question("Hur nära väggen står du?"), Register.LATTLAST)


@pytest.mark.parametrize("register", list(Register))
def test_closed_question_is_a_warning(register: Register) -> None:
    found = [f for f in findings(question("Har du barn?"), register) if f.rule == "öppen-fråga"]
    assert len(found) == 1 and found[0].level is Level.WARNING


@pytest.mark.parametrize("register", list(Register))
@pytest.mark.parametrize("flag", ["permission", "check", "sensitive"])
def test_closed_question_is_allowed_when_marked(flag: str, register: Register) -> None:
    assert rules(question("Är det okej att jag frågar om din hälsa?", **{flag: True}), register) == set()


def area(*lattlast: str, group: AreaGroup = AreaGroup.INLEDNING) -> Area:
    questions = tuple(
        Question(id=f"a.q{i}", standard=text, lattlast=text) for i, text in enumerate(lattlast)
    )
    return Area(
        id="omrade",
        title="Område",
        group=group,
        purpose="Ett område för test.",
        label="ett område",
        label_lattlast="ett område",
        questions=questions,
    )


def lix_findings(a: Area) -> list[Finding]:
    return [f for f in check_area(a) if f.rule == "lix"]


def test_area_lix_above_30_is_an_error() -> None:
    # 8 words, 2 sentences, 3 long words: 4 + 37.5 = 41.5
    found = lix_findings(area("Hur mår kroppen?", "Vad gör kroppen på fritiden?"))
    assert [(f.level, f.where) for f in found] == [(Level.ERROR, "area omrade")]
    assert "LIX 42" in found[0].message


def test_area_lix_between_25_and_30_is_a_warning() -> None:
    # 8 words, 2 sentences, 2 long words: 4 + 25 = 29
    found = lix_findings(area("Hur mår kroppen?", "Vad gör du på fritiden?"))
    assert [(f.level, f.where) for f in found] == [(Level.WARNING, "area omrade")]
    assert "LIX 29" in found[0].message


def test_area_lix_of_25_or_less_is_fine() -> None:
    assert lix_findings(area("Hur mår du?", GOOD)) == []


def test_area_make_up_needs_two_openings() -> None:
    found = [f for f in check_area(area(GOOD)) if f.rule == "frågor-per-område"]
    assert [f.level for f in found] == [Level.ERROR]
    assert "1 öppningsfrågor" in found[0].message
    assert [f for f in check_area(area(GOOD, "Hur mår du?")) if f.level is Level.ERROR] == []


def shipped_bank() -> Bank:
    return BankLibrary.discover([Locations.for_user().shipped_banks]).get("sassam")


def with_areas(bank: Bank, areas: tuple[Area, ...]) -> Bank:
    return bank.model_copy(update={"areas": areas})


def test_template_is_quiet_on_the_shipped_order() -> None:
    assert list(check_template(shipped_bank())) == []


def test_template_swapped_areas_is_an_error() -> None:
    bank = shipped_bank()
    areas = list(bank.areas)
    areas[1], areas[2] = areas[2], areas[1]
    found = list(check_template(with_areas(bank, tuple(areas))))
    assert [(f.level, f.rule, f.where) for f in found] == [(Level.ERROR, "mall", "bank sassam")]
    assert "ordning" in found[0].message
    assert any(f.rule == "mall" for f in check_bank(with_areas(bank, tuple(areas))))


def test_template_missing_area_is_an_error() -> None:
    bank = shipped_bank()
    areas = tuple(a for a in bank.areas if a.id != "fritidsintressen")
    found = list(check_template(with_areas(bank, areas)))
    assert [(f.level, f.rule) for f in found] == [(Level.ERROR, "mall")]
    assert "'fritidsintressen' saknas" in found[0].message


def test_template_wrong_group_is_an_error() -> None:
    bank = shipped_bank()
    areas = tuple(
        a.model_copy(update={"group": AreaGroup.INDIVID}) if a.id == "utbildning" else a
        for a in bank.areas
    )
    found = list(check_template(with_areas(bank, areas)))
    assert [(f.level, f.where) for f in found] == [(Level.ERROR, "area utbildning")]
    assert "omgivning" in found[0].message


def test_bank_without_template_is_not_checked_for_areas() -> None:
    bank = shipped_bank()
    small = bank.model_copy(update={"template": None, "areas": bank.areas[:2]})
    assert list(check_template(small)) == []
