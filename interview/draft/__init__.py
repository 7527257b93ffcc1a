"""The sammanställning: composing the draft, its versions, review, read-back and signing.

No UI and no SQL here: storage/ keeps the versions, interview/tui/ shows them.
"""
