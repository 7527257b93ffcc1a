"""kartlagg's own language table: Swedish names, locales, direction, and translation status labels."""

from __future__ import annotations

import pytest

from interview.languages import LANGUAGES, TranslationStatus, is_known, language


@pytest.mark.parametrize(
    ("tag", "name", "locale", "rtl"),
    [
        ("sv", "svenska", "sv_SE", False),
        ("en", "engelska", "en", False),
        ("ar", "arabiska", "ar", True),
        ("so", "somaliska", "so", False),
        ("ti", "tigrinja", "ti", False),
        ("prs", "dari", "fa_AF", True),
        ("fa", "persiska", "fa", True),
        ("ps", "pashto", "ps", True),
        ("ckb", "kurdiska (sorani)", "ckb", True),
        ("kmr", "kurdiska (kurmanji)", "ku", False),
        ("uk", "ukrainska", "uk", False),
    ],
)
def test_own_swedish_names(tag: str, name: str, locale: str, rtl: bool) -> None:
    found = language(tag)
    assert (found.tag, found.name, found.locale, found.rtl) == (tag, name, locale, rtl)


def test_table_is_consistent() -> None:
    tags = [item.tag for item in LANGUAGES]
    assert tags[0] == "sv"
    assert len(tags) == len(set(tags))
    for item in LANGUAGES:
        assert item.name == item.name.lower()
        assert item.rtl is (item.script == "Arabic")


def test_unknown_tags() -> None:
    assert is_known("prs")
    assert not is_known("xx")
    assert not is_known("AR")
    with pytest.raises(KeyError):
        language("xx")


def test_translation_status_labels_are_swedish() -> None:
    assert TranslationStatus("machine-draft").label == "utkast, inte granskat – kan innehålla fel"
    assert TranslationStatus("reviewed-by-native-speaker").label == (
        "granskat av en person med språket som modersmål"
    )
    assert TranslationStatus("authorised-translator").label == "av auktoriserad översättare"
