"""The sammanställning as a PDF for printing and signing on paper, made with WeasyPrint.

The PDF is the HTML page (:func:`interview.documents.html.render_html`) with a print stylesheet: A4,
the participant's name and masked personnummer at the top of every page, the version, the checksum
and "Sida 2 av 5" at the bottom. Text is set in the Noto fonts bundled in ``fonts/`` (embedded, as
subsets), so Swedish, Arabic and Tigrinya look the same on every machine; the family names are our
own, so a system font of the same name is never used instead.

Privacy. The only resources WeasyPrint may read are those font files (any other URL is refused), and
its log records keep their message templates but never their arguments, so no text of the document
reaches a log. WeasyPrint copies ``@font-face`` fonts into a scratch folder of its own, by default in
the system's temporary folder; here it is a fresh folder in the user's cache instead, removed when
the PDF is made.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import platformdirs
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from interview.draft.models import Draft
from interview.paths import APP_NAME

from .html import default_css, render_html
from .wording import page_number_words

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
"""The bundled Noto fonts (SIL Open Font License)."""

FONT_FACES: tuple[tuple[str, str, int], ...] = (
    ("Kartlagg Noto Sans", "NotoSans-Regular.ttf", 400),
    ("Kartlagg Noto Sans", "NotoSans-Bold.ttf", 700),
    ("Kartlagg Noto Sans Arabic", "NotoSansArabic-Regular.ttf", 400),
    ("Kartlagg Noto Sans Arabic", "NotoSansArabic-Bold.ttf", 700),
    ("Kartlagg Noto Sans Ethiopic", "NotoSansEthiopic-Regular.ttf", 400),
    ("Kartlagg Noto Sans Ethiopic", "NotoSansEthiopic-Bold.ttf", 700),
)
"""The ``@font-face`` rules: family, file in :data:`FONTS_DIR`, weight."""

_LOGGERS = ("weasyprint", "weasyprint.progress")


class _TemplateOnly(logging.Filter):
    """Keep a WeasyPrint log record's message template, drop its arguments (they may quote text)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = str(record.msg)
        record.args = None
        record.exc_info = None
        record.exc_text = None
        return True


def _quiet_weasyprint_logs() -> None:
    for name in _LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(item, _TemplateOnly) for item in logger.filters):
            logger.addFilter(_TemplateOnly())


_quiet_weasyprint_logs()


class _BundledFontsOnly(URLFetcher):  # type: ignore[misc]
    """A URL fetcher that reads the bundled font files and refuses every other URL."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self._allowed = {(FONTS_DIR / file).as_uri() for _family, file, _weight in FONT_FACES}

    def fetch(self, url: str, headers: Any = None) -> Any:
        if url not in self._allowed:
            raise ValueError("only the bundled fonts may be read")
        return super().fetch(url, headers)


class _FontsOutsideTemp(FontConfiguration):  # type: ignore[misc]
    """A font configuration that keeps WeasyPrint's copies of the fonts in ``folder``."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        # WeasyPrint writes each @font-face font to ``_folder`` (made with mkdtemp when None).
        self._folder = folder


def _css_string(text: str) -> str:
    """Return ``text`` as a quoted CSS string (quotes, backslashes and line ends escaped)."""
    escaped = "".join(
        f"\\{ord(char):x} " if char in '"\\' or ord(char) < 0x20 or ord(char) == 0x7F else char
        for char in text
    )
    return f'"{escaped}"'


def font_face_css() -> str:
    """Return the ``@font-face`` rules for the bundled fonts (absolute ``file://`` URLs)."""
    return "\n".join(
        f"@font-face {{ font-family: {_css_string(family)}; "
        f"src: url({_css_string((FONTS_DIR / file).as_uri())}); "
        f"font-weight: {weight}; font-style: normal; }}"
        for family, file, weight in FONT_FACES
    )


def print_css() -> str:
    """Return the whole print stylesheet: fonts, the page's own styles, then the PDF's page rules."""
    page, of = page_number_words()
    numbers = (
        "@page { @bottom-right { "
        f'content: {_css_string(page)} " " counter(page) " " {_css_string(of)} " " counter(pages); '
        "font-size: 8pt; color: #444; } }"
    )
    pdf_rules = resources.files(__package__).joinpath("pdf.css").read_text(encoding="utf-8")
    return "\n".join([font_face_css(), default_css(), pdf_rules, numbers])


@contextmanager
def _font_folder() -> Iterator[Path]:
    """Make a fresh private folder in the user's cache for WeasyPrint's font copies; remove it after."""
    cache = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    cache.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder = Path(tempfile.mkdtemp(prefix="pdf-fonts-", dir=cache))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def render_pdf(draft: Draft, sha256: str | None, *, audit_head: str | None = None) -> bytes:
    """Return the sammanställning as a PDF (A4, fonts embedded).

    ``sha256`` is the checksum of the signed version, printed on every page (None when not signed).
    """
    source = render_html(draft, sha256, css=print_css(), audit_head=audit_head)
    with _font_folder() as folder:
        fonts = _FontsOutsideTemp(folder)
        fetcher = _BundledFontsOnly()
        document = HTML(string=source, url_fetcher=fetcher)
        data = document.write_pdf(font_config=fonts)
    if not isinstance(data, bytes):  # write_pdf returns bytes when given no target
        raise TypeError("WeasyPrint returned no PDF")
    return data
