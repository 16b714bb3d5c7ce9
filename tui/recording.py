"""The person's decisions turned into store writes: accept, reject (withdraw), undo.

Accepting writes one transaction before the screen shows it as accepted. Rejecting a code that was never
accepted writes nothing. Undo of an acceptance marks it entered-in-error; nothing is deleted.
"""

from __future__ import annotations

from typing import Protocol

from coder.decision import CertaintyRaiseRefused, Decision, Reviewer, build_decision
from coder.model import Certainty, Suggestion
from tui.choices import Choice, NoteChoices, Step


class DecisionStore(Protocol):
    def accept(self, decision: Decision) -> Decision: ...

    def mark_entered_in_error(self, decision_id: str, reviewer: Reviewer) -> Decision: ...

    def decisions(self, status: str | None = None, note_id: str | None = None) -> list[Decision]: ...


class Refused(ValueError):
    """A key that cannot do anything here; the message is one Dutch line for the notification."""


class Recorder:
    def __init__(self, store: DecisionStore, engine_version: str) -> None:
        self.store = store
        self.engine_version = engine_version

    def accept(
        self, choices: NoteChoices, key: str, reviewer: Reviewer, certainty: Certainty | None = None
    ) -> Step:
        candidate = choices.candidate(key)
        suggestion = candidate.suggestion
        if suggestion is None or not candidate.decidable:
            raise Refused(
                "Overwogen, niet voorgesteld: voeg zelf een code toe met + als u iets wilt vastleggen."
            )
        current = choices.choice(key)
        if current.state == "accepted" and current.decision is not None:
            if certainty is None or certainty == current.decision.certainty:
                raise Refused(f"{suggestion.code} is al aangenomen.")
            raise Refused(
                f"{suggestion.code} is al aangenomen als {current.decision.certainty}; "
                "maak het eerst ongedaan (u) of wijs het af (x)."
            )
        decision = self._build(choices, suggestion, reviewer, certainty)
        stored = self.store.accept(decision)  # durable when it returns; StoreError otherwise
        return choices.apply(key, Choice("accepted", stored))

    def reject(self, choices: NoteChoices, key: str, reviewer: Reviewer | None) -> Step:
        candidate = choices.candidate(key)
        if not candidate.decidable:
            raise Refused("Overwogen, niet voorgesteld: er is niets af te wijzen.")
        current = choices.choice(key)
        if current.state == "rejected":
            raise Refused("Al afgewezen.")
        if current.state == "accepted" and current.decision is not None:
            if reviewer is None:
                raise Refused("Wie bent u? Vul eerst uw naam in.")
            self.store.mark_entered_in_error(current.decision.id, reviewer)
        return choices.apply(key, Choice("rejected"))

    def undo(self, choices: NoteChoices, reviewer: Reviewer | None) -> Step:
        """Take back the last decision on this note. Returns the step that was undone."""
        step = choices.last_step()
        if step is None:
            raise Refused("Niets om ongedaan te maken bij deze notitie.")
        after, before = step.after, step.before
        if after.state == "accepted" and after.decision is not None:
            if reviewer is None:
                raise Refused("Wie bent u? Vul eerst uw naam in.")
            self.store.mark_entered_in_error(after.decision.id, reviewer)
            choices.revert(step)
        elif before.state == "accepted" and before.decision is not None:
            # The step withdrew an acceptance: undoing it accepts the same code again, as a new record.
            if reviewer is None:
                raise Refused("Wie bent u? Vul eerst uw naam in.")
            suggestion = choices.candidate(step.key).suggestion
            assert suggestion is not None
            again = self._build(choices, suggestion, reviewer, before.decision.certainty)
            stored = self.store.accept(again)
            choices.revert(step)
            choices.replace(step.key, Choice("accepted", stored))
        else:
            choices.revert(step)
        return step

    def _build(
        self, choices: NoteChoices, suggestion: Suggestion, reviewer: Reviewer, certainty: Certainty | None
    ) -> Decision:
        try:
            return build_decision(choices.note, suggestion, reviewer, self.engine_version, certainty)
        except CertaintyRaiseRefused as err:
            raise Refused(
                "Als registratiemedewerker kunt u de zekerheid niet verhogen "
                f"({err.suggested} → {err.requested})."
            ) from None
