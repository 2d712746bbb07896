"""A one-line progress counter for long builds, shown only when stderr is a terminal."""
from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, label: str, total: int, *, stream: TextIO | None = None, min_total: int = 20,
                 interval: float = 0.1):
        self.stream = stream if stream is not None else sys.stderr
        self.label, self.total, self.done = label, total, 0
        self.interval = interval
        self._last = 0.0
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = total >= min_total and bool(isatty and isatty())
        self._started = time.perf_counter()

    def advance(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self._last >= self.interval or self.done >= self.total:
            self._last = now
            if self.total:
                rate = self.done / max(now - self._started, 1e-9)
                self.stream.write(f"\r\x1b[K{self.label} {self.done}/{self.total} ({rate:.0f}/s)")
            else:  # a step without a count: its label alone
                self.stream.write(f"\r\x1b[K{self.label}")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
