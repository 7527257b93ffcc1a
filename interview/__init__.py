"""kartlagg: a SASSAM kartläggning for a caseworker and a participant on one shared screen.

The package root holds the interview core (models, question banks, the engine). It never imports
textual; the terminal UI lives in ``interview.tui`` and is imported only when the app starts.
"""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """Return ``__version__`` on first use (reading package metadata costs start-up time)."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415 - lazy on purpose

        try:
            return version("kartlagg")
        except PackageNotFoundError:  # pragma: no cover - only when run from a bare checkout
            return "0.0.0+checkout"
    raise AttributeError(name)
