"""`build.py build`: read and annotate every article, then render and write the site, incrementally.

Two phases, as in Pelican and MkDocs: everything is read, annotated and rendered before anything is
written, so site-wide pages see every article and an error in any file leaves the last good site
untouched. Then only the files whose bytes changed are written (each through a temporary file and a
rename, so a reader never sees half a page), and files no longer produced are deleted: the output
folder ends byte-identical to a clean build's.

The cache (`pizhu.cache`, `.pizhu-cache/`) makes the work proportional to the change:

- an unchanged article is neither re-annotated nor re-rendered (its annotation is keyed on its
  text, the glossary and the annotator's version; its page on that plus templates and site.yaml);
- a template or site.yaml change re-renders pages from cached annotations;
- a glossary change re-annotates (annotations depend on it) and so re-renders;
- site-wide pages are built from what each article adds to them (`pages.ArticleParts`: its entity
  page sections, figures, quotes and timeline entries, made and cached when the article is rendered),
  never from annotations; an entity page is rendered again only when one of its parts changed, the
  few list pages (index, feed, sitemap, timeline, entities) whenever anything did.

Cold builds annotate and render in worker processes on every core (jieba's dictionary is loaded
once per worker).
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import pickle
import threading
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import annotator
from annotator import Annotation, Glossary

from . import cache as cachemod
from .cache import BuildCache, digest, write_atomic
from .config import SiteConfig
from .content import Article, find_articles, load_glossary, read_article
from .errors import BuildError, BuildErrors
from .progress import Progress

if TYPE_CHECKING:
    from .pages import AnnotatedArticle, ArticleParts, Renderer


def _pages():
    """pizhu.pages, imported on first use: a build with nothing to render never pays for it."""
    from . import pages
    return pages

# Use worker processes when at least this much work waits (below it, starting workers costs more).
PARALLEL_MIN_CHARS = 150_000  # characters to annotate
PARALLEL_MIN_PAGES = 40  # article pages to render


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

    def summary(self) -> str:
        return (f"built {self.articles} articles in {self.seconds:.2f} s: {self.annotated} annotated, "
                f"reused {self.reused} from cache; {self.pages} pages ({self.rendered} articles rendered), "
                f"{self.written} files written, {self.removed} removed → {self.out}")


def annotate_article(article: Article, glossary: Glossary) -> Annotation:
    return annotator.annotate(article.body, date=article.date, glossary=glossary,
                              path=str(article.source), title=article.title, lang=article.lang)


def build_site(config: SiteConfig, *, out: Path | None = None, use_cache: bool = True,
               jobs: int | None = None) -> BuildReport:
    return Builder(config, out=out, use_cache=use_cache, jobs=jobs).build()


# --- work done per article, in this process or in a worker --------------------------------------------

_state: dict = {}


def _init_worker(config: SiteConfig, glossary: Glossary, env_key: str) -> None:
    if _state.get("env_key") != env_key:  # same templates and settings: keep the compiled templates
        _state.clear()
    _state.update(config=config, glossary=glossary, env_key=env_key)


def _renderer() -> Renderer:
    if _state.get("renderer") is None:
        _state["renderer"] = _pages().Renderer(_state["config"])
    return _state["renderer"]


def _render(item: AnnotatedArticle, render: bool) -> tuple[dict[str, bytes], bytes]:
    """The article's pages (when `render`) and its pickled parts of the site-wide pages."""
    renderer = _renderer()
    pages = {rel: text.encode("utf-8") for rel, text in _pages().article_pages(renderer, item).items()} if render else {}
    return pages, pickle.dumps(renderer.article_parts(item), protocol=pickle.HIGHEST_PROTOCOL)


def _work(article: Article, annotation_json: str | None, render: bool):
    """Annotate (unless `annotation_json` is given) one article, render its pages (if `render`) and
    what it adds to the site-wide pages.

    Returns ("ok", annotation JSON if new else None, {path: bytes}, pickled parts) or
    ("error", path, line, message): BuildError does not survive pickling, so errors travel as tuples.
    """
    try:
        annotation = None
        if annotation_json is not None:
            try:
                annotation = Annotation.from_dict(json.loads(annotation_json))
            except Exception:
                annotation = None  # a damaged entry is never trusted: annotate again
        new_json = None
        if annotation is None:
            try:
                annotation = annotate_article(article, _state["glossary"])
            except Exception as exc:
                raise BuildError(article.source, None, f"annotator failed: {type(exc).__name__}: {exc}") from exc
            new_json = json.dumps(annotation.to_dict(), ensure_ascii=False)
        pages, parts = _render(_pages().AnnotatedArticle(article, annotation), render)
        return ("ok", new_json, pages, parts)
    except BuildError as exc:
        return ("error", exc.path, exc.line, exc.message)
    except Exception as exc:  # a bug, not the user's file: keep the traceback
        return ("error", str(article.source), None,
                f"internal error: {type(exc).__name__}: {exc}\n{traceback.format_exc()}")


def _work_chunk(tasks: list[tuple[Article, str | None, bool]]):
    return [_work(*task) for task in tasks]


def _mp_context():
    methods = multiprocessing.get_all_start_methods()
    # fork is fast and shares what the parent already imported; with other threads running (serve)
    # forking is unsafe, so the fork server is used there.
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context()


# --- the build -----------------------------------------------------------------------------------------

@dataclass
class _Entry:
    article: Article
    file_key: str
    annotation_key: str
    render_key: str
    render: bool = True  # its page must be rendered (not reusable from the last build)
    annotation: Annotation | None = None
    annotation_json: str | None = None  # from the cache, for a worker
    parts: ArticleParts | None = None  # what it adds to the site-wide pages


class Builder:
    """One site's builds; `serve` keeps one Builder, so annotations stay in memory between rebuilds."""

    def __init__(self, config: SiteConfig, *, out: Path | None = None, use_cache: bool = True,
                 jobs: int | None = None, progress_stream=None):
        self.config = config
        self.out = Path(out) if out else config.path(config.output_dir)
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.cache = BuildCache(config.path(cachemod.CACHE_DIR) if use_cache else None)
        self.progress_stream = progress_stream
        self._annotations: dict[str, Annotation] = {}  # in memory between builds, by annotation key
        self._parts: dict[str, ArticleParts] = {}  # by render key
        self._site_renderer: tuple[str, Renderer] | None = None  # (env key, renderer) of the last build

    # Phase 1: read -----------------------------------------------------------------------------------
    def _read(self):
        config = self.config
        glossary_path = config.path(config.glossary)
        glossary = load_glossary(glossary_path)
        glossary_bytes = glossary_path.read_bytes() if glossary_path.exists() else b""
        glossary_key = digest(cachemod.annotator_digest(), glossary_bytes)
        code = cachemod.pizhu_digest()
        found, errors, seen = [], [], set()
        for path, slug in find_articles(config.path(config.content_dir)):
            try:
                data = path.read_bytes()
            except OSError as exc:
                errors.append(BuildError(path, None, f"cannot read: {exc.strerror}"))
                continue
            file_key = digest(code, str(path), slug, config.lang, data)
            article = self.cache.articles.get(file_key)
            if article is None:
                try:
                    article = read_article(path, slug, default_lang=config.lang)
                except BuildError as exc:
                    errors.append(exc)
                    continue
                self.cache.remember_article(file_key, article)
            seen.add(file_key)
            if not article.draft:
                found.append((article, file_key))
        if errors:
            raise BuildErrors(errors) if len(errors) > 1 else errors[0]
        found.sort(key=lambda pair: (pair[0].date, pair[0].slug), reverse=True)
        return found, glossary, glossary_key, seen

    def build(self, *, articles_first: Callable[[int], None] | None = None) -> BuildReport:
        """Build the site. With `articles_first` (serve), changed article pages are written first and
        `articles_first(files written)` is called before the site-wide pages are rendered, so the
        page being edited reloads without waiting for pages built from every article."""
        started = time.perf_counter()
        phases: dict[str, float] = {}
        clock = [started]

        def lap(name: str) -> None:
            now = time.perf_counter()
            phases[name] = phases.get(name, 0.0) + now - clock[0]
            clock[0] = now

        config, out = self.config, self.out
        found, glossary, glossary_key, seen = self._read()
        env_key = digest(cachemod.pizhu_digest(), repr(config),
                         cachemod.tree_digest(config.path(config.templates_dir)))
        manifest = self.cache.load_manifest(out)
        old_pages, old_files = manifest["pages"], manifest["files"]

        entries: list[_Entry] = []
        for article, file_key in found:
            a = article
            annotation_key = digest(glossary_key, a.body, a.date.isoformat(), str(a.source), a.title, a.lang)
            entry = _Entry(article, file_key, annotation_key, digest(env_key, file_key, annotation_key))
            old = old_pages.get(a.slug)
            entry.render = not (old and old.get("key") == entry.render_key and self._unchanged(old.get("files"), old_files))
            entries.append(entry)
        site_key = digest(env_key, *(e.render_key for e in entries))
        old_site = manifest.get("site") or {}
        site_reusable = old_site.get("key") == site_key and self._unchanged(old_site.get("files"), old_files)
        lap("read and check")

        # Phase 2: annotate what the cache lacks, render what changed (nothing is written yet)
        self._find_parts(entries, need=not site_reusable)
        todo = [e for e in entries if e.render or (not site_reusable and e.parts is None)]
        self._find_annotations(todo)
        lap("load cached annotations and parts")
        annotated, new_pages = self._annotate_and_render(todo, config, glossary, env_key)
        lap("annotate and render articles")

        # Phase 3: write what changed (with `articles_first`, the article pages first), delete what is gone
        wanted: dict[str, bytes | str | None] = {}  # rel -> content, or None: "there and unchanged"
        pages_manifest = {}
        for e in entries:
            slug = e.article.slug
            rels = list(new_pages[slug]) if e.render else old_pages[slug]["files"]
            wanted.update(new_pages[slug] if e.render else dict.fromkeys(rels))
            pages_manifest[slug] = {"key": e.render_key, "files": rels}
        static = config.path(config.static_dir)
        if static.is_dir():
            for path in sorted(static.rglob("*")):
                if path.is_file():
                    wanted["static/" + path.relative_to(static).as_posix()] = path.read_bytes()
        written, files_manifest = 0, {}
        early = articles_first is not None and not site_reusable
        if early:
            written, files_manifest = self._write(wanted, old_files)
            lap("write")
            articles_first(written)
        try:
            if site_reusable:
                site_files, site_keys = dict.fromkeys(old_site["files"]), old_site.get("keys") or {}
            else:
                site_files, site_keys = self._site_wide(entries, env_key, old_site, old_files)
                lap("site-wide pages")
            more, more_manifest = self._write(site_files if early else {**wanted, **site_files}, old_files)
        except BaseException:
            if early:  # keep what was written on record, so it is not redone
                self.cache.save_manifest(out, {"pages": pages_manifest, "files": {**old_files, **files_manifest},
                                               "site": old_site})
            raise
        written += more
        files_manifest.update(more_manifest)
        wanted.update(site_files)
        removed = self._remove_stale(set(wanted))
        lap("write")
        reused = len(entries) - annotated

        pages = sum(1 for rel in wanted if rel.endswith(".html"))
        self.cache.save_manifest(out, {"pages": pages_manifest, "files": files_manifest,
                                       "site": {"key": site_key, "files": list(site_files), "keys": site_keys}})
        self.cache.save_articles(seen)
        self.cache.prune({e.annotation_key for e in entries}, {e.render_key for e in entries})
        self._annotations = {e.annotation_key: e.annotation for e in entries if e.annotation is not None}
        self._parts = {e.render_key: e.parts for e in entries if e.parts is not None}
        lap("save cache")
        return BuildReport(len(entries), pages, time.perf_counter() - started, out, annotated=annotated,
                           reused=reused, rendered=sum(e.render for e in entries), written=written,
                           removed=removed, phases=phases)

    def _site_wide(self, entries: list[_Entry], env_key: str, old_site: dict,
                   old_files: dict) -> tuple[dict[str, str | None], dict[str, str]]:
        """The site-wide pages: ({rel: content, or None when its inputs and file are unchanged}, {rel: key})."""
        with Progress(f"rendering the pages built from all {len(entries)} articles …", 0, min_total=0,
                      stream=self.progress_stream) as status:
            status.advance(0)
            if self._site_renderer is None or self._site_renderer[0] != env_key:
                self._site_renderer = (env_key, _pages().Renderer(self.config))
            plan = _pages().site_wide_plan(self._site_renderer[1], [e.article for e in entries],
                                           [e.parts for e in entries])
            old_keys = old_site.get("keys") or {}
            files: dict[str, str | None] = {}
            keys: dict[str, str] = {}
            for page in plan:
                key = digest(env_key, page.key) if page.key else None
                if key and old_keys.get(page.rel) == key and self._unchanged([page.rel], old_files):
                    files[page.rel] = None
                else:
                    files[page.rel] = page.render()
                if key:
                    keys[page.rel] = key
        return files, keys

    def _unchanged(self, rels, old_files: dict) -> bool:
        """Every file of a reused page is still in the output folder as this builder left it."""
        if not isinstance(rels, list):
            return False
        out = str(self.out)
        for rel in rels:
            known = old_files.get(rel)
            try:
                st = os.stat(os.path.join(out, rel))
            except OSError:
                return False
            if not known or [st.st_size, st.st_mtime_ns] != known[:2]:
                return False
        return True

    def _find_parts(self, entries: list[_Entry], *, need: bool) -> None:
        """Each unchanged article's parts of the site-wide pages, from memory or the cache (when the
        site-wide pages must be looked at again: `need`)."""
        if not need:
            return
        for e in entries:
            if e.parts is None and not e.render:
                e.parts = self._parts.get(e.render_key) or self.cache.load_parts(e.render_key)

    def _find_annotations(self, entries: list[_Entry]) -> None:
        """Annotations of the articles to render, from memory or the cache."""
        for e in entries:
            if e.annotation is None:
                e.annotation = self._annotations.get(e.annotation_key)
            if e.annotation is None:
                found = self.cache.load_annotation(e.annotation_key)
                if found is not None:
                    e.annotation, e.annotation_json = found

    def _annotate_and_render(self, todo: list[_Entry], config: SiteConfig, glossary: Glossary, env_key: str):
        """Annotate the entries of `todo` without annotation, render those marked `render`, and make
        every one's parts of the site-wide pages.

        Returns (number annotated, {slug: {rel: bytes}}); raises every error found.
        """
        to_annotate = [e for e in todo if e.annotation is None]
        chars = sum(len(e.article.body) for e in to_annotate)
        pages: dict[str, dict[str, bytes]] = {}
        errors: dict[str, BuildError] = {}
        parallel = self.jobs > 1 and len(todo) > 1 and (chars >= PARALLEL_MIN_CHARS
                                                         or len(todo) >= PARALLEL_MIN_PAGES)
        annotated = 0

        def take(e: _Entry, result) -> None:
            nonlocal annotated
            if result[0] == "error":
                err = BuildError(result[1], result[2], result[3])
                errors.setdefault(str(err), err)
                return
            _, new_json, files, parts = result
            if new_json is not None:
                annotated += 1
                e.annotation = Annotation.from_dict(json.loads(new_json))
                self.cache.store_annotation(e.annotation_key, new_json)
            if e.render:
                pages[e.article.slug] = files
            e.parts = pickle.loads(parts)
            self.cache.store_parts(e.render_key, parts)

        label = "annotating and rendering" if to_annotate else "rendering"
        with Progress(label, len(todo), stream=self.progress_stream) as progress:
            if parallel:
                self._run_parallel(todo, config, glossary, env_key, take, progress)
            else:
                _init_worker(config, glossary, env_key)
                for e in todo:
                    take(e, self._work_here(e))
                    progress.advance()
        for e in todo:
            e.annotation_json = None
        if errors:
            found = list(errors.values())
            raise BuildErrors(found) if len(found) > 1 else found[0]
        return annotated, pages

    @staticmethod
    def _work_here(e: _Entry):
        if e.annotation is None:
            return _work(e.article, None, e.render)
        try:
            files, parts = _render(_pages().AnnotatedArticle(e.article, e.annotation), e.render)
            return ("ok", None, files, parts)
        except BuildError as exc:
            return ("error", exc.path, exc.line, exc.message)

    def _run_parallel(self, todo: list[_Entry], config, glossary, env_key: str, take, progress: Progress) -> None:
        # Articles to annotate first, largest first, in small chunks: both cores stay busy to the end.
        order = sorted(todo, key=lambda e: (e.annotation is not None, -len(e.article.body)))
        workers = min(self.jobs, len(order))
        size = max(1, min(16, len(order) // (workers * 8)))
        chunks = [order[i:i + size] for i in range(0, len(order), size)]
        with ProcessPoolExecutor(workers, mp_context=_mp_context(), initializer=_init_worker,
                                 initargs=(config, glossary, env_key)) as pool:
            futures = {}
            for chunk in chunks:
                tasks = [(e.article, self._annotation_json(e), e.render) for e in chunk]
                futures[pool.submit(_work_chunk, tasks)] = chunk
            for future in as_completed(futures):
                chunk = futures[future]
                for e, result in zip(chunk, future.result()):
                    take(e, result)
                progress.advance(len(chunk))

    @staticmethod
    def _annotation_json(e: _Entry) -> str | None:
        if e.annotation_json is not None:
            return e.annotation_json
        if e.annotation is not None:
            return json.dumps(e.annotation.to_dict(), ensure_ascii=False)
        return None

    # Phase 3 helpers -----------------------------------------------------------------------------------
    def _write(self, wanted: dict, old_files: dict) -> tuple[int, dict]:
        """Write each file whose bytes differ from what is there; returns (count, manifest files).

        `wanted` maps a path to bytes, to text (encoded here, one file at a time, to save memory),
        or to None for a reused file."""
        out = self.out
        if out.exists() and not out.is_dir():
            raise BuildError(out, None, "output path exists and is not a folder")
        written, files = 0, {}
        for rel, data in wanted.items():
            if data is None:  # reused: unchanged since the last build (checked by _unchanged)
                files[rel] = old_files[rel]
                continue
            if isinstance(data, str):
                data = data.encode("utf-8")
            target = out / rel
            sha = hashlib.sha256(data).hexdigest()
            known = old_files.get(rel)
            try:
                st = target.stat()
            except OSError:
                st = None
            same = False
            if st is not None and st.st_size == len(data):
                if known and known[2:] == [sha] and [st.st_size, st.st_mtime_ns] == known[:2]:
                    same = True
                else:
                    try:
                        same = target.read_bytes() == data
                    except OSError:
                        same = False
            if not same:
                write_atomic(target, data)
                st = target.stat()
                written += 1
            files[rel] = [st.st_size, st.st_mtime_ns, sha]
        return written, files

    def _remove_stale(self, wanted: set[str]) -> int:
        """Delete output files this build did not produce (removed articles and assets), and empty folders."""
        out = str(self.out)
        if not os.path.isdir(out):
            return 0
        removed, prefix = 0, len(out) + len(os.sep)
        for folder, _dirs, names in os.walk(out, topdown=False):
            kept = False
            for name in names:
                full = os.path.join(folder, name)
                if full[prefix:].replace(os.sep, "/") in wanted:
                    kept = True
                    continue
                try:
                    os.unlink(full)
                    removed += 1
                except OSError:
                    kept = True
            if not kept and folder != out:
                try:
                    os.rmdir(folder)  # only succeeds when empty (its subfolders went first)
                except OSError:
                    pass
        return removed
