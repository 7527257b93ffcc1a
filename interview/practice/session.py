"""One practice session: the material, where the learner is, and what they typed (in memory only).

Nothing here writes anything anywhere. When the session object is dropped, what was typed is gone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from interview.banks.loader import BankLibrary
from interview.banks.models import Bank
from interview.i18n import _
from interview.languages import Language, language
from interview.practice.deck import Card, Deck, DeckKind, build_decks
from interview.practice.loader import PracticeLibrary, practice_folders
from interview.practice.models import PracticeContent, PracticeTranslation
from interview.practice.timer import PairTimer


@dataclass(frozen=True)
class PracticeMaterial:
    """The content, the bank it practises and every translation, as loaded."""

    content: PracticeContent
    bank: Bank | None
    translations: dict[str, PracticeTranslation]

    @classmethod
    def load(cls, bank_folders: Iterable[Path]) -> PracticeMaterial:
        """Load the banks and the practice content from ``bank_folders`` (shipped first).

        Raises :class:`LookupError` with a Swedish message when there is no usable content.
        """
        folders = list(bank_folders)
        practice = PracticeLibrary.discover(practice_folders(folders))
        if practice.content is None:
            reason = practice.errors[0].reason if practice.errors else _("filen saknas")
            msg = _("Övningsinnehållet går inte att läsa: {reason}").format(reason=reason)
            raise LookupError(msg)
        banks = BankLibrary.discover(folders)
        return cls(practice.content, banks.banks.get(practice.content.bank), practice.translations)

    def languages(self) -> list[Language]:
        """Return the languages there are translations for, sorted by their Swedish names."""
        known = [language(tag) for tag in self.translations]
        return sorted(known, key=lambda item: item.name)


@dataclass
class PracticeSession:
    """Where the learner is in each kind of practice, and the translation shown or hidden."""

    material: PracticeMaterial
    language_tag: str | None = None
    kind: DeckKind = DeckKind.QUESTIONS
    show_translation: bool = False
    positions: dict[DeckKind, int] = field(default_factory=lambda: dict.fromkeys(DeckKind, 0))
    drafts: dict[str, str] = field(default_factory=dict)
    """What the learner typed per card: in memory only, gone with the session."""
    timer: PairTimer = field(default_factory=PairTimer)

    def __post_init__(self) -> None:
        """Build the decks in the chosen language (an unknown language means none)."""
        if self.language_tag not in self.material.translations:
            self.language_tag = None
        self._decks = self._build()

    def _build(self) -> dict[DeckKind, Deck]:
        translation = self.material.translations.get(self.language_tag or "")
        return build_decks(self.material.content, self.material.bank, translation)

    @property
    def language(self) -> Language | None:
        """The language of the translations, if one is chosen."""
        return language(self.language_tag) if self.language_tag else None

    @property
    def translation(self) -> PracticeTranslation | None:
        """The chosen translation, with its status."""
        return self.material.translations.get(self.language_tag or "")

    def set_language(self, tag: str | None) -> None:
        """Translate into ``tag`` from now on (None: no translation); places and drafts stay."""
        self.language_tag = tag if tag in self.material.translations else None
        self._decks = self._build()

    def deck(self, kind: DeckKind | None = None) -> Deck:
        """Return the deck of ``kind`` (the current one when not given)."""
        return self._decks[kind or self.kind]

    @property
    def index(self) -> int:
        """The place in the current deck."""
        return self.positions[self.kind]

    @property
    def card(self) -> Card | None:
        """The card in front, or None for an empty deck."""
        cards = self.deck().cards
        return cards[self.index] if cards else None

    def go(self, index: int) -> None:
        """Go to card ``index`` of the current deck (kept within the deck)."""
        count = len(self.deck().cards)
        self.positions[self.kind] = max(0, min(index, count - 1)) if count else 0

    def step(self, delta: int) -> None:
        """Move ``delta`` cards forward (or back), stopping at the ends."""
        self.go(self.index + delta)

    def next_heading(self, delta: int) -> None:
        """Move to the first card of the next (or previous) heading: the next area or theme."""
        cards = self.deck().cards
        if not cards:
            return
        current = cards[self.index].heading
        index = self.index
        while 0 <= index + delta < len(cards) and cards[index].heading == current:
            index += delta
        if delta < 0:
            heading = cards[index].heading
            while index > 0 and cards[index - 1].heading == heading:
                index -= 1
        self.go(index)

    def toggle_translation(self) -> bool:
        """Show or hide the translation; return whether it is shown now."""
        self.show_translation = not self.show_translation
        return self.show_translation

    def keep_draft(self, text: str) -> None:
        """Keep what was typed for the card in front (in memory)."""
        card = self.card
        if card is None:
            return
        if text:
            self.drafts[card.id] = text
        else:
            self.drafts.pop(card.id, None)

    def draft(self) -> str:
        """Return what was typed for the card in front."""
        card = self.card
        return self.drafts.get(card.id, "") if card else ""

    def forget(self) -> None:
        """Drop everything typed (at the end of practice)."""
        self.drafts.clear()
