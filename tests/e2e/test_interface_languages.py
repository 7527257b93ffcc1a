"""Every interface language drives the main screens in a real terminal without an error.

For each declared catalog, ``kartlagg demo`` runs under tmux with ``interface_language`` set: the
participants list, a participant's overview, the session start, the tolk record, the interview and
its help are opened, each waited for by a string of that language's catalog (as drawn: right-to-left
catalogs shaped and in visual order); Ctrl+Q then ends the app with exit code 0.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from interview.catalogs import CatalogInfo, _visual, declared_catalogs, load_catalog
from interview.demo import HALFWAY_PARTICIPANT
from interview.languages import language
from tests.e2e.conftest import Home, Terminal, open_participant

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

CATALOGS = declared_catalogs()


@pytest.mark.parametrize("info", CATALOGS, ids=lambda info: info.language)
def test_the_main_screens_in_each_interface_language(
    info: CatalogInfo, new_terminal: Callable[[], Terminal], home: Home
) -> None:
    translations = load_catalog(info)

    def drawn(swedish: str) -> str:
        text = translations.gettext(swedish)
        assert text != swedish, swedish
        return _visual(text) if language(info.language).rtl else text

    home.locations.config_dir.mkdir(parents=True, exist_ok=True)
    (home.locations.config_dir / "config.toml").write_text(
        f'interface_language = "{info.language}"\n', "utf-8"
    )
    app = new_terminal().start("demo")
    # the same careful steps as every e2e test (search, wait for the list's focus, open)
    overview = drawn("Starta/fortsätt")  # the overview's footer, not on the list
    others = ["Sara Demosson", "Marja Provinen"]
    open_participant(app, HALFWAY_PARTICIPANT[0], "Yusuf", others, loaded=overview)
    app.keys("Enter")
    app.wait_for(drawn("Tid i dag (minuter, högst 60)"))
    app.keys("C-s")
    app.wait_for(drawn("Tolkförmedling"))
    app.keys("Escape")
    app.wait_for(drawn("Deltagarens svar"))
    app.keys("F1")
    app.wait_for(drawn("Tangenter"))
    app.keys("Escape")
    app.keys("C-q")
    ended = app.wait_for_exit()
    assert ended.status == 0, app.screen()
