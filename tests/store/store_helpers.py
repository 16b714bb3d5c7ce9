"""Builders for notes, suggestions and reviewers used by the store tests."""

from __future__ import annotations

from coder.decision import Reviewer
from coder.model import Note, Qualifiers, Span, Suggestion

TEST_SYSTEM = "https://example.org/casecoder-test"  # placeholder codes, never shipped

NOTE_TEXT = (
    "Vader slaat Jayden met een riem, vertelt de buurvrouw. "
    "Jayden komt vaak zonder ontbijt naar school en heeft blauwe plekken op zijn rug."
)
AUTHOR = Reviewer("Anna de Vries", "professional", "skj:12345678")
REGISTRAR = Reviewer("Bram Jansen", "registratie")


def make_note(note_id: str = "note-17", text: str = NOTE_TEXT, client: str | None = "client-4711") -> Note:
    fields = {} if client is None else {"client": client}
    return Note(note_id, text, fields, origin="notes.jsonl", line=1)


def make_suggestion(
    note: Note,
    word: str = "slaat",
    code: str = "test-code-1",
    certainty: str = "vermoeden",
    value: str | None = None,
) -> Suggestion:
    """A suggestion whose evidence is `word` in the note (the codes here are placeholders, never shipped)."""
    start = note.text.index(word)
    return Suggestion(
        system=TEST_SYSTEM,
        code=code,
        display="placeholder label",
        qualifiers=Qualifiers(certainty=certainty, source="third_party"),
        evidence=(Span(start, start + len(word), word),),
        triggers=(),
        rule="test-rule",
        why="Een testregel.",
        value=value,
    )
