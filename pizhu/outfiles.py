"""File operations on an output folder and its next folder (see pizhu.output): listing, comparing,
writing new files, hard-linking unchanged ones, swapping two folders, deleting files with the folders
they leave empty.
"""
from __future__ import annotations

import ctypes
import errno
import os
from pathlib import Path
from typing import Callable


def same_inode(a: os.stat_result, b: os.stat_result) -> bool:
    return a.st_ino == b.st_ino and a.st_dev == b.st_dev


def ensure_parent(path: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)


def remove_files(top: str, rels) -> int:
    """Delete these files under `top`, and the folders they leave empty; returns how many went."""
    removed = 0
    for rel in sorted(rels):
        path = os.path.join(top, rel)
        try:
            os.unlink(path)
            removed += 1
        except FileNotFoundError:
            continue
        head = os.path.dirname(path)
        while head != top:
            try:
                os.rmdir(head)  # only when empty
            except OSError:
                break
            head = os.path.dirname(head)
    return removed


def files_under(top: str) -> set[str]:
    """Every file under `top`, relative, with '/'."""
    found: set[str] = set()
    prefix = len(top) + len(os.sep)
    for here, _dirs, names in os.walk(top):
        rel_here = here[prefix:].replace(os.sep, "/") if here != top else ""
        found.update(f"{rel_here}/{name}" if rel_here else name for name in names)
    return found


def folders_of(files) -> set[str]:
    """Every folder (relative) that holds one of `files`, with its parents."""
    found: set[str] = set()
    for rel in files:
        head = rel.rpartition("/")[0]
        while head and head not in found:
            found.add(head)
            head = head.rpartition("/")[0]
    return found


def stamp(path) -> tuple | None:
    """A file's identity and time: changed by anyone who writes it again."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


# renameat2(2) with RENAME_EXCHANGE swaps two paths atomically (Linux 3.15, glibc 2.28).
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2
_renameat2: Callable[..., int] | None
try:
    _renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
except (OSError, AttributeError):
    _renameat2 = None


def exchange(a: Path, b: Path, spare: Path) -> None:
    """Swap folders `a` and `b`: in one step where the system can, else by three renames through
    `spare` (an interruption between them is put right by `Output.recover`)."""
    if _renameat2 is not None:
        if _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
            return
        err = ctypes.get_errno()
        if err not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):  # not for this file system: renames
            raise OSError(err, os.strerror(err), str(b))
    os.rename(b, spare)
    os.rename(a, b)
    os.rename(spare, a)


def same_file(path: str, size: int, sha: str, known: list | None, content) -> os.stat_result | None:
    """The stat of `path` when it already holds these bytes (`content`: bytes, or a staged file's
    path), else None."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if st.st_size != size:
        return None
    if known and [st.st_size, st.st_mtime_ns] == known[:2]:  # as the last build left it
        return st if known[2:] == [sha] else None
    try:
        with open(path, "rb") as f:
            data = f.read()
        if isinstance(content, bytes):
            return st if data == content else None
        with open(content, "rb") as f:
            return st if f.read() == data else None
    except OSError:
        return None


def write_new(path: str, data: bytes) -> None:
    """Write a file of the next folder: a new file, never through a hard link the output shares."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        ensure_parent(path)
    with open(path, "xb") as f:
        f.write(data)


def link_unchanged(live: str, target: str) -> None:
    """Make `target` (in the next folder) the output's file `live`, unless it already is."""
    try:
        st = os.stat(live)
    except FileNotFoundError:  # gone from the output since the last build (serve trusts it)
        return
    try:
        if same_inode(os.stat(target), st):
            return
        os.unlink(target)
    except FileNotFoundError:
        ensure_parent(target)
    os.link(live, target)
