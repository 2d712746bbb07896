"""What each article adds to the site-wide pages (`model.ArticleParts`), as the builder keeps it between
builds: in memory, with the HTML in a spill file (`pizhu.spill`), and in the build cache.

`serve` keeps one builder, so an unchanged article's parts are loaded once and stay while its page's
render key is the same; a `build` loads them from the cache when a site-wide page must be looked at again.
"""
from __future__ import annotations

import contextlib
import gc
import tempfile
from typing import Any

from .cache import BuildCache
from .errors import BuildError
from .model import ArticleParts, spilled
from .spill import Spill


@contextlib.contextmanager
def collector_paused():
    """No garbage collection while cached parts load: they are hundreds of thousands of tuples that
    form no cycles, and the collector's passes over them took a third of the loading time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class PartsStore:
    """Parts by key (an entry's `parts_key`), `spilled`: their HTML is in the spill file."""

    def __init__(self, cache: BuildCache):
        self.cache = cache
        self.kept: dict[str, ArticleParts] = {}
        self.keys: list[str] = []  # of the last build's articles, in its order
        self._spill: Spill | None = None

    def start_over(self) -> None:
        """No kept parts are used again (every article is rendered): a fresh spill file too."""
        self.kept, self._spill = {}, None

    def has(self, key: str) -> bool:
        return key in self.kept or self.cache.has_parts(key)

    def find(self, entries: list[Any]) -> None:
        """Each unchanged entry's parts (`render` false), from memory or the cache."""
        with collector_paused():
            for e in entries:
                if e.parts is None and not e.render:
                    e.parts = self.kept.get(e.parts_key) or self.spilled(self.cache.load_parts(e.parts_key))

    def load_all(self) -> list[ArticleParts] | None:
        """Every article of the last build's parts (loaded now where they are not kept), or None when
        one cannot be had."""
        with collector_paused():
            for key in self.keys:
                if key not in self.kept:
                    parts = self.spilled(self.cache.load_parts(key))
                    if parts is not None:
                        self.kept[key] = parts
        if not all(key in self.kept for key in self.keys):
            return None
        return [self.kept[key] for key in self.keys]

    def remember(self, entries: list[Any]) -> None:
        """Keep the parts of this build's articles (parts loaded before stay while their articles are
        unchanged)."""
        known = self.kept
        self.kept = {e.parts_key: e.parts or known[e.parts_key] for e in entries
                     if e.parts is not None or e.parts_key in known}
        self.keys = [e.parts_key for e in entries]

    def spill_file(self) -> Spill:
        """The spill file, in the cache folder (on disk; the system's temporary folder may be in
        memory), or in the temporary folder when the cache cannot be written."""
        if self._spill is None:
            try:
                self._spill = Spill(self.cache.folder)
            except OSError:
                self._spill = self._scratch(lambda: Spill())
        return self._spill

    def spilled(self, split: tuple | None) -> ArticleParts | None:
        """Split parts (`model.split_parts`) as kept in memory: their HTML in the spill file."""
        if split is None:
            return None
        return self._scratch(lambda: spilled(split, self.spill_file()))

    def _scratch(self, write):
        """`write()`, with a full disk (or another write error) reported as a BuildError."""
        try:
            return write()
        except OSError as exc:
            where = self.cache.folder or tempfile.gettempdir()
            raise BuildError(where, None, f"cannot write the build's scratch file: {exc.strerror or exc}") from None
