"""Sampling: reproducible (same seed, same sample, in any input order), uniform enough, stratified, per client
with all the client's notes, bad records reported; `casecoder sample` end to end."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest
from test_export_fhir import casecoder

from coder.model import Note
from coder.sampling import BadRecord, Sampler, draw

ORGANISATIONS = ("wijkteam", "veilig-thuis", "jgz")


def _notes(count: int = 300) -> list[Note]:
    return [
        Note(
            f"n{i}",
            f"notitie {i}",
            {"client": f"c{i % 60}", "organisation": ORGANISATIONS[i % 3] if i < 270 else "gezinsvoogd"},
        )
        for i in range(count)
    ]


def test_same_seed_same_sample_and_other_seed_other_sample() -> None:
    notes = _notes()
    first = draw(notes, 20, "2026-dossierstudie")
    assert len(first.units) == 20 == len(first.notes)
    assert draw(notes, 20, "2026-dossierstudie") == first
    assert draw(notes, 20, "another seed").units != first.units


def test_the_sample_does_not_depend_on_input_order() -> None:
    notes = _notes()
    shuffled = notes[:]
    random.Random(7).shuffle(shuffled)
    assert set(draw(shuffled, 20, "s").units) == set(draw(notes, 20, "s").units)


def test_output_keeps_input_order_and_a_small_input_is_taken_whole() -> None:
    sample = draw(_notes(), 20, "s")
    positions = [int(unit[1:]) for unit in sample.units]
    assert positions == sorted(positions)
    assert draw(_notes(5), 20, "s").units == ("n0", "n1", "n2", "n3", "n4")


def test_every_note_has_a_fair_chance() -> None:
    notes = _notes(40)
    hits = Counter(unit for seed in range(400) for unit in draw(notes, 10, str(seed)).units)
    # Each note is expected in 100 of the 400 samples; a fair draw stays well inside 55..145.
    assert set(hits) == {n.id for n in notes}
    assert all(55 <= count <= 145 for count in hits.values()), hits


def test_stratified_draws_n_per_value() -> None:
    sample = draw(_notes(), 5, "s", per="organisation")
    per = Counter(note.fields["organisation"] for note in sample.notes)
    assert per == {"wijkteam": 5, "veilig-thuis": 5, "jgz": 5, "gezinsvoogd": 5}
    strata = {s.value: (s.chosen, s.population) for s in sample.strata}
    assert strata == {"gezinsvoogd": (5, 30), "jgz": (5, 90), "veilig-thuis": (5, 90), "wijkteam": (5, 90)}
    assert draw(_notes(), 5, "s", per="organisation") == sample


def test_per_client_takes_all_notes_of_the_chosen_clients() -> None:
    notes = _notes()
    sample = draw(notes, 4, "s", unit="client")
    assert len(sample.units) == 4
    expected = [n.id for n in notes if n.client in sample.units]
    assert [n.id for n in sample.notes] == expected and len(expected) == 20  # 5 notes per client


def test_bad_records_raise_and_the_sampler_goes_on() -> None:
    sampler = Sampler(3, "s", per="organisation")
    with pytest.raises(BadRecord, match="organisation"):
        sampler.add(Note("x", "tekst", {}))
    for note in _notes(9):
        sampler.add(note)
    assert len(sampler.sample().units) == 9  # 3 strata of 3
    with pytest.raises(BadRecord, match="no client"):
        Sampler(3, "s", unit="client").add(Note("y", "tekst"))
    with pytest.raises(ValueError):
        Sampler(0, "s")


# -- end to end ---------------------------------------------------------------------------------------------


def _write_input(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for note in _notes(60):
            handle.write(json.dumps({"id": note.id, "text": note.text, **note.fields}) + "\n")
        handle.write('{"id": "no-org", "text": "tekst"}\n')
        handle.write("{broken\n")
    return path


def test_casecoder_sample_end_to_end(tmp_path: Path) -> None:
    source = _write_input(tmp_path / "notes.jsonl")
    args = ("sample", source, "--n", "4", "--seed", "steekproef-1", "--per", "organisation")
    first, second = casecoder(*args), casecoder(*args)
    assert first.returncode == 2, first.stderr  # two bad records
    assert first.stdout == second.stdout
    lines = [json.loads(line) for line in first.stdout.splitlines()]
    assert Counter(line["organisation"] for line in lines) == {"wijkteam": 4, "veilig-thuis": 4, "jgz": 4}
    assert all(line["text"].startswith("notitie ") and "client" in line for line in lines)
    errors = [line for line in first.stderr.splitlines() if str(source) in line]
    assert len(errors) == 2 and any("no-org" in e for e in errors) and "Traceback" not in first.stderr
    assert "12 of 60 notes" in first.stderr


def test_casecoder_sample_ids_only_per_client(tmp_path: Path) -> None:
    source = tmp_path / "notes.jsonl"
    source.write_text(
        "".join(json.dumps({"id": n.id, "text": n.text, **n.fields}) + "\n" for n in _notes(60)),
        encoding="utf-8",
    )
    result = casecoder("sample", source, "--n", "5", "--seed", "7", "--unit", "client", "--ids-only")
    assert result.returncode == 0, result.stderr
    ids = result.stdout.split()
    assert len(ids) == 5 and all(i.startswith("c") for i in ids)
    assert ids == list(draw(_notes(60), 5, "7", unit="client").units)
