"""What the user sees if the app itself fails: a calm Swedish message and where it failed.

Rich's default crash report prints every local variable of every frame, and an exception's message can
quote the data it choked on; either could put a personnummer or an answer on the screen or into a
terminal log. This report names the exception type and the code locations only.
"""

from __future__ import annotations

import traceback

from interview.i18n import _


def crash_report(error: BaseException) -> str:
    """Return the report for ``error``: no local variables, no exception message."""
    frames = traceback.extract_tb(error.__traceback__)
    lines = [
        _("kartlagg stängdes av ett oväntat fel i programmet."),
        _("Allt som visades som sparat finns kvar i databasen."),
        _(
            "Meddela den som sköter kartlagg hos er och bifoga raderna nedan "
            "(de innehåller inga personuppgifter)."
        ),
        "",
        f"{type(error).__module__}.{type(error).__qualname__}",
    ]
    lines += [f"  {frame.filename}:{frame.lineno} i {frame.name}" for frame in frames[-12:]]
    return "\n".join(lines)
