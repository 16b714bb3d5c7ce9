"""`casecoder evaluate`: scores suggestions against gold notes (../shared/eval/README.md)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DESCRIPTION = """\
Runs the engine on gold notes ({"id","text","expect","allow","forbid","fairness"} per line) and prints
precision, recall, f1, certainty and temporality accuracy, forbidden hits and fairness violations, after
the misses of each note. Scoring follows ../shared/eval/README.md."""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help="score suggestions against gold notes",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("gold", nargs="+", metavar="GOLD.jsonl", help="gold notes (several files are pooled)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--quiet", action="store_true", help="only the figures, not the misses")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from coder.engine import Engine
    from coder.evaluate import GoldNote, as_note, read_gold, score_note, total

    engine = Engine()
    results, failed = [], 0
    for path in args.gold:
        for gold in read_gold(Path(path)):
            if not isinstance(gold, GoldNote):
                failed += 1
                print(f"casecoder evaluate: {gold}", file=sys.stderr)
                continue
            analysis = next(engine.analyse_many([as_note(gold)]))
            if not hasattr(analysis, "suggestions"):  # the engine failed on this note
                failed += 1
                print(f"casecoder evaluate: {path}: {analysis.note_id}: {analysis.message}", file=sys.stderr)
                continue
            result = score_note(gold, analysis)
            results.append(result)
            if not args.quiet and not args.json:
                _print_misses(result)
    if not results:  # figures over no notes would read as a perfect score
        print("casecoder evaluate: no gold notes were read; nothing to score", file=sys.stderr)
        return 2 if failed else 1
    scores = total(results)
    if args.json:
        print(json.dumps(scores.to_json()))
    else:
        print(
            f"notes {scores.notes}  tp {scores.true_positives}  fp {scores.false_positives}  "
            f"fn {scores.false_negatives}"
        )
        print(
            f"f1 {scores.f1:.3f}  precision {scores.precision:.3f}  recall {scores.recall:.3f}  "
            f"certainty {scores.certainty_accuracy:.3f} (of {scores.certainty_checked})  "
            f"temporality {scores.temporality_accuracy:.3f} (of {scores.temporality_checked})"
        )
        print(f"forbidden hits {scores.forbidden_hits}  fairness violations {scores.fairness_violations}")
    return 2 if failed else 0


def _print_misses(result) -> None:
    problems = (
        [f"missed {m}" for m in result.misses]
        + [f"false positive {c}" for c in result.false_positives if c not in result.forbidden]
        + [f"FORBIDDEN {c}" for c in result.forbidden]
        + [f"FAIRNESS {c}" for c in result.fairness]
        + [f"certainty {c}" for c in result.certainty_wrong]
        + [f"temporality {c}" for c in result.temporality_wrong]
    )
    for problem in problems:
        print(f"{result.id}: {problem}")
