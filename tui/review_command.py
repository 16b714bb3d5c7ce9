"""`casecoder review INPUT...`: the review queue for registration staff. Plugged in by entry point."""

from __future__ import annotations

import argparse
from typing import Any

from coder.commands.arguments import add_db_argument, add_inputs_argument, positive_int
from tui.launch import add_identity_arguments

DESCRIPTION = (
    "Opens a queue of notes with their suggestions for registration staff: note, date, number of "
    "suggestions, review status (open, beoordeeld, teruggelegd) and who is working on it, with filters "
    "and progress. "
    "Enter claims a note and opens it with the coding screen's keys (a, x, f/v/m, +, u, n/p); r marks it "
    "reviewed, t sends it back to its author with a short reason, s shows statistics. Registration staff may "
    "lower a certainty, never raise it. A note claimed by a colleague is not opened until it is released or "
    "its claim expires."
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "review",
        help="open the review queue for registration staff (claim, review, send back)",
        description=DESCRIPTION,
    )
    add_inputs_argument(parser, stdin=False)
    add_db_argument(parser)
    add_identity_arguments(parser, default_role="registratie")
    parser.add_argument(
        "--claim-minutes",
        type=_positive_minutes,
        default=30,
        metavar="N",
        help="an opened note is reserved for you this long, renewed while it is open; a session that ends "
        "without releasing it holds the note no longer than that (default 30)",
    )
    parser.add_argument(
        "--min-cell",
        type=positive_int,
        default=10,
        metavar="K",
        help="on the statistics screen (s), counts below K are shown as <K (default 10)",
    )
    parser.set_defaults(run=run)


def _positive_minutes(text: str) -> float:
    try:
        minutes = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of minutes") from None
    if minutes <= 0:
        raise argparse.ArgumentTypeError("must be more than 0 minutes")
    return minutes


def run(args: argparse.Namespace) -> int:
    from tui.launch import launch
    from tui.screens.review_app import ReviewApp

    def make_app(**sources):
        return ReviewApp(**sources, claim_seconds=args.claim_minutes * 60, min_cell=args.min_cell)

    return launch("review", args, make_app, before_close=lambda app: app.release_held())
