"""Nothing of a note is kept unless a code is accepted, and then only the code's own evidence words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tui_helpers import NOTES, make_app, ready, until

pytestmark = pytest.mark.anyio


def stored_bytes(folder: Path) -> bytes:
    """Everything on disk next to the store: the database and its -wal/-shm files, and anything else."""
    return b"".join(path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file())


def note_words(text: str) -> set[str]:
    return {word for word in re.findall(r"\w{4,}", text)}


async def browse_everything_without_accepting(pilot, screen) -> None:
    await pilot.press("down", "x", "u", "x")  # reject, undo, reject: none of it is stored
    await pilot.press("plus", *"Z16.02", "enter")  # added by hand, never accepted
    await pilot.press("w", "escape", "question_mark", "escape")
    for _ in NOTES:
        await pilot.press("n")
        await until(pilot, lambda: screen.choices is not None)
    await pilot.press("q")


async def test_quitting_without_accepting_leaves_no_note_words(tmp_path):
    folder = tmp_path / "store"
    app = make_app(folder / "t.db")
    async with app.run_test() as pilot:
        screen = await ready(pilot)
        await browse_everything_without_accepting(pilot, screen)
    app.store.close()
    on_disk = stored_bytes(folder).decode("utf-8", "replace")
    assert on_disk  # the store was created
    for note in NOTES:
        leaked = {word for word in note_words(note.text) if word in on_disk}
        assert not leaked, f"{note.id}: {sorted(leaked)}"
    assert "C-17" not in on_disk  # nor the client id


async def test_an_accepted_code_keeps_only_its_evidence_words(tmp_path):
    folder = tmp_path / "store"
    app = make_app(folder / "t.db")
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("a", "q")
    [decision] = app.store.decisions()
    app.store.close()
    on_disk = stored_bytes(folder).decode("utf-8", "replace")
    evidence = {word for span in decision.evidence for word in note_words(span.text)}
    assert evidence == {"lichamelijke", "mishandeling", "striemen"}
    assert evidence <= {w for w in note_words(on_disk)}
    # The record's own values (code label, certainty "vermoeden"...) may repeat a word of the note.
    values = " ".join(str(value) for value in vars(decision).values())
    rest = note_words(NOTES[0].text) - evidence - note_words(values)
    leaked = {word for word in rest if word in on_disk}
    assert not leaked, sorted(leaked)
