"""`casecoder sample`: a reproducible random sample of notes or clients for a dossier study."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from coder.commands.arguments import add_inputs_argument, positive_int

DESCRIPTION = """\
Draws a random sample of notes (or of clients, with all their notes) from the input, for a dossier study
("steekproefsgewijs dossieronderzoek"). The same seed gives the same sample of the same notes, in any input
order. With --per FIELD, N units are drawn from each value of that field (e.g. organisation); a stratum with
fewer units is taken whole. Writes the chosen notes as JSON Lines (id, text and the other fields), in input
order, or with --ids-only the chosen note (or client) ids, one per line. One pass, memory for N units per
stratum. Bad records are reported on stderr, one line each, and the rest is still processed; the exit status
is 2 when any record failed."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sample",
        help="draw a reproducible random sample of notes or clients",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_inputs_argument(parser)
    parser.add_argument(
        "--n", type=positive_int, required=True, metavar="N", help="units to draw (per stratum)"
    )
    parser.add_argument(
        "--seed",
        required=True,
        metavar="S",
        help="any text; write it down: the same seed gives the same sample",
    )
    parser.add_argument("--per", metavar="FIELD", help="draw N per value of this field (e.g. organisation)")
    parser.add_argument(
        "--unit",
        choices=("note", "client"),
        default="note",
        help="sample notes (default) or clients with all their notes (needs a client field)",
    )
    parser.add_argument("--ids-only", action="store_true", help="write only the chosen ids, one per line")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from coder.readers import read_notes
    from coder.sampling import BadRecord, Sampler

    sampler = Sampler(args.n, args.seed, per=args.per, unit=args.unit)
    failed = 0
    for item in read_notes(args.inputs):
        if hasattr(item, "message"):  # a ReadError
            failed += 1
            print(f"casecoder sample: {item}", file=sys.stderr)
            continue
        try:
            sampler.add(item)
        except BadRecord as err:
            failed += 1
            where = item.origin if item.line is None else f"{item.origin}:{item.line}"
            print(f"casecoder sample: {where}: note {item.id!r} {err}", file=sys.stderr)
    sample = sampler.sample()
    out = sys.stdout
    if args.ids_only:
        for unit_id in sample.units:
            out.write(unit_id + "\n")
    else:
        for note in sample.notes:
            out.write(json.dumps(_note_json(note), ensure_ascii=False, default=str) + "\n")
    out.flush()
    _summary(sample, args)
    return 2 if failed else 0


def _note_json(note: Any) -> dict[str, Any]:
    return {
        "id": note.id,
        "text": note.text,
        **{k: v for k, v in note.fields.items() if k not in ("id", "text")},
    }


def _summary(sample: Any, args: argparse.Namespace) -> None:
    units = "clients" if args.unit == "client" else "notes"
    drawn = sum(s.chosen for s in sample.strata)
    seen = sum(s.population for s in sample.strata)
    written = "" if args.ids_only else f"; {len(sample.notes)} notes written"
    print(f"casecoder sample: {drawn} of {seen} {units} (seed {args.seed!r}{written})", file=sys.stderr)
    if args.per:
        for stratum in sample.strata:
            whole = " (all)" if stratum.chosen == stratum.population else ""
            print(
                f"  {args.per}={stratum.value}: {stratum.chosen} of {stratum.population}{whole}",
                file=sys.stderr,
            )
