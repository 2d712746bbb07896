"""Scratch space on disk for the HTML pieces of the site-wide pages, so memory does not grow with them.

A site-wide page is made of pieces from many articles: an entity page holds a section per article
naming the entity, a year of the site timeline every entry of that year. Every article's pieces
together are ~0.1 MB per article (1 GB for a 10,000-article archive), too much to hold. So a worker
gathers an article's pieces into one blob (`Pieces`), the builder appends the blob to one temporary
file (`Spill`) and keeps, for each piece, a number: where it starts and how long it is. A page reads
its pieces back (`pread`) only while it is rendered.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

LENGTH_BITS = 32  # a reference is (offset << 32) | length: one int per piece; 0 is the empty piece
_LENGTH = (1 << LENGTH_BITS) - 1


class Pieces:
    """An article's pieces gathered into one blob, each known by its reference relative to the blob."""

    def __init__(self) -> None:
        self._data: list[bytes] = []
        self._size = 0

    def put(self, piece: str | bytes) -> int:
        data = piece.encode("utf-8") if isinstance(piece, str) else piece
        if not data:
            return 0
        self._data.append(data)
        ref = self._size << LENGTH_BITS | len(data)
        self._size += len(data)
        return ref

    def lines(self, pieces: list[str] | list[bytes] | tuple[str, ...]) -> tuple[int, ...]:
        """Put pieces that pages print one a line, with a line break between: read back together,
        they are one read (see `Spill.lines`)."""
        if not pieces:
            return ()
        data = [piece.encode("utf-8") if isinstance(piece, str) else piece for piece in pieces]
        refs, offset = [], self._size
        for chunk in data:
            refs.append(offset << LENGTH_BITS | len(chunk))
            offset += len(chunk) + 1
        self._data.append(b"\n".join(data))
        self._size = offset - 1
        return tuple(refs)

    def blob(self) -> bytes:
        return b"".join(self._data)


class Spill:
    """An append-only file of blobs. It has no name (`TemporaryFile` unlinks it at once): it goes
    with the builder, even when the process is killed."""

    def __init__(self, folder: Path | None = None):
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
        self._file = tempfile.TemporaryFile(dir=folder, buffering=0)
        self.size = 0  # bytes written

    def put(self, blob: bytes) -> int:
        """Append `blob` (made by `Pieces`); returns the shift to add to its (nonzero) references."""
        shift, view, done = self.size << LENGTH_BITS, memoryview(blob), 0
        while done < len(blob):  # at its place, whatever an earlier failed write left behind
            done += os.pwrite(self._file.fileno(), view[done:], self.size + done)
        self.size += len(blob)
        return shift

    def lines(self, refs: list[int]) -> list[bytes]:
        """The pieces `refs`, as UTF-8, to be joined by line breaks. Pieces put one after the other
        by `Pieces.lines` (one byte apart: the line break) come in one read."""
        fd, pread, found = self._file.fileno(), os.pread, []
        start = end = -2  # the run of pieces being gathered (-2: none)
        for ref in refs:
            offset = ref >> LENGTH_BITS
            if ref and offset == end + 1:  # right after the run's last piece and a line break
                end = offset + (ref & _LENGTH)
                continue
            if start >= 0:
                found.append(pread(fd, end - start, start))
            start, end = (offset, offset + (ref & _LENGTH)) if ref else (-2, -2)
            if not ref:
                found.append(b"")
        if start >= 0:
            found.append(pread(fd, end - start, start))
        return found

    def read(self, ref: int) -> bytes:
        """One piece (`ref`), as put."""
        return os.pread(self._file.fileno(), ref & _LENGTH, ref >> LENGTH_BITS) if ref else b""

    def joined(self, refs: list) -> str:  # list of references (ints), as EntityIndex joins pieces
        """Pieces of text joined by line breaks (decoded at once: pages join thousands)."""
        return b"\n".join(self.lines(refs)).decode("utf-8")
