"""`casecoder suggest`: explained code suggestions for each note, in input order."""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence

from coder.commands.arguments import add_inputs_argument
from coder.jsonl_output import AppendedLines, Finished, ResumeError, read_finished
from coder.model import Note, ReadError
from coder.progress import Progress
from coder.readers import read_notes

DESCRIPTION = """\
Reads notes (.txt files, folders of .txt, .jsonl or .csv with id and text, or - for jsonl on stdin) and
writes optional code suggestions with their evidence, certainty and the words that set each qualifier.
Nothing is stored. Bad records are reported on stderr, one line each, and the rest is still processed;
the exit status is 2 when any record failed.

Large inputs are streamed and analysed on all cores; on a terminal a progress bar shows on stderr. With
--out FILE each line is appended to FILE as soon as it is made, so an interrupted run (Ctrl-C, kill, power
cut) can be finished with --resume: notes already in FILE are skipped, a line cut short is redone."""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "suggest",
        help="suggest explained codes for notes",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_inputs_argument(parser)
    parser.add_argument(
        "--format",
        choices=("jsonl", "text"),
        default="jsonl",
        help="jsonl: one line per note (default); text: for people",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="worker processes for large inputs (default: all cores; 1 = this process)",
    )
    parser.add_argument(
        "--out",
        metavar="FILE",
        default=None,
        help="write to FILE instead of standard output, a line at a time (a new or empty FILE, or --resume)",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run: skip the notes FILE (--out) already has",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from coder.batch import analyse_parallel

    problem = _usage_problem(args)
    if problem:
        print(f"casecoder suggest: {problem}", file=sys.stderr)
        return 1
    finished = Finished(frozenset(), frozenset())
    if args.resume:
        try:
            finished = read_finished(args.out)
        except (ResumeError, OSError) as err:
            print(f"casecoder suggest: {_os_message(err, args.out)}", file=sys.stderr)
            return 1
    try:
        out = AppendedLines(args.out) if args.out else None
    except OSError as err:
        print(f"casecoder suggest: {_os_message(err, args.out)}", file=sys.stderr)
        return 1
    progress = Progress(sys.stderr, label="casecoder suggest", enabled=_show_progress(args))
    if progress.enabled:
        progress.total = _expected_records(args.inputs)
    with progress:
        if finished.dropped_line is not None:
            where = f"{args.out}:{finished.dropped_line}"
            progress.print(f"casecoder suggest: {where}: dropped a line cut short; its note is redone")
        items = _unfinished(read_notes(args.inputs), finished, progress)
        try:
            failed = _write_all(analyse_parallel(items, workers=args.workers), args.format, out, progress)
        finally:
            if out is not None:
                out.close()
    earlier_failures = len(finished.errors)
    if earlier_failures:
        print(
            f"casecoder suggest: {earlier_failures} record(s) in {args.out} had failed in an earlier run",
            file=sys.stderr,
        )
    return 2 if failed or earlier_failures else 0


def _usage_problem(args: argparse.Namespace) -> str | None:
    if args.workers is not None and args.workers < 1:
        return "--workers must be at least 1"
    if args.resume and not args.out:
        return "--resume needs --out FILE (the output of the run to continue)"
    if args.resume and args.format != "jsonl":
        return "--resume works only with --format jsonl"
    if args.out and not args.resume and _has_content(args.out):
        return f"{args.out} already has output; add --resume to continue that run, or give a new file"
    return None


def _write_all(results: Iterable, output_format: str, out: AppendedLines | None, progress: Progress) -> int:
    from coder.render_text import render

    write = out.write if out is not None else sys.stdout.write
    colour = output_format == "text" and out is None and sys.stdout.isatty()
    failed = 0
    for item in results:
        if isinstance(item, ReadError):
            failed += 1
            progress.print(f"casecoder suggest: {item}")
            if output_format == "jsonl":
                line = {"note_id": _error_key(item), "error": item.message}
                write(json.dumps(line, ensure_ascii=False) + "\n")
            else:
                write(render(item, colour))
        elif output_format == "jsonl":
            line = {"note_id": item.note.id, "suggestions": [s.to_json() for s in item.suggestions]}
            write(json.dumps(line, ensure_ascii=False) + "\n")
        else:
            write(render(item, colour))
        progress.advance()
    if out is None:
        sys.stdout.flush()
    return failed


def _unfinished(
    items: Iterable[Note | ReadError], finished: Finished, progress: Progress
) -> Iterator[Note | ReadError]:
    """The records an earlier run did not finish; the others only move the progress bar."""
    if not finished.notes and not finished.errors:
        yield from items
        return
    for item in items:
        done = item.id in finished.notes if isinstance(item, Note) else _error_key(item) in finished.errors
        if done:
            progress.skip()
        else:
            yield item


def _error_key(error: ReadError) -> str:
    if error.note_id:
        return error.note_id
    return error.origin if error.line is None else f"{error.origin}:{error.line}"


def _show_progress(args: argparse.Namespace) -> bool:
    """A bar on stderr when it is a terminal, unless the results themselves go to that terminal."""
    if not _is_terminal(sys.stderr):
        return False
    return bool(args.out) or not _is_terminal(sys.stdout)


def _expected_records(inputs: Sequence[str]) -> int | None:
    """How many records the inputs hold, if cheap to know (lines of .jsonl, .txt files), else None."""
    total = 0
    for given in inputs:
        try:
            mode = os.stat(given).st_mode
            if stat.S_ISDIR(mode):
                from coder.readers.textfile import txt_files_in

                total += len(txt_files_in(given))
            elif given.lower().endswith(".txt"):
                total += 1
            elif given.lower().endswith(".jsonl") and stat.S_ISREG(mode):
                total += _count_lines(given)
            else:  # csv (a record may span lines), standard input
                return None
        except OSError:
            total += 1  # it will be one read error
    return total


def _count_lines(path: str) -> int:
    lines = 0
    last = b"\n"
    with open(path, "rb") as stream:
        while block := stream.read(1 << 20):
            lines += block.count(b"\n")
            last = block[-1:]
    return lines + (last != b"\n")


def _has_content(path: str) -> bool:
    try:
        return os.stat(path).st_size > 0
    except OSError:
        return False


def _is_terminal(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):
        return False


def _os_message(err: Exception, path: str) -> str:
    if isinstance(err, OSError):
        return f"{path}: {err.strerror or err}"
    return str(err)
