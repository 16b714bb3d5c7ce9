"""One casecoder measurement, run by run.py in its own process: load time, then notes through the engine.

    python benchmarks/measure_casecoder.py NOTES.jsonl [--workers 1] [--start-method fork|forkserver|spawn]

Prints one JSON object: load_s (imports and Engine() until ready), process_s (analysing every note and
writing its jsonl line to /dev/null, as `casecoder suggest --format jsonl` does), cpu_s (CPU time of this
process and its workers over process_s), notes, suggestions. Notes are read into memory before the clock
starts, the same as for clinlp, unless --stream (read lazily as the command does, for large inputs). With
workers that start by fork the engine is built before the clock (they inherit it); with forkserver or spawn
each worker builds its own inside process_s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time


def _cpu_s() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("notes")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--start-method", choices=("fork", "forkserver", "spawn"))
    parser.add_argument("--stream", action="store_true", help="read notes lazily, inside the clock")
    args = parser.parse_args()

    from coder.readers import read_notes

    notes = read_notes([args.notes]) if args.stream else list(read_notes([args.notes]))

    started = time.perf_counter()
    from coder.batch import analyse_parallel, choose_start_method, default_engine_factory
    from coder.model import Analysis

    start_method = args.start_method or choose_start_method()
    engine_factory = default_engine_factory
    if args.workers == 1 or start_method == "fork":
        engine = default_engine_factory()

        def engine_factory():
            return engine

    loaded = time.perf_counter()
    cpu_before = _cpu_s()

    suggestions = analysed = 0
    results = analyse_parallel(
        notes, workers=args.workers, engine_factory=engine_factory, start_method=start_method
    )
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for result in results:
            if isinstance(result, Analysis):
                line = {"note_id": result.note.id, "suggestions": [s.to_json() for s in result.suggestions]}
                suggestions += len(result.suggestions)
                analysed += 1
            else:
                line = {"note_id": result.note_id, "error": str(result)}
            sink.write(json.dumps(line, ensure_ascii=False) + "\n")
    finished = time.perf_counter()

    json.dump(
        {
            "load_s": loaded - started,
            "process_s": finished - loaded,
            "cpu_s": _cpu_s() - cpu_before,  # workers count once they are reaped, at the end of the pool
            "notes": analysed,
            "suggestions": suggestions,
            "workers": args.workers,
            "start_method": start_method if args.workers > 1 else "in-process",
        },
        sys.stdout,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
