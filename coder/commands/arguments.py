"""Arguments several commands share, so they read and fail the same way everywhere."""

from __future__ import annotations

import argparse

DB_HELP = "the store: a SQLite file or a postgresql:// URL (default: casecoder.db in your user data folder)"


def positive_int(text: str) -> int:
    """A whole number of 1 or more (for --n, --min-cell), refused in one line otherwise."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH|URL", help=DB_HELP)


def add_inputs_argument(parser: argparse.ArgumentParser, stdin: bool = True) -> None:
    """The notes to read; `-` (jsonl on standard input) only where the command does not need the terminal."""
    where = "a .txt, .jsonl or .csv file, a folder of .txt files" + (
        ", or - for jsonl on stdin" if stdin else ""
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help=where)
