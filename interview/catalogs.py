"""The interface catalogs (gettext ``.mo`` built from ``locales/<locale>/LC_MESSAGES/kartlagg.po``).

``locales/catalogs.toml`` declares the catalogs kartlagg ships, each with its language tag, folder and
status. A catalog is read from its compiled ``.mo`` (built when kartlagg is installed, or by
``scripts/i18n compile``); when the ``.mo`` is missing or older than the ``.po`` (a checkout after a
pull), the ``.po`` is compiled in memory with Babel instead, so a stale translation is never shown.
A declared catalog that cannot be read is an error, never a silent fall back to Swedish.
"""

from __future__ import annotations

import gettext
import io
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from interview.errors import UserError
from interview.formatting import set_display_locale
from interview.i18n import _, use_translations
from interview.languages import TranslationStatus, is_known, language
from interview.paths import shipped_data_dir
from interview.rtl import RtlMode, visual_line

DOMAIN = "kartlagg"
SOURCE_LANGUAGE = "sv"


class CatalogError(UserError):
    """An interface language that cannot be used; ``str(error)`` says why, in Swedish."""


@dataclass(frozen=True)
class CatalogInfo:
    """One declared catalog: the language it translates into, its folder and how far to trust it."""

    language: str
    locale: str
    status: TranslationStatus
    note: str = ""

    @property
    def name(self) -> str:
        """The language's Swedish name."""
        return language(self.language).name


def locales_dir() -> Path:
    """Return the folder of the shipped catalogs."""
    return shipped_data_dir("locales")


def declared_catalogs(folder: Path | None = None) -> tuple[CatalogInfo, ...]:
    """Return the catalogs declared in ``catalogs.toml`` of ``folder`` (the shipped one by default)."""
    path = (folder or locales_dir()) / "catalogs.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        entries = data["catalog"]
        catalogs = tuple(
            CatalogInfo(
                language=str(entry["language"]),
                locale=str(entry["locale"]),
                status=TranslationStatus(entry["status"]),
                note=str(entry.get("note", "")),
            )
            for entry in entries
        )
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError):
        raise CatalogError(
            _("Förteckningen över gränssnittets språk ({path}) går inte att läsa.").format(path=path)
        ) from None
    for catalog in catalogs:
        if not is_known(catalog.language):
            raise CatalogError(
                _("Okänt språk {tag!r} i {path}.").format(tag=catalog.language, path=path)
            )
    return catalogs


def catalog_for(tag: str, folder: Path | None = None) -> CatalogInfo:
    """Return the declared catalog of the language ``tag``; :class:`CatalogError` if there is none."""
    for catalog in declared_catalogs(folder):
        if catalog.language == tag:
            return catalog
    names = ", ".join(f"{info.language} ({info.name})" for info in declared_catalogs(folder))
    raise CatalogError(
        _("Gränssnittet finns inte på {tag!r}. Välj sv (svenska) eller något av: {names}.").format(
            tag=tag, names=names
        )
    )


def load_catalog(info: CatalogInfo, folder: Path | None = None) -> gettext.GNUTranslations:
    """Return the translations of ``info``: its ``.mo``, or its ``.po`` compiled in memory if newer."""
    base = (folder or locales_dir()) / info.locale / "LC_MESSAGES"
    po, mo = base / f"{DOMAIN}.po", base / f"{DOMAIN}.mo"
    try:
        if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
            with mo.open("rb") as handle:
                return gettext.GNUTranslations(handle)
        return gettext.GNUTranslations(io.BytesIO(_compile(po, info.locale)))
    except (OSError, ValueError) as error:
        raise CatalogError(
            _("Översättningen till {name} ({path}) går inte att läsa: {reason}").format(
                name=info.name, path=base, reason=type(error).__name__
            )
        ) from None


def _compile(po: Path, locale: str) -> bytes:
    """Compile the ``.po`` file ``po`` to the bytes of a ``.mo`` file, with Babel."""
    from babel.messages.mofile import write_mo  # noqa: PLC0415 - only when the .mo is missing
    from babel.messages.pofile import read_po  # noqa: PLC0415

    with po.open("rb") as handle:
        catalog = read_po(handle, locale=locale, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_FIRST_PRIVATE = 0xE000


def _visual(text: str) -> str:
    """Return an interface string shaped and in visual order, its ``{placeholders}`` kept whole.

    Each placeholder stands in as one private-use character (a left-to-right letter to the bidi
    algorithm) while the line is reordered, so braces are neither mirrored nor split.
    """
    fields: list[str] = []

    def hide(match: re.Match[str]) -> str:
        fields.append(match[0])
        return chr(_FIRST_PRIVATE + len(fields) - 1)

    hidden = _PLACEHOLDER.sub(hide, text)
    shown = "\n".join(visual_line(line) for line in hidden.split("\n"))
    for index, field in enumerate(fields):
        shown = shown.replace(chr(_FIRST_PRIVATE + index), field)
    return shown


class _VisualOrder(gettext.NullTranslations):
    """An RTL catalog whose strings come out shaped and in visual order, for terminals without bidi."""

    def __init__(self, inner: gettext.NullTranslations) -> None:
        super().__init__()
        self._inner = inner

    def gettext(self, message: str) -> str:
        translated = self._inner.gettext(message)
        return translated if translated == message else _visual(translated)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        translated = self._inner.ngettext(msgid1, msgid2, n)
        return translated if translated in {msgid1, msgid2} else _visual(translated)


def use_interface_language(tag: str, rtl_mode: RtlMode = RtlMode.VISUAL) -> None:
    """Show the interface in ``tag`` (``sv`` for the Swedish source) from now on.

    Call it before the interface's modules are imported: some of their labels are made at import.
    A right-to-left language is shaped and reordered for display unless ``rtl_mode`` says the
    terminal does that itself. Raises :class:`CatalogError` for a language without a catalog.
    """
    if tag == SOURCE_LANGUAGE:
        use_translations(gettext.NullTranslations())
        set_display_locale(language(SOURCE_LANGUAGE).locale)
        return
    info = catalog_for(tag)
    translations: gettext.NullTranslations = load_catalog(info)
    if language(tag).rtl and rtl_mode is RtlMode.VISUAL:
        translations = _VisualOrder(translations)
    use_translations(translations)
    set_display_locale(language(tag).locale)
