"""`casecoder tui INPUT...`: open the coding screen on notes. Plugged into `casecoder` by entry point."""

from __future__ import annotations

import argparse
import sys
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


def fail(message: str) -> int:
    print(f"casecoder tui: {message}", file=sys.stderr)
    return 1


def run(args: argparse.Namespace) -> int:
    from tui.settings import SettingsError, config_path, load_settings

    if "-" in args.inputs:
        return fail("standard input (-) cannot be used: the screen needs the terminal; give a file or folder")
    try:
        settings = load_settings(args.user, args.registration, args.role)
    except SettingsError as err:
        return fail(str(err))
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        return fail("needs an interactive terminal; use `casecoder suggest` for output to a file or pipe")

    from tui.app import CaseCoderApp

    app = CaseCoderApp(
        note_source=lambda: _read(args.inputs),
        engine_factory=_create_engine,
        store_opener=lambda: _open_store(args.db),
        settings=settings,
        settings_path=config_path(),
    )
    try:
        app.run()
    finally:
        if app.store is not None:
            app.store.close()
    if app.fatal:
        return fail(app.fatal)
    return app.return_code or 0


def _open_store(db: str | None):
    from coder.store import open_store  # imports SQLAlchemy: on a worker thread, after the first paint

    return open_store(db)


def _read(inputs: list[str]):
    from coder.readers import read_notes

    return read_notes(inputs)


def _create_engine():
    from coder.engine import Engine

    return Engine()
