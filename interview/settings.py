"""The unit's settings, from ``config.toml`` in the configuration folder (``kartlagg where``).

The unit's name (printed in the heading of every sammanställning), the caseworker's interface
language, and who orders right-to-left text: kartlagg (``visual``, for ordinary terminals) or the
terminal itself (``logical``, for terminals that do their own bidi, such as mlterm). The participant's
reading language is chosen per session in the app, not here. A missing file gives the defaults; a
broken one gives a Swedish message naming the file and the key.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from interview.errors import UserError
from interview.i18n import _
from interview.rtl import RtlMode

DEFAULT_UNIT = "Arbetsmarknadsenheten"
DEMO_UNIT = "Arbetsmarknadsenheten (demo)"


class SettingsError(UserError):
    """The settings file cannot be used; ``str(error)`` says why, in Swedish."""


class Settings(BaseModel):
    """What a unit sets once for every kartläggning."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    unit: str = Field(default=DEFAULT_UNIT, min_length=1, max_length=200)
    """The unit's name, e.g. "Arbetsmarknadsenheten i Exempelby kommun"."""
    interface_language: str = Field(default="sv", min_length=2, max_length=20)
    """The language of the caseworker's interface: ``sv`` or a language with a catalog (``en`` …)."""
    rtl_mode: RtlMode = RtlMode.VISUAL
    """``visual``: kartlagg shapes and orders right-to-left text; ``logical``: the terminal does."""
    idle_lock_minutes: int = Field(default=10, ge=1, le=120)
    """The screen locks (the passphrase opens it) after this many minutes without a key or a click."""
    keys: dict[str, str | list[str]] = Field(default_factory=dict)
    """The unit's own keys (``[keys]``): a command's id and its new key or keys, such as
    ``end = "f11"`` or ``tag_hinder = ["f2", "ctrl+h"]``. The ids are in the README's key table; a key
    another command on the same screen already has is refused when kartlagg starts."""
    retention_months: int | None = Field(default=None, ge=1, le=1200)
    """Gallring: everything about a person goes this many months after the last thing stored about
    them (``kartlagg gallra``). No default: the unit sets it from the municipality's archive rules."""


def read_settings(path: Path) -> Settings:
    """Return the settings in ``path`` (the defaults when there is no such file)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError(
            _("Inställningarna i {path} går inte att läsa ({reason}).").format(
                path=path, reason=type(error).__name__
            )
        ) from None
    try:
        return Settings.model_validate(tomllib.loads(text))
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(
            _("Inställningarna i {path} är inte giltig TOML: {reason}").format(path=path, reason=error)
        ) from None
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"]) or "?"
        raise SettingsError(
            _("Inställningarna i {path}: nyckeln {key!r} går inte att använda.").format(
                path=path, key=key
            )
        ) from None
