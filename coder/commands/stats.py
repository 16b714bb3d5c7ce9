"""`casecoder stats`: accepted codes per code and certainty per month, small counts suppressed."""

from __future__ import annotations

import argparse
import sys

DESCRIPTION = """\
Counts the accepted codes in the store per code and certainty (feit, vermoeden, mening, absent) per month
in which they were accepted, as a table and as a bar chart. Counts from 1 to K-1 are shown as "<K" and get no
bar; no totals are shown, so a suppressed count cannot be worked out from them."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="counts of accepted codes per code, certainty and month (small counts suppressed)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help="the store: a SQLite file or a postgresql:// URL (default: casecoder.db in your user data dir)",
    )
    parser.add_argument(
        "--min-cell", type=_count, default=10, metavar="K", help="show counts below K as <K (default: 10)"
    )
    parser.add_argument(
        "--view",
        choices=("both", "table", "chart"),
        default="both",
        help="what to show (default: both)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from coder.stats import count_codes, render_chart, render_table
    from coder.store import StoreError, default_store_path, open_store  # SQLAlchemy: only when it runs

    try:
        with open_store(args.db or default_store_path(), create=False) as store:
            data = count_codes(store.decisions(status="accepted"))
    except StoreError as err:
        print(f"casecoder stats: {err}", file=sys.stderr)
        return 1
    if not data.series:
        print("casecoder stats: no accepted codes in the store", file=sys.stderr)
        return 0
    parts = []
    if args.view in ("both", "table"):
        parts.append(render_table(data, args.min_cell))
    if args.view in ("both", "chart"):
        parts.append(render_chart(data, args.min_cell))
    sys.stdout.write("\n".join(parts))
    return 0


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value
