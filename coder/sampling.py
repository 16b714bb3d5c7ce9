"""Reproducible random samples of notes or clients for a dossier study, optionally stratified.

Each unit (a note id, or a client id) gets a priority from SHA-256 of the seed and the id; the sample is the N
units with the lowest priority (per stratum). This is reservoir sampling with fixed priorities ("bottom-k"):
one pass, memory for N units per stratum (plus the client ids seen, for --unit client), and the same seed
gives the same sample whatever the order of the input, and on every machine and Python version.

With --unit client the sample holds every note of each chosen client; a client's stratum is the field value of
its first note.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from coder.model import Note

Unit = Literal["note", "client"]
UNITS: tuple[Unit, ...] = ("note", "client")


def priority(seed: str, kind: str, unit_id: str) -> int:
    digest = hashlib.sha256(f"{seed}\x00{kind}\x00{unit_id}".encode()).digest()
    return int.from_bytes(digest, "big")


class BadRecord(ValueError):
    """A note that cannot be placed in the sample (no client, or no value for the stratum field)."""


@dataclass
class _Chosen:
    """A unit in a reservoir: its id, first position in the input, and the notes kept for it."""

    unit_id: str
    first: int
    notes: list[tuple[int, Note]] = field(default_factory=list)


@dataclass(frozen=True)
class Stratum:
    value: str | None  # None when the sample is not stratified
    population: int  # units seen in the input
    chosen: int


@dataclass(frozen=True)
class Sample:
    units: tuple[str, ...]  # chosen note or client ids, in input order
    notes: tuple[Note, ...]  # the chosen notes (all notes of a chosen client), in input order
    strata: tuple[Stratum, ...]


class Sampler:
    """Feed notes with `add` (raises BadRecord for a note that cannot be placed), then call `sample()`."""

    def __init__(self, n: int, seed: str, *, per: str | None = None, unit: Unit = "note") -> None:
        if n < 1:
            raise ValueError("the sample size must be at least 1")
        if unit not in UNITS:
            raise ValueError(f"unknown unit {unit!r}; expected one of {', '.join(UNITS)}")
        self.n, self.seed, self.per, self.unit = n, seed, per, unit
        # Per stratum a max-heap (negated priority) of at most n units.
        self._heaps: dict[str | None, list[tuple[int, str]]] = {}
        self._chosen: dict[str, _Chosen] = {}
        self._population: Counter[str | None] = Counter()
        self._seen_clients: set[str] = set()
        self._position = 0

    def add(self, note: Note) -> None:
        position = self._position
        self._position += 1
        unit_id = note.id if self.unit == "note" else note.client
        if unit_id is None or not unit_id.strip():
            raise BadRecord("has no client, so it cannot be sampled per client")
        if self.unit == "client" and unit_id in self._seen_clients:
            chosen = self._chosen.get(unit_id)
            if chosen is not None:  # a client still in its reservoir; once out, it never comes back
                chosen.notes.append((position, note))
            return
        stratum = self._stratum(note)
        if self.unit == "client":
            self._seen_clients.add(unit_id)
        self._population[stratum] += 1
        heap = self._heaps.setdefault(stratum, [])
        rank = priority(self.seed, self.unit, unit_id)
        if len(heap) < self.n:
            heapq.heappush(heap, (-rank, unit_id))
        elif rank < -heap[0][0]:
            _, dropped = heapq.heapreplace(heap, (-rank, unit_id))
            del self._chosen[dropped]
        else:
            return
        self._chosen[unit_id] = _Chosen(unit_id, position, [(position, note)])

    def sample(self) -> Sample:
        chosen = sorted(self._chosen.values(), key=lambda c: c.first)
        notes = sorted((item for c in chosen for item in c.notes), key=lambda item: item[0])
        sizes = {stratum: len(heap) for stratum, heap in self._heaps.items()}
        strata = tuple(
            Stratum(value, self._population[value], sizes[value])
            for value in sorted(self._heaps, key=lambda v: "" if v is None else v)
        )
        return Sample(tuple(c.unit_id for c in chosen), tuple(note for _, note in notes), strata)

    def _stratum(self, note: Note) -> str | None:
        if self.per is None:
            return None
        value = note.fields.get(self.per)
        if value is None or not str(value).strip():
            raise BadRecord(f"has no value for {self.per!r}, so it cannot be placed in a stratum")
        return str(value)


def draw(notes: Iterable[Note], n: int, seed: str, *, per: str | None = None, unit: Unit = "note") -> Sample:
    """A sample of well-formed notes (raises BadRecord on the first that cannot be placed)."""
    sampler = Sampler(n, seed, per=per, unit=unit)
    for note in notes:
        sampler.add(note)
    return sampler.sample()
