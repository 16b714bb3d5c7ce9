"""`casecoder suggest`: explained code suggestions for each note, in input order."""

from __future__ import annotations

import argparse
import json
import sys

from coder.readers import read_notes

DESCRIPTION = """\
Reads notes (.txt files, folders of .txt, .jsonl or .csv with id and text, or - for jsonl on stdin) and
writes optional code suggestions with their evidence, certainty and the words that set each qualifier.
Nothing is stored. Bad records are reported on stderr, one line each, and the rest is still processed;
the exit status is 2 when any record failed."""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "suggest",
        help="suggest explained codes for notes",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="a .txt, .jsonl or .csv file, a folder, or -"
    )
    parser.add_argument(
        "--format",
        choices=("jsonl", "text"),
        default="jsonl",
        help="jsonl: one line per note (default); text: for people",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="worker processes for large inputs (default: all cores; 1 = this process)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from coder.batch import analyse_parallel
    from coder.render_text import render

    if args.workers is not None and args.workers < 1:
        print("casecoder suggest: --workers must be at least 1", file=sys.stderr)
        return 1
    out = sys.stdout
    colour = args.format == "text" and out.isatty()
    failed = 0
    for item in analyse_parallel(read_notes(args.inputs), workers=args.workers):
        if hasattr(item, "message"):  # a ReadError
            failed += 1
            print(f"casecoder suggest: {item}", file=sys.stderr)
            if args.format == "jsonl":
                line = {"note_id": item.note_id or _where(item), "error": item.message}
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
            else:
                out.write(render(item, colour))
            continue
        if args.format == "jsonl":
            line = {"note_id": item.note.id, "suggestions": [s.to_json() for s in item.suggestions]}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
        else:
            out.write(render(item, colour))
    out.flush()
    return 2 if failed else 0


def _where(error) -> str:
    return error.origin if error.line is None else f"{error.origin}:{error.line}"
