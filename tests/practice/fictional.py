"""Fictional språkcafé content, translations and a tiny bank for the unit tests."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from interview.banks.models import Bank
from interview.practice.models import PracticeContent

CONTENT_TOML = """\
[practice]
id = "kafe"
title = "Kafé – prata om jobb"
version = "1"
bank = "liten"

[[starter]]
id = "bra_pa"
text = "Jag är bra på …"

[[starter]]
id = "forstar"
text = "Kan du säga det igen?"

[[theme]]
id = "jobb"
title = "Jobb"

[[theme.word]]
id = "lon"
word = "lön"
example = "Lönen kommer varje månad."

[[theme.word]]
id = "rast"
word = "rast"

[[theme]]
id = "soka"
title = "Söka jobb"

[[theme.word]]
id = "cv"
word = "CV"
example = "Jag skriver mitt CV."

[[interview]]
id = "om_dig"
text = "Berätta om dig själv."

[[interview]]
id = "borja"
text = "När kan du börja?"
"""


def translation_toml(body: str = "", *, language: str = "en", practice: str = "kafe") -> str:
    """A translation file header for ``language`` followed by ``body``."""
    return (
        f'[translation]\npractice = "{practice}"\nlanguage = "{language}"\n'
        f'status = "machine-draft"\n\n{body}'
    )


def write(folder: Path, name: str, text: str) -> Path:
    """Write ``text`` to ``folder/name`` (creating the folder) and return the path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def content() -> PracticeContent:
    """The fictional content as a model."""
    data = tomllib.loads(CONTENT_TOML)
    return PracticeContent.model_validate({**data.pop("practice"), **data})


def _question(qid: str, text: str, **flags: Any) -> dict[str, Any]:
    return {"id": qid, "standard": f"{text} (standard)", "lattlast": text, **flags}


def _area(area_id: str, group: str, label: str, *questions: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": area_id,
        "title": f"Rubrik {area_id}",
        "group": group,
        "purpose": "Syftet med området.",
        "label": f"{label} (standard)",
        "label_lattlast": label,
        "question": list(questions),
    }


def tiny_bank() -> Bank:
    """A fictional bank with every kind of question the decks must leave out."""
    return Bank.model_validate(
        {
            "id": "liten",
            "title": "Liten bank",
            "version": "1",
            "area": [
                _area(
                    "inledning",
                    "inledning",
                    "hur du har det",
                    _question("inl.syfte", "Vi ska prata om jobb.", statement=True),
                    _question("inl.dag", "Hur har din dag varit?"),
                    _question("inl.fraga", "Vad vill du fråga mig?"),
                ),
                _area(
                    "kropp",
                    "individ",
                    "hur kroppen mår",
                    _question("kropp.lov", "Får jag fråga om din hälsa?", permission=True),
                    _question("kropp.idag", "Hur mår du i kroppen?"),
                    _question("kropp.svar", "Vad är svårt för dig?", kind="hinder"),
                    _question("kropp.styrka", "Vad är lätt för dig?", kind="resurs"),
                    _question("kropp.privat", "Hur sover du på natten?", sensitive=True),
                    _question("kropp.stammer", "Stämmer det?", check=True),
                    _question("kropp.orka", "Vad orkar du göra en vanlig dag?"),
                ),
                _area(
                    "fritid",
                    "omgivning",
                    "när du är ledig",
                    _question("fritid.gora", "Vad gör du när du är ledig?"),
                ),
                _area(
                    "avslut",
                    "avslut",
                    "slutet",
                    _question("avslut.tankar", "Vad tänker du om vårt samtal?"),
                ),
            ],
        }
    )


PRACTISED_IDS = ["inl.dag", "inl.fraga", "kropp.idag", "kropp.orka", "fritid.gora"]
"""The questions of :func:`tiny_bank` that are practised, in bank order."""
