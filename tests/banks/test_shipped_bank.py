"""The shipped SASSAM bank loads, passes the checker and follows the method's outline."""

from __future__ import annotations

import pytest

from interview.banks.lix import lix, words
from interview.banks.loader import BankLibrary
from interview.banks.models import (
    AVSLUT_ROLES,
    MOTIVATION_ROLES,
    SASSAM_AREAS,
    Area,
    Bank,
    QuestionKind,
    Register,
)
from interview.banks.rules import Level, area_text, check_bank
from interview.paths import Locations

FACTOR_AREAS = [area_id for area_id, group in SASSAM_AREAS if group.has_probes]
OTHER_AREAS = [area_id for area_id, group in SASSAM_AREAS if not group.has_probes]


def shipped_bank() -> Bank:
    library = BankLibrary.discover([Locations.for_user().shipped_banks])
    assert library.errors == []
    return library.get("sassam")


def test_shipped_folder_holds_the_sassam_file() -> None:
    folder = Locations.for_user().shipped_banks
    assert (folder / "sassam.toml").is_file()


def test_shipped_bank_loads_with_template_and_sources() -> None:
    bank = shipped_bank()
    assert bank.id == "sassam"
    assert bank.template == "sassam"
    assert bank.title
    assert len(bank.sources) == 1
    assert bank.sources[0].endswith("sassam.toml")


def test_shipped_bank_has_no_errors() -> None:
    findings = check_bank(shipped_bank())
    errors = [f for f in findings if f.level is Level.ERROR]
    assert errors == []


def test_shipped_bank_has_no_warnings() -> None:
    # At the time of writing the shipped bank is clean: 0 errors and 0 warnings.
    findings = check_bank(shipped_bank())
    warnings = [f"{f.where}: {f.message}" for f in findings if f.level is Level.WARNING]
    assert warnings == []


def test_every_sassam_area_is_present_in_order_with_its_group() -> None:
    bank = shipped_bank()
    assert [(area.id, area.group) for area in bank.areas] == list(SASSAM_AREAS)


@pytest.mark.parametrize("area_id", [area_id for area_id, _group in SASSAM_AREAS])
def test_lattlast_lix_per_area_is_at_most_25(area_id: str) -> None:
    area = shipped_bank().area(area_id)
    value = lix(area_text(area, Register.LATTLAST))
    assert 0 < value <= 25, f"{area_id}: LIX {value:.1f}"


@pytest.mark.parametrize("area_id", FACTOR_AREAS)
def test_factor_area_has_openings_and_both_probe_kinds(area_id: str) -> None:
    area = shipped_bank().area(area_id)
    assert len(area.openings) >= 2
    assert len(area.of_kind(QuestionKind.HINDER)) >= 2
    assert len(area.of_kind(QuestionKind.RESURS)) >= 2


@pytest.mark.parametrize("area_id", OTHER_AREAS)
def test_other_area_has_two_openings_and_no_probes(area_id: str) -> None:
    area = shipped_bank().area(area_id)
    assert len(area.openings) >= 2
    assert area.probes == ()


def roles_of(area: Area) -> set[str]:
    return {question.role for question in area.questions if question.role is not None}


def test_motivation_has_every_motivation_role() -> None:
    roles = roles_of(shipped_bank().area("motivation"))
    assert set(MOTIVATION_ROLES) <= roles


def test_motivation_scales_say_from_0_to_10() -> None:
    area = shipped_bank().area("motivation")
    scales = [question for question in area.questions if question.is_scale]
    assert {question.role for question in scales} == {"importance", "confidence"}
    for question in scales:
        assert "från 0 till 10" in question.standard
        assert "från 0 till 10" in question.lattlast


def test_avslut_has_checkback_and_synpunkter() -> None:
    roles = roles_of(shipped_bank().area("avslut"))
    assert set(AVSLUT_ROLES) <= roles
    assert {"checkback", "synpunkter"} <= roles


def test_every_question_has_both_registers() -> None:
    bank = shipped_bank()
    ids = [question.id for area in bank.areas for question in area.questions]
    assert len(ids) == len(set(ids))
    for area in bank.areas:
        for question in area.questions:
            assert question.standard.strip(), question.id
            assert question.lattlast.strip(), question.id
            assert question.text(Register.STANDARD) == question.standard
            assert question.text(Register.LATTLAST) == question.lattlast


def test_no_lattlast_question_has_more_than_15_words() -> None:
    bank = shipped_bank()
    too_long = [
        (question.id, len(words(question.lattlast)))
        for area in bank.areas
        for question in area.questions
        if len(words(question.lattlast)) > 15
    ]
    assert too_long == []


def test_no_question_starts_with_varfor() -> None:
    bank = shipped_bank()
    for area in bank.areas:
        for question in area.questions:
            for register in Register:
                assert not question.text(register).casefold().startswith("varför"), question.id


def test_bank_marks_a_sensitive_and_a_permission_item() -> None:
    bank = shipped_bank()
    questions = [question for area in bank.areas for question in area.questions]
    assert any(question.sensitive for question in questions)
    assert any(question.permission for question in questions)
    # The permission question of Substansintag comes before its other questions.
    assert bank.area("substansintag").questions[0].permission


def test_every_area_has_everyday_labels_and_a_purpose() -> None:
    for area in shipped_bank().areas:
        assert area.label.strip() and area.label_lattlast.strip() and area.purpose.strip()
        assert area.label_in(Register.LATTLAST) == area.label_lattlast
