"""A one-line progress bar on a terminal: items done, items per second, and (when the total is known) a bar,
the percentage and the time left.

Nothing is drawn until `delay` seconds have passed, so quick runs stay silent, and nothing at all when the
stream is not a terminal. Redraws at most every `interval` seconds, so `advance` may be called per item.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from typing import TextIO


class Progress:
    def __init__(
        self,
        stream: TextIO,
        *,
        label: str,
        unit: str = "notes",
        total: int | None = None,
        delay: float = 1.0,
        interval: float = 0.2,
        clock: Callable[[], float] = time.monotonic,
        enabled: bool | None = None,
    ) -> None:
        self._stream = stream
        self._label = label
        self._unit = unit
        self.total = total
        self._delay = delay
        self._interval = interval
        self._clock = clock
        self.enabled = _is_terminal(stream) if enabled is None else enabled
        self.done = 0
        self._skipped = 0  # done without work (e.g. finished in an earlier run): not counted in the rate
        self._started = clock()
        self._next_draw = self._started + delay
        self.shown = False  # whether a line is on the screen now
        self._ascii = "utf" not in (getattr(stream, "encoding", None) or "").lower()

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.enabled and self._clock() >= self._next_draw:
            self._draw()

    def skip(self, count: int = 1) -> None:
        """Count items that needed no work; they do not make the rate look faster."""
        self._skipped += count
        self.advance(count)

    def print(self, line: str) -> None:
        """Print a line on the same stream without mangling the bar (redrawn at the next advance)."""
        if self.shown:
            self._stream.write("\r\x1b[K")
            self.shown = False
            self._next_draw = self._clock()
        self._stream.write(line + "\n")
        self._stream.flush()

    def close(self) -> None:
        """Leave the final figures on screen, on their own line, if a bar was drawn at all."""
        if self.enabled and (self.shown or self._clock() >= self._started + self._delay):
            self._draw()
            self._stream.write("\n")
            self._stream.flush()
            self.shown = False
        self.enabled = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def line(self, width: int) -> str:
        """The text of the bar as it would be drawn now, at most `width` characters."""
        elapsed = max(self._clock() - self._started, 1e-9)
        rate = (self.done - self._skipped) / elapsed
        figures = f"{self.done:,}" + (f"/{self.total:,}" if self.total else "") + f" {self._unit}"
        figures += f"  {rate:,.0f} {self._unit}/s"
        if self.total and self.done <= self.total:
            if rate > 0:
                figures += f"  {_clock_time((self.total - self.done) / rate)} left"
            fraction = self.done / self.total
            bar_width = width - len(self._label) - len(figures) - 9
            if bar_width >= 10:
                filled = round(fraction * bar_width)
                full, empty = ("#", "-") if self._ascii else ("\u2588", "\u2591")
                bar = full * filled + empty * (bar_width - filled)
                return f"{self._label} {bar} {fraction:4.0%}  {figures}"[:width]
            return f"{self._label} {fraction:4.0%}  {figures}"[:width]
        return f"{self._label}  {figures}  {_clock_time(elapsed)}"[:width]

    def _draw(self) -> None:
        width = shutil.get_terminal_size((80, 24)).columns - 1
        self._stream.write("\r" + self.line(width) + "\x1b[K")
        self._stream.flush()
        self.shown = True
        self._next_draw = self._clock() + self._interval


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def _clock_time(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
