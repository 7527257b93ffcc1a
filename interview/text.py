"""Text hygiene at the boundaries: what is stored and what is shown.

Anything a person types is data. It is stored as typed (only what cannot be stored at all is
replaced), and it is made safe for a terminal only when it is displayed.
"""

from __future__ import annotations

import re
import unicodedata

# Lone UTF-16 surrogates cannot be encoded as UTF-8, so SQLite cannot store them.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 control characters except tab and newline; DEL too.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional embedding, override and isolate controls: shown as visible marks on screen.
_BIDI_CONTROLS = {
    "\u202a": "⟨LRE⟩",
    "\u202b": "⟨RLE⟩",
    "\u202c": "⟨PDF⟩",
    "\u202d": "⟨LRO⟩",
    "\u202e": "⟨RLO⟩",
    "\u2066": "⟨LRI⟩",
    "\u2067": "⟨RLI⟩",
    "\u2068": "⟨FSI⟩",
    "\u2069": "⟨PDI⟩",
}
_BIDI_PATTERN = re.compile("|".join(_BIDI_CONTROLS))
# C0 controls drawn as Unicode control pictures; DEL, C1 and bidi controls as other symbols.
_C0 = re.compile("[\x00-\x08\x0b-\x1f]")
_OTHER_CONTROLS = re.compile("[\x7f-\x9f\u200e\u200f\u061c" + "".join(_BIDI_CONTROLS) + "]")
_ESCAPE_SEQUENCE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])")


def clean_input(text: str) -> str:
    """Return ``text`` as it will be stored: line endings unified, lone surrogates replaced.

    Everything else, control characters and markup-like brackets included, is kept verbatim so
    that nothing a person typed is lost or silently changed.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _LONE_SURROGATE.sub("\ufffd", text)


def without_controls(text: str) -> str:
    """Return ``text`` without escape sequences and control characters (tab and newline stay)."""
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))


def for_display(text: str) -> str:
    """Return ``text`` safe to put on a terminal: no escape sequences or control characters.

    Tabs become spaces, bidi overrides become visible marks. The result is plain text; callers must
    still render it without markup parsing.
    """
    text = without_controls(clean_input(text)).replace("\t", "    ")
    return _BIDI_PATTERN.sub(lambda match: _BIDI_CONTROLS[match.group(0)], text)


def controls_as_symbols(line: str) -> str:
    """Return ``line`` with every control character drawn as one visible symbol (same length).

    For a text box that must keep what was typed verbatim while drawing it: ESC becomes ␛ (the
    Unicode control pictures), DEL ␡, C1 controls and bidi controls ◇. Offsets stay the same, so
    the cursor still lines up.
    """
    line = _C0.sub(lambda match: chr(0x2400 + ord(match.group(0))), line)
    return _OTHER_CONTROLS.sub(lambda match: "␡" if match.group(0) == "\x7f" else "◇", line)


def normalise_for_search(text: str) -> str:
    """Return a case- and accent-insensitive form of ``text`` for matching names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
