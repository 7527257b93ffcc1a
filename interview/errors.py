"""The one root for errors a user should read.

Every error whose text is meant for a person (a caseworker at the screen or at the command line)
derives from :class:`UserError`: ``str(error)`` is the message, in the interface language, and
:attr:`UserError.title` a short heading. The UI and the command line catch this root and nothing
else for expected failures, so a new error class is shown as a message the day it is written,
never as a crash report. Errors that are *not* for users (bugs) must not derive from it.

No message may hold personal data: a path, a count or an id is fine, a name or an answer is not.
"""

from __future__ import annotations

from interview.i18n import _


class UserError(Exception):
    """An expected failure with a message for the user; ``str(error)`` is that message."""

    def __init__(self, message: str = "", *, title: str | None = None) -> None:
        """Carry ``message`` (the sentence shown) and an optional ``title`` (a short heading)."""
        super().__init__(message)
        self._title = title

    @property
    def message(self) -> str:
        """The sentence for the user (the same as ``str(self)``)."""
        return str(self)

    @property
    def title(self) -> str:
        """A short heading for the message; subclasses give their own default."""
        return self._title if self._title is not None else self.default_title()

    @classmethod
    def default_title(cls) -> str:
        """Return the heading used when none was given (translated when asked, not at import)."""
        return _("Det gick inte")
