"""`casecoder stats`: accepted codes per code and certainty per month, small counts suppressed."""

from __future__ import annotations

import argparse
import sys

from coder.commands.arguments import add_db_argument, positive_int

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
    add_db_argument(parser)
    parser.add_argument(
        "--min-cell",
        type=positive_int,
        default=10,
        metavar="K",
        help="show counts below K as <K (default: 10)",
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
