"""`casecoder qualify`: the context step alone, for any target span given by character offsets."""

from __future__ import annotations

import argparse
import json
import sys

DESCRIPTION = """\
Reads JSON Lines {"id", "text", "start", "end"} (a target span given by character offsets; any words,
not only the shipped vocabulary) from a file or stdin, and writes per line
{"id", "polarity", "certainty", "temporality", "experiencer", "source", "triggers"}.
Bad lines get {"id", "error"} and a message on stderr; the exit status is then 2."""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "qualify",
        help="qualify target spans (negation, certainty, time, whom, source)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "input", nargs="?", default="-", metavar="INPUT", help="a .jsonl file, or - (default)"
    )
    parser.add_argument("--format", choices=("jsonl",), default="jsonl", help="output format (jsonl)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from coder.engine import Engine

    try:
        handle = sys.stdin.buffer if args.input == "-" else open(args.input, "rb")  # noqa: SIM115
    except OSError as err:
        print(f"casecoder qualify: {args.input}: {err.strerror or err}", file=sys.stderr)
        return 1
    origin = "<stdin>" if args.input == "-" else args.input
    engine = Engine()
    failed = 0
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            record, error = _parse(raw)
            if error:
                failed += 1
                print(f"casecoder qualify: {origin}:{number}: {error}", file=sys.stderr)
                ident = record.get("id") if isinstance(record, dict) else None
                _write({"id": ident if ident is not None else f"{origin}:{number}", "error": error})
                continue
            result = engine.qualify(record["text"], record["start"], record["end"])
            _write(
                {
                    "id": record["id"],
                    **result.qualifiers.to_json(),
                    "triggers": [t.to_json() for t in result.triggers],
                }
            )
    sys.stdout.flush()
    return 2 if failed else 0


def _parse(raw: bytes) -> tuple[dict, str | None]:
    try:
        record = json.loads(raw.rstrip(b"\r\n").decode("utf-8"))
    except UnicodeDecodeError:
        return {}, "line is not valid UTF-8"
    except json.JSONDecodeError as err:
        return {}, f"invalid JSON at column {err.colno}: {err.msg.lower()}"
    if not isinstance(record, dict):
        return {}, "a line must be a JSON object"
    if not isinstance(record.get("id"), str | int) or isinstance(record.get("id"), bool):
        return record, "'id' (string or number) is required"
    text = record.get("text")
    if not isinstance(text, str):
        return record, "'text' must be a string"
    start, end = record.get("start"), record.get("end")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        return record, "'start' and 'end' must be whole numbers"
    if not 0 <= start < end <= len(text):
        return record, f"span {start}-{end} is not inside the text (length {len(text)})"
    if not text[start:end].strip():
        return record, f"span {start}-{end} holds no words"
    return record, None


def _write(line: dict) -> None:
    sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
