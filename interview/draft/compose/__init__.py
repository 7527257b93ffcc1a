"""The composer: a kartläggning's records in, a Swedish draft sammanställning out.

A pure function: no UI, no SQL, no clock. Every sentence it writes carries references to the records
it was made from. The participant's words are quoted verbatim and attributed; everything kartlagg
writes around them is short, plain Swedish (LIX ≤ 40, tested). Areas that were not talked about are
listed as such, never dropped, and nothing is stated that no record supports.

One module per part: ``sentences`` (sentences and their references), ``heading``, ``areas`` (the
text of each area), ``motivation``, ``actions`` (åtgärder), ``caseworker`` (assessment, synpunkter,
read-back, signatures) and ``composer`` (the whole draft in the bank's order).
"""

from __future__ import annotations

from interview.draft.compose.composer import compose, unsigned_version
from interview.draft.compose.heading import tolk_noun
from interview.draft.compose.motivation import MOTIVATION_FIELDS, SCALES
from interview.draft.compose.sentences import first_name, genitive, masked_number

__all__ = [
    "MOTIVATION_FIELDS",
    "SCALES",
    "compose",
    "first_name",
    "genitive",
    "masked_number",
    "tolk_noun",
    "unsigned_version",
]
