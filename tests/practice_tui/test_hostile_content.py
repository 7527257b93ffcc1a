"""Practice content is data: markup and escape codes in it are shown as plain, harmless text.

The content files are the unit's own to edit (and may be edited by anyone with access to the folder), so
a text like ``[@click=app.exit]`` must never become a link, and ESC must never reach the terminal.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList, Static

from interview.paths import shipped_data_dir
from interview.practice.deck import DeckKind
from interview.practice.speech import Speed
from interview.tui.screens.practice import PracticeScreen
from interview.tui.screens.projector import ProjectorScreen
from tests.practice_tui.conftest import PracticeFactory
from tests.practice_tui.helpers import (
    RecordingSpeaker,
    box,
    content_folder,
    deck_kind,
    front,
    open_practice,
    plain,
    rendered,
    settle,
)

MARKUP = "[bold]x[/bold] [@click=app.exit]klicka[/] [red]röd[/red]"
HOSTILE_TOML = MARKUP + r" \u001b[31mfärg\u001b[0m \u001b]0;titel\u0007 \u001b slut"
"""As written in the TOML file: the escapes become ESC and BEL when it is read."""
HOSTILE = MARKUP + " \x1b[31mfärg\x1b[0m \x1b]0;titel\x07 \x1b slut"
"""What the loaded text holds."""
SHOWN_START = MARKUP + " färg"


def hostile(content: str) -> str:
    """Put the hostile text in a starter, a theme title, a word, its example, an interview question."""
    replacements = {
        'text = "Jag har arbetat som … i … år."': f'text = "Starter {HOSTILE_TOML}"',
        'title = "Arbete och anställning"': f'title = "Tema {HOSTILE_TOML}"',
        'word = "arbetsgivare"': f'word = "Ord {HOSTILE_TOML}"',
        'example = "Min arbetsgivare har en butik."': f'example = "Exempel {HOSTILE_TOML}"',
        'text = "Berätta om dig själv."': f'text = "Intervju {HOSTILE_TOML}"',
    }
    for old, new in replacements.items():
        assert content.count(old) == 1, old
        content = content.replace(old, new)
    return content


def hostile_banks(tmp_path: Path) -> list[Path]:
    """A content folder with the hostile texts and an English translation that has them too."""
    folder = content_folder(tmp_path, hostile)
    english = (shipped_data_dir("question_banks") / "sprakcafe" / "sprakcafe.en.toml").read_text(
        encoding="utf-8"
    )
    old = 'arbetat = "I have worked as … for … years."'
    assert english.count(old) == 1
    english = english.replace(old, f'arbetat = "Translated {HOSTILE_TOML}"')
    (folder / "sprakcafe" / "sprakcafe.en.toml").write_text(english, encoding="utf-8")
    return [folder]


def assert_harmless(text: str) -> None:
    """``text`` shows the markup literally and holds no control character."""
    assert MARKUP in text
    assert "titel" not in text
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text), repr(text)


async def drawn(pilot: Pilot[Any], widget: Widget) -> str:
    """What ``widget`` draws, as one line (wrapping undone)."""
    return " ".join(line.strip() for line in (await rendered(pilot, widget)).splitlines())


async def test_markup_and_escapes_in_the_content_show_as_plain_text(
    build_practice: PracticeFactory, tmp_path: Path
) -> None:
    app = build_practice(banks=hostile_banks(tmp_path), language="en")
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_practice(pilot)

        await pilot.press("2")
        card = screen.session.card
        assert card is not None
        assert card.swedish == f"Starter {HOSTILE}", "the text is loaded verbatim"
        swedish = screen.query_one("#card-swedish", Static)
        assert plain(swedish).startswith(f"Starter {SHOWN_START}")
        assert_harmless(plain(swedish))
        assert f"Starter {MARKUP}" in await drawn(pilot, swedish)
        assert_harmless(await drawn(pilot, swedish))
        options = screen.query_one("#card-list", OptionList)
        first = options.get_option_at_index(0).prompt
        assert_harmless(str(first))

        await pilot.press("f2")
        translation = await drawn(pilot, screen.query_one("#card-translation", Static))
        assert f"Translated {MARKUP}" in translation
        assert_harmless(translation)

        await pilot.press("3")
        assert deck_kind(screen) is DeckKind.WORDS
        for name in ("#card-heading", "#card-swedish", "#card-example"):
            assert_harmless(await drawn(pilot, screen.query_one(name, Static)))

        await pilot.press("4")
        assert_harmless(await drawn(pilot, screen.query_one("#card-swedish", Static)))

        # Where "klicka" would be if the text were markup (it is not), and where it is as plain text;
        # the card has a thick left border and padding 2 4 at this size.
        await pilot.click("#card-swedish", offset=(18, 2))
        await pilot.click("#card-swedish", offset=(47, 2))
        await settle(pilot)
        assert app.is_running, "[@click=app.exit] in the content must not be a link"
        assert front(pilot) is screen

        await pilot.press("f5")
        projector = front(pilot)
        assert isinstance(projector, ProjectorScreen)
        assert_harmless(await drawn(pilot, projector.query_one("#projector-card #card-swedish", Static)))
        await pilot.click("#projector-card #card-swedish", offset=(20, 2))
        assert app.is_running
        await pilot.press("escape")
        assert isinstance(front(pilot), PracticeScreen)


async def test_a_hostile_starter_goes_into_the_box_verbatim_but_is_drawn_harmlessly(
    build_practice: PracticeFactory, tmp_path: Path, recorder: RecordingSpeaker
) -> None:
    app = build_practice(banks=hostile_banks(tmp_path))
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_practice(pilot)
        await pilot.press("2", "enter")
        await pilot.pause()
        practice_box = box(screen)
        assert practice_box.text == f"Starter {HOSTILE}"
        shown = await rendered(pilot, practice_box)
        assert "\x1b" not in shown
        assert "\x07" not in shown
        assert "␛" in shown
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert recorder.calls == [(f"Starter {HOSTILE}", Speed.NORMAL)]
        assert app.is_running
