"""The languages kartlagg knows, with the Swedish names to show and the status of a translation.

The names are kartlagg's own (``shared/domain/languages.md``): CLDR's Swedish names are wrong for dari,
pashto and the two kurdish languages, so they are not looked up. The tag is what is stored (BCP 47);
the Babel locale is what dates, numbers and plural rules are loaded with.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

from interview.i18n import _


@dataclass(frozen=True)
class Language:
    """One language: its stored tag, its Swedish name, its Babel locale and its direction."""

    tag: str
    name: str
    """The Swedish name to show, in lower case as Swedish writes language names."""
    locale: str
    script: str
    rtl: bool = False


LANGUAGES: tuple[Language, ...] = (
    Language("sv", "svenska", "sv_SE", "Latin"),
    Language("en", "engelska", "en", "Latin"),
    Language("ar", "arabiska", "ar", "Arabic", rtl=True),
    Language("so", "somaliska", "so", "Latin"),
    Language("ti", "tigrinja", "ti", "Ethiopic"),
    Language("prs", "dari", "fa_AF", "Arabic", rtl=True),
    Language("fa", "persiska", "fa", "Arabic", rtl=True),
    Language("ckb", "kurdiska (sorani)", "ckb", "Arabic", rtl=True),
    Language("kmr", "kurdiska (kurmanji)", "ku", "Latin"),
    Language("uk", "ukrainska", "uk", "Cyrillic"),
    Language("ru", "ryska", "ru", "Cyrillic"),
    Language("tr", "turkiska", "tr", "Latin"),
    Language("bs", "bosniska", "bs", "Latin"),
    Language("hr", "kroatiska", "hr", "Latin"),
    Language("sr-Latn", "serbiska", "sr_Latn", "Latin"),
    Language("pl", "polska", "pl", "Latin"),
    Language("th", "thailändska", "th", "Thai"),
    Language("ps", "pashto", "ps", "Arabic", rtl=True),
    Language("fi", "finska", "fi", "Latin"),
)
"""Every language of the table in ``languages.md``, Swedish first."""

_BY_TAG = {language.tag: language for language in LANGUAGES}


def language(tag: str) -> Language:
    """Return the language stored as ``tag``; ``KeyError`` if kartlagg does not know it."""
    return _BY_TAG[tag]


def is_known(tag: str) -> bool:
    """Tell whether ``tag`` is one of kartlagg's languages."""
    return tag in _BY_TAG


def translation_language(tag: str) -> str:
    """Return ``tag`` if a translation may be into it (a known language other than Swedish).

    Raises ``ValueError`` with a Swedish message otherwise (for pydantic validators of translations).
    """
    if tag == "sv" or not is_known(tag):
        msg = _("okänt språk {tag!r}: använd en BCP 47-kod från språktabellen").format(tag=tag)
        raise ValueError(msg)
    return tag


TranslationLanguage = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=2, max_length=20),
    AfterValidator(translation_language),
]
"""The language of a translation file: a known BCP 47 tag, never ``sv``."""


class TranslationStatus(StrEnum):
    """How far a translation can be trusted; the UI shows it beside every translated text."""

    MACHINE_DRAFT = "machine-draft"
    REVIEWED = "reviewed-by-native-speaker"
    AUTHORISED = "authorised-translator"

    @property
    def label(self) -> str:
        """The status in Swedish, short enough to show beside a translation."""
        labels = {
            TranslationStatus.MACHINE_DRAFT: _("utkast, inte granskat – kan innehålla fel"),
            TranslationStatus.REVIEWED: _("granskat av en person med språket som modersmål"),
            TranslationStatus.AUTHORISED: _("av auktoriserad översättare"),
        }
        return labels[self]
