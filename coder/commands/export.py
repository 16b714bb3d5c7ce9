"""`casecoder export`: accepted codes from a store, pseudonymised, for research; the export is audited."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from coder.commands.arguments import add_db_argument, positive_int
from coder.decision import utc_iso, utc_now
from coder.export import ExportRequest, format_names, get_format
from coder.pseudonym import PseudonymKeyError, load_or_create_key

USER_ENV = "CASECODER_USER"


def register(subparsers: argparse._SubParsersAction) -> None:
    formats = format_names()
    parser = subparsers.add_parser(
        "export",
        help="write accepted codes, pseudonymised, for research",
        description=(
            "Writes one record per accepted code in the store (codes marked entered-in-error are left out). "
            "Client and note ids are replaced by keyed pseudonyms; no names, ids or note text are written. "
            "The export is recorded in the store's audit trail."
        ),
    )
    add_db_argument(parser)
    parser.add_argument("--format", choices=formats, default=formats[0], help="output format (default: csv)")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE", help="where to write the export")
    parser.add_argument(
        "--pseudonym-key-file",
        required=True,
        type=Path,
        metavar="KEY",
        help="secret key for the pseudonyms; created (owner-only) when missing. Keep it apart from exports: "
        "the same key gives the same pseudonyms, so exports can be linked",
    )
    parser.add_argument(
        "--min-cell",
        type=positive_int,
        default=10,
        metavar="K",
        help="suppress counts below K in formats that write counts (default: 10)",
    )
    parser.add_argument(
        "--user",
        default=os.environ.get(USER_ENV) or _login_name(),
        help=f"who exports, for the audit trail (default: ${USER_ENV} or your login name)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from coder.store import StoreError, default_store_path, open_store  # SQLAlchemy: only when exporting

    export_format = get_format(args.format)
    if args.out.resolve() == args.pseudonym_key_file.expanduser().resolve():
        return _fail(f"{args.out}: the export must not overwrite the pseudonym key")
    try:
        store = open_store(args.db or default_store_path(), create=False)
    except StoreError as err:
        return _fail(str(err))
    with store:
        try:
            key = load_or_create_key(args.pseudonym_key_file)
        except PseudonymKeyError as err:
            return _fail(str(err))
        request = ExportRequest(
            decisions=store.decisions(status="accepted"),
            out=args.out,
            key=key,
            exported_by=args.user,
            exported_at=utc_iso(utc_now()),
            min_cell=args.min_cell,
        )
        try:
            count = export_format.writer()(request)
        except OSError as err:
            return _fail(f"{args.out}: cannot write export ({err.strerror or err})")
        try:
            store.record_export(export_format.name, count, args.user)
        except StoreError as err:
            if args.out.is_file():
                args.out.unlink()  # no export without its audit record
            return _fail(f"{err} (export not recorded in the audit trail, so not kept)")
    summary = f"{count} accepted codes written to {args.out} ({export_format.name})"
    print(f"casecoder export: {summary}", file=sys.stderr)
    return 0


def _fail(message: str) -> int:
    print(f"casecoder export: {message}", file=sys.stderr)
    return 1


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
