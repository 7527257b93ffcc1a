"""Changing an earlier answer: its tag (hinder, resurs, fakta) and its text (the earlier text kept).

Tags are history from before the karta: the karta's statements (:mod:`interview.engine.karta`) now
say what an answer gave. Setting a tag stays until the interface writes statements instead.
"""

from __future__ import annotations

from interview.engine.checks import valid_answer
from interview.engine.errors import InterviewError
from interview.engine.state import InterviewState
from interview.i18n import _
from interview.records import Exchange, Revision, Tag, TagChange


class Revisions(InterviewState):
    """Tags and edits of answers already given; each change is kept in the answer's history."""

    def tag(self, exchange_id: str, tag: Tag | None) -> Exchange:
        """Tag an answer as hinder, resurs or fakta (None removes the tag)."""
        exchange = self.exchange(exchange_id)
        if exchange.skipped:
            raise InterviewError(_("Frågan hoppades över och har inget svar att märka."))
        if exchange.tag is tag:
            return exchange
        change = TagChange(tag=tag, set_at=self._clock(), set_by=self._author())
        self._store.set_tag(exchange.id, change)
        updated = exchange.model_copy(update={"tags": (*exchange.tags, change)})
        self._replace(updated)
        return updated

    def edit(self, exchange_id: str, text: str) -> Exchange:
        """Change an earlier answer; the earlier text is kept as a revision."""
        exchange = self.exchange(exchange_id)
        if exchange.skipped or exchange.answer is None:
            raise InterviewError(_("Frågan hoppades över och har inget svar att ändra."))
        cleaned = valid_answer(text, self._bank_question(exchange.question_id))
        if cleaned == exchange.answer:
            return exchange
        now = self._clock()
        author = self._author()
        self._store.revise_answer(exchange.id, cleaned, exchange.revision + 1, now, author)
        earlier = Revision(
            revision=exchange.revision,
            text=exchange.answer,
            saved_at=exchange.answered_at or now,
            saved_by=exchange.answered_by or author,
        )
        updated = exchange.model_copy(
            update={
                "answer": cleaned,
                "revision": exchange.revision + 1,
                "answered_at": now,
                "answered_by": author,
                "revisions": (*exchange.revisions, earlier),
            }
        )
        self._replace(updated)
        return updated
