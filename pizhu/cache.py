"""The build cache, `.pizhu-cache/` beside site.yaml: safe to delete, never trusted when damaged.

What is kept, and what each entry is keyed on:

- ``annotations/<key>.json``: one article's `Annotation.to_dict()`. The key hashes everything
  `annotate` reads (body, date, path, title, lang), the glossary file, `annotator.VERSION` and the
  annotator's source, so a glossary change re-annotates and a template or site.yaml change does not.
- ``parts/<render key>.pickle``: what one article adds to the site-wide pages (`model.ArticleParts`,
  with their HTML apart in one blob: `model.split_parts`), keyed like its page, so a build merges
  them without loading any annotation.
- ``templates/``: Jinja's compiled templates (its FileSystemBytecodeCache, checked against each
  template's source).
- ``files.pickle``: each article file's size and modification time with its content hash, so an
  unchanged file is not even read again (as make and Hugo trust a file's stat).
- ``articles/<0-f>.pickle``: parsed front matter (`Article`) by the article file's content hash, so an
  unchanged file's YAML is not parsed again; in 16 shards (by the hash's first digit), so that an
  edit rewrites one sixteenth of every article's text, not all of it.
- ``outputs/<hash of output folder>.pickle``: per output folder, the render key of each article page
  (article file, annotation key, templates, site.yaml values, Pizhu's source) and the size and
  mtime of every file written, so an unchanged article is neither rendered nor written again.
- ``next/<hash of output folder>/``: the site before the output's current one, updated into the next
  build's site and swapped in (`pizhu.output`); not sealed, checked file by file against the output.

Every file starts with a line holding the SHA-256 of the rest; an entry whose hash does not match,
or that fails to load, is deleted and rebuilt. All writes go to a temporary file and are renamed
into place, so an interrupted build leaves no half-written entry.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from pathlib import Path

import annotator
from annotator import Annotation

from .outfiles import stamp

CACHE_DIR = ".pizhu-cache"
FORMAT = "1"  # bump when the layout of the cache changes

_PIZHU_SOURCE = Path(__file__).resolve().parent
_ANNOTATOR_SOURCE = Path(annotator.__file__).resolve().parent


def digest(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def tree_digest(folder: Path, suffixes: tuple[str, ...] | None = None) -> str:
    """Hash of every file's relative name and bytes under `folder` (missing folder: a fixed value)."""
    parts: list[str | bytes] = []
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if "__pycache__" in path.parts or not path.is_file():
                continue
            if suffixes and path.suffix not in suffixes:
                continue
            parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return digest(*parts)


_code_digests: dict[str, str] = {}


def annotator_digest() -> str:
    """annotator.VERSION plus the annotator's own source (a forgotten VERSION bump can't serve stale output)."""
    if "annotator" not in _code_digests:
        _code_digests["annotator"] = digest(FORMAT, annotator.VERSION, tree_digest(_ANNOTATOR_SOURCE))
    return _code_digests["annotator"]


def pizhu_digest() -> str:
    """Pizhu's own source: a change to rendering code re-renders every page."""
    if "pizhu" not in _code_digests:
        _code_digests["pizhu"] = digest(FORMAT, tree_digest(_PIZHU_SOURCE, (".py",)))
    return _code_digests["pizhu"]


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename it over."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _sealed(payload: bytes) -> bytes:
    return hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n" + payload


def _unseal(data: bytes) -> memoryview | None:
    """The payload of a sealed file (a view: parts files are read by the thousand), or None if damaged."""
    end = data.find(b"\n")
    payload = memoryview(data)[end + 1:]
    if end < 0 or hashlib.sha256(payload).hexdigest().encode("ascii") != data[:end]:
        return None
    return payload


class BuildCache:
    """The cache folder; `BuildCache(None)` is a cache that keeps nothing (`build --no-cache`)."""

    def __init__(self, folder: Path | None, *, articles: bool = True):
        """`articles=False`: a worker's view, which never reads or writes the parsed front matter."""
        self.folder = Path(folder) if folder else None
        self.articles: dict[str, object] = {}  # file key -> Article
        self._dirty_shards: set[str] = set()  # of self.articles, by the key's first hex digit
        self._kept: tuple[set[str], set[str]] | None = None  # keys the last prune kept
        self.file_keys: dict[str, tuple] = {}  # article path → (its size and mtime …, its file key)
        if self.folder and articles:
            for shard in sorted((self.folder / "articles").glob("*.pickle")):
                found = self._load_pickle(shard)
                if isinstance(found, dict):
                    self.articles.update((k, v) for k, v in found.items() if type(v).__name__ == "Article")
            self.file_keys = self._load_pickle(self.folder / "files.pickle") or {}

    # --- sealed files ---------------------------------------------------------------------------------
    def _read(self, path: Path) -> memoryview | None:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        payload = _unseal(data)
        if payload is None:
            self._discard(path)
        return payload

    def _write(self, path: Path, payload: bytes) -> None:
        try:
            write_atomic(path, _sealed(payload))
        except OSError:
            pass  # a cache that cannot be written only costs time

    @staticmethod
    def _discard(path: Path) -> None:
        try:
            path.unlink()
        except OSError:
            pass

    def _load_pickle(self, path: Path):
        payload = self._read(path)
        if payload is None:
            return None
        try:
            return pickle.loads(payload)
        except Exception:
            self._discard(path)
            return None

    # --- annotations ----------------------------------------------------------------------------------
    def _annotation_path(self, key: str) -> Path:
        return self.folder / "annotations" / f"{key}.json"  # type: ignore[operator]

    def load_annotation(self, key: str) -> tuple[Annotation, str] | None:
        """(annotation, its JSON text), or None when missing or damaged."""
        if not self.folder:
            return None
        payload = self._read(self._annotation_path(key))
        if payload is None:
            return None
        try:
            text = str(payload, "utf-8")
            return Annotation.from_dict(json.loads(text)), text
        except Exception:  # valid hash, wrong shape (an old format): rebuild it
            self._discard(self._annotation_path(key))
            return None

    def store_annotation(self, key: str, annotation_json: str) -> None:
        if self.folder:
            self._write(self._annotation_path(key), annotation_json.encode("utf-8"))

    # --- what an article adds to the site-wide pages (model.ArticleParts), by render key ---------------
    def _parts_path(self, key: str) -> Path:
        return self.folder / "parts" / f"{key}.pickle"  # type: ignore[operator]

    def load_parts(self, key: str):
        """(ArticleParts, blob of their HTML): `model.split_parts`, or None."""
        if not self.folder:
            return None
        split = self._load_pickle(self._parts_path(key))
        ok = isinstance(split, tuple) and len(split) == 2 and type(split[0]).__name__ == "ArticleParts"
        return split if ok and isinstance(split[1], bytes) else None

    @property
    def compiled_templates(self) -> Path | None:
        """Where Jinja keeps compiled templates (it checks each against its template's source)."""
        return self.folder / "templates" if self.folder else None

    def has_parts(self, key: str) -> bool:
        return bool(self.folder) and self._parts_path(key).exists()

    def has_annotation(self, key: str) -> bool:
        return bool(self.folder) and self._annotation_path(key).exists()

    def store_parts(self, key: str, pickled: bytes) -> None:
        if self.folder:
            self._write(self._parts_path(key), pickled)

    def prune(self, annotations: set[str], parts: set[str]) -> None:
        """Delete entries no current article uses, so the cache does not grow with every edit. The
        first prune lists the folders; later ones (serve) delete what the last one kept, by name."""
        if not self.folder:
            return
        if self._kept is not None:
            for key in self._kept[0] - annotations:
                self._discard(self._annotation_path(key))
            for key in self._kept[1] - parts:
                self._discard(self._parts_path(key))
        else:
            for sub, keep in (("annotations", annotations), ("parts", parts)):
                folder = self.folder / sub
                if not folder.is_dir():
                    continue
                for path in folder.iterdir():
                    if path.stem not in keep or path.name.endswith(".tmp"):
                        self._discard(path)
            for stale in [self.folder / "articles.pickle", *(self.folder / "outputs").glob("*.json")]:
                self._discard(stale)  # the cache layout of 2026-11: one articles file, JSON manifests
        self._kept = (set(annotations), set(parts))

    # --- parsed front matter --------------------------------------------------------------------------
    def remember_article(self, key: str, article) -> None:
        if self.articles.get(key) is not article:
            self.articles[key] = article
            self._dirty_shards.add(key[0])

    def save_articles(self, keep: set[str]) -> None:
        if not self.folder:
            return
        for key in [k for k in self.articles if k not in keep]:
            del self.articles[key]
            self._dirty_shards.add(key[0])
        shards: dict[str, dict] = {shard: {} for shard in self._dirty_shards}
        for key, article in self.articles.items():
            if key[0] in shards:
                shards[key[0]][key] = article
        for shard, articles in shards.items():
            path = self.folder / "articles" / f"{shard}.pickle"
            if articles:
                self._write(path, pickle.dumps(articles, protocol=pickle.HIGHEST_PROTOCOL))
            else:
                self._discard(path)
        self._dirty_shards.clear()

    def save_file_keys(self, file_keys: dict[str, tuple]) -> None:
        if self.folder and file_keys != self.file_keys:
            self._write(self.folder / "files.pickle", pickle.dumps(file_keys, protocol=pickle.HIGHEST_PROTOCOL))
            self.file_keys = dict(file_keys)

    # --- output manifests -----------------------------------------------------------------------------
    def _manifest_path(self, out: Path) -> Path:
        return self.folder / "outputs" / f"{digest(str(out.resolve()))[:24]}.pickle"  # type: ignore[operator]

    def load_manifest(self, out: Path) -> dict:
        empty: dict = {"pages": {}, "files": {}}
        if not self.folder:
            return empty
        data = self._load_pickle(self._manifest_path(out))
        if isinstance(data, dict) and isinstance(data.get("pages"), dict) and isinstance(data.get("files"), dict):
            return data
        self._discard(self._manifest_path(out))
        return empty

    def save_manifest(self, out: Path, manifest: dict) -> None:
        if self.folder:
            self._write(self._manifest_path(out), pickle.dumps(manifest, protocol=pickle.HIGHEST_PROTOCOL))

    def manifest_stamp(self, out: Path) -> tuple | None:
        """The saved manifest file's identity and time: another build of the same output changes it."""
        return stamp(self._manifest_path(out)) if self.folder else None
