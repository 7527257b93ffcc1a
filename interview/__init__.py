"""kartlagg: a SASSAM kartläggning for a caseworker and a participant on one shared screen.

The package root holds the interview core (models, question banks, the engine). It never imports
textual; the terminal UI lives in ``interview.tui`` and is imported only when the app starts.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kartlagg")
except PackageNotFoundError:  # pragma: no cover - only when run from a bare checkout
    __version__ = "0.0.0+checkout"
