"""Swedish personnummer and samordningsnummer: strict validation and masking for a shared screen.

Only the 12-digit form with ASCII digits is stored (``ÅÅÅÅMMDDNNNC``); a 10-digit form or one with a
hyphen or plus is accepted as input and normalised. A samordningsnummer has 60 added to the day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from interview.errors import UserError
from interview.i18n import _

_INPUT = re.compile(r"^(?P<century>[0-9]{2})?(?P<date>[0-9]{6})[-+]?(?P<tail>[0-9]{4})$")
SAMORDNING_OFFSET = 60


class PersonnummerError(UserError, ValueError):
    """A number that is not a valid personnummer or samordningsnummer; the text says why."""


@dataclass(frozen=True)
class IdentityNumber:
    """A validated personnummer or samordningsnummer in its 12-digit form."""

    digits: str

    @property
    def is_samordningsnummer(self) -> bool:
        """True when the day has 60 added."""
        return int(self.digits[6:8]) > SAMORDNING_OFFSET

    @property
    def birth_date(self) -> date:
        """The date of birth the number encodes."""
        day = int(self.digits[6:8])
        if day > SAMORDNING_OFFSET:
            day -= SAMORDNING_OFFSET
        return date(int(self.digits[:4]), int(self.digits[4:6]), day)

    def formatted(self) -> str:
        """Return ``ÅÅÅÅMMDD-NNNN``."""
        return f"{self.digits[:8]}-{self.digits[8:]}"

    def masked(self) -> str:
        """Return the form shown on a shared screen: ``ÅÅÅÅMMDD-****``."""
        return f"{self.digits[:8]}-****"


def luhn_ok(ten_digits: str) -> bool:
    """Tell whether the last of the ten digits is the Luhn check digit of the nine before it."""
    total = 0
    for index, char in enumerate(ten_digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def parse(text: str, today: date) -> IdentityNumber:
    """Validate ``text`` and return the 12-digit number; :class:`PersonnummerError` if wrong."""
    cleaned = text.strip().replace(" ", "")
    if not cleaned.isascii():
        raise PersonnummerError(_("Använd bara siffrorna 0–9 och eventuellt ett bindestreck."))
    match = _INPUT.match(cleaned)
    if match is None:
        raise PersonnummerError(
            _("Skriv numret med 12 siffror, till exempel 19900101-1234 (ÅÅÅÅMMDD-NNNN).")
        )
    short_date, tail = match["date"], match["tail"]
    century = match["century"]
    if century is None:
        year = int(short_date[:2])
        century_year = (today.year // 100) * 100 + year
        if century_year > today.year:
            century_year -= 100
        if "+" in cleaned:  # a plus sign means the person is 100 or older
            century_year -= 100
        century = str(century_year // 100)
    digits = f"{century}{short_date}{tail}"
    year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    real_day = day - SAMORDNING_OFFSET if day > SAMORDNING_OFFSET else day
    try:
        born = date(year, month, real_day)
    except ValueError:
        raise PersonnummerError(
            _("Datumet {date} finns inte. Kontrollera år, månad och dag.").format(
                date=f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"
            )
        ) from None
    if born > today:
        raise PersonnummerError(_("Födelsedatumet ligger i framtiden."))
    if not luhn_ok(digits[2:]):
        raise PersonnummerError(_("Kontrollsiffran stämmer inte. Kontrollera att alla siffror är rätt."))
    return IdentityNumber(digits)
