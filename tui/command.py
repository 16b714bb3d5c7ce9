"""`casecoder tui INPUT...`: open the coding screen on notes. Plugged into `casecoder` by entry point."""

from __future__ import annotations

import argparse
from typing import Any

DESCRIPTION = (
    "Opens the coding screen: each note with its suggested codes, the words they rest on and why. "
    "Every suggestion is optional; only codes you accept are stored (with your name, role and registration), "
    "never the note's text. Keys: a accept, x reject, f/v/m accept as feit/vermoeden/mening, + add a code, "
    "u undo, n/p next/previous note, ? help, q quit."
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "tui",
        help="open the coding screen on notes (accept, reject or add codes)",
        description=DESCRIPTION,
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help=".txt file, folder of .txt files, .jsonl or .csv"
    )
    parser.add_argument(
        "--db", metavar="PATH", help="decision store (default: casecoder.db in your data directory)"
    )
    parser.add_argument(
        "--user", metavar="NAME", help="your name (default: $CASECODER_USER or the config file)"
    )
    parser.add_argument(
        "--registration",
        metavar="SYSTEM:VALUE",
        help="your SKJ or BIG number, e.g. skj:12345678 (default: $CASECODER_REGISTRATION or config file)",
    )
    parser.add_argument(
        "--role",
        choices=("professional", "registratie"),
        help="professional (author) or registratie (registration staff); default: $CASECODER_ROLE",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tui.app import CaseCoderApp
    from tui.launch import launch

    return launch("tui", args, CaseCoderApp)
