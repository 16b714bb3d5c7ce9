"""`casecoder tui INPUT...`: open the coding screen on notes. Plugged into `casecoder` by entry point."""

from __future__ import annotations

import argparse
from typing import Any

from coder.commands.arguments import add_db_argument, add_inputs_argument
from tui.launch import add_identity_arguments

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
    add_inputs_argument(parser, stdin=False)
    add_db_argument(parser)
    add_identity_arguments(parser, default_role=None)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tui.app import CaseCoderApp
    from tui.launch import launch

    return launch("tui", args, CaseCoderApp)
