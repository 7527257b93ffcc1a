"""The karta's statements through the engine: written, changed, moved, reordered and removed.

Every step is checked against what a fresh load from the database gives back, so what the engine
reports is what was stored.
"""

from __future__ import annotations

import pytest

from interview.banks.models import QuestionKind
from interview.clock import ManualClock
from interview.engine import Interview, InterviewError
from interview.karta import (
    MAX_STATEMENT_CHARS,
    Column,
    Karta,
    KartaError,
    StatementChange,
)
from interview.records import Tag
from interview.store import StoreError
from storage import Repository
from tests.conftest import CASEWORKER

AREA = "kroppsfunktioner"


def reload(interview: Interview, repo: Repository, clock: ManualClock) -> Interview:
    """Rebuild the interview from what storage holds, as a restarted app would."""
    record = repo.load(interview.kartlaggning.id)
    assert record is not None
    return Interview(interview.bank, record, repo, clock)


def _cycling(interview: Interview) -> str:
    interview.jump(AREA)
    return interview.answer(
        "Jag får bra kondition av att cykla och tid att tänka, men cyklar jag för mycket får jag ont "
        "i axlarna."
    ).id


def test_one_answer_gives_several_statements_in_different_columns(
    interview: Interview, repo: Repository, clock: ManualClock
) -> None:
    answer = _cycling(interview)
    resurs = interview.add_statement(AREA, Column.RESURS, "Cyklar – bra kondition", [answer])
    hinder = interview.add_statement(AREA, "hinder", "Ont i axlarna av för mycket cykling", [answer])
    fakta = interview.add_statement(AREA, Column.FAKTA, "Cyklar ofta", [answer, answer])
    assert fakta.sources == (answer,)  # the same answer named twice counts once
    assert [s.id for s in interview.statements_from(answer)] == [resurs.id, hinder.id, fakta.id]
    assert resurs.created_by == CASEWORKER
    assert resurs.created_at == clock.now
    assert not resurs.without_source
    area = interview.karta.area(AREA)
    assert area.column(Column.RESURS) == (resurs,)
    assert area.column(Column.HINDER) == (hinder,)
    assert interview.karta.counts(AREA).total == 3
    assert interview.karta.counts("psykiska_funktioner").total == 0
    again = reload(interview, repo, clock)
    assert again.snapshot() == interview.snapshot()
    assert again.statements_from(answer) == interview.statements_from(answer)


def test_a_statement_without_a_source_is_marked_as_such(interview: Interview) -> None:
    statement = interview.add_statement("historik", Column.FAKTA, "Kom till Sverige 2015")
    assert statement.sources == ()
    assert statement.without_source


def test_edit_move_reorder_and_remove_keep_the_history(
    interview: Interview, repo: Repository, clock: ManualClock
) -> None:
    answer = _cycling(interview)
    first = interview.add_statement(AREA, Column.HINDER, "Ont i axlarna", [answer])
    second = interview.add_statement(AREA, Column.HINDER, "Kan inte lyfta tungt")
    clock.advance(minutes=1)
    edited = interview.edit_statement(first.id, "Ont i axlarna efter lång cykeltur")
    assert (edited.revision, edited.change) == (2, StatementChange.EDITED)
    assert edited.revisions[0].text == "Ont i axlarna"
    assert edited.updated_at == clock.now
    assert edited.sources == (answer,)

    down = interview.move_statement_down(edited.id)
    hinder = interview.karta.area(AREA).column(Column.HINDER)
    assert [s.id for s in hinder] == [second.id, first.id]
    assert down.change is StatementChange.REORDERED
    assert interview.move_statement_down(first.id) == interview.statement(first.id)  # already last
    interview.move_statement_up(first.id)
    assert [s.id for s in interview.karta.area(AREA).column(Column.HINDER)] == [first.id, second.id]

    moved = interview.move_statement(second.id, Column.RESURS)
    assert moved.column is Column.RESURS
    assert moved.revisions[-1].column is Column.HINDER
    assert interview.karta.counts(AREA).hinder == 1
    assert interview.karta.counts(AREA).resurs == 1

    removed = interview.remove_statement(first.id)
    assert removed.removed
    assert removed.removed_at == clock.now
    assert [r.change for r in removed.revisions] == [
        StatementChange.CREATED,
        StatementChange.EDITED,
        StatementChange.REORDERED,
        StatementChange.REORDERED,
    ]
    assert [r.text for r in removed.revisions] == [
        "Ont i axlarna",
        *(["Ont i axlarna efter lång cykeltur"] * 3),
    ]
    assert first.id not in {s.id for s in interview.statements}
    assert interview.statements_from(answer) == ()
    with pytest.raises(KartaError, match="borttagen"):
        interview.edit_statement(first.id, "Igen")

    again = reload(interview, repo, clock)
    assert again.snapshot() == interview.snapshot()
    record = repo.load(interview.kartlaggning.id)
    assert record is not None
    [stored] = [s for s in record.statements if s.id == first.id]
    assert stored == removed  # the removed statement is kept, with every earlier state


def test_every_change_is_in_the_audit_log_without_the_text(
    interview: Interview, repo: Repository
) -> None:
    answer = _cycling(interview)
    statement = interview.add_statement(AREA, Column.HINDER, "Hemlig formulering ett", [answer])
    other = interview.add_statement(AREA, Column.HINDER, "Hemlig formulering två")
    interview.edit_statement(statement.id, "Hemlig formulering tre")
    interview.move_statement_down(statement.id)
    interview.move_statement(statement.id, Column.FAKTA)
    interview.remove_statement(statement.id)
    entries = repo.audit_entries_about({f"statement:{statement.id}", f"statement:{other.id}"})
    mine = [(e.action, e.subject == f"statement:{statement.id}") for e in entries]
    assert mine == [
        ("create", True),
        ("create", False),
        ("change", True),
        ("reorder", True),
        ("reorder", False),
        ("move", True),
        ("remove", True),
    ]
    assert all("Hemlig" not in entry.detail for entry in entries)
    assert f'"sources":["{answer}"]' in entries[0].detail
    assert repo.verify_audit().ok


def test_probes_follow_the_column_of_the_newest_statement_not_the_tag(
    interview: Interview,
) -> None:
    answer = _cycling(interview)
    assert interview.offered_probes()[0].kind is QuestionKind.HINDER
    interview.tag(answer, Tag.RESURS)  # without a statement the tag (history) still orders them
    assert interview.offered_probes()[0].kind is QuestionKind.RESURS
    hinder = interview.add_statement(AREA, Column.HINDER, "Ont i axlarna", [answer])
    assert interview.offered_probes()[0].kind is QuestionKind.HINDER
    resurs = interview.add_statement(AREA, Column.RESURS, "Bra kondition", [answer])
    assert interview.offered_probes()[0].kind is QuestionKind.RESURS
    interview.move_statement(resurs.id, Column.FAKTA)
    assert interview.offered_probes()[0].kind is QuestionKind.HINDER
    interview.remove_statement(resurs.id)
    interview.move_statement(hinder.id, Column.RESURS)
    assert interview.offered_probes()[0].kind is QuestionKind.RESURS


def test_bad_input_gets_a_swedish_message_and_changes_nothing(
    interview: Interview, repo: Repository
) -> None:
    answer = _cycling(interview)
    skipped = interview.skip()
    assert skipped is not None
    before = repo.load(interview.kartlaggning.id)
    with pytest.raises(KartaError, match="tom"):
        interview.add_statement(AREA, Column.HINDER, " \n\t ")
    with pytest.raises(KartaError, match=f"för lång \\(301 tecken, högst {MAX_STATEMENT_CHARS}\\)"):
        interview.add_statement(AREA, Column.HINDER, "x" * 301)
    with pytest.raises(KartaError, match="bara individfaktorerna"):
        interview.add_statement("inledning", Column.FAKTA, "Hej")
    with pytest.raises(KartaError, match="finns inte i frågebanken"):
        interview.add_statement("okänt", Column.FAKTA, "Hej")
    with pytest.raises(KartaError, match="hinder, fakta eller resurs"):
        interview.add_statement(AREA, "sidan", "Hej")
    with pytest.raises(InterviewError, match="Svaret finns inte"):
        interview.add_statement(AREA, Column.FAKTA, "Hej", ["inget-sådant-svar"])
    with pytest.raises(KartaError, match="hoppades över"):
        interview.add_statement(AREA, Column.FAKTA, "Hej", [skipped.id])
    statement = interview.add_statement(AREA, Column.FAKTA, "y" * MAX_STATEMENT_CHARS, [answer])
    with pytest.raises(KartaError, match="för lång"):
        interview.edit_statement(statement.id, "z" * 301)
    with pytest.raises(KartaError, match="finns inte"):
        interview.move_statement("inget-sådant", Column.HINDER)
    assert before is not None
    after = repo.load(interview.kartlaggning.id)
    assert after is not None
    assert after.statements == (statement,)
    assert interview.edit_statement(statement.id, statement.text) == statement  # nothing to change
    assert interview.move_statement(statement.id, Column.FAKTA) == statement


def test_control_characters_and_any_unicode_are_stored_verbatim(
    interview: Interview, repo: Repository, clock: ManualClock
) -> None:
    texts = [
        "\x1b[31mröd\x1b[0m [bold]fet[/bold]",
        "نص عربي \u202e مقلوب",
        "NUL\x00 och DEL\x7f",
        "rad ett\r\nrad två",
        "ensam \ud800 surrogat",
    ]
    made = [interview.add_statement(AREA, Column.FAKTA, text) for text in texts]
    stored = reload(interview, repo, clock).statements
    assert [s.text for s in stored] == [s.text for s in made]
    assert stored[0].text == texts[0]
    assert stored[2].text == texts[2]
    assert stored[3].text == "rad ett\nrad två"
    assert stored[4].text == "ensam \ufffd surrogat"


def test_a_change_made_in_another_window_is_refused_and_nothing_is_lost(
    interview: Interview, repo: Repository, clock: ManualClock
) -> None:
    statement = interview.add_statement(AREA, Column.HINDER, "Första")
    other_window = reload(interview, repo, clock)
    other_window.edit_statement(statement.id, "Från det andra fönstret")
    with pytest.raises(StoreError, match="annat fönster"):
        interview.edit_statement(statement.id, "Från det här fönstret")
    assert interview.statement(statement.id).text == "Första"  # unchanged, since not stored
    record = repo.load(interview.kartlaggning.id)
    assert record is not None
    assert record.statements[0].text == "Från det andra fönstret"
    assert record.statements[0].revisions[0].text == "Första"


def test_the_karta_orders_each_column_and_counts_per_area(interview: Interview) -> None:
    made = [
        interview.add_statement(area, column, f"{area} {column} {n}")
        for area in (AREA, "fritidsintressen")
        for column in Column
        for n in range(2)
    ]
    karta = Karta.of(reversed(made))
    assert [s.text for s in karta.area(AREA).column(Column.RESURS)] == [
        f"{AREA} resurs 0",
        f"{AREA} resurs 1",
    ]
    counts = karta.counts("fritidsintressen")
    assert (counts.hinder, counts.fakta, counts.resurs, counts.total) == (2, 2, 2, 6)
    assert karta.total == 12
    assert counts.of(Column.FAKTA) == 2
