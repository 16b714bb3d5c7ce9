"""Run `casecoder tui` in a pseudo-terminal, as a person would: wait for what it draws, type keys, time it."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path


class Terminal:
    """`with Terminal(args) as term: term.wait(b"..."); term.send(b"q")`; then `term.code`, `term.output`."""

    def __init__(self, args: list[str], size: tuple[int, int] = (100, 30), timeout: float = 60.0) -> None:
        self.args = args
        self.size = size
        self.timeout = timeout
        self.output = bytearray()
        self.code: int | None = None

    def __enter__(self) -> Terminal:
        self._leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", self.size[1], self.size[0], 0, 0))
        env = {**os.environ, "TERM": "xterm-256color"}
        self.started = time.perf_counter()
        self._deadline = self.started + self.timeout
        self._process = subprocess.Popen(
            [sys.executable, "-m", "coder.cli", "tui", *self.args],
            stdin=follower,
            stdout=follower,
            stderr=follower,
            env=env,
            start_new_session=True,
        )
        os.close(follower)
        return self

    def wait(self, marker: bytes | tuple[bytes, ...], since: int = 0) -> float:
        """Read until `marker` (or one of them) appears in the output after position `since`; returns when."""
        markers = marker if isinstance(marker, tuple) else (marker,)
        while not any(m in self.output[since:] for m in markers):
            if not self._read(self._deadline - time.perf_counter()):
                raise TimeoutError(f"{marker!r} not shown; last output: {bytes(self.output[-300:])!r}")
        return time.perf_counter()

    def send(self, keys: bytes) -> int:
        """Type `keys`; returns the output position from which their effect can be looked for."""
        position = len(self.output)
        os.write(self._leader, keys)
        return position

    def finish(self, timeout: float = 20.0) -> int:
        """Wait for the process to end, reading what it still writes; returns its exit code."""
        deadline = time.perf_counter() + timeout
        while self._process.poll() is None and time.perf_counter() < deadline:
            self._read(0.1)
        self.code = self._process.wait(timeout=max(0.1, deadline - time.perf_counter()))
        while self._read(0.05):
            pass
        return self.code

    def _read(self, wait: float) -> bool:
        if wait <= 0:
            return False
        ready, _, _ = select.select([self._leader], [], [], wait)
        if not ready:
            return False
        try:
            chunk = os.read(self._leader, 65536)
        except OSError:  # the child closed the terminal
            return False
        self.output.extend(chunk)
        return bool(chunk)

    def __exit__(self, *_exc: object) -> None:
        if self._process.poll() is None:
            os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait()
        os.close(self._leader)


def user_args(inputs: list[str], db: Path) -> list[str]:
    return [*inputs, "--db", str(db), "--user", "Test", "--registration", "skj:12345678"]


def time_steps(
    inputs: list[str], db: Path, steps: list[tuple[bytes, bytes | tuple[bytes, ...]]]
) -> list[float]:
    """For each step type its keys (may be b"") and wait until its marker is drawn. Returns each step's
    seconds from its keys (the first step: from the start of the process). Quits with `q` at the end."""
    times = []
    with Terminal(user_args(inputs, db)) as term:
        for keys, marker in steps:
            if keys:
                sent = time.perf_counter()
                since = term.send(keys)
            else:
                sent = term.started if not times else time.perf_counter()
                since = 0
            times.append(term.wait(marker, since) - sent)
        term.send(b"q")
        term.finish()
    return times
