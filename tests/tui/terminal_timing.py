"""Run `casecoder tui` in a pseudo-terminal and time what a person sees: first paint, first suggestions."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path


def wait_for(fd: int, seen: bytearray, marker: bytes, deadline: float) -> float:
    while marker not in seen:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            raise TimeoutError(f"{marker!r} not shown; screen so far: {bytes(seen[-400:])!r}")
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            try:
                seen.extend(os.read(fd, 65536))
            except OSError:  # the child closed the terminal
                raise TimeoutError(f"app ended before showing {marker!r}: {bytes(seen[-400:])!r}") from None
    return time.perf_counter()


def time_steps(
    inputs: list[str],
    db: Path,
    steps: list[tuple[bytes, bytes]],
    size: tuple[int, int] = (100, 30),
    timeout: float = 60.0,
) -> list[float]:
    """Start the real command; for each step send its keys (may be b"") and wait until its marker is shown.
    Returns each step's seconds from when its keys were sent (the first step: from process start)."""
    import fcntl
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(size[0]), "LINES": str(size[1])}
    command = [sys.executable, "-m", "coder.cli", "tui", *inputs, "--db", str(db), "--user", "Test",
               "--registration", "skj:12345678"]  # fmt: skip
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdin=follower, stdout=follower, stderr=follower, env=env, start_new_session=True
    )
    os.close(follower)
    seen = bytearray()
    times = []
    try:
        deadline = started + timeout
        for keys, marker in steps:
            sent = time.perf_counter()
            if keys:
                del seen[:]  # look for the marker in what is drawn after the keys
                os.write(leader, keys)
            else:
                sent = started if not times else sent
            times.append(wait_for(leader, seen, marker, deadline) - sent)
        os.write(leader, b"q")
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        os.close(leader)
    return times
