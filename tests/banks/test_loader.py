"""Loading bank files: one clear Swedish BankError per broken file, and units' overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview.banks.loader import BankError, BankLibrary, load_bank_file
from interview.banks.models import AreaGroup, QuestionKind
from interview.paths import Locations

SHIPPED = Locations.for_user().shipped_banks


def question_toml(qid: str, kind: str = "opening", text: str = "Hur mår du i dag?") -> str:
    return (
        f'[[area.question]]\nid = "{qid}"\nkind = "{kind}"\nstandard = "{text}"\nlattlast = "{text}"\n'
    )


def area_toml(area_id: str, group: str = "individ", extra: str = "") -> str:
    return (
        f'[[area]]\nid = "{area_id}"\ntitle = "Rubrik {area_id}"\ngroup = "{group}"\n'
        f'purpose = "Syftet med området."\nlabel = "det här"\nlabel_lattlast = "det här"\n{extra}\n'
    )


def tiny_bank(bank_id: str = "liten", header_extra: str = "") -> str:
    return (
        f'[bank]\nid = "{bank_id}"\ntitle = "Liten bank"\nversion = "1"\n{header_extra}\n'
        + area_toml("kroppsfunktioner")
        + question_toml("x")
        + question_toml("y", text="Vad gör du en vanlig dag?")
        + area_toml("fritid", group="omgivning")
        + question_toml("z", text="Vad gör du när du är ledig?")
    )


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def load_error(path: Path) -> BankError:
    with pytest.raises(BankError) as caught:
        load_bank_file(path)
    return caught.value


def test_tiny_bank_loads(tmp_path: Path) -> None:
    bank = load_bank_file(write(tmp_path, "liten.toml", tiny_bank()))
    assert bank.id == "liten"
    assert [area.id for area in bank.areas] == ["kroppsfunktioner", "fritid"]
    assert [q.id for q in bank.area("kroppsfunktioner").questions] == ["x", "y"]
    assert bank.area("fritid").group is AreaGroup.OMGIVNING
    assert bank.sources == (str(tmp_path / "liten.toml"),)


def test_bad_toml_names_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "trasig.toml", tiny_bank().replace('version = "1"', "version = 1 2"))
    error = load_error(path)
    assert error.path == path
    assert error.key == "rad 4, kolumn 13"
    assert error.reason.startswith("ogiltig TOML")
    assert str(path) in str(error)


def test_missing_required_key(tmp_path: Path) -> None:
    text = tiny_bank().replace('lattlast = "Hur mår du i dag?"\n', "", 1)
    error = load_error(write(tmp_path, "saknas.toml", text))
    assert error.path == tmp_path / "saknas.toml"
    assert error.key == 'area "kroppsfunktioner" › question "x".lattlast'
    assert error.reason == "saknas"


def test_missing_area_key(tmp_path: Path) -> None:
    text = tiny_bank().replace('label_lattlast = "det här"\n', "", 1)
    error = load_error(write(tmp_path, "saknas.toml", text))
    assert (error.key, error.reason) == ('area "kroppsfunktioner".label_lattlast', "saknas")


def test_missing_bank_key_names_the_bank_table(tmp_path: Path) -> None:
    text = tiny_bank().replace('title = "Liten bank"\n', "")
    error = load_error(write(tmp_path, "saknas.toml", text))
    assert error.reason == "saknas"
    # "title" alone is ambiguous (every area has a title too): the key must say [bank].
    assert error.key == "bank.title"


def test_duplicate_question_id(tmp_path: Path) -> None:
    text = tiny_bank() + question_toml("x", text="Vad gör dig glad?")
    error = load_error(write(tmp_path, "dubbel.toml", text))
    assert error.key == 'area "fritid" › question "x".id'
    assert error.reason == "fråge-id:t finns två gånger i filen"


def test_duplicate_area_id(tmp_path: Path) -> None:
    text = tiny_bank() + area_toml("kroppsfunktioner") + question_toml("w")
    error = load_error(write(tmp_path, "dubbel.toml", text))
    assert error.key == 'area "kroppsfunktioner".id'
    assert error.reason == "området finns två gånger i filen"


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('id = "x"\n', 'id = "x"\ncolour = "blå"\n', 'area "kroppsfunktioner" › question "x".colour'),
        ('group = "omgivning"\n', 'group = "omgivning"\ncolour = 1\n', 'area "fritid".colour'),
        ('version = "1"\n', 'version = "1"\ncolour = 1\n', "bank.colour"),
    ],
)
def test_unknown_key(tmp_path: Path, old: str, new: str, key: str) -> None:
    error = load_error(write(tmp_path, "okand.toml", tiny_bank().replace(old, new, 1)))
    assert (error.key, error.reason) == (key, "okänd nyckel")


def test_unknown_top_level_table(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, "okand.toml", tiny_bank() + '[extra]\nx = "1"\n'))
    assert (error.key, error.reason) == ("extra", "okänd nyckel på översta nivån")


@pytest.mark.parametrize(
    ("old", "new", "key", "reason"),
    [
        ('kind = "opening"', 'permission = "ja"', ".permission", "ska vara true eller false"),
        ('standard = "Hur mår du i dag?"', "standard = 5", ".standard", "ska vara text"),
        ('id = "x"', 'id = "X Y"', ".id", "små bokstäver"),
    ],
)
def test_wrong_type(tmp_path: Path, old: str, new: str, key: str, reason: str) -> None:
    error = load_error(write(tmp_path, "typ.toml", tiny_bank().replace(old, new, 1)))
    assert error.key.startswith('area "kroppsfunktioner" › question ')
    assert error.key.endswith(key)
    assert reason in error.reason


def test_bad_kind_value_lists_the_choices_in_swedish(tmp_path: Path) -> None:
    text = tiny_bank().replace('kind = "opening"', 'kind = "fråga"', 1)
    error = load_error(write(tmp_path, "sort.toml", text))
    assert error.key == 'area "kroppsfunktioner" › question "x".kind'
    assert error.reason.startswith("ska vara en av: ")
    for choice in ("opening", "hinder", "resurs"):
        assert choice in error.reason
    assert " or " not in error.reason  # the reason is Swedish through and through ("eller")


def test_missing_bank_table(tmp_path: Path) -> None:
    text = tiny_bank().split("\n", 5)[5]
    error = load_error(write(tmp_path, "utan.toml", text))
    assert (error.key, error.reason) == ("bank", "tabellen [bank] saknas")


def override(body: str, bank_id: str = "sassam-solby", extends: str = "sassam") -> str:
    return f'[bank]\nid = "{bank_id}"\nextends = "{extends}"\ntitle = "Solby"\nversion = "2"\n\n' + body


def discover(unit: Path) -> BankLibrary:
    return BankLibrary.discover([SHIPPED, unit])


def test_override_replaces_removes_and_adds(tmp_path: Path) -> None:
    body = (
        '[[area]]\nid = "kroppsfunktioner"\nremove = ["kropp.skota"]\n\n'
        + question_toml("kropp.idag", text="Hur mår du i kroppen i dag?")
        + question_toml("solby.ny", kind="resurs", text="Vad hjälper din kropp?")
    )
    path = write(tmp_path, "solby.toml", override(body))
    library = discover(tmp_path)
    assert library.errors == []
    base, bank = library.get("sassam"), library.get("sassam-solby")
    assert (bank.title, bank.version) == ("Solby", "2")
    assert bank.sources[-1] == str(path)
    area = bank.area("kroppsfunktioner")
    ids = [q.id for q in area.questions]
    base_ids = [q.id for q in base.area("kroppsfunktioner").questions]
    assert ids == [i for i in base_ids if i != "kropp.skota"] + ["solby.ny"]
    assert bank.question("kropp.idag")[1].lattlast == "Hur mår du i kroppen i dag?"
    assert bank.question("solby.ny")[1].kind is QuestionKind.RESURS
    # the base is untouched and the overriding bank keeps the base's other areas
    assert base.question("kropp.idag")[1].lattlast == "Hur mår du i kroppen just nu?"
    assert [a.id for a in bank.areas] == [a.id for a in base.areas]
    assert bank.area("motivation") == base.area("motivation")


def test_override_adds_a_new_area_after_another(tmp_path: Path) -> None:
    body = area_toml("solby_resor", group="omgivning", extra='after = "ovrigt_omgivning"')
    body += question_toml("resor.hur", text="Hur reser du till praktiken?")
    write(tmp_path, "solby.toml", override(body))
    library = discover(tmp_path)
    assert library.errors == []
    ids = [a.id for a in library.get("sassam-solby").areas]
    assert ids[ids.index("ovrigt_omgivning") + 1] == "solby_resor"
    assert ids[ids.index("solby_resor") + 1] == "motivation"
    assert len(ids) == len(library.get("sassam").areas) + 1


def test_new_area_without_after_is_an_error(tmp_path: Path) -> None:
    body = area_toml("solby_resor", group="omgivning") + question_toml("resor.hur")
    path = write(tmp_path, "solby.toml", override(body))
    library = discover(tmp_path)
    assert "sassam-solby" not in library.banks
    assert [(e.path, e.key) for e in library.errors] == [(path, 'area "solby_resor".after')]
    assert "after" in library.errors[0].reason


def test_override_of_unknown_base(tmp_path: Path) -> None:
    path = write(tmp_path, "solby.toml", override("", extends="finns-inte"))
    library = discover(tmp_path)
    assert "sassam" in library.banks
    assert [(e.path, e.key) for e in library.errors] == [(path, "bank.extends")]
    assert "'finns-inte'" in library.errors[0].reason
    with pytest.raises(BankError) as caught:
        load_bank_file(path, [SHIPPED])
    assert caught.value.key == "bank.extends"


def test_load_bank_file_finds_the_base_of_an_override(tmp_path: Path) -> None:
    path = write(tmp_path, "solby.toml", override(""))
    bank = load_bank_file(path, [SHIPPED])
    assert bank.id == "sassam-solby"
    assert bank.sources == (str(SHIPPED / "sassam.toml"), str(path))


def test_unit_bank_with_shipped_id_replaces_it(tmp_path: Path) -> None:
    path = write(tmp_path, "egen.toml", tiny_bank(bank_id="sassam"))
    library = discover(tmp_path)
    assert library.errors == []
    bank = library.get("sassam")
    assert bank.sources == (str(path),)
    assert bank.title == "Liten bank"
    assert [a.id for a in bank.areas] == ["kroppsfunktioner", "fritid"]


def test_discover_keeps_good_banks_when_one_file_is_broken(tmp_path: Path) -> None:
    write(tmp_path, "a_bra.toml", tiny_bank(bank_id="bra"))
    broken = write(tmp_path, "b_trasig.toml", tiny_bank(bank_id="trasig") + "[[area]\n")
    write(tmp_path, "c_okej.toml", tiny_bank(bank_id="okej"))
    library = discover(tmp_path)
    assert set(library.banks) == {"sassam", "bra", "okej"}
    assert [e.path for e in library.errors] == [broken]
    assert library.errors[0].key.startswith("rad ")


def test_override_removing_an_unknown_question_is_an_error(tmp_path: Path) -> None:
    body = '[[area]]\nid = "kroppsfunktioner"\nremove = ["finns.inte"]\n'
    path = write(tmp_path, "solby.toml", override(body))
    library = discover(tmp_path)
    assert [(e.path, e.key) for e in library.errors] == [(path, 'area "kroppsfunktioner".remove')]
    assert "'finns.inte'" in library.errors[0].reason


def test_override_with_questions_that_are_not_tables_is_a_bank_error(tmp_path: Path) -> None:
    # `question = ["…"]` instead of [[area.question]]: a mistake an editor can make.
    body = '[[area]]\nid = "kroppsfunktioner"\nquestion = ["Hur mår du?"]\n'
    path = write(tmp_path, "solby.toml", override(body))
    library = discover(tmp_path)  # must not raise AttributeError
    assert "sassam" in library.banks
    assert [e.path for e in library.errors] == [path]
    assert library.errors[0].key.startswith('area "kroppsfunktioner"')


def test_override_of_a_probe_changes_only_the_keys_given(tmp_path: Path) -> None:
    unit = tmp_path / "unit"
    body = (
        '[[area]]\nid = "kroppsfunktioner"\n\n[[area.question]]\nid = "kropp.hinder.arbete"\n'
        'lattlast = "Hur kan det bli svårt på en arbetsplats?"\n'
    )
    write(unit, "solby.toml", override(body))
    bank = discover(unit).get("sassam-solby")
    _area, question = bank.question("kropp.hinder.arbete")
    assert question.kind is QuestionKind.HINDER
    assert question.lattlast == "Hur kan det bli svårt på en arbetsplats?"
    base = discover(tmp_path / "empty").get("sassam").question("kropp.hinder.arbete")[1]
    assert question.standard == base.standard


@pytest.mark.parametrize("value", ["1", '"yes"', '"ja"'])
def test_flags_must_be_true_or_false(tmp_path: Path, value: str) -> None:
    text = tiny_bank().replace('kind = "opening"', f'kind = "opening"\nsensitive = {value}', 1)
    assert f"sensitive = {value}" in text
    error = load_error(write(tmp_path, "bank.toml", text))
    assert error.key.endswith(".sensitive")
    assert "true eller false" in error.reason
