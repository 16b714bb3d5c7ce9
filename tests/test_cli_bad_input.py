"""Bad input on the command line: one clear stderr line per problem naming the file and record, never a
traceback, exit status 2, and every good note in the same input still gets its output line.

All bad inputs go through one `casecoder suggest` run (each run loads the engine), one `qualify` run.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = Path(__file__).resolve().parent / "contract"
FIVE_MB = 5_000_000


def casecoder(*args: str, stdin: bytes | None = None, cwd: Path | None = None):
    script = ROOT / ".venv" / "bin" / "casecoder"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "coder.cli"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    proc = subprocess.run(
        [*command, *args], input=stdin, capture_output=True, cwd=cwd or ROOT, env=env, timeout=180
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


def line(record: object) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"


@dataclass(frozen=True)
class Problem:
    where: str  # "file" or "file:line", as the message must name it
    words: tuple[str, ...]  # the message holds one of these (case-insensitive)


GOOD = {
    "g1": "Vader slaat hem met een riem.",
    "g2": "Er is geen veiligheidsplan.",
    "g3": "Tim komt vaak zonder ontbijt naar school.",
    "g4": "Geen bijzonderheden.",
    "g5": "Tim woont in een pleeggezin.",
    "g6": "Moeder heeft schulden.",
    "s1": "Er is sprake van verwaarlozing.",
}


@pytest.fixture(scope="module")
def bad_suggest(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    mixed = b"".join(
        [
            line({"id": "g1", "text": GOOD["g1"]}),
            b'{"id": "j2", "text": "Vader slaat hem."\n',  # 2: not closed
            line({"id": "g2", "text": GOOD["g2"]}),
            line({"id": "j4"}),  # 4: no text
            line({"id": "j5", "text": 42}),  # 5: text is a number
            b"\n",
            line({"id": "g3", "text": GOOD["g3"]}),
            line({"id": "j8", "text": "Vader slaat hem. " * (FIVE_MB // 17 + 1)}),  # 8: a 5 MB note
            b'{"id": "j9", "text": "caf\xe9 \xff"}\n',  # 9: Latin-1, not UTF-8
            line({"id": "g4", "text": GOOD["g4"]}),
        ]
    )
    (folder / "mixed.jsonl").write_bytes(mixed)
    (folder / "latin1.txt").write_bytes("Vader slaat hem, café.".encode("latin-1"))
    rng = random.Random(2)
    (folder / "binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)) + b"\x00")
    (folder / "binary.jsonl").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "empty.jsonl").write_bytes(b"")
    (folder / "huge.txt").write_bytes(b"Moeder slaat hem. " * (FIVE_MB // 18 + 1))
    (folder / "g5.txt").write_text(GOOD["g5"], encoding="utf-8")
    (folder / "g6.txt").write_text(GOOD["g6"], encoding="utf-8")
    stdin = line({"id": "s1", "text": GOOD["s1"]}) + b"not json at all\n"
    inputs = [
        "mixed.jsonl", "latin1.txt", "binary.txt", "g5.txt", "binary.jsonl", "empty.txt", "empty.jsonl",
        "missing.jsonl", "-", "huge.txt", "g6.txt",
    ]  # fmt: skip
    problems = [
        Problem("mixed.jsonl:2", ("json",)),
        Problem("mixed.jsonl:4", ("text",)),
        Problem("mixed.jsonl:5", ("text",)),
        Problem("mixed.jsonl:8", ("mb", "limit", "large", "long")),
        Problem("mixed.jsonl:9", ("utf-8", "utf8")),
        Problem("latin1.txt", ("utf-8", "utf8")),
        Problem("binary.txt", ("binary", "not text", "utf-8", "nul")),
        Problem("binary.jsonl", ("binary", "not text", "utf-8", "nul", "json")),
        Problem("empty.txt", ("empty",)),
        Problem("empty.jsonl", ("empty",)),
        Problem("missing.jsonl", ("no such", "not found", "does not exist", "missing", "cannot")),
        Problem("<stdin>:2", ("json",)),
        Problem("huge.txt", ("mb", "limit", "large", "long")),
    ]
    proc = casecoder("suggest", *inputs, stdin=stdin, cwd=folder)
    return proc, problems


def test_bad_suggest_input_exits_2_without_traceback(bad_suggest):
    proc, _ = bad_suggest
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    assert "Traceback" not in proc.stdout


def test_one_clear_stderr_line_per_problem_naming_file_and_record(bad_suggest):
    proc, problems = bad_suggest
    messages = proc.stderr.splitlines()
    assert len(messages) == len(problems), "\n".join(messages)
    for problem in problems:
        found = [m for m in messages if f"{problem.where}:" in m or m.endswith(problem.where)]
        assert len(found) == 1, (problem, messages)
        (message,) = found
        assert len(message) < 400, message
        assert any(w in message.lower() for w in problem.words), (problem, message)


def test_every_good_note_still_gets_its_line_in_order(bad_suggest):
    proc, problems = bad_suggest
    check = jsonschema.Draft202012Validator(
        json.loads((CONTRACT / "suggest-line.schema.json").read_text(encoding="utf-8"))
    )
    lines = [json.loads(raw) for raw in proc.stdout.splitlines()]
    for out in lines:
        check.validate(out)
    good = [out["note_id"] for out in lines if "suggestions" in out]
    assert good == ["g1", "g2", "g3", "g4", "g5", "s1", "g6"]
    errors = [out for out in lines if "error" in out]
    assert len(errors) == len(problems)
    by_id = {out["note_id"]: out for out in lines}
    assert {s["code"] for s in by_id["g1"]["suggestions"]} >= {"Z16.01"}
    assert [s["value"] for s in by_id["g2"]["suggestions"]] == ["nee"]


def test_only_bad_inputs_still_exit_2_with_one_line_each(tmp_path):
    (tmp_path / "empty.jsonl").write_bytes(b"  \n\n")
    proc = casecoder("suggest", "empty.jsonl", "nowhere.txt", "nowhere", cwd=tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    messages = proc.stderr.splitlines()
    assert len(messages) == 3, messages
    for name, message in zip(("empty.jsonl", "nowhere.txt", "nowhere"), messages, strict=True):
        assert name in message
    assert len(proc.stdout.splitlines()) == 3  # an error line for each in jsonl


# --- qualify ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bad_qualify(tmp_path_factory):
    text = "Er zijn geen aanwijzingen voor koorts."
    start = text.index("koorts")
    good = {"id": "ok", "text": text, "start": start, "end": start + len("koorts")}
    lines = [
        line(good),  # 1
        b'{"id": "q2", "text": \n',  # 2: invalid JSON
        line({"id": "q3", "start": 0, "end": 2}),  # 3: no text
        line({"id": "q4", "text": 7, "start": 0, "end": 1}),  # 4: text not a string
        line({"id": "q5", "text": "kort", "start": 0, "end": 99}),  # 5: end past the text
        line({"id": "q6", "text": "kort", "start": -1, "end": 2}),  # 6: negative start
        line({"id": "q7", "text": "kort", "start": 3, "end": 3}),  # 7: empty span
        line({"id": "q8", "text": "kort", "start": "0", "end": 2}),  # 8: start not a number
        b'{"id": "q9", "text": "\xff", "start": 0, "end": 1}\n',  # 9: not UTF-8
        line(["not", "an", "object"]),  # 10
        line({"text": "kort", "start": 0, "end": 2}),  # 11: no id
        line({**good, "id": 12}),  # 12: good, numeric id
    ]
    path = tmp_path_factory.mktemp("qualify") / "spans.jsonl"
    path.write_bytes(b"".join(lines))
    return casecoder("qualify", str(path)), str(path)


def test_bad_qualify_lines_are_reported_and_the_good_ones_qualified(bad_qualify):
    proc, path = bad_qualify
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    messages = proc.stderr.splitlines()
    bad_lines = list(range(2, 12))
    assert len(messages) == len(bad_lines), messages
    for number, message in zip(bad_lines, messages, strict=True):
        assert f"{path}:{number}" in message, message
    check = jsonschema.Draft202012Validator(
        json.loads((CONTRACT / "qualify-line.schema.json").read_text(encoding="utf-8"))
    )
    out = [json.loads(raw) for raw in proc.stdout.splitlines()]
    qualified = [o for o in out if "error" not in o]
    for o in qualified:
        check.validate(o)
    assert [o["id"] for o in qualified] == ["ok", 12]
    assert all(o["polarity"] == "absent" for o in qualified)
    assert len(out) == 12  # every line answered, in order
    assert [o["id"] for o in out][:1] == ["ok"] and out[-1]["id"] == 12


def test_evaluate_with_no_readable_gold_prints_no_figures(tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "coder.cli", "evaluate", str(tmp_path / "missing.jsonl")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "f1" not in result.stdout
    assert "nothing to score" in result.stderr
    assert "Traceback" not in result.stderr
