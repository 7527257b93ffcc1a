"""The sammanställning on screen: sections, headings and sentences as a list to move through.

Only the :class:`~interview.draft.models.Draft` data is shown; nothing here formats a document. The
participant's own words are bold (inside their quotation marks), the caseworker's text is marked ✎,
and an area that was not talked about is marked ○ with words. Every text goes through
:func:`interview.text.for_display` into a rich ``Text``, so nothing is read as markup.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from interview.draft.models import Draft, Section, Sentence, SentenceKind
from interview.i18n import _
from interview.text import for_display

CASEWORKER_MARK = "✎"
NOT_COVERED_MARK = "○"


def legend() -> Text:
    """Explain the marks: the participant's words, the caseworker's text, areas not covered."""
    return Text.assemble(
        (_("Fet text"), "bold"),
        (" = " + _("deltagarens egna ord") + "   ", "dim"),
        (CASEWORKER_MARK, "bold"),
        (" = " + _("handläggarens text") + "   ", "dim"),
        (NOT_COVERED_MARK, "bold"),
        (" = " + _("togs inte upp"), "dim"),
    )


def section_title(section: Section) -> Text:
    """Return the section's title; an area not talked about says so in words."""
    if not section.covered:
        return Text.assemble(
            (f"{NOT_COVERED_MARK} {for_display(section.title)}", "bold"),
            (" · " + _("togs inte upp"), "italic"),
        )
    return Text(for_display(section.title), style="bold underline")


def sentence_text(sentence: Sentence, *, bullet: bool = False) -> Text:
    """One sentence: own words bold, the caseworker's text marked ✎, a list item with a bullet."""
    text = Text()
    if bullet:
        text.append("• ")
    if sentence.kind is SentenceKind.CASEWORKER:
        text.append(CASEWORKER_MARK + " ", style="bold")
        text.append(for_display(sentence.text), style="italic")
        return text
    for span in sentence.spans:
        text.append(for_display(span.text), style="bold" if span.own_words else "")
    return text


class DraftView(OptionList):
    """The draft as a list: headings cannot be chosen, each sentence can (its sources are shown)."""

    def __init__(self, *, id: str | None = None) -> None:
        """Start empty until a draft is shown."""
        super().__init__(id=id)
        self._sentences: dict[int, Sentence] = {}

    def show(self, draft: Draft) -> None:
        """Show ``draft``, keeping the highlighted line where it was if it still exists."""
        previous = self.highlighted
        options: list[Option | None] = []
        sentences: dict[int, Sentence] = {}
        count = 0  # separators (None) are not options: only options are counted

        def add(option: Option) -> None:
            nonlocal count
            options.append(option)
            count += 1

        for number, section in enumerate(draft.sections):
            if number:
                options.append(None)
            add(Option(section_title(section), disabled=True))
            if section.note:
                add(Option(Text(for_display(section.note), style="italic"), disabled=True))
            for block in section.blocks:
                if block.heading:
                    add(Option(Text(for_display(block.heading), style="bold"), disabled=True))
                for sentence in block.sentences:
                    sentences[count] = sentence
                    add(Option(sentence_text(sentence, bullet=block.listed)))
        self._sentences = sentences
        self.clear_options()
        self.add_options(options)
        if previous is not None and previous in sentences:
            self.highlighted = previous
        elif sentences:
            self.highlighted = min(sentences)

    def sentence_at(self, index: int | None) -> Sentence | None:
        """Return the sentence on line ``index`` (None for a heading or nothing)."""
        if index is None:
            return None
        return self._sentences.get(index)

    @property
    def sentence(self) -> Sentence | None:
        """The highlighted sentence."""
        return self.sentence_at(self.highlighted)

    def sentence_indexes(self) -> list[int]:
        """Return the lines that hold a sentence, top to bottom."""
        return sorted(self._sentences)
