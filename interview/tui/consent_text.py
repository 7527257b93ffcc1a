"""A medgivande om informationsutbyte written out in full for the screen (typed text made safe)."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from interview.consent import Consent, consent_line
from interview.i18n import _
from interview.languages import is_known, language
from interview.text import for_display
from interview.tui.labels import day

SWEDISH = "sv"


def _language_name(tag: str | None) -> str:
    if tag is None:
        return language(SWEDISH).name
    return language(tag).name if is_known(tag) else tag


def consent_details(consent: Consent, today: date) -> Text:
    """Return everything in ``consent`` as plain text for the screen (typed text made safe)."""
    text = Text()
    text.append(for_display(consent_line(consent, today)) + "\n\n", style="bold")

    def fact(label: str, value: str) -> None:
        text.append(label + ": ", style="bold")
        text.append(value + "\n")

    fact(_("Gäller"), f"{day(consent.valid_from)} – {day(consent.valid_to)}")
    text.append(_("Parter") + ":\n", style="bold")
    for party in consent.parties:
        text.append(f"  • {for_display(party.label)} – {party.direction.label}\n")
    text.append(_("Uppgifter") + ":\n", style="bold")
    for category in consent.categories:
        text.append(f"  • {category.label}\n")
    fact(_("Undantag"), for_display(consent.exclusions) if consent.exclusions else "–")
    fact(_("Syfte"), for_display(consent.purpose))
    fact(
        _("Företrädare"),
        for_display(consent.legal_representative) if consent.legal_representative else "–",
    )
    explained = _language_name(consent.language)
    if consent.tolk:
        explained = _("{language}, med tolk").format(language=explained)
    fact(_("Förklarat på"), explained)
    fact(_("Frivilligt och vad ett nej betyder"), _("förklarat"))
    fact(
        _("Underskrivet"),
        _("{date}, text {version}").format(date=day(consent.signed_on), version=consent.text_version),
    )
    fact(
        _("Registrerat"),
        _("{date} av {who}").format(date=day(consent.created_at), who=for_display(consent.created_by)),
    )
    withdrawal = consent.withdrawal
    if withdrawal is not None:
        fact(
            _("Återkallat"),
            _("{date} ({how}), registrerat av {who}").format(
                date=day(withdrawal.withdrawn_on),
                how=withdrawal.how.label,
                who=for_display(withdrawal.recorded_by),
            ),
        )
    return text
