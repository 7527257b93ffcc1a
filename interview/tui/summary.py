"""Short status texts built from an interview: the overview's lines and the recap of the last session.

Plain functions (no textual) so they can be tested on their own. They describe the state; they are not
the sammanställning.
"""

from __future__ import annotations

from interview.engine import Interview
from interview.i18n import _, ngettext
from interview.records import Session
from interview.tui.labels import clock_time, day, minutes, register_label


def coverage_line(interview: Interview) -> str:
    """E.g. "6 av 16 områden klara · 3 påbörjade · 4 hinder · 5 resurser"."""
    coverage = interview.coverage()
    done = sum(1 for area in coverage if area.complete)
    started = sum(1 for area in coverage if area.started and not area.complete)
    hinder = sum(area.hinder for area in coverage)
    resurs = sum(area.resurs for area in coverage)
    return " · ".join(
        [
            _("{done} av {total} områden klara").format(done=done, total=len(coverage)),
            ngettext("{n} påbörjat", "{n} påbörjade", started).format(n=started),
            ngettext("{n} hinder", "{n} hinder", hinder).format(n=hinder),
            ngettext("{n} resurs", "{n} resurser", resurs).format(n=resurs),
        ]
    )


def session_line(session: Session) -> str:
    """One session: number, date, length, caseworker, register, tolk, next meeting."""
    parts = [
        _("Samtal {number}").format(number=session.number),
        day(session.started_at) + " " + clock_time(session.started_at),
    ]
    if session.ended_at is not None:
        parts.append(_("{n} min").format(n=minutes(session.ended_at - session.started_at)))
    else:
        parts.append(_("pågår eller avbröts"))
    parts.append(session.caseworker)
    details = [register_label(session.reading_register).lower()]
    if session.tolk:
        details.append(_("med tolk"))
    parts.append(", ".join(details))
    line = " · ".join(parts)
    if session.next_meeting is not None:
        line += " · " + _("nästa träff {date}").format(date=day(session.next_meeting))
    return line


def recap_text(interview: Interview) -> str | None:
    """Return a few sentences on the last ended session and what comes next; None if none."""
    recap = interview.recap()
    if recap is None:
        return None
    register = interview.register
    areas = [interview.bank.area(area_id).label_in(register) for area_id in recap.areas]
    lines = [
        _("Förra gången (samtal {number}, {date}):").format(
            number=recap.session.number, date=day(recap.session.started_at)
        )
    ]
    if areas:
        lines.append(_("Vi pratade om: {areas}.").format(areas=", ".join(areas)))
    lines.append(
        _("{answers} · {hinder} · {resurs}.").format(
            answers=ngettext("{n} svar", "{n} svar", recap.answered).format(n=recap.answered),
            hinder=ngettext("{n} hinder", "{n} hinder", recap.hinder).format(n=recap.hinder),
            resurs=ngettext("{n} resurs", "{n} resurser", recap.resurs).format(n=recap.resurs),
        )
    )
    if recap.session.end_note:
        lines.append(_("Anteckning: {note}").format(note=recap.session.end_note))
    area = interview.bank.area(recap.next_area_id).label_in(register)
    lines.append(_("I dag fortsätter vi med: {area}.").format(area=area))
    return "\n".join(lines)
