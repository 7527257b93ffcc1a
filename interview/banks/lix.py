"""Readability measures for Swedish: words, long words and LIX (Björnsson).

A word is a run of letters; hyphenated compounds count as one word and digits are not words. A long
word has more than six letters. "?", ".", "!" and ":" end sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.?!:]+")
LONG_WORD_LETTERS = 6


def words(text: str) -> list[str]:
    """Return the words of ``text``."""
    return _WORD.findall(text)


def is_long(word: str) -> bool:
    """Tell whether ``word`` has more than six letters (hyphens do not count)."""
    return len(word.replace("-", "")) > LONG_WORD_LETTERS


@dataclass(frozen=True)
class Readability:
    """Counts and the LIX value of a text."""

    words: int
    sentences: int
    long_words: int

    @property
    def lix(self) -> float:
        """LIX = words / sentences + 100 × long words / words (0 for an empty text)."""
        if self.words == 0:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words


def readability(text: str) -> Readability:
    """Measure ``text``; a text without a sentence end counts as one sentence."""
    found = words(text)
    stripped = text.strip()
    sentences = len(_SENTENCE_END.findall(stripped))
    if stripped and not _SENTENCE_END.search(stripped[-1]):
        sentences += 1
    return Readability(
        words=len(found),
        sentences=max(sentences, 1),
        long_words=sum(1 for word in found if is_long(word)),
    )


def lix(text: str) -> float:
    """Return the LIX of ``text``."""
    return readability(text).lix
