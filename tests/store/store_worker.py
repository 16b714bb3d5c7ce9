"""A separate process that uses a store, for the durability and concurrency tests.

    python store_worker.py accept DB NAME SHARED OWN SEED  accept SHARED common + OWN own suggestions
    python store_worker.py kill DB N                        accept N suggestions, then kill -9 itself
    python store_worker.py claim DB NAME NOTES              try to claim notes 0..NOTES-1
    python store_worker.py soak DB NAME SECONDS NOTES SEED  review notes 0..NOTES-1 for SECONDS (see soak)

accept, claim and soak print "ready" once the store is open and start when a line arrives on stdin, so that
two workers really run at the same time. Each result is printed as one line as soon as the store call returns.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from store_helpers import make_note, make_suggestion  # noqa: E402

from coder.decision import Reviewer, build_decision  # noqa: E402
from coder.store import Store, open_store  # noqa: E402

# Words of NOTE_TEXT a soak suggestion points at. Both workers suggest these codes on them (shared identities,
# so double accepts are attempted); each worker also has codes of its own on the last two words.
SOAK_WORDS = ("slaat", "riem", "buurvrouw", "ontbijt", "school", "blauwe", "plekken", "rug")
SOAK_SHARED = 6
SOAK_CLAIM_TTL = 3600  # never reached in a soak: a claim ends only by release


def suggestion_for(label: str):  # noqa: ANN201
    note = make_note(note_id=f"note-{label}")
    return note, make_suggestion(note, code=f"code-{label}")


def wait_for_start() -> None:
    print("ready", flush=True)
    sys.stdin.readline()


def accept(db: str, name: str, shared: int, own: int, seed: int) -> None:
    reviewer = Reviewer(name, "professional")
    labels = [f"shared-{i}" for i in range(shared)] + [f"{name}-{i}" for i in range(own)]
    rng = random.Random(seed)
    rng.shuffle(labels)
    with open_store(db) as store:
        wait_for_start()
        for label in labels:
            note, suggestion = suggestion_for(label)
            decision = store.accept(build_decision(note, suggestion, reviewer, "e"))
            print(label, decision.id, flush=True)
            # A person's pace, much shortened. Without any pause SQLite's lock is fair to nobody: the writer
            # that just committed takes it again at once, and the two processes would run one after the other.
            time.sleep(rng.random() * 0.003)


def kill(db: str, count: int) -> None:
    reviewer = Reviewer("Killed", "professional")
    with open_store(db) as store:
        for i in range(count):
            note, suggestion = suggestion_for(f"killed-{i}")
            decision = store.accept(build_decision(note, suggestion, reviewer, "e"))
            print(decision.id, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)  # right after the last accept returned


def claim(db: str, name: str, notes: int) -> None:
    reviewer = Reviewer(name, "registratie")
    with open_store(db) as store:
        wait_for_start()
        for i in range(notes):
            print(i, int(store.claim(f"note-{i}", reviewer, 3600)), flush=True)


def soak_suggestion(note_id: str, label: str):  # noqa: ANN201
    """Label "s3" is shared code 3 on word 3; "A-7" is worker A's own code on word 7."""
    note = make_note(note_id=note_id)
    index = int(label.rsplit("-", 1)[-1].removeprefix("s"))
    return note, make_suggestion(note, word=SOAK_WORDS[index], code=f"soak-{label}")


class _Log:
    """One line per store call that returned: monotonic time before and after the call, what, and the result.
    time.monotonic() is the machine's CLOCK_MONOTONIC, so both workers' times are on one line."""

    def __init__(self) -> None:
        self.operations = 0
        self._before = 0.0

    def start(self) -> None:
        self._before = time.monotonic()

    def done(self, what: str, note_id: str, *details: object) -> None:
        after = time.monotonic()
        self.operations += 1
        print(f"{self._before:.6f} {after:.6f} {what} {note_id}", *details, flush=True)


def soak(db: str, name: str, seconds: float, notes: int, seed: int) -> None:
    """A reviewer at work until SECONDS have passed: claim a random note (skip it when the other holds it),
    accept 1-3 of its suggestions, sometimes undo one of them, mark the note reviewed or teruggelegd, release.

    Lines: T0 T1 claim NOTE 1|0 / T0 T1 accept NOTE LABEL ID new|existing / T0 T1 undo NOTE ID STATUS /
    T0 T1 status NOTE STATE / T0 T1 release NOTE 1|0; at the end: summary KEY=VALUE ..."""
    reviewer = Reviewer(name, "professional")
    own = [f"{name}-{i}" for i in range(SOAK_SHARED, len(SOAK_WORDS))]
    labels = [f"s{i}" for i in range(SOAK_SHARED)] + own
    rng = random.Random(seed)
    log = _Log()
    counts = {"claimed": 0, "refused": 0, "accepted": 0, "existing": 0, "undone": 0, "status": 0}
    with open_store(db) as store:
        wait_for_start()
        started = time.monotonic()
        while time.monotonic() < started + seconds:
            note_id = f"note-{rng.randrange(notes)}"
            log.start()
            won = store.claim(note_id, reviewer, SOAK_CLAIM_TTL)
            log.done("claim", note_id, int(won))
            if not won:
                counts["refused"] += 1
                _pause(rng)
                continue
            counts["claimed"] += 1
            _soak_review(store, reviewer, note_id, rng.sample(labels, rng.randint(1, 3)), rng, log, counts)
            log.start()
            released = store.release(note_id, reviewer)
            log.done("release", note_id, int(released))
            _pause(rng)
        elapsed = time.monotonic() - started
    shown = " ".join(f"{key}={value}" for key, value in counts.items())
    print(f"summary name={name} operations={log.operations} seconds={elapsed:.1f} {shown}", flush=True)


def _soak_review(
    store: Store,
    reviewer: Reviewer,
    note_id: str,
    chosen: list[str],
    rng: random.Random,
    log: _Log,
    counts: dict[str, int],
) -> None:
    accepted = []
    for label in chosen:
        note, suggestion = soak_suggestion(note_id, label)
        built = build_decision(note, suggestion, reviewer, "e")
        log.start()
        stored = store.accept(built)
        fresh = stored.id == built.id
        log.done("accept", note_id, label, stored.id, "new" if fresh else "existing")
        counts["accepted" if fresh else "existing"] += 1
        accepted.append(stored.id)
        _pause(rng)
    if rng.random() < 0.3:
        undo_id = rng.choice(accepted)
        log.start()
        undone = store.mark_entered_in_error(undo_id, reviewer)
        log.done("undo", note_id, undo_id, undone.status)
        counts["undone"] += 1
        _pause(rng)
    state = rng.choice(("reviewed", "teruggelegd"))
    reason = "graag de bron van de zorg noemen" if state == "teruggelegd" else None
    log.start()
    store.set_note_status(note_id, state, reviewer, reason)
    log.done("status", note_id, state)
    counts["status"] += 1


def _pause(rng: random.Random) -> None:
    # A person's pace, much shortened; without it SQLite's lock goes to whoever just committed (see accept).
    time.sleep(rng.random() * 0.003)


if __name__ == "__main__":
    command, db, *rest = sys.argv[1:]
    if command == "accept":
        accept(db, rest[0], int(rest[1]), int(rest[2]), int(rest[3]))
    elif command == "kill":
        kill(db, int(rest[0]))
    elif command == "claim":
        claim(db, rest[0], int(rest[1]))
    elif command == "soak":
        soak(db, rest[0], float(rest[1]), int(rest[2]), int(rest[3]))
