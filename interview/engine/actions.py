"""Åtgärder: what must happen, who is responsible and by when, in an ordered list."""

from __future__ import annotations

from datetime import date

from interview.engine.checks import valid_action
from interview.engine.errors import InterviewError
from interview.engine.state import InterviewState
from interview.i18n import _
from interview.records import Action


class ActionSteps(InterviewState):
    """Adding, changing and removing the åtgärder agreed with the participant."""

    @property
    def actions(self) -> tuple[Action, ...]:
        """The åtgärder agreed so far, by position."""
        return tuple(self._actions)

    def action(self, action_id: str) -> Action:
        """Return the åtgärd ``action_id``."""
        for action in self._actions:
            if action.id == action_id:
                return action
        raise InterviewError(_("Åtgärden finns inte."))

    def add_action(self, what: str, who: str, due: date | None) -> Action:
        """Add an åtgärd at the end of the list: what must happen, who is responsible, by when."""
        cleaned_what, cleaned_who = valid_action(what, who)
        now = self._clock()
        position = self._actions[-1].position + 1 if self._actions else 1
        action = Action(
            kartlaggning_id=self.kartlaggning.id,
            position=position,
            what=cleaned_what,
            who=cleaned_who,
            due=due,
            created_at=now,
            updated_at=now,
            updated_by=self._author(),
        )
        self._store.save_action(action)
        self._actions.append(action)
        return action

    def update_action(self, action_id: str, what: str, who: str, due: date | None) -> Action:
        """Change an åtgärd's text, responsible person or date; it keeps its place in the list."""
        action = self.action(action_id)
        cleaned_what, cleaned_who = valid_action(what, who)
        if (cleaned_what, cleaned_who, due) == (action.what, action.who, action.due):
            return action
        updated = action.model_copy(
            update={
                "what": cleaned_what,
                "who": cleaned_who,
                "due": due,
                "updated_at": self._clock(),
                "updated_by": self._author(),
            }
        )
        self._store.save_action(updated)
        self._actions = [updated if item.id == action.id else item for item in self._actions]
        return updated

    def remove_action(self, action_id: str) -> None:
        """Remove an åtgärd from the list (storage keeps it, marked as removed)."""
        action = self.action(action_id)
        self._store.remove_action(action.id, self._clock(), self._author())
        self._actions = [item for item in self._actions if item.id != action.id]
