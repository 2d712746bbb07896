"""Scratch space on disk for the HTML pieces of the site-wide pages, so memory does not grow with them.

A site-wide page is made of pieces from many articles: an entity page holds a section per article
naming the entity, a year of the site timeline every entry of that year. Every article's pieces
together are ~0.1 MB per article (1 GB for a 10,000-article archive), too much to hold. The builder
writes them to one temporary file instead and keeps, for each piece, a number (where it starts and
how long it is); a page reads its pieces back (`pread`) only while it is rendered.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

_LENGTH_BITS = 32  # a reference is (offset << 32) | length: one small int per piece


class Spill:
    """An append-only file of pieces (UTF-8 text or bytes), each known by the reference `put` returns.

    The file has no name (`TemporaryFile` unlinks it at once): it goes when the builder does, even
    when the process is killed. Reference 0 is the empty piece."""

    def __init__(self, folder: Path | None = None):
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
        self._file = tempfile.TemporaryFile(dir=folder)
        self.size = 0  # bytes written
        self._unflushed = False

    def put(self, piece: str | bytes) -> int:
        data = piece.encode("utf-8") if isinstance(piece, str) else piece
        if not data:
            return 0
        ref = self.size << _LENGTH_BITS | len(data)
        self._file.write(data)
        self.size += len(data)
        self._unflushed = True
        return ref

    def data(self, ref: int) -> bytes:
        """The piece `ref` as it was put (text as UTF-8)."""
        if not ref:
            return b""
        if self._unflushed:
            self._file.flush()
            self._unflushed = False
        return os.pread(self._file.fileno(), ref & ((1 << _LENGTH_BITS) - 1), ref >> _LENGTH_BITS)

    def text(self, ref: int) -> str:
        return self.data(ref).decode("utf-8")

    def close(self) -> None:
        self._file.close()
