"""The interface catalogs: declared, real, complete, consistent with the code and with GNU gettext."""

from __future__ import annotations

import gettext
import os
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from interview import i18n
from interview.catalogs import (
    CatalogError,
    CatalogInfo,
    _visual,
    declared_catalogs,
    load_catalog,
    locales_dir,
    use_interface_language,
)
from interview.languages import TranslationStatus, language
from interview.rtl import RtlMode

REQUIRED = ("en", "ar", "so", "ti", "prs", "fa", "uk")
"""The languages the interface must be complete in (issue: languages)."""
ROOT = Path(__file__).resolve().parents[2]
CATALOGS = declared_catalogs()
BY_LANGUAGE = {info.language: info for info in CATALOGS}


def _po(info: CatalogInfo) -> Catalog:
    path = locales_dir() / info.locale / "LC_MESSAGES" / "kartlagg.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=info.locale)


def _pair(message: Message) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The message's msgid(s) and msgstr(s) as tuples of strings (one each for a singular)."""
    ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
    strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
    return tuple(str(item) for item in ids), tuple(str(item or "") for item in strings)


def _fields(text: str) -> list[str]:
    return sorted(
        f"{name}!{conversion or ''}:{spec or ''}"
        for _literal, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    )


@pytest.fixture(autouse=True)
def _swedish_again() -> object:
    yield
    use_interface_language("sv")


def test_every_required_language_is_declared_with_a_status() -> None:
    assert set(REQUIRED) <= set(BY_LANGUAGE)
    for info in CATALOGS:
        assert isinstance(info.status, TranslationStatus)
        assert info.name == language(info.language).name


@pytest.mark.parametrize("tag", REQUIRED)
def test_each_catalog_loads_for_real_and_translates(tag: str) -> None:
    info = BY_LANGUAGE[tag]
    translations = load_catalog(info)
    assert isinstance(translations, gettext.GNUTranslations)  # not NullTranslations
    assert translations.info()["language"] == info.locale
    use_interface_language(tag, RtlMode.LOGICAL)
    for swedish in ("Spara svar", "Hoppa över", "Deltagarens svar", "Nästa område"):
        assert i18n._(swedish) != swedish, (tag, swedish)


def test_an_undeclared_language_is_refused_not_swedish_in_disguise() -> None:
    with pytest.raises(CatalogError, match="Gränssnittet finns inte på 'kmr'"):
        use_interface_language("kmr")


@pytest.mark.parametrize("tag", REQUIRED)
def test_no_entry_is_untranslated_or_fuzzy_and_placeholders_match(tag: str) -> None:
    catalog = _po(BY_LANGUAGE[tag])
    assert not catalog.fuzzy
    problems: list[tuple[str, ...]] = []
    for message in catalog:
        if not message.id:
            continue
        ids, strings = _pair(message)
        if message.fuzzy:
            problems.append(("fuzzy", ids[0]))
        for text in strings:
            if not text:
                problems.append(("untranslated", ids[0]))
            elif _fields(text) != _fields(ids[-1]):
                problems.append(("placeholders", ids[0], text))
            elif text.endswith("\n") != ids[0].endswith("\n"):
                problems.append(("newline", ids[0]))
    assert problems == []


@pytest.mark.parametrize("tag", REQUIRED)
def test_plural_forms_are_those_of_the_language(tag: str) -> None:
    info = BY_LANGUAGE[tag]
    catalog = _po(info)
    assert catalog.num_plurals == get_plural(info.locale).num_plurals
    plural = gettext.c2py(catalog.plural_expr)
    assert {plural(n) for n in range(200)} == set(range(catalog.num_plurals))
    for message in catalog:
        ids, strings = _pair(message)
        if len(ids) > 1:
            assert len(strings) == catalog.num_plurals, ids


@pytest.mark.parametrize("info", CATALOGS, ids=lambda info: info.locale)
def test_gnu_msgfmt_check_passes(info: CatalogInfo, tmp_path: Path) -> None:
    assert shutil.which("msgfmt"), "GNU gettext is missing: scripts/test installs it"
    po = locales_dir() / info.locale / "LC_MESSAGES" / "kartlagg.po"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", str(tmp_path / "out.mo"), str(po)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_the_catalogs_hold_exactly_the_strings_the_code_marks(tmp_path: Path) -> None:
    """A string marked in the code but missing from a catalog would silently stay Swedish."""
    template = tmp_path / "fresh.pot"
    # Babel's own command line, run by the interpreter running the tests: no pybabel on PATH or in a
    # particular venv is needed, so the check works from any environment.
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from babel.messages.frontend import main; sys.argv[0] = 'pybabel'; main()",
            "--quiet",
            "extract",
            "-F",
            "locales/babel.cfg",
            "-o",
            str(template),
            ".",
        ],
        cwd=ROOT,
        check=True,
    )
    with template.open("rb") as handle:
        marked = {message.id for message in read_po(handle) if message.id}
    for tag in REQUIRED:
        translated = {message.id for message in _po(BY_LANGUAGE[tag]) if message.id}
        assert sorted(map(str, marked - translated)) == [], f"{tag}: run scripts/i18n update"
        assert sorted(map(str, translated - marked)) == [], f"{tag}: run scripts/i18n update"


def test_a_stale_mo_is_not_used(tmp_path: Path) -> None:
    """After a pull the .po may be newer than the built .mo: the .po is compiled in memory instead."""
    info = BY_LANGUAGE["en"]
    folder = tmp_path / "locales" / info.locale / "LC_MESSAGES"
    folder.mkdir(parents=True)
    source = locales_dir() / info.locale / "LC_MESSAGES" / "kartlagg.po"
    po = folder / "kartlagg.po"
    po.write_bytes(source.read_bytes())
    stale = folder / "kartlagg.mo"
    with stale.open("wb") as handle:
        write_mo(handle, Catalog(locale="en"))  # an empty catalog, older than the .po
    old = po.stat().st_mtime - 60
    os.utime(stale, (old, old))
    translations = load_catalog(info, tmp_path / "locales")
    assert translations.gettext("Spara svar") != "Spara svar"


@pytest.mark.parametrize("tag", ["ar", "fa", "prs"])
def test_right_to_left_strings_keep_their_placeholders_whole(tag: str) -> None:
    """Shaped and reordered for the terminal, a string still formats: no brace mirrored or split."""
    catalog = _po(BY_LANGUAGE[tag])
    for message in catalog:
        if not message.id:
            continue
        _ids, strings = _pair(message)
        for text in strings:
            shown = _visual(text)
            assert _fields(shown) == _fields(text), text
            names = [name for _l, name, _s, _c in string.Formatter().parse(text) if name is not None]
            keyword = {name: 1 for name in names if name and not name.isdigit()}
            shown.format(*([1] * 5), **keyword)
