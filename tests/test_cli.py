"""`casecoder` end to end, in a subprocess: help on every command, `suggest` (jsonl and text), `qualify`,
`evaluate` and `terminology`, with every jsonl line checked against the contract schemas.

Each command run loads the engine (~1-2 s), so one run serves several tests (module-scoped fixtures).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = Path(__file__).resolve().parent / "contract"
SHARED_CONTRACT = ROOT.parent / "shared" / "contract"
SCHEMAS = ("suggest-line.schema.json", "qualify-line.schema.json")


def casecoder(*args: str, stdin: str | bytes | None = None, cwd: Path | None = None, timeout: float = 120):
    """Run the command line; returns the CompletedProcess with text stdout/stderr."""
    script = ROOT / ".venv" / "bin" / "casecoder"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "coder.cli"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proc = subprocess.run(
        [*command, *args], input=data, capture_output=True, cwd=cwd or ROOT, env=env, timeout=timeout
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((CONTRACT / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def jsonl(*records: dict) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def no_traceback(proc) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stdout


# --- the contract ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SCHEMAS)
def test_the_contract_copies_are_the_shared_schemas(name):
    if not SHARED_CONTRACT.is_dir():
        pytest.skip("../shared/contract is not here; the copy in tests/contract is used")
    assert (CONTRACT / name).read_bytes() == (SHARED_CONTRACT / name).read_bytes(), (
        f"tests/contract/{name} differs from ../shared/contract/{name}: copy it again"
    )


# --- help ---------------------------------------------------------------------------------------------


def command_paths() -> list[tuple[str, ...]]:
    """Every command and subcommand the parser knows, e.g. ("terminology", "search")."""
    from coder.cli import build_parser

    def walk(parser: argparse.ArgumentParser, prefix: tuple[str, ...]):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield prefix + (name,)
                    yield from walk(sub, prefix + (name,))

    return list(walk(build_parser(), ()))


def test_the_commands_of_the_issue_are_there():
    paths = command_paths()
    for expected in [("suggest",), ("qualify",), ("evaluate",), ("terminology", "search"),
                     ("terminology", "show")]:  # fmt: skip
        assert expected in paths


@pytest.mark.parametrize("path", [(), *command_paths()], ids=lambda p: " ".join(p) or "casecoder")
def test_help_on_every_command_and_subcommand(path):
    proc = casecoder(*path, "--help")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("usage: casecoder"), proc.stdout[:200]
    assert proc.stderr == ""
    no_traceback(proc)


def test_version():
    proc = casecoder("--version")
    assert proc.returncode == 0
    assert proc.stdout.startswith("casecoder ")


def test_an_unknown_command_is_a_usage_error_without_traceback():
    proc = casecoder("nonsense")
    assert proc.returncode == 2  # argparse's usage error
    assert "usage:" in proc.stderr
    no_traceback(proc)


# --- suggest ----------------------------------------------------------------------------------------

NOTES = {
    "n3": "Kevin vertelt dat vader hem slaat met een riem.",
    "n1": "Er zijn geen aanwijzingen voor mishandeling. Ouders zijn betrokken.",
    "n2": "Moeder heeft schulden en er is bewind.",
}
TXT_NOTE = "Er is nog geen veiligheidsplan opgesteld."
STDIN_NOTES = {"s1": "Tim woont sinds vorig jaar in een pleeggezin."}


@pytest.fixture(scope="module")
def suggest_inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("suggest")
    records = [{"id": k, "text": v, "client": "C1"} for k, v in NOTES.items()]
    lines = jsonl(*records[:2]) + '{"id": "bad", "tekst": "typo in the key"}\n' + jsonl(records[2])
    (folder / "notes.jsonl").write_text(lines, encoding="utf-8")
    (folder / "plan.txt").write_text(TXT_NOTE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def suggest_jsonl(suggest_inputs):
    stdin = jsonl(*({"id": k, "text": v} for k, v in STDIN_NOTES.items()))
    return casecoder("suggest", "notes.jsonl", "-", "plan.txt", stdin=stdin, cwd=suggest_inputs)


def test_suggest_writes_one_line_per_record_in_input_order(suggest_jsonl):
    lines = [json.loads(line) for line in suggest_jsonl.stdout.splitlines()]
    assert [line["note_id"] for line in lines] == ["n3", "n1", "bad", "n2", "s1", "plan"]
    assert suggest_jsonl.stdout.endswith("\n")


def test_suggest_lines_keep_the_contract(suggest_jsonl):
    check = validator("suggest-line.schema.json")
    texts = {**NOTES, **STDIN_NOTES, "plan": TXT_NOTE}
    for raw in suggest_jsonl.stdout.splitlines():
        line = json.loads(raw)
        check.validate(line)
        for s in line.get("suggestions", ()):
            text = texts[line["note_id"]]
            for span in s["evidence"] + s["triggers"]:
                assert text[span["start"] : span["end"]] == span["text"], (line["note_id"], span)


def test_a_failed_record_gets_an_error_line_and_exit_2(suggest_jsonl):
    lines = {json.loads(line)["note_id"]: json.loads(line) for line in suggest_jsonl.stdout.splitlines()}
    assert "text" in lines["bad"]["error"]
    assert suggest_jsonl.returncode == 2
    (message,) = suggest_jsonl.stderr.splitlines()
    assert "notes.jsonl:3" in message and "text" in message
    no_traceback(suggest_jsonl)


def test_suggest_finds_what_the_notes_say(suggest_jsonl):
    lines = {json.loads(line)["note_id"]: json.loads(line) for line in suggest_jsonl.stdout.splitlines()}

    def codes(note_id, asserted=True):
        return {
            (s["code"], s["value"])
            for s in lines[note_id]["suggestions"]
            if not asserted or (s["polarity"] == "present" and s["temporality"] in ("current", "historical"))
        }

    assert ("Z16.01", None) in codes("n3")
    (z1601,) = [s for s in lines["n3"]["suggestions"] if s["code"] == "Z16.01"]
    assert z1601["certainty"] == "vermoeden" and z1601["source"] == "client"
    assert codes("n1") == set()  # negated: listed as absent at most
    assert all(s["polarity"] == "absent" for s in lines["n1"]["suggestions"])
    assert lines["n2"]["suggestions"] == []  # social circumstances only
    assert codes("s1") == {("Z16.03", None)}
    assert codes("plan") == {("veiligheidsplan", "nee")}


@pytest.fixture(scope="module")
def suggest_text(suggest_inputs):
    return casecoder("suggest", "--format", "text", "notes.jsonl", "plan.txt", cwd=suggest_inputs)


def test_suggest_text_is_for_people(suggest_text):
    out = suggest_text.stdout
    assert suggest_text.returncode == 2  # the bad record still fails
    no_traceback(suggest_text)
    order = [out.index(note_id) for note_id in ("n3", "n1", "n2", "plan")]
    assert order == sorted(order)
    assert "Z16.01" in out and "vermoeden" in out
    assert "[[slaat" in out or "\x1b[1mslaat" in out  # the evidence is marked in its sentence
    assert '"note_id"' not in out  # not the jsonl format


# --- qualify ------------------------------------------------------------------------------------------


def span_record(id_, text, target):
    start = text.index(target)
    return {"id": id_, "text": text, "start": start, "end": start + len(target)}


QUALIFY_RECORDS = [
    span_record("q1", "Er zijn geen aanwijzingen voor koorts.", "koorts"),
    span_record(2, "Moeder zegt dat hij slecht slaapt.", "slaapt"),
    span_record("q3", "Vroeger had hij astma.", "astma"),
    span_record("q4", "Mocht de koorts stijgen, bel dan de huisarts.", "koorts"),
    span_record("q5", "Hij heeft koorts.", "koorts"),
]


@pytest.fixture(scope="module")
def qualify_run():
    return casecoder("qualify", "--format", "jsonl", stdin=jsonl(*QUALIFY_RECORDS))  # a file: see bad input


def test_qualify_writes_the_context_of_each_span(qualify_run):
    check = validator("qualify-line.schema.json")
    assert qualify_run.returncode == 0, qualify_run.stderr
    assert qualify_run.stderr == ""
    lines = [json.loads(line) for line in qualify_run.stdout.splitlines()]
    for line in lines:
        check.validate(line)
    by_id = {line["id"]: line for line in lines}
    assert [line["id"] for line in lines] == [r["id"] for r in QUALIFY_RECORDS]
    assert by_id["q1"]["polarity"] == "absent"
    assert by_id[2]["source"] == "parent" and by_id[2]["certainty"] == "vermoeden"
    assert by_id["q3"]["temporality"] == "historical"
    assert by_id["q4"]["temporality"] == "hypothetical"
    assert {k: by_id["q5"][k] for k in ("polarity", "certainty", "temporality", "experiencer", "source")} == {
        "polarity": "present", "certainty": "feit", "temporality": "current", "experiencer": "client",
        "source": "professional",
    }  # fmt: skip
    assert by_id["q5"]["triggers"] == []
    records = {r["id"]: r for r in QUALIFY_RECORDS}
    for line in lines:
        text = records[line["id"]]["text"]
        for trigger in line["triggers"]:
            assert text[trigger["start"] : trigger["end"]] == trigger["text"]
            assert "=" in trigger["sets"]


# --- evaluate -----------------------------------------------------------------------------------------


def test_evaluate_prints_the_figures_and_the_misses(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        jsonl(
            {
                "id": "E1",
                "text": "Vader slaat hem met een riem.",
                "expect": [{"any": ["icpc:Z16.01"]}],
                "allow": ["sct:397940009"],
            },
            {"id": "E2", "text": "Geen bijzonderheden.", "expect": [{"any": ["icpc:Z16.02"]}]},
            {"id": "E3", "text": "Het gezin heeft schulden.", "expect": [], "fairness": True},
        ),
        encoding="utf-8",
    )
    proc = casecoder("evaluate", str(gold))
    assert proc.returncode == 0, proc.stderr
    no_traceback(proc)
    lines = proc.stdout.splitlines()
    (counts,) = [line for line in lines if line.startswith("notes ")]
    assert counts.split()[:6] == ["notes", "3", "tp", "1", "fp", "0"]
    (figures,) = [line for line in lines if line.startswith("f1 ")]
    assert "precision" in figures and "recall" in figures and "certainty" in figures
    assert any(line.startswith("E2") and "Z16.02" in line for line in lines)  # the miss is named
    assert any("fairness" in line.lower() for line in lines)


# --- terminology ----------------------------------------------------------------------------------


def test_terminology_search_and_show():
    search = casecoder("terminology", "search", "kindermishandeling")
    assert search.returncode == 0 and "Z16.01" in search.stdout
    typo = casecoder("terminology", "search", "verwaarloozing")
    assert typo.returncode == 0 and "Z16.02" in typo.stdout
    show = casecoder("terminology", "show", "Z16.01")
    assert show.returncode == 0
    assert "icpc:Z16.01" in show.stdout and "Z16" in show.stdout
    plan = casecoder("terminology", "show", "vp:ja")
    assert plan.returncode == 0 and "veiligheidsplan" in plan.stdout.lower()
    unknown = casecoder("terminology", "show", "QQQ")
    assert unknown.returncode == 1
    assert len(unknown.stderr.splitlines()) == 1 and "QQQ" in unknown.stderr
    for proc in (search, typo, show, plan, unknown):
        no_traceback(proc)
