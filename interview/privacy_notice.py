"""The information about personal data (GDPR art. 13) given to a participant, in plain Swedish.

The unit processes the participant's data because it is part of its public task, not because of a
medgivande: the medgivande is only about exchanging information with others. So this notice is
separate from it, and says so. The text is translated with the interface like every other string;
the screen only shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from interview.i18n import _


@dataclass(frozen=True)
class NoticeSection:
    """One heading and its short paragraphs."""

    heading: str
    paragraphs: tuple[str, ...]


def privacy_notice(unit: str) -> list[NoticeSection]:
    """Return the notice for a participant of ``unit`` (the unit's name, from the settings)."""
    return [
        NoticeSection(
            _("Vem är ansvarig?"),
            (
                _("{unit} är ansvarig för dina personuppgifter.").format(unit=unit),
                _("Du kan alltid fråga din handläggare om dina uppgifter."),
            ),
        ),
        NoticeSection(
            _("Varför sparar vi uppgifter om dig?"),
            (
                _("Vi sparar uppgifter för att kunna ge dig stöd att komma närmare arbete."),
                _(
                    "Det är en del av kommunens uppgift enligt lag. Därför behöver vi inte ditt "
                    "samtycke för att spara uppgifterna."
                ),
                _(
                    "Medgivandet om informationsutbyte är något annat. Det gäller bara om vi får "
                    "prata med andra om dig, till exempel Arbetsförmedlingen."
                ),
            ),
        ),
        NoticeSection(
            _("Vad sparar vi?"),
            (
                _("Ditt namn och ditt personnummer."),
                _("Det du berättar i samtalen, med dina egna ord."),
                _(
                    "Uppgifter om hälsa, ekonomi och din situation, om de har betydelse för att "
                    "du ska kunna arbeta."
                ),
                _("Sammanställningen och planen som vi gör tillsammans."),
            ),
        ),
        NoticeSection(
            _("Vem kan se uppgifterna?"),
            (
                _("Bara de handläggare som arbetar med ditt ärende."),
                _("Uppgifterna skyddas av sekretess. De sparas krypterade."),
                _(
                    "Vi lämnar bara uppgifter till andra om du har gett ditt medgivande, eller om "
                    "en lag säger det."
                ),
            ),
        ),
        NoticeSection(
            _("Hur länge sparas uppgifterna?"),
            (
                _("Uppgifterna sparas så länge kommunens regler för arkiv säger."),
                _("Sedan tas de bort. Det kallas gallring."),
            ),
        ),
        NoticeSection(
            _("Dina rättigheter"),
            (
                _("Du har rätt att få veta vilka uppgifter vi har om dig. Det kallas registerutdrag."),
                _("Du har rätt att få fel uppgifter rättade."),
                _("Du kan i vissa fall be oss att använda uppgifterna mindre (begränsning)."),
                _("Om du tycker att vi gör fel kan du klaga hos Integritetsskyddsmyndigheten (IMY)."),
            ),
        ),
        NoticeSection(
            _("Du får säga nej till medgivandet"),
            (
                _("Det är frivilligt att ge medgivande om informationsutbyte."),
                _("Om du säger nej får du ändå stöd av oss."),
                _(
                    "Men det kan ta längre tid, eftersom vi inte kan prata direkt med till exempel "
                    "Arbetsförmedlingen eller vården. Du kan själv lämna uppgifter till dem."
                ),
                _("Du kan ta tillbaka ett medgivande när du vill."),
            ),
        ),
    ]
