"""Where kartlagg keeps its data, its configuration and its shipped files.

Paths follow the platform's conventions through platformdirs (XDG variables on Linux are honoured).
Nothing is created at import time; callers create directories when they first write.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "kartlagg"
_PACKAGE_DIR = Path(__file__).resolve().parent


def shipped_data_dir(name: str) -> Path:
    """Return the folder of shipped data ``name`` (``question_banks`` or ``locales``).

    In an installed wheel the data lives inside the package (``interview/_data``); in a checkout or an
    editable install it is the top-level folder of the repository.
    """
    packaged = _PACKAGE_DIR / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / name


@dataclass(frozen=True)
class Locations:
    """The folders kartlagg uses on this machine."""

    data_dir: Path
    config_dir: Path

    @classmethod
    def for_user(cls) -> Locations:
        """Return the platform's folders for the current user."""
        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        )

    @property
    def database(self) -> Path:
        """The unit's database of participants and kartläggningar."""
        return self.data_dir / "kartlagg.db"

    @property
    def demo_database(self) -> Path:
        """The demo database with fictional participants."""
        return self.data_dir / "demo.db"

    @property
    def exports(self) -> Path:
        """Where exported sammanställningar are written unless another place is chosen."""
        return self.data_dir / "exports"

    @property
    def config_file(self) -> Path:
        """The settings file (TOML)."""
        return self.config_dir / "config.toml"

    @property
    def user_banks(self) -> Path:
        """Where a unit puts its own question banks and overrides."""
        return self.config_dir / "question_banks"

    @property
    def shipped_banks(self) -> Path:
        """The question banks that come with kartlagg."""
        return shipped_data_dir("question_banks")

    @property
    def shipped_locales(self) -> Path:
        """The interface catalogs that come with kartlagg."""
        return shipped_data_dir("locales")
