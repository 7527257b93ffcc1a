"""The canonical form of a draft and its SHA-256: what is frozen and printed when a version is signed.

The canonical form is the draft's JSON with sorted keys, no insignificant whitespace and text kept as
it is (not escaped to ASCII, not normalised), encoded as UTF-8. The same draft always gives the same
bytes, on any machine and in any run, so the hash can be checked again at any time.
"""

from __future__ import annotations

import hashlib
import json

from interview.draft.models import Draft


def canonical_json(draft: Draft) -> str:
    """Return the canonical JSON text of ``draft``."""
    return json.dumps(
        draft.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )


def content_hash(content: str) -> str:
    """Return the SHA-256 (hex) of a canonical JSON text."""
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def read_frozen(content: str) -> Draft:
    """Return the draft stored as canonical JSON (a signed version's content)."""
    return Draft.model_validate_json(content)
