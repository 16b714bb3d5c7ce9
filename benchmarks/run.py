"""Speed benchmark: casecoder beside clinlp 0.10 on the same generated notes, in one run (`make bench`).

    .venv/bin/python benchmarks/run.py [--n 3000] [--seed 1] [--workers N] [--no-clinlp] [--no-single]

Every measurement runs in its own process, so start-up, memory and imports do not leak between them:
  - casecoder engine, 1 process: load time, then notes/second of analysing and writing jsonl
    (measure_casecoder.py)
  - casecoder batch, N worker processes (coder.batch.analyse_parallel), worker start-up included
  - `casecoder suggest --format jsonl --workers 1` and `--workers N`, the real command: throughput from its
    wall time on all notes minus its median wall time on one note (start-up)
  - clinlp 0.10 in benchmarks/.venv-clinlp (made here when missing; clinlp is GPL-3 and never a dependency of
    casecoder): normalizer, sentencizer, fuzzy rule-based entity matcher with casecoder's vocabulary phrases,
    and its context algorithm, 1 process (measure_clinlp.py)
Peak memory is ru_maxrss of the measured process; for the batch run also the peak of the summed PSS of the
process and all its workers. Prints a table and writes benchmarks/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"
CLINLP_VENV = HERE / ".venv-clinlp"
CLINLP_REQUIREMENT = "clinlp==0.10.*"
TARGET_RATIO = 5.0

sys.path.insert(0, str(HERE))
import generate  # noqa: E402  (sibling script, standard library only)

# Used only until terminology/vocabulary.py is there, so the benchmark can run on its own.
STAND_IN_PHRASES = {
    "abuse_physical": ["slaat", "sloeg", "schopt", "blauwe plekken", "striemen", "door elkaar geschud"],
    "neglect_sign": ["zonder ontbijt", "vieze kleding", "onbehandelde hoofdluis", "geen eten in huis"],
    "placement": ["pleeggezin", "gezinshuis", "uithuisplaatsing", "uit huis geplaatst"],
    "safety_plan": ["veiligheidsplan"],
}


@dataclass
class Measurement:
    name: str
    notes: int = 0
    load_s: float | None = None
    process_s: float | None = None
    cpu_s: float | None = None  # CPU time over process_s (user + system, with reaped workers)
    peak_mb: float | None = None  # ru_maxrss of the measured process
    peak_total_mb: float | None = None  # summed PSS of the process and its children, sampled
    error: str | None = None
    details: dict = field(default_factory=dict)

    @property
    def notes_per_s(self) -> float | None:
        if self.error or not self.process_s:
            return None
        return self.notes / self.process_s

    @property
    def notes_per_cpu_s(self) -> float | None:
        if self.error or not self.cpu_s:
            return None
        return self.notes / self.cpu_s

    def to_json(self) -> dict:
        return {**asdict(self), "notes_per_s": self.notes_per_s, "notes_per_cpu_s": self.notes_per_cpu_s}


@dataclass
class Finished:
    returncode: int
    stdout: str
    stderr: str
    wall_s: float
    maxrss_mb: float
    peak_total_mb: float | None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="casecoder beside clinlp 0.10: notes/second, peak memory.")
    parser.add_argument("--n", type=int, default=3000, help="notes to generate and process (default 3000)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--workers", type=int, default=_cores(), help="batch run workers (default: cores)")
    parser.add_argument("--no-clinlp", action="store_true", help="measure casecoder only")
    parser.add_argument(
        "--no-single", action="store_true", help="skip the 1-process casecoder runs (for very large --n)"
    )
    args = parser.parse_args(argv)
    if args.n < 2:
        parser.error("--n must be at least 2")

    busy_before = _load_average()  # other work on the machine makes wall-clock figures noisy
    RESULTS.mkdir(parents=True, exist_ok=True)
    notes_path = RESULTS / f"notes-{args.n}-seed{args.seed}.jsonl"
    with notes_path.open("w", encoding="utf-8") as out:
        generate.write_jsonl(generate.generate_notes(args.n, args.seed), out)
    one_note_path = RESULTS / "one-note.jsonl"
    one_note_path.write_text(notes_path.open(encoding="utf-8").readline(), encoding="utf-8")
    mean_chars = statistics.fmean(len(json.loads(line)["text"]) for line in notes_path.open(encoding="utf-8"))
    phrases_path, vocabulary_note = _write_phrases(RESULTS / "vocabulary-phrases.json")
    print(f"{args.n} notes (seed {args.seed}, mean {mean_chars:.0f} characters), {_cores()} cores; "
          f"vocabulary: {vocabulary_note}", flush=True)

    python = sys.executable
    measure = str(HERE / "measure_casecoder.py")
    runs = []
    if not args.no_single:
        runs.append(_measure_driver(
            "casecoder engine, 1 process", [python, measure, str(notes_path), "--workers", "1"]
        ))
    runs.append(_measure_driver(  # streamed, as the command reads: memory stays bounded on any --n
        f"casecoder batch, {args.workers} workers",
        [python, measure, str(notes_path), "--workers", str(args.workers), "--stream"],
    ))
    if not args.no_single:
        runs.append(_measure_command(notes_path, one_note_path, args.n, workers=1))
    runs.append(_measure_command(notes_path, one_note_path, args.n, workers=args.workers))
    clinlp_note = "skipped (--no-clinlp)"
    if not args.no_clinlp:
        clinlp_python, clinlp_note = _clinlp_python()
        if clinlp_python:
            runs.append(_measure_driver(
                "clinlp 0.10, 1 process",
                [str(clinlp_python), str(HERE / "measure_clinlp.py"), str(notes_path), str(phrases_path)],
            ))
        else:
            print(f"clinlp: {clinlp_note}; reporting casecoder only", flush=True)

    ratio, cpu_ratio = _ratio(runs), _ratio(runs, per="notes_per_cpu_s")
    _print_table(runs, ratio, cpu_ratio, busy_before)
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join([Path(python).name, "benchmarks/run.py", *(argv or sys.argv[1:])]),
        "notes": args.n,
        "seed": args.seed,
        "mean_note_chars": round(mean_chars),
        "machine": {"cores": _cores(), "python": platform.python_version(), "platform": platform.platform()},
        "vocabulary": vocabulary_note,
        "clinlp": clinlp_note,
        "runs": [run.to_json() for run in runs],
        "ratio_casecoder_to_clinlp": ratio,
        "ratio_casecoder_to_clinlp_cpu": cpu_ratio,
        "load_average_before": busy_before,
        "target_ratio": TARGET_RATIO,
    }
    latest = RESULTS / "latest.json"
    latest.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written: {latest.relative_to(REPO)}")
    return 0


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _write_phrases(path: Path) -> tuple[Path, str]:
    """casecoder's vocabulary as plain phrases per concept, so clinlp matches exactly the same words."""
    try:
        from terminology.vocabulary import load_vocabulary

        vocabulary = load_vocabulary()
        phrases = vocabulary.phrases_by_concept()
        note = f"terminology/data/vocabulary.json {vocabulary.version}"
    except (ImportError, AttributeError):
        phrases = STAND_IN_PHRASES
        note = "STAND-IN list (terminology.vocabulary not available)"
    # A term made only of prefix words ("jeugdzorgplus*") has no plain phrase; clinlp refuses an empty one.
    blank = sum(1 for ps in phrases.values() for p in ps if not p.strip())
    phrases = {concept: [p for p in ps if p.strip()] for concept, ps in phrases.items()}
    count = sum(len(p) for p in phrases.values())
    path.write_text(json.dumps(phrases, ensure_ascii=False, indent=1), encoding="utf-8")
    dropped = f" ({blank} empty phrase(s) left out)" if blank else ""
    return path, f"{note}, {len(phrases)} concepts, {count} phrases{dropped}"


def _measure_driver(name: str, command: list[str]) -> Measurement:
    print(f"measuring {name} ...", flush=True)
    done = _run(command)
    if done.returncode != 0:
        return Measurement(name, error=_last_line(done.stderr) or f"exit {done.returncode}")
    result = json.loads(done.stdout)
    return Measurement(
        name,
        notes=result.pop("notes"),
        load_s=result.pop("load_s"),
        process_s=result.pop("process_s"),
        cpu_s=result.pop("cpu_s", None),
        peak_mb=done.maxrss_mb,
        peak_total_mb=done.peak_total_mb,
        details=result,
    )


def _measure_command(notes_path: Path, one_note_path: Path, n: int, workers: int) -> Measurement:
    name = f"casecoder suggest command, {workers} {'process' if workers == 1 else 'workers'}"
    casecoder = Path(sys.executable).with_name("casecoder")
    help_text = _run([str(casecoder), "suggest", "--help"]) if casecoder.exists() else None
    if help_text is None or help_text.returncode != 0:
        return Measurement(name, error="`casecoder suggest` is not available yet")
    if "--workers" not in help_text.stdout and workers != 1:
        return Measurement(name, error="`casecoder suggest` has no --workers")
    print(f"measuring {name} ...", flush=True)
    command = [str(casecoder), "suggest", "--format", "jsonl"]
    if "--workers" in help_text.stdout:
        command += ["--workers", str(workers)]
    start_up = [_run([*command, str(one_note_path)], keep_stdout=False) for _ in range(3)]
    full = _run([*command, str(notes_path)], keep_stdout=False)
    failed = next((d for d in (*start_up, full) if d.returncode not in (0, 2)), None)
    if failed:
        return Measurement(name, error=_last_line(failed.stderr) or f"exit {failed.returncode}")
    start_up_s = statistics.median(d.wall_s for d in start_up)
    return Measurement(
        name,
        notes=n - 1,
        load_s=start_up_s,
        process_s=full.wall_s - start_up_s,
        peak_mb=full.maxrss_mb,
        peak_total_mb=full.peak_total_mb,
        details={"command": " ".join(command[1:]), "wall_s": full.wall_s},
    )


def _clinlp_python() -> tuple[Path | None, str]:
    """The clinlp venv's interpreter, making the venv first when it is missing; or None and why not."""
    python = CLINLP_VENV / "bin" / "python"
    version = _clinlp_version(python)
    if version and version.startswith("0.10."):
        return python, f"clinlp {version} in {CLINLP_VENV.relative_to(REPO)}"
    print(f"installing {CLINLP_REQUIREMENT} into {CLINLP_VENV.relative_to(REPO)} (once) ...", flush=True)
    steps = (
        [sys.executable, "-m", "venv", str(CLINLP_VENV)],
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", CLINLP_REQUIREMENT],
    )
    for step in steps:
        done = _run(step)
        if done.returncode != 0:
            why = _last_line(done.stderr) or f"exit {done.returncode}"
            return None, f"could not be installed ({why})"
    version = _clinlp_version(python)
    if not version:
        return None, "installed but does not import"
    return python, f"clinlp {version} in {CLINLP_VENV.relative_to(REPO)}"


def _clinlp_version(python: Path) -> str | None:
    if not python.exists():
        return None
    done = _run([str(python), "-c", "import importlib.metadata as m; print(m.version('clinlp'))"])
    return done.stdout.strip() if done.returncode == 0 else None


def _run(command: list[str], keep_stdout: bool = True) -> Finished:
    """Run a command with output in temporary files, and reap it with wait4 to get its own peak memory."""
    with tempfile.TemporaryFile("w+") as stdout, tempfile.TemporaryFile("w+") as stderr:
        started = time.perf_counter()
        out = stdout if keep_stdout else subprocess.DEVNULL
        process = subprocess.Popen(command, stdout=out, stderr=stderr, cwd=REPO)
        sampler = _TreeMemorySampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        sampler.stop()
        stdout.seek(0)
        stderr.seek(0)
        return Finished(
            returncode=process.returncode,
            stdout=stdout.read(),
            stderr=stderr.read(),
            wall_s=wall,
            maxrss_mb=usage.ru_maxrss / 1024,  # kilobytes on Linux
            peak_total_mb=sampler.peak_mb,
        )


class _TreeMemorySampler(threading.Thread):
    """Samples the summed PSS (shared pages split fairly) of a process and all its descendants."""

    INTERVAL_S = 0.05

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_mb: float | None = None
        self._stopped = threading.Event()

    def run(self) -> None:
        if not Path("/proc/self/smaps_rollup").exists():
            return
        while not self._stopped.wait(self.INTERVAL_S):
            total_kb = sum(_pss_kb(pid) for pid in _descendants_and_self(self.pid))
            if total_kb:
                self.peak_mb = max(self.peak_mb or 0.0, total_kb / 1024)

    def stop(self) -> None:
        self._stopped.set()
        self.join()


def _descendants_and_self(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _ratio(runs: list[Measurement], per: str = "notes_per_s") -> float | None:
    by_name = {run.name.split(",")[0]: run for run in runs}
    casecoder, clinlp = by_name.get("casecoder engine"), by_name.get("clinlp 0.10")
    if not (casecoder and clinlp and getattr(casecoder, per) and getattr(clinlp, per)):
        return None
    return getattr(casecoder, per) / getattr(clinlp, per)


def _load_average() -> float | None:
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def _print_table(
    runs: list[Measurement], ratio: float | None, cpu_ratio: float | None, busy_before: float | None
) -> None:
    def cell(value: float | None, spec: str) -> str:
        return format("-", f">{spec.split('.')[0]}") if value is None else format(value, spec)

    header = f"{'':40} {'load s':>7} {'notes/s':>9} {'notes/cpu-s':>12} {'peak MB':>8} {'all procs MB':>13}"
    print()
    print(header)
    print("-" * len(header))
    for run in runs:
        if run.error:
            print(f"{run.name:40} failed: {run.error}")
            continue
        print(
            f"{run.name:40} {cell(run.load_s, '7.2f')} {cell(run.notes_per_s, '9.0f')} "
            f"{cell(run.notes_per_cpu_s, '12.0f')} {cell(run.peak_mb, '8.0f')} "
            f"{cell(run.peak_total_mb, '13.0f')}"
        )
    print()
    print("load s: imports and pipeline until ready (command: wall time on one note). notes/s: wall clock,")
    print("after loading; the batch run includes starting its workers. notes/cpu-s: per CPU-second, which")
    print("other load on the machine disturbs less. peak MB: ru_maxrss of the process; all procs MB: summed")
    print("PSS of the process and its workers, sampled every 50 ms.")
    if busy_before is not None and busy_before > 0.5 * _cores():
        print(f"note: the machine was already busy (load average {busy_before:.1f} on {_cores()} cores "
              "before the run): wall-clock figures are noisy, CPU-time figures less so")
    if ratio is not None:
        verdict = "meets" if ratio >= TARGET_RATIO else "BELOW"
        print(f"casecoder / clinlp, 1 process, same notes: {ratio:.1f}x on wall time, "
              f"{cpu_ratio or 0:.1f}x on CPU time ({verdict} the {TARGET_RATIO:.0f}x target)")


if __name__ == "__main__":
    sys.exit(main())
