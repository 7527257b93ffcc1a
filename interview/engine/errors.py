"""The engine's error: a step that cannot be taken now."""

from __future__ import annotations

from interview.errors import UserError


class InterviewError(UserError):
    """A step that cannot be taken now; ``str(error)`` tells the user why, in Swedish."""
