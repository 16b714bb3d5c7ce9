"""A separate process that uses a store, for the durability and concurrency tests.

    python store_worker.py accept DB NAME SHARED OWN SEED  accept SHARED common + OWN own suggestions
    python store_worker.py kill DB N                        accept N suggestions, then kill -9 itself
    python store_worker.py claim DB NAME NOTES              try to claim notes 0..NOTES-1

accept and claim print "ready" once the store is open and start when a line arrives on stdin, so that two
workers really run at the same time. Each result is printed as one line as soon as the store call returns.
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
from coder.store import open_store  # noqa: E402


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


if __name__ == "__main__":
    command, db, *rest = sys.argv[1:]
    if command == "accept":
        accept(db, rest[0], int(rest[1]), int(rest[2]), int(rest[3]))
    elif command == "kill":
        kill(db, int(rest[0]))
    elif command == "claim":
        claim(db, rest[0], int(rest[1]))
