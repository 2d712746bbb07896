"""What a build tells its user: a one-line progress counter for long builds (shown only when stderr is a
terminal), the seconds per phase and the report it ends with."""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path
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


@dataclass
class BuildReport:
    articles: int
    pages: int
    seconds: float
    out: Path
    annotated: int = 0
    reused: int = 0  # annotations taken from the cache
    rendered: int = 0  # article pages rendered (the others were reused)
    written: int = 0  # output files written (the others were already up to date)
    removed: int = 0  # output files deleted (removed articles, static files)
    phases: dict | None = None  # seconds per phase, for profiling (PIZHU_TIMINGS=1 prints them)
    processes: frozenset[int] = frozenset()  # ids of the processes that annotated or rendered articles

    def timings(self) -> str:
        """The time per phase (PIZHU_TIMINGS=1 prints it), for profiling."""
        return "timings: " + ", ".join(f"{k} {v:.2f} s" for k, v in (self.phases or {}).items())

    def summary(self) -> str:
        return (f"built {self.articles} articles in {self.seconds:.2f} s: {self.annotated} annotated, "
                f"reused {self.reused} from cache; {self.pages} pages ({self.rendered} articles rendered), "
                f"{self.written} files written, {self.removed} removed → {self.out}")



class Clock:
    """Seconds per build phase (PIZHU_TIMINGS=1 prints them)."""

    def __init__(self):
        self.started = self._last = time.perf_counter()
        self.phases: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.phases[name] = self.phases.get(name, 0.0) + now - self._last
        self._last = now
