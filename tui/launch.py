"""Starting a casecoder screen from the command line: the checks, the run, and closing the store after."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any


def add_identity_arguments(parser: argparse.ArgumentParser, default_role: str | None) -> None:
    """Who is working: name, registration and role (each also from the environment or the config file)."""
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
        default=default_role,
        help="professional (author) or registratie (registration staff); default: "
        + (default_role or "$CASECODER_ROLE or the config file"),
    )


def fail(command: str, message: str) -> int:
    print(f"casecoder {command}: {message}", file=sys.stderr)
    return 1


def launch(
    command: str,
    args: argparse.Namespace,
    make_app: Callable[..., Any],
    before_close: Callable[[Any], None] | None = None,
) -> int:
    """Check the arguments and the terminal, build the app (`make_app(**sources)`), run it, close the store.

    `before_close(app)` runs while the store is still open (the review queue releases its claim there)."""
    from tui.settings import SettingsError, config_path, load_settings

    if "-" in args.inputs:
        return fail(
            command, "standard input (-) cannot be used: the screen needs the terminal; give a file or folder"
        )
    try:
        settings = load_settings(args.user, args.registration, args.role)
    except SettingsError as err:
        return fail(command, str(err))
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        return fail(
            command, "needs an interactive terminal; use `casecoder suggest` for output to a file or pipe"
        )
    app = make_app(
        note_source=lambda: read(args.inputs),
        engine_factory=create_engine,
        store_opener=lambda: open_store(args.db),
        settings=settings,
        settings_path=config_path(),
    )
    try:
        app.run()
    finally:
        if app.store is not None:
            try:
                if before_close is not None:
                    before_close(app)
            finally:
                app.store.close()
    if app.fatal:
        return fail(command, app.fatal)
    return app.return_code or 0


def open_store(db: str | None):
    from coder.store import (
        open_store as open_decision_store,
    )  # SQLAlchemy: on a worker thread, after first paint

    return open_decision_store(db)


def read(inputs: list[str]):
    from coder.readers import read_notes

    return read_notes(inputs)


def create_engine():
    from coder.engine import Engine

    return Engine()
