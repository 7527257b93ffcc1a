"""``kartlagg passphrase change`` and ``encrypt``: prompts on the terminal, clear Swedish refusals."""

from __future__ import annotations

import pytest

from interview.banks import Bank
from interview.paths import Locations
from storage import Repository, WrongPassphrase
from storage.connection import PLAIN_HEADER
from tests.cli_runner import Kartlagg, ScriptedPrompt
from tests.keys import TEST_KEY
from tests.storage.test_encryption import CANARY_NAME, fill

NEW = "en ny lösenfras för enheten"


def typing(prompt: ScriptedPrompt, *answers: str) -> list[str]:
    """Type exactly ``answers`` at the passphrase questions, in order; return the questions asked."""
    prompt.passphrases.extend(answers)
    prompt.default = None
    return prompt.passphrase_questions


def test_change_asks_for_the_current_and_the_new_one_twice(
    kartlagg: Kartlagg,
    locations: Locations,
    bank: Bank,
    prompt: ScriptedPrompt,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fill(locations.database, bank)
    prompts = typing(prompt, TEST_KEY, NEW, NEW)
    assert kartlagg(["passphrase", "change", "--av", "Kim Exempelsson"]) == 0
    assert prompts == ["Nuvarande lösenfras: ", "Ny lösenfras: ", "Samma lösenfras en gång till: "]
    assert "Lösenfrasen är bytt" in capsys.readouterr().out
    with pytest.raises(WrongPassphrase):
        Repository.open(locations.database, key=TEST_KEY)
    with Repository.open(locations.database, key=NEW) as repo:
        assert [person.name for person in repo.participants()] == [CANARY_NAME]
        last = repo.audit_entries()[-1]
        assert (last.action, last.subject, last.actor) == (
            "change",
            "database:passphrase",
            "Kim Exempelsson",
        )
        assert NEW not in last.model_dump_json()
        assert repo.verify_audit().ok


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ((TEST_KEY, "kort", "kort"), "för kort"),
        ((TEST_KEY, NEW, NEW + "x"), "inte lika"),
        (("fel fel fel fel", NEW, NEW), "Lösenfrasen stämmer inte"),
    ],
    ids=["too-short", "mismatch", "wrong-current"],
)
def test_change_refuses_in_swedish_and_keeps_the_old_passphrase(
    kartlagg: Kartlagg,
    locations: Locations,
    bank: Bank,
    prompt: ScriptedPrompt,
    capsys: pytest.CaptureFixture[str],
    answers: tuple[str, ...],
    message: str,
) -> None:
    fill(locations.database, bank)
    typing(prompt, *answers)
    assert kartlagg(["passphrase", "change"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kartlagg passphrase: ") and message in err and "Traceback" not in err
    Repository.open(locations.database, key=TEST_KEY).close()


def test_change_is_refused_while_the_app_has_the_database(
    kartlagg: Kartlagg,
    locations: Locations,
    bank: Bank,
    prompt: ScriptedPrompt,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fill(locations.database, bank)
    typing(prompt, TEST_KEY, NEW, NEW)
    with Repository.open(locations.database, key=TEST_KEY):
        assert kartlagg(["passphrase", "change"]) == 1
    assert "Stäng kartlagg" in capsys.readouterr().err


def test_encrypt_refuses_an_encrypted_database_and_a_missing_one(
    kartlagg: Kartlagg,
    locations: Locations,
    bank: Bank,
    prompt: ScriptedPrompt,
    capsys: pytest.CaptureFixture[str],
) -> None:
    typing(prompt)
    assert kartlagg(["passphrase", "encrypt"]) == 1
    assert "det finns ingen databas ännu" in capsys.readouterr().err
    fill(locations.database, bank)
    assert kartlagg(["passphrase", "encrypt"]) == 1
    assert "redan krypterad" in capsys.readouterr().err
    assert locations.database.read_bytes()[:16] != PLAIN_HEADER
