"""benchmarks/generate.py: deterministic, streamed, realistic-looking notes within the length bounds."""

from __future__ import annotations

import importlib.util
import io
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "benchmarks" / "generate.py"


@pytest.fixture(scope="module")
def generate():
    spec = importlib.util.spec_from_file_location("benchmark_generate", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_same_seed_same_notes_and_other_seed_other_notes(generate):
    assert list(generate.generate_notes(200, seed=3)) == list(generate.generate_notes(200, seed=3))
    assert list(generate.generate_notes(50, seed=3)) != list(generate.generate_notes(50, seed=4))


def test_notes_have_the_fields_and_lengths_asked_for(generate):
    notes = list(generate.generate_notes(500, seed=2))
    assert [n["id"] for n in notes] == [f"N{i:07d}" for i in range(1, 501)]
    for note in notes:
        assert set(note) == {"id", "client", "date", "author", "organisation", "text"}
        assert generate.MIN_CHARS <= len(note["text"]) <= generate.MAX_CHARS
        assert note["text"].count(".") >= 3  # several sentences
    assert len({n["client"] for n in notes}) < len(notes)  # clients have more than one note
    texts = " ".join(n["text"] for n in notes)
    for kind in ("Intake", "Huisbezoek", "school", "geen", "veiligheidsplan", "pleeggezin", "schulden"):
        assert kind in texts


def test_a_client_keeps_the_same_family_across_notes(generate):
    names = set(generate.FIRST_NAMES)
    for note in generate.generate_notes(1000, seed=5):
        identity = generate._client_identity(5, int(note["client"][1:]) - 1)
        family = {identity[role] for role in ("naam", "moeder", "vader", "sibling")}
        named = {word.strip(".,;:()") for word in note["text"].split()} & names
        assert named <= family, (note["id"], named - family)


def test_jsonl_output_round_trips(generate):
    out = io.StringIO()
    count = generate.write_jsonl(itertools.islice(generate.generate_notes(10, seed=1), 10), out)
    lines = out.getvalue().splitlines()
    assert count == len(lines) == 10
    assert [json.loads(line) for line in lines] == list(generate.generate_notes(10, seed=1))


def test_command_line_writes_the_same_file_for_the_same_seed(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    for path in (first, second):
        command = [sys.executable, str(SCRIPT), "--n", "300", "--seed", "9", "--out", str(path)]
        subprocess.run(command, check=True)
    assert first.read_bytes() == second.read_bytes()
    assert len(first.read_text(encoding="utf-8").splitlines()) == 300
