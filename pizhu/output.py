"""The output folder: where a build may write, which files in it are the build's own, and publishing
a new site there all at once.

- Where: never the filesystem root, the home folder, the site folder, its content, templates,
  static or cache folder, a folder that holds one of them, or a folder inside one of them.
- Ownership: every site Pizhu publishes lists its files in `.pizhu-manifest`; a build replaces or
  deletes only files listed there (or in the cache's manifest of that output). An output folder
  holding anything else is refused unless `--force`, and even then those files are left alone.
- Publishing: the new site is assembled in the "next" folder (newly rendered files, hard links to
  the unchanged ones) and swapped with the output in one step (Linux's renameat2 RENAME_EXCHANGE),
  so a kill leaves either the old site or the new one, complete. The swap leaves the previous site
  in the next folder, where the next build updates it into its own: a build costs what changed,
  not what the site holds. The next folder lives in `.pizhu-cache/next/` when that is on the output's
  file system, else beside the output. Where the output cannot be swapped (it is a mount point, or
  holds files of someone else's kept with --force), changed files are replaced one by one, each by
  a rename, and stale ones deleted last.
"""
from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sys
from pathlib import Path

from .cache import write_atomic
from .errors import BuildError
from .outfiles import (exchange, files_under, folders_of, link_unchanged, remove_files, same_file, stamp,
                       write_new)

MARKER = ".pizhu-manifest"
_MARKER_HEAD = "# Files written by Pizhu: a build replaces or deletes only these.\n"


def check_location(out: Path, named: dict[str, Path], setting: tuple[str | None, int | None, str]) -> None:
    """Refuse an output folder a build would destroy: `named` maps what the user knows a folder as
    ("content_dir 'content'") to the folder; `setting` is (file, line, how the output was named)."""
    path, line, what = setting
    target = Path(os.path.realpath(out))

    def refuse(why: str, because: str = "the build replaces the whole output folder"):
        raise BuildError(path, line, f"{what} {why}: {because}; choose a folder of its own, such as _site")

    if target == Path(target.anchor):
        refuse("is the filesystem root")
    if target == Path(os.path.realpath(Path.home())):
        refuse("is the home folder")
    for name, folder in named.items():
        folder = Path(os.path.realpath(folder))
        if target == folder:
            refuse(f"is {name} itself")
        if target in folder.parents:
            refuse(f"holds {name}")
        if folder in target.parents and name != "the site folder":
            refuse(f"is inside {name}", "the build would read its own output back")


def write_error(exc: OSError, folder: Path) -> BuildError:
    """One message for a failed write, naming the folder (a full disk fails every worker alike)."""
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        hint = "free some space and build again"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = "the folder is read-only or immutable (chattr +i): make it writable or pass another --out"
    else:
        hint = f"while writing {exc.filename}" if exc.filename else "while writing"
    return BuildError(folder, None, f"cannot write the site: {reason} ({hint})")


def _foreign(top: str, ours: set[str], times: dict, limit: int) -> tuple[list[str], bool]:
    """Entries of the output that are not ours (files, or folders none of ours is in), at most
    `limit`, and whether every folder was as recorded. A folder whose modification time is the one
    recorded after the last publish (`times`) gained no entry since, and is not listed again: a
    build does not list the whole site."""
    expected: dict[str, set[str]] = {}  # folder → names of ours in it
    for rel in ours | folders_of(ours):
        head, _, name = rel.rpartition("/")
        expected.setdefault(head, set()).add(name)
    expected.setdefault("", set()).add(MARKER)
    found: list[str] = []
    same = True
    for rel in sorted(expected):
        path = os.path.join(top, rel) if rel else top
        try:
            if times.get(rel) == os.lstat(path).st_mtime_ns:
                continue
            same = False
            with os.scandir(path) as entries:
                found += [f"{rel}/{e.name}" if rel else e.name for e in entries if e.name not in expected[rel]]
        except (FileNotFoundError, NotADirectoryError):
            continue
        if len(found) >= limit:
            break
    return sorted(found)[:limit], same


def _read_marker(folder: str) -> set[str] | None:
    try:
        with open(os.path.join(folder, MARKER), encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError):
        return None
    if not text.startswith(_MARKER_HEAD):
        return None
    return {line for line in text[len(_MARKER_HEAD):].split("\n") if line}


def _marker_bytes(files) -> bytes:
    return (_MARKER_HEAD + "".join(f"{rel}\n" for rel in sorted(files))).encode("utf-8")


class Output:
    """One output folder and its next folder (see the module's docstring)."""

    def __init__(self, out: Path, next_home: Path | None, *, force: bool = False):
        self.named = Path(out)  # as the user named it, for messages
        self.out = Path(os.path.realpath(out))  # a symlink's target is what is published, not the link
        self.force = force
        self.old = self.out.parent / f".{self.out.name}.pizhu-old"  # the swap's middle step, without renameat2
        self.next = self.out.parent / f".{self.out.name}.pizhu-next"
        self._home: Path | None = None
        if next_home is not None:
            self._home = next_home / hashlib.sha256(str(self.out).encode()).hexdigest()[:16]
        self.in_place = False
        self._told = False  # the mount point note, once per process
        self.ours: set[str] = set()  # files of the output that are the build's own
        self._in_next: set[str] | None = None  # files the next folder holds, once opened for writing
        # Files where the next folder (the previous site) may differ from the output; None: any.
        # Kept in memory between the builds of one process that trusts the output (serve).
        self._differs: set[str] | None = None
        # (the next folder's manifest stamp, sorted self._differs): saved in the cache, so that a
        # fresh process knows them too while that manifest is the one they were made with
        self.next_state: tuple | None = None
        self.times: dict | None = None  # the output's folders' modification times, after publishing
        self._times_hold = False  # every folder's time was as recorded in `times`

    # --- before rendering ----------------------------------------------------------------------------
    def prepare(self, known: set[str], times: dict, next_state: tuple | None, *, trusted: bool) -> None:
        """Find which of the output's files are ours, refuse one holding others (unless forced),
        put right an interrupted swap, and choose how to publish. `trusted`: the output is as this
        process left it (serve), so it is not listed again; `times`: its folders' modification
        times after the last publish; `next_state`: what the last publish said of the next folder."""
        out = self.out
        self.recover()
        if out.exists() and not out.is_dir():
            raise BuildError(self.named, None, "output path exists and is not a folder")
        if out.is_dir() and not os.access(out, os.W_OK | os.X_OK):
            raise BuildError(self.named, None, "cannot write the site: the output folder is read-only or "
                                               "immutable (chattr +i): make it writable or pass another --out")
        self.ours = (_read_marker(str(out)) or set()) | known
        foreign: list[str] = []
        self._times_hold = False
        if not trusted and out.is_dir():
            foreign, self._times_hold = _foreign(str(out), self.ours, times, 6)
        self.times = None if trusted or foreign else times
        if not trusted:
            self._differs, self.next_state = None, next_state
        if foreign and not self.force:
            shown = ", ".join(foreign[:5]) + (", …" if len(foreign) > 5 else "")
            raise BuildError(self.named, None, f"holds files Pizhu did not write ({shown}): pass --force to "
                                               "build there anyway (they are kept), or choose an empty folder")
        if not trusted:  # else: as the first build found (serve does not look again)
            self.in_place = bool(foreign)
        self.next = self._next_folder()
        if out.is_dir() and os.stat(out).st_dev != os.stat(out.parent).st_dev:
            self.in_place = True
            if not self._told:
                self._told = True
                print(f"note: {self.named} is a mount point of its own: it cannot be swapped in one step, so "
                      "changed files are replaced one by one", file=sys.stderr)

    def _next_folder(self) -> Path:
        """In the cache when that is on the output's file system (one folder to ignore), else beside it."""
        beside = self.out.parent / f".{self.out.name}.pizhu-next"
        if self._home is None:
            return beside
        try:
            self._home.parent.mkdir(parents=True, exist_ok=True)
            if os.stat(self._home.parent).st_dev == os.stat(self.out.parent).st_dev:
                if beside.exists():
                    shutil.rmtree(beside, ignore_errors=True)  # left when the cache was elsewhere
                return self._home
        except OSError:
            pass
        return beside

    def recover(self) -> None:
        """Put right a swap interrupted between its renames (systems without renameat2), and remove
        the staging folders of older Pizhu versions."""
        if self.old.is_dir():
            if not self.out.exists():
                os.rename(self.old, self.out)
            else:
                shutil.rmtree(self.old, ignore_errors=True)
        for stale in self.out.parent.glob(f".{self.out.name}.staging-*"):
            shutil.rmtree(stale, ignore_errors=True)

    def open_next(self) -> Path:
        """The next folder, ready for rendered files (`stage`): what it holds is remembered and its
        manifest removed, so a build killed while writing there is noticed."""
        if self._in_next is not None:
            return self.next
        folder = str(self.next)
        try:
            if self.in_place:
                shutil.rmtree(folder, ignore_errors=True)
                listed: set[str] = set()
            else:
                marked = _read_marker(folder)
                if marked is None:  # interrupted, or never written: look
                    listed = files_under(folder)
                else:
                    listed = marked
                    marker = os.path.join(folder, MARKER)
                    if self._differs is None and self.next_state and self.next_state[0] == stamp(marker):
                        self._differs = set(self.next_state[1])
                    os.unlink(marker)
            self.next_state = None
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            raise write_error(exc, self.next.parent) from None
        self._in_next = listed
        return self.next

    # --- publishing ----------------------------------------------------------------------------------
    def publish(self, wanted: dict, old_files: dict) -> tuple[int, int, dict]:
        """Make the output hold exactly `wanted` ({rel: Staged file in the next folder, bytes, or None
        for the output's file, unchanged}) and the files that are not ours; returns (files written,
        files removed, {rel: [size, mtime, sha]})."""
        try:
            files, changed, given = {}, {}, set()
            for rel, data in wanted.items():
                if data is None:
                    files[rel] = old_files[rel]
                    continue
                given.add(rel)
                new = isinstance(data, bytes)
                size, sha = (len(data), hashlib.sha256(data).hexdigest()) if new else (data.size, data.sha)
                st = same_file(os.path.join(self.out, rel), size, sha, old_files.get(rel), data if new else data.path)
                if st is None:
                    changed[rel] = sha
                else:
                    files[rel] = [st.st_size, st.st_mtime_ns, sha]
            names = set(wanted)
            stale = self.ours - names
            if not changed and not stale and os.path.isfile(self.out / MARKER):  # the output is the new site already
                self._put_back(given)
                removed = 0
            elif self.in_place:
                removed = self._update_in_place(wanted, changed, stale)
            else:
                removed = self._swap(wanted, names, changed, given, stale)
            for rel, sha in changed.items():
                st = os.stat(os.path.join(self.out, rel))
                files[rel] = [st.st_size, st.st_mtime_ns, sha]
            if self.times is not None and not self.in_place and (changed or stale or not self._times_hold):
                self.times = {rel: os.stat(os.path.join(self.out, rel)).st_mtime_ns
                              for rel in folders_of(wanted) | {""}}
        except OSError as exc:
            raise write_error(exc, self.named) from None
        self.ours = names
        return len(changed), removed, files

    def _put_back(self, given: set[str]) -> None:
        """Nothing to publish: the next folder keeps what it holds (files rendered there too), on record again."""
        if self._in_next is not None and not self.in_place:
            write_atomic(self.next / MARKER, _marker_bytes(self._in_next | given))
            if self._differs is not None:  # files rendered again there are copies, not links
                self._differs |= given
                self.next_state = (stamp(self.next / MARKER), sorted(self._differs))
        self._in_next = None

    def _swap(self, wanted: dict, names: set[str], changed: dict, given: set[str], stale: set[str]) -> int:
        """Assemble the new site in the next folder and swap it with the output; returns how many of
        the output's files it lacks. The next folder holds the previous site: files where it may
        differ from the output (all, unless known), or that were rendered again, become hard links
        to the output's file, unless their bytes changed."""
        self.open_next()
        out, nxt = str(self.out), str(self.next)
        for rel in names if self._differs is None else given | (self._differs & names):
            target = os.path.join(nxt, rel)
            if rel not in changed:
                link_unchanged(os.path.join(out, rel), target)
            elif isinstance(wanted[rel], bytes):
                write_new(target, wanted[rel])
        assert self._in_next is not None  # set by open_next
        remove_files(nxt, self._in_next - names)
        write_atomic(self.next / MARKER, _marker_bytes(names))
        try:
            if self.out.is_dir():
                exchange(self.next, self.out, self.old)
            else:
                self.out.parent.mkdir(parents=True, exist_ok=True)
                os.rename(self.next, self.out)
        except OSError as exc:
            if exc.errno not in (errno.EXDEV, errno.EBUSY):
                raise
            print(f"note: {self.named} cannot be renamed ({exc.strerror}): changed files are replaced one by one",
                  file=sys.stderr)
            self.in_place = True
            return self._update_in_place(wanted, changed, stale)
        self._in_next = None  # the next folder holds the previous site, listed in its manifest
        self._differs = set(changed) | stale
        self.next_state = (stamp(self.next / MARKER), sorted(self._differs))
        return len(stale)

    def _update_in_place(self, wanted: dict, changed: dict, stale: set[str]) -> int:
        """Replace the changed files one by one, each by a rename, then delete stale ones of ours;
        returns how many were deleted."""
        for rel in changed:
            data, target = wanted[rel], self.out / rel
            if isinstance(data, bytes):
                write_atomic(target, data)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.replace(data.path, target)
            except OSError as exc:  # another file system: copied, still through a rename
                if exc.errno != errno.EXDEV:
                    raise
                write_atomic(target, Path(data.path).read_bytes())
        removed = remove_files(str(self.out), stale)
        write_atomic(self.out / MARKER, _marker_bytes(wanted))
        shutil.rmtree(self.next, ignore_errors=True)
        self._in_next = self._differs = self.next_state = None
        return removed

    def close_next(self) -> None:
        """After a failed build: the next folder stays, and the next build lists what it holds."""
        self._in_next = self._differs = self.next_state = None
