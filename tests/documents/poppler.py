"""Reading a PDF back with poppler-utils (pdftotext, pdffonts, pdftoppm), for the PDF tests."""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path


def _run(*command: str) -> str:
    result = subprocess.run(command, capture_output=True, text=True, check=True, timeout=60)
    return result.stdout


def text_of(pdf: Path, *, layout: bool = False, page: int | None = None) -> str:
    """Return the PDF's text as pdftotext extracts it."""
    command = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        command.append("-layout")
    if page is not None:
        command += ["-f", str(page), "-l", str(page)]
    return _run(*command, str(pdf), "-")


# pdftotext wraps right-to-left runs in embedding marks (RLE … PDF); they are not part of the text.
_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def normalised(text: str) -> str:
    """Return ``text`` without bidi marks and with every run of whitespace made one space."""
    return " ".join(_BIDI_MARKS.sub("", text).split())


@dataclass(frozen=True)
class FontRow:
    """One row of ``pdffonts``."""

    name: str
    kind: str
    embedded: bool


_FONT_ROW = re.compile(
    r"^(?P<name>\S+)\s+(?P<kind>.+?)\s+(?P<encoding>\S+)\s+(?P<emb>yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$"
)


def fonts_of(pdf: Path) -> list[FontRow]:
    """Return the fonts ``pdffonts`` lists; a row it cannot read fails the test."""
    lines = _run("pdffonts", str(pdf)).splitlines()
    assert lines[1].startswith("---"), lines[:2]
    rows = []
    for line in lines[2:]:
        match = _FONT_ROW.match(line)
        assert match is not None, f"unreadable pdffonts row: {line!r}"
        rows.append(FontRow(match["name"], match["kind"], match["emb"] == "yes"))
    return rows


@dataclass(frozen=True)
class Word:
    """A word pdftotext found, with its page (from 1) and box in PDF points."""

    page: int
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


_PAGE = re.compile(r"<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">(.*?)</page>", re.DOTALL)
_WORD = re.compile(
    r'<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">(.*?)</word>'
)


def words_of(pdf: Path) -> list[Word]:
    """Return every word with its bounding box (``pdftotext -bbox``)."""
    out = _run("pdftotext", "-enc", "UTF-8", "-bbox", str(pdf), "-")
    words = []
    for number, page in enumerate(_PAGE.finditer(out), start=1):
        for match in _WORD.finditer(page.group(3)):
            x_min, y_min, x_max, y_max = (float(match.group(index)) for index in range(1, 5))
            words.append(Word(number, html.unescape(match.group(5)), x_min, y_min, x_max, y_max))
    return words


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Return each page's width and height in points."""
    out = _run("pdftotext", "-bbox", str(pdf), "-")
    return [(float(match.group(1)), float(match.group(2))) for match in _PAGE.finditer(out)]


def page_image(pdf: Path, page: int, resolution: int, folder: Path) -> Path:
    """Render one page to a PNG with pdftoppm and return its path."""
    prefix = folder / f"page-{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(resolution),
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(prefix),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return prefix.with_suffix(".png")
