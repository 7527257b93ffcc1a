"""The medgivande om informationsutbyte: its rules, with Swedish messages, and its status by date."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from interview.consent import (
    CONSENT_TEXT,
    CONSENT_TEXT_VERSION,
    Category,
    Consent,
    ConsentError,
    ConsentStatus,
    Direction,
    Party,
    PartyKind,
    WithdrawalChannel,
    add_months,
    check_new,
    consent_line,
    consent_status,
    current,
    withdraw,
)
from interview.person_export import PersonExport, render_person_html
from interview.privacy_notice import privacy_notice
from interview.records import Participant

NOW = datetime(2026, 5, 30, 9, 0, tzinfo=UTC)
CASEWORKER = "Handläggare Hanna Exempel"


def make(**changes: Any) -> Consent:
    """A valid medgivande from 2026-05-30 to 2027-05-30, with ``changes``."""
    values: dict[str, Any] = {
        "participant_id": "p1",
        "parties": (
            Party(kind=PartyKind.ARBETSFORMEDLINGEN, direction=Direction.BOTH),
            Party(kind=PartyKind.FORSAKRINGSKASSAN, direction=Direction.OBTAIN),
        ),
        "categories": (Category.IDENTITY, Category.WORK_HISTORY),
        "purpose": "Planera stöd för att komma närmare arbete",
        "valid_from": date(2026, 5, 30),
        "valid_to": date(2027, 5, 30),
        "voluntary_explained": True,
        "signed_on": date(2026, 5, 30),
        "created_at": NOW,
        "created_by": CASEWORKER,
    }
    values.update(changes)
    return Consent(**values)


def test_a_valid_medgivande_names_the_text_version_shown() -> None:
    consent = make()
    assert consent.text_version == CONSENT_TEXT_VERSION
    assert "frivilligt" in CONSENT_TEXT and "återkalla" in CONSENT_TEXT
    assert consent.parties_text == "Arbetsförmedlingen, Försäkringskassan"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"parties": ()}, "parties", "Välj minst en part"),
        ({"categories": ()}, "categories", "Välj minst en sorts uppgifter"),
        ({"purpose": "  "}, "purpose", "Skriv syftet"),
        ({"valid_to": date(2026, 5, 30)}, "valid_to", "Slutdatumet måste vara efter startdatumet"),
        ({"valid_to": date(2026, 5, 1)}, "valid_to", "Slutdatumet måste vara efter startdatumet"),
        ({"valid_to": date(2027, 5, 31)}, "valid_to", "högst 12 månader"),
        ({"voluntary_explained": False}, "voluntary", "frivilligt"),
        ({"valid_from": date(2026, 5, 29)}, "valid_from", "före underskriften"),
        ({"language": "xx"}, "language", "Välj språket"),
        ({"language": "sv"}, "language", "Välj språket"),
        ({"created_by": " "}, "caseworker", "handläggarens namn"),
    ],
)
def test_a_broken_rule_is_refused_in_swedish(changes: dict[str, Any], field: str, message: str) -> None:
    with pytest.raises(ConsentError, match=message) as raised:
        make(**changes)
    assert raised.value.field == field


def test_twelve_months_exactly_is_allowed_and_month_ends_are_kept() -> None:
    assert make(valid_to=date(2027, 5, 30)).valid_to == date(2027, 5, 30)
    assert add_months(date(2028, 2, 29), 12) == date(2029, 2, 28)
    assert add_months(date(2026, 8, 31), 1) == date(2026, 9, 30)
    with pytest.raises(ConsentError, match="senast 2029-02-28"):
        make(
            valid_from=date(2028, 2, 29),
            signed_on=date(2028, 2, 29),
            valid_to=date(2029, 3, 1),
        )


def test_a_named_party_needs_its_name() -> None:
    with pytest.raises(ConsentError, match="vårdenhetens namn") as raised:
        Party(kind=PartyKind.VARDENHET, name="  ")
    assert raised.value.field == "name-vardenhet"
    with pytest.raises(ConsentError, match="andra parten"):
        Party(kind=PartyKind.OTHER)
    assert Party(kind=PartyKind.VARDENHET, name="Vårdcentralen Påhittad").label == (
        "Vårdcentralen Påhittad"
    )
    assert Party(kind=PartyKind.SOCIALTJANSTEN, name="Försörjningsstöd").label == (
        "Socialtjänsten (Försörjningsstöd)"
    )
    with pytest.raises(ConsentError, match="Samma part"):
        make(parties=(Party(kind=PartyKind.FORSAKRINGSKASSAN),) * 2)


def test_what_depends_on_today() -> None:
    consent = make()
    check_new(consent, date(2026, 5, 30))
    with pytest.raises(ConsentError, match="framtiden") as raised:
        check_new(consent, date(2026, 5, 29))
    assert raised.value.field == "signed_on"
    with pytest.raises(ConsentError, match="redan passerat"):
        check_new(consent, date(2027, 5, 31))


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (date(2026, 5, 29), ConsentStatus.NOT_YET_VALID),
        (date(2026, 5, 30), ConsentStatus.VALID),
        (date(2027, 4, 29), ConsentStatus.VALID),  # 31 days left
        (date(2027, 4, 30), ConsentStatus.EXPIRES_SOON),  # 30 days left
        (date(2027, 5, 30), ConsentStatus.EXPIRES_SOON),  # the last day it holds
        (date(2027, 5, 31), ConsentStatus.EXPIRED),
    ],
)
def test_status_at_the_boundaries(today: date, status: ConsentStatus) -> None:
    consent = make(signed_on=date(2026, 5, 29), valid_from=date(2026, 5, 30))
    assert consent_status(consent, today) is status


def test_none_withdrawn_and_the_lines_on_the_overview() -> None:
    assert consent_status(None, date(2026, 6, 1)) is ConsentStatus.NONE
    assert consent_line(None, date(2026, 6, 1)) == "Inget medgivande registrerat"
    assert ConsentStatus.NONE.warning and ConsentStatus.EXPIRED.warning
    assert not ConsentStatus.VALID.warning
    consent = make()
    assert consent_line(consent, date(2026, 6, 1)) == (
        "Medgivande: gäller till 2027-05-30 (Arbetsförmedlingen, Försäkringskassan)"
    )
    assert consent_line(consent, date(2027, 6, 1)) == "Medgivande: UTGÅNGET 2027-05-30"
    withdrawn = withdraw(
        consent,
        date(2026, 11, 2),
        WithdrawalChannel.SKRIFTLIGT,
        by=CASEWORKER,
        at=NOW,
        today=date(2026, 11, 2),
    )
    assert consent.withdrawal is None  # the record itself is never changed
    assert consent_status(withdrawn, date(2026, 11, 3)) is ConsentStatus.WITHDRAWN
    assert consent_line(withdrawn, date(2026, 11, 3)) == "Medgivande: ÅTERKALLAT 2026-11-02"
    assert current([consent, withdrawn]) is withdrawn
    assert current([]) is None


def test_a_withdrawal_is_checked() -> None:
    consent = make()
    kwargs: dict[str, Any] = {"by": CASEWORKER, "at": NOW, "today": date(2026, 6, 1)}
    with pytest.raises(ConsentError, match="framtiden"):
        withdraw(consent, date(2026, 6, 2), WithdrawalChannel.MUNTLIGT, **kwargs)
    with pytest.raises(ConsentError, match="före den dag det skrevs under"):
        withdraw(consent, date(2026, 5, 1), WithdrawalChannel.MUNTLIGT, **kwargs)
    withdrawn = withdraw(consent, date(2026, 6, 1), WithdrawalChannel.OMBUD, **kwargs)
    assert withdrawn.withdrawal is not None
    assert withdrawn.withdrawal.how.label == "via ombud"
    with pytest.raises(ConsentError, match="återkallades redan 2026-06-01"):
        withdraw(withdrawn, date(2026, 6, 1), WithdrawalChannel.MUNTLIGT, **kwargs)


def test_the_privacy_notice_names_the_unit_the_basis_and_the_rights() -> None:
    sections = privacy_notice("Arbetsmarknadsenheten i Exempelby")
    text = "\n".join(
        [section.heading for section in sections]
        + [paragraph for section in sections for paragraph in section.paragraphs]
    )
    assert "Arbetsmarknadsenheten i Exempelby är ansvarig" in text
    for needed in ("samtycke", "Medgivandet", "registerutdrag", "rättade", "begränsning"):
        assert needed in text, needed
    assert "Integritetsskyddsmyndigheten (IMY)" in text
    assert "gallring" in text and "säger nej" in text


def test_the_person_export_holds_every_medgivande() -> None:
    participant = Participant(id="p1", name="Amina Testdotter", created_at=NOW, created_by=CASEWORKER)
    hostile = make(exclusions="<script>alert(1)</script>")
    withdrawn = withdraw(
        make(id="c2"),
        date(2026, 6, 1),
        WithdrawalChannel.MUNTLIGT,
        by=CASEWORKER,
        at=NOW,
        today=date(2026, 6, 1),
    )
    export = PersonExport(generated_at=NOW, participant=participant, consents=(hostile, withdrawn))
    assert PersonExport.model_validate_json(export.model_dump_json()) == export
    page = render_person_html(export)
    assert "Medgivanden om informationsutbyte" in page
    assert "&lt;script&gt;" in page and "<script>" not in page
    assert "Återkallat" in page and "muntligt" in page
    assert "Det finns inget medgivande." in render_person_html(
        PersonExport(generated_at=NOW, participant=participant)
    )
