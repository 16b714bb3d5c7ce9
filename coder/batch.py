"""Analyse a stream of notes on all cores: input order kept, read errors passed through, memory bounded.

Each worker process builds one engine when it starts and then analyses chunks of notes. At most
`2 * workers` chunks are in flight, so a 100,000-note input is never held in memory. Small inputs, and
`workers=1`, are analysed in this process: starting workers costs more than it saves there.
"""

from __future__ import annotations

import dataclasses
import itertools
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from types import MappingProxyType
from typing import TYPE_CHECKING, Protocol

from coder.model import Analysis, Note, ReadError

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

# Below this many items the work is done in this process: starting workers would cost about what it saves.
# By start method, from measured costs (benchmarks/README.md): a note takes ~1.3 ms; fork workers inherit the
# engine the parent built (~5 ms a fork), forkserver workers still build their own (~0.45 s later than in
# process) and spawn workers import everything too (~0.8 s later), so with 2 workers those pay off only from
# ~700 and ~1200 notes.
IN_PROCESS_BELOW = MappingProxyType({"fork": 200, "forkserver": 700, "spawn": 1200})
CHUNKS_IN_FLIGHT_PER_WORKER = 2


class AnalysingEngine(Protocol):
    def analyse_many(self, notes: Iterable[Note]) -> Iterator[Analysis]: ...


EngineFactory = Callable[[], AnalysingEngine]


def default_engine_factory() -> AnalysingEngine:
    from coder.engine import Engine  # deferred: importing the engine imports spaCy

    return Engine()


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def analyse_parallel(
    items: Iterable[Note | ReadError],
    workers: int | None = None,
    chunk_size: int = 64,
    engine_factory: EngineFactory = default_engine_factory,
    start_method: str | None = None,
) -> Iterator[Analysis | ReadError]:
    """Analyse every Note, pass every ReadError through, in input order.

    `workers` defaults to the cores this process may use. `engine_factory` must be picklable (a module-level
    function or class): a worker that does not start by fork calls it once to build its own engine.
    `start_method` ("fork", "forkserver", "spawn") is chosen for you when None.
    """
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    workers = default_workers() if workers is None else workers
    if workers < 1:
        raise ValueError("workers must be at least 1")
    if start_method is not None and start_method not in multiprocessing.get_all_start_methods():
        raise ValueError(f"start method {start_method!r} is not available here")
    # A generator inside, so the arguments above are checked at the call, before any work.
    return _analyse(iter(items), workers, chunk_size, engine_factory, start_method)


def _analyse(
    stream: Iterator[Note | ReadError],
    workers: int,
    chunk_size: int,
    engine_factory: EngineFactory,
    start_method: str | None,
) -> Iterator[Analysis | ReadError]:
    start_method = start_method or choose_start_method()
    threshold = IN_PROCESS_BELOW.get(start_method, max(IN_PROCESS_BELOW.values()))
    head = list(itertools.islice(stream, threshold)) if workers > 1 else []
    rest = itertools.chain(head, stream)
    if workers == 1 or len(head) < threshold:
        yield from _analyse_in_process(rest, engine_factory)
    else:
        yield from _analyse_in_workers(rest, workers, chunk_size, engine_factory, start_method)


def _analyse_in_process(
    items: Iterable[Note | ReadError], engine_factory: EngineFactory
) -> Iterator[Analysis | ReadError]:
    # Runs of notes go to analyse_many (the engine may batch them); read errors are yielded where they stood.
    engine: AnalysingEngine | None = None  # built at the first note: an input of only errors needs none
    for is_note, run in itertools.groupby(items, key=lambda item: isinstance(item, Note)):
        if is_note:
            engine = engine or engine_factory()
            yield from engine.analyse_many(run)  # type: ignore[arg-type]
        else:
            yield from run  # type: ignore[misc]


def _analyse_in_workers(
    items: Iterator[Note | ReadError],
    workers: int,
    chunk_size: int,
    engine_factory: EngineFactory,
    start_method: str,
) -> Iterator[Analysis | ReadError]:
    chunks = _chunked(items, chunk_size)
    in_flight: deque[tuple[list[Note | ReadError], Future[list[Analysis]]]] = deque()
    global _worker_engine
    context = _worker_context(start_method)
    if context.get_start_method() == "fork":
        # Built once, here; every forked worker starts with it already in (shared, copy-on-write) memory.
        _worker_engine = engine_factory()
        initargs: tuple[EngineFactory | None] = (None,)
    else:
        initargs = (engine_factory,)
    executor = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=initargs
    )
    try:
        for chunk in itertools.islice(chunks, workers * CHUNKS_IN_FLIGHT_PER_WORKER):
            in_flight.append((chunk, _submit(executor, chunk)))
        while in_flight:
            done_chunk, future = in_flight.popleft()
            analyses = future.result()
            for chunk in itertools.islice(chunks, 1):  # refill the window before handing results out
                in_flight.append((chunk, _submit(executor, chunk)))
            yield from _merge(done_chunk, analyses)
    finally:
        # Also reached when the consumer stops early (closed generator, Ctrl-C): drop what has not started.
        executor.shutdown(wait=True, cancel_futures=True)
        _worker_engine = None


def _chunked(items: Iterator[Note | ReadError], size: int) -> Iterator[list[Note | ReadError]]:
    while chunk := list(itertools.islice(items, size)):
        yield chunk


def _submit(executor: ProcessPoolExecutor, chunk: Sequence[Note | ReadError]) -> Future[list[Analysis]]:
    return executor.submit(_analyse_chunk, [item for item in chunk if isinstance(item, Note)])


def _merge(chunk: Sequence[Note | ReadError], analyses: list[Analysis]) -> Iterator[Analysis | ReadError]:
    """Put read errors back in place, and give each analysis the caller's own Note object back."""
    results = iter(analyses)
    for item in chunk:
        if isinstance(item, Note):
            result = next(results)
            yield result if isinstance(result, ReadError) else dataclasses.replace(result, note=item)
        else:
            yield item


def choose_start_method() -> str:
    """How worker processes would start now: "fork" when it is safe here, else "forkserver" or "spawn"."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _worker_context(start_method: str) -> BaseContext:
    """fork when it is safe, else forkserver, else spawn (measured costs in benchmarks/README.md).

    fork is fastest by far (workers inherit the parent's engine) but unsafe in a process that runs other
    threads (the TUI does), so then workers start from a clean forkserver that has imported the engine module
    and spaCy once; spawn is the portable last resort.
    """
    context = multiprocessing.get_context(start_method)
    if start_method == "forkserver":
        context.set_forkserver_preload(["coder.engine", "spacy"])  # the engine imports spaCy only when built
    return context


# In a worker process: its one engine. In the parent, only while a fork pool runs (the engine to inherit).
_worker_engine: AnalysingEngine | None = None


ORPHAN_CHECK_S = 0.5


def _start_worker(engine_factory: EngineFactory | None) -> None:
    global _worker_engine
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops the pool
    # A parent killed outright (kill -9, OOM) cannot shut the pool down, and a worker waiting for work would
    # wait forever: it leaves as soon as it sees it has a new parent.
    threading.Thread(target=_exit_when_orphaned, args=(os.getppid(),), daemon=True).start()
    if engine_factory is not None:  # None: forked with the parent's engine already in place
        _worker_engine = engine_factory()


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK_S)
    os._exit(1)


def _analyse_chunk(notes: list[Note]) -> list[Analysis]:
    assert _worker_engine is not None, "worker started without an engine"
    # The note goes back to the parent, which still holds it: send only what the engine found.
    return [
        a if isinstance(a, ReadError) else dataclasses.replace(a, note=None)
        for a in _worker_engine.analyse_many(notes)  # type: ignore[arg-type]
    ]
