"""`build.py build`: read and annotate every article, then render and write the site, incrementally.

Two phases, as in Pelican and MkDocs: everything is read, annotated and rendered (into the output's
next folder, `pizhu.output`) before anything in the output changes, so site-wide pages see every
article and an error in any file leaves the last good site untouched. Then the new site is
published at once (swapped in by one rename): the output folder ends byte-identical to a clean
build's, and only files whose bytes changed are new files.

The cache (`pizhu.cache`, `.pizhu-cache/`) makes the work proportional to the change:

- an unchanged article is neither re-annotated nor re-rendered (its annotation is keyed on its
  text, the glossary and the annotator's version; its page on that plus templates and site.yaml);
- a template or site.yaml change re-renders pages from cached annotations;
- a glossary change re-annotates (annotations depend on it) and so re-renders;
- site-wide pages are built from what each article adds to them (`model.ArticleParts`: its entity
  page sections, figures, quotes and timeline entries, made and cached when the article is rendered),
  never from annotations; each site-wide page is rendered again only when what it shows changed
  (an entity page: one of its parts).

Cold builds annotate and render in worker processes on every core (jieba's dictionary is loaded
once per worker); `serve` keeps one Builder, with every article's parts and the merged entity
pages in memory between builds.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import pickle
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import annotator
from annotator import Glossary

from . import cache as cachemod, theme
from .cache import BuildCache, digest
from .config import SiteConfig
from .content import Article, find_articles, load_glossary, read_article
from .errors import BuildError, BuildErrors
from .model import AnnotatedArticle, ArticleParts, split_parts, spilled
from .output import Output, check_location, write_error, write_new
from .progress import Progress
from .spill import Spill

if TYPE_CHECKING:
    from .pages import Renderer


def _pages():
    """pizhu.pages, imported on first use: a build with nothing to render never pays for it."""
    from . import pages
    return pages


def _site_pages():
    """pizhu.site_pages, imported on first use, like `_pages`."""
    from . import site_pages
    return site_pages

# Use worker processes when at least this much work waits (below it, starting workers costs more).
PARALLEL_MIN_CHARS = 150_000  # characters to annotate
PARALLEL_MIN_PAGES = 40  # article pages to render
OVERLAP_MIN_PARTS = 200  # cached parts to load, worth annotating in a worker meanwhile


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


# How an article's body becomes the annotator's text (render.annotatable_text): part of every
# annotation's cache key, so a change to it re-annotates. Bump when that function changes.
ANNOTATED_TEXT = "code and link targets blanked, v2"


def annotate_article(article: Article, glossary: Glossary) -> annotator.Annotation:
    from .render import annotatable_text  # Markdown is parsed only when something is annotated
    text = annotatable_text(article.body, article.source, article.body_line)
    return annotator.annotate(text, date=article.date, glossary=glossary,
                              path=str(article.source), title=article.title, lang=article.lang)


def build_site(config: SiteConfig, *, out: Path | None = None, use_cache: bool = True,
               jobs: int | None = None, force: bool = False) -> BuildReport:
    return Builder(config, out=out, use_cache=use_cache, jobs=jobs, force=force).build()


# --- work done per article, in this process or in a worker --------------------------------------------

_state: dict = {}


def _init_worker(config: SiteConfig, glossary: Glossary, env_key: str, cache_folder: Path | None,
                 staging: Path) -> None:
    if _state.get("env_key") != env_key:  # same templates and settings: keep the compiled templates
        _state.clear()
    _state.update(config=config, glossary=glossary, env_key=env_key, cache=BuildCache(cache_folder, articles=False),
                  staging=staging)


def _renderer() -> Renderer:
    if _state.get("renderer") is None:
        _state["renderer"] = _pages().Renderer(_state["config"], _state["cache"].compiled_templates)
    return _state["renderer"]


@dataclass(frozen=True)
class _Task:
    article: Article
    annotation_key: str
    render_key: str
    render: bool  # write its pages (else only its parts of the site-wide pages are wanted)


def _work(task: _Task):
    """Annotate one article (unless the cache has it), render its pages into the staging folder (if
    `task.render`) and what it adds to the site-wide pages; annotation and parts go to the cache.

    Returns ("ok", annotated?, {rel: Staged}, pickled parts) or ("error", path, line, message):
    BuildError does not survive pickling, so errors travel as tuples. Pages travel as files, not
    through the pipe: the main process never holds every article page.
    """
    article, cache = task.article, _state["cache"]
    try:
        found = cache.load_annotation(task.annotation_key)
        annotation = found[0] if found else None
        if annotation is None:
            try:
                annotation = annotate_article(article, _state["glossary"])
            except BuildError:
                raise
            except Exception as exc:
                raise BuildError(article.source, None, f"annotator failed: {type(exc).__name__}: {exc}") from exc
            cache.store_annotation(task.annotation_key, json.dumps(annotation.to_dict(), ensure_ascii=False))
        shown = annotation.confident(_state["config"].min_confidence)  # build.py annotate prints them all
        renderer, item = _renderer(), AnnotatedArticle(article, shown)
        files = {}
        if task.render:
            for rel, text in _pages().article_pages(renderer, item).items():
                files[rel] = stage(_state["staging"], rel, text.encode("utf-8"))
        parts = pickle.dumps(split_parts(renderer.article_parts(item)), protocol=pickle.HIGHEST_PROTOCOL)
        cache.store_parts(task.render_key, parts)
        return ("ok", found is None, files, parts)
    except BuildError as exc:
        return ("error", exc.path, exc.line, exc.message)
    except OSError as exc:  # a full disk, a read-only folder: one message for all, made by the main process
        return ("oserror", exc.errno, exc.strerror, exc.filename)
    except Exception as exc:  # a bug, not the user's file: keep the traceback
        return ("error", str(article.source), None,
                f"internal error: {type(exc).__name__}: {exc}\n{traceback.format_exc()}")


def _work_chunk(tasks: list[_Task]):
    """(this worker's process id, each task's result)."""
    return os.getpid(), [_work(task) for task in tasks]


@dataclass(frozen=True)
class Staged:
    """A file rendered into the staging folder, moved into the output by the write phase."""
    path: str
    size: int
    sha: str


def stage(staging: Path, rel: str, data: bytes) -> Staged:
    path = os.path.join(staging, rel)
    write_new(path, data)
    return Staged(path, len(data), hashlib.sha256(data).hexdigest())


def _same_pages(articles) -> list[BuildError]:
    """Articles whose pages would be one file: names that differ only in case are one file on macOS
    and Windows (and in a checkout there), so they are refused everywhere."""
    first: dict[str, Article] = {}
    errors = []
    for article in articles:
        other = first.setdefault(article.slug.casefold(), article)
        if other is not article:
            errors.append(BuildError(article.source, None, f"its page articles/{article.slug}/ is the page of "
                                     f"{other.source} too (names that differ only in case are one file on macOS "
                                     "and Windows): rename one of them"))
    return errors


@contextlib.contextmanager
def _collector_paused():
    """No garbage collection while cached parts load: they are hundreds of thousands of tuples that
    form no cycles, and the collector's passes over them took a third of the loading time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _mp_context():
    import multiprocessing  # here, not at the top: a build with nothing to render never needs it

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
    process: int | None = None  # id of the process that annotated or rendered it in this build
    parts: ArticleParts | None = None  # what it adds to the site-wide pages


@dataclass
class _Plan:
    """What a build found before rendering: its articles and what the last build left."""
    entries: list[_Entry]
    manifest: dict  # the last build's output manifest
    env_key: str  # templates, settings and Pizhu's code
    site_key: str  # every article page's render key
    site_reusable: bool  # nothing changed: the site-wide pages are the last build's
    seen: set[str]  # file keys of every article file read (drafts included)


class _Clock:
    """Seconds per build phase (PIZHU_TIMINGS=1 prints them)."""

    def __init__(self):
        self.started = self._last = time.perf_counter()
        self.phases: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.phases[name] = self.phases.get(name, 0.0) + now - self._last
        self._last = now


class Builder:
    """One site's builds; `serve` keeps one Builder, so annotations stay in memory between rebuilds."""

    def __init__(self, config: SiteConfig, *, out: Path | None = None, use_cache: bool = True,
                 jobs: int | None = None, progress_stream=None, force: bool = False):
        self.config = config
        self.out = Path(out) if out else config.path(config.output_dir)
        self._out_named = None if out is None else ("--out", None, f"'{out}'")  # for errors: how the user named it
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.cache = BuildCache(config.path(cachemod.CACHE_DIR) if use_cache else None)
        self.output = Output(self.out, self.cache.folder / "next" if self.cache.folder else None, force=force)
        self.progress_stream = progress_stream
        self._parts: dict[str, ArticleParts] = {}  # by render key, `spilled`: their HTML is in self._spill
        self._spill: Spill | None = None
        self._file_keys: dict[str, tuple[tuple, str]] = dict(self.cache.file_keys)  # file → (its stat, its digest)
        self._render_keys: list[str] = []  # of the last build's articles
        self._env_key = ""  # templates, settings and Pizhu's code, at the last build
        self._keys: dict[tuple[str, str, str], tuple[str, str]] = {}  # (file, glossary, env key) → _article_keys
        # (env key, spill, renderer, entity index) of the last build: kept while templates and settings are
        self._site_renderer: tuple | None = None
        self._trusted = False  # this build's manifest is the one this builder left (see _left)
        # The manifest this builder last saved, with the output folder's and the saved manifest's
        # identity then: while both are the same, the next build trusts that the files are as this
        # builder left them (serve owns its output), instead of checking each by stat as a fresh
        # `build` does.
        self._left: tuple[tuple, dict] | None = None

    # Phase 1: read -----------------------------------------------------------------------------------
    def _check_folders(self) -> None:
        """The content folder exists, and the output folder is none of the site's own (see pizhu.output)."""
        config = self.config
        content = config.path(config.content_dir)
        if not content.is_dir():
            raise BuildError(config.source or "site.yaml", config.line_of("content_dir"),
                             f"content_dir '{config.content_dir}': no such folder (where are the articles?)")
        named = {"the site folder": config.root, f"content_dir '{config.content_dir}'": content,
                 f"templates_dir '{config.templates_dir}'": config.path(config.templates_dir),
                 f"static_dir '{config.static_dir}'": config.path(config.static_dir),
                 f"the cache {cachemod.CACHE_DIR}": config.path(cachemod.CACHE_DIR)}
        check_location(self.out, named, self._out_named or (
            config.source or "site.yaml", config.line_of("output_dir"), f"output_dir '{config.output_dir}'"))

    def _read(self):
        config = self.config
        glossary_path = config.path(config.glossary)
        glossary = load_glossary(glossary_path)
        glossary_bytes = glossary_path.read_bytes() if glossary_path.exists() else b""
        glossary_key = digest(cachemod.annotator_digest(), glossary_bytes)
        code = cachemod.pizhu_digest()
        found, errors, seen = [], [], set()
        for path, slug in find_articles(config.path(config.content_dir), site_root=config.root):
            try:
                file_key = self._file_key(path, slug, code)
            except OSError as exc:
                errors.append(BuildError(path, None, f"cannot read: {exc.strerror}"))
                continue
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
        errors += _same_pages(article for article, _ in found)
        if errors:
            raise BuildErrors(errors) if len(errors) > 1 else errors[0]
        found.sort(key=lambda pair: (pair[0].date, pair[0].slug), reverse=True)
        return found, glossary, glossary_key, seen

    @staticmethod
    def _article_keys(a: Article, file_key: str, glossary_key: str, env_key: str) -> tuple[str, str]:
        """(annotation key, render key) of an article: what its annotation and its page depend on."""
        annotation_key = digest(glossary_key, ANNOTATED_TEXT, a.body, a.date.isoformat(), str(a.source), a.title,
                                a.lang)
        return annotation_key, digest(env_key, file_key, annotation_key)

    def _file_key(self, path: Path, slug: str, code: str) -> str:
        """The digest of an article file (and what reading it depends on); only files whose size or
        modification time changed since the last build are read."""
        name = str(path)
        st = os.stat(name)
        seen = (st.st_size, st.st_mtime_ns, slug, self.config.lang, code)
        known = self._file_keys.get(name)
        if known and known[0] == seen:
            return known[1]
        key = digest(code, name, slug, self.config.lang, path.read_bytes())
        self._file_keys[name] = (seen, key)
        return key

    def build(self, *, articles_first: Callable[[int], None] | None = None) -> BuildReport:
        """Build the site. With `articles_first` (serve), changed article pages are written first and
        `articles_first(files written)` is called before the site-wide pages are rendered, so the
        page being edited reloads without waiting for pages built from every article."""
        clock = _Clock()
        lap = clock.lap
        config, out = self.config, self.out
        self._check_folders()
        found, glossary, glossary_key, seen = self._read()
        env_key = digest(cachemod.pizhu_digest(), repr(config), *map(cachemod.tree_digest, theme.template_dirs(config)))
        left, self._left = self._left, None  # kept only by a build that succeeds
        self._trusted = left is not None and None not in left[0] and left[0] == self._output_stamp()
        manifest = left[1] if self._trusted else self.cache.load_manifest(out)
        self.output.prepare(set(manifest["files"]), manifest.get("dirs") or {}, manifest.get("next"),
                            trusted=self._trusted)
        old_pages, old_files = manifest["pages"], manifest["files"]

        entries: list[_Entry] = []
        known_keys, self._keys = self._keys, {}
        for article, file_key in found:
            known = (file_key, glossary_key, env_key)
            keys = self._keys[known] = known_keys.get(known) or self._article_keys(article, *known)
            entry = _Entry(article, file_key, *keys)
            old = old_pages.get(article.slug)
            entry.render = not (old and old.get("key") == entry.render_key and self._unchanged(old.get("files"), old_files))
            entries.append(entry)
        site_key = digest(env_key, *(e.render_key for e in entries))
        old_site = manifest.get("site") or {}
        site_reusable = old_site.get("key") == site_key and self._unchanged(old_site.get("files"), old_files)
        lap("read and check")

        # Phase 2: annotate what the cache lacks, render what changed into a staging folder beside
        # the output (nothing in the output is touched yet)
        # Unchanged articles' parts are loaded while the changed ones are annotated: in a worker
        # process when there are many to load, so loading overlaps the annotator's start-up.
        need = not site_reusable
        todo = [e for e in entries if e.render or (need and not self._has_parts(e))]
        if all(e.render for e in entries):  # no kept parts are used again: a fresh spill file (serve)
            self._parts, self._spill = {}, None
        to_load = sum(1 for e in entries if need and not e.render and e.render_key not in self._parts)
        overlap = to_load >= OVERLAP_MIN_PARTS and any(not self.cache.has_annotation(e.annotation_key) for e in todo)
        with self._staging(bool(todo) or need) as staging:
            annotated, new_pages = self._annotate_and_render(todo, config, glossary, env_key, staging, overlap=overlap,
                                                             meanwhile=lambda: self._find_parts(entries, need=need))
            damaged = [e for e in entries if need and e.parts is None]  # parts files that failed their check
            if damaged:
                annotated += self._annotate_and_render(damaged, config, glossary, env_key, staging)[0]
            lap("annotate and render articles, load cached parts")
            plan = _Plan(entries, manifest, env_key, site_key, site_reusable, seen)
            return self._finish(plan, new_pages, annotated, staging, articles_first, clock)

    @contextlib.contextmanager
    def _staging(self, needed: bool):
        """The output's next folder (pizhu.output), for the files being rendered."""
        if not needed:
            yield None
            return
        try:
            yield self.output.open_next()
        except BaseException:
            self.output.close_next()
            raise

    def _finish(self, plan: _Plan, new_pages: dict, annotated: int, staging: Path | None,
                articles_first: Callable[[int], None] | None, clock: _Clock) -> BuildReport:
        """Phase 3: put what was rendered in place, and record what the next build can reuse."""
        config, out, lap, entries = self.config, self.out, clock.lap, plan.entries
        env_key, site_key, site_reusable = plan.env_key, plan.site_key, plan.site_reusable
        manifest = plan.manifest
        old_pages, old_files = manifest["pages"], manifest["files"]
        old_site = manifest.get("site") or {}

        # Phase 3: write what changed (with `articles_first`, the article pages first), delete what is gone
        wanted: dict[str, Staged | bytes | None] = {}  # rel -> content, or None: "there and unchanged"
        pages_manifest = {}
        for e in entries:
            slug = e.article.slug
            rels = list(new_pages[slug]) if e.render else old_pages[slug]["files"]
            wanted.update(new_pages[slug] if e.render else dict.fromkeys(rels))
            pages_manifest[slug] = {"key": e.render_key, "files": rels}
        wanted.update({"static/" + rel: path.read_bytes() for rel, path in theme.static_files(config).items()})
        publish = self.output.publish
        written = removed = 0
        early = articles_first is not None and not site_reusable
        if early:  # the edited pages now, with the last build's site-wide pages; those follow
            kept = {rel: None for rel in old_site.get("files") or () if rel in old_files and rel not in wanted}
            written, removed, old_files = publish({**wanted, **kept}, old_files)
            lap("write")
            articles_first(written)
            wanted = dict.fromkeys(wanted)  # in the output now
            staging = self.output.open_next()
        try:
            if site_reusable:
                site_files, site_keys = dict.fromkeys(old_site["files"]), old_site.get("keys") or {}
            else:
                try:
                    site_files, site_keys = self._site_wide(entries, env_key, old_site, old_files, staging)
                except OSError as exc:
                    raise write_error(exc, self.out) from None
                lap("site-wide pages")
            wanted.update(site_files)
            more, gone, files_manifest = publish(wanted, old_files)
        except BaseException:
            if early:  # keep what was published on record, so it is not redone
                self.cache.save_manifest(out, {"pages": pages_manifest, "files": old_files, "site": old_site})
            raise
        written, removed = written + more, removed + gone
        lap("write")
        reused = len(entries) - annotated

        pages = sum(1 for rel in wanted if rel.endswith(".html"))
        manifest = {"pages": pages_manifest, "files": files_manifest, "dirs": self.output.times,
                    "next": self.output.next_state,
                    "site": {"key": site_key, "files": list(site_files), "keys": site_keys, "env": env_key}}
        self.cache.save_manifest(out, manifest)
        self._left = (self._output_stamp(), manifest)
        self.cache.save_articles(plan.seen)
        self.cache.save_file_keys({name: v for name, v in self._file_keys.items() if v[1] in plan.seen})
        self.cache.prune({e.annotation_key for e in entries}, {e.render_key for e in entries})
        known = self._parts  # parts loaded before (warm) stay while their articles are unchanged
        self._parts = {e.render_key: e.parts or known[e.render_key] for e in entries
                       if e.parts is not None or e.render_key in known}
        self._render_keys = [e.render_key for e in entries]
        self._env_key = env_key
        lap("save cache")
        return BuildReport(len(entries), pages, time.perf_counter() - clock.started, out, annotated=annotated,
                           reused=reused, rendered=sum(e.render for e in entries), written=written,
                           removed=removed, phases=clock.phases,
                           processes=frozenset(e.process for e in entries if e.process is not None))

    def _site_wide(self, entries: list[_Entry], env_key: str, old_site: dict, old_files: dict,
                   staging: Path) -> tuple[dict[str, Staged | None], dict[str, str]]:
        """The site-wide pages, rendered into `staging` one at a time: ({rel: staged file, or None
        when its inputs and file are unchanged}, {rel: inputs key})."""
        with Progress(f"rendering the pages built from all {len(entries)} articles …", 0, min_total=0,
                      stream=self.progress_stream) as status:
            status.advance(0)
            renderer, entity_index = self._site_state(env_key)
            plan = _site_pages().site_wide_plan(renderer, [e.article for e in entries], [e.parts for e in entries],
                                           entity_index, self._spill_file())
            old_keys, same_env = old_site.get("keys") or {}, old_site.get("env") == env_key
            files: dict[str, str | None] = {}
            keys: dict[str, str] = {}
            for page in plan:
                keys[page.rel] = page.key
                if same_env and old_keys.get(page.rel) == page.key and self._unchanged([page.rel], old_files):
                    files[page.rel] = None
                else:
                    content = page.render()
                    files[page.rel] = stage(staging, page.rel, content if isinstance(content, bytes) else content.encode("utf-8"))
        return files, keys

    def _output_stamp(self) -> tuple:
        """The output folder's identity and the saved manifest's: while both are as this builder left
        them, no one else (`rm -rf _site`, a `build` of the same output) has touched the output."""
        try:
            st = os.stat(self.out)
            folder = (st.st_dev, st.st_ino)
        except OSError:
            folder = None
        return (folder, self.cache.manifest_stamp(self.out))

    def _unchanged(self, rels, old_files: dict) -> bool:
        """Every file of a reused page is still in the output folder as this builder left it."""
        if not isinstance(rels, list):
            return False
        if self._trusted:
            return all(rel in old_files for rel in rels)
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

    def _site_state(self, env_key: str):
        """(renderer, entity index) for the site-wide pages, kept while templates, settings and the
        spill its pages read from are."""
        spill = self._spill_file()
        if self._site_renderer is None or self._site_renderer[:2] != (env_key, spill):
            from .entities_index import EntityIndex  # on first use, like `_pages`
            renderer = _pages().Renderer(self.config, self.cache.compiled_templates)
            self._site_renderer = (env_key, spill, renderer, EntityIndex(renderer.markdown, spill.joined))
        return self._site_renderer[2:]

    def _spill_file(self) -> Spill:
        """The spill file, in the cache folder (on disk; the system's temporary folder may be in
        memory), or in the temporary folder when the cache cannot be written."""
        if self._spill is None:
            try:
                self._spill = Spill(self.cache.folder)
            except OSError:
                self._spill = self._scratch(lambda: Spill())
        return self._spill

    def _spilled(self, split: tuple | None) -> ArticleParts | None:
        """Split parts (`model.split_parts`) as kept in memory: their HTML in the spill file."""
        if split is None:
            return None
        return self._scratch(lambda: spilled(split, self._spill_file()))

    def _scratch(self, write):
        """`write()`, with a full disk (or another write error) reported as a BuildError."""
        try:
            return write()
        except OSError as exc:
            where = self.cache.folder or tempfile.gettempdir()
            raise BuildError(where, None, f"cannot write the build's scratch file: {exc.strerror or exc}") from None

    def warm(self) -> None:
        """Load every article's parts of the site-wide pages and merge the entity pages now (serve
        does, while it waits for a first change), so the first rebuild after an edit does not pay for it."""
        with _collector_paused():
            for key in self._render_keys:
                if key not in self._parts:
                    parts = self._spilled(self.cache.load_parts(key))
                    if parts is not None:
                        self._parts[key] = parts
        if self._env_key and all(key in self._parts for key in self._render_keys):
            self._site_state(self._env_key)[1].update([self._parts[key].entities for key in self._render_keys])

    def _has_parts(self, e: _Entry) -> bool:
        return e.render_key in self._parts or self.cache.has_parts(e.render_key)

    def _find_parts(self, entries: list[_Entry], *, need: bool) -> None:
        """Each unchanged article's parts of the site-wide pages, from memory or the cache (when the
        site-wide pages must be looked at again: `need`)."""
        if not need:
            return
        with _collector_paused():
            for e in entries:
                if e.parts is None and not e.render:
                    e.parts = self._parts.get(e.render_key) or self._spilled(self.cache.load_parts(e.render_key))

    def _annotate_and_render(self, todo: list[_Entry], config: SiteConfig, glossary: Glossary, env_key: str,
                             staging: Path | None, *, overlap: bool = False, meanwhile: Callable[[], None] = lambda: None):
        """Annotate the entries of `todo` the cache has no annotation for, render those marked
        `render` into `staging`, and make every one's parts of the site-wide pages. `meanwhile` runs
        in this process while workers (if any: always with `overlap`) do that.

        Returns (number annotated, {slug: {rel: Staged}}); raises every error found.
        """
        pages: dict[str, dict[str, Staged]] = {}
        errors: dict[str, BuildError] = {}
        chars = sum(len(e.article.body) for e in todo)
        parallel = self.jobs > 1 and bool(todo) and (overlap or len(todo) > 1 and (
            chars >= PARALLEL_MIN_CHARS or len(todo) >= PARALLEL_MIN_PAGES))
        annotated = 0

        def take(e: _Entry, result, process: int) -> None:
            nonlocal annotated
            e.process = process
            if result[0] in ("error", "oserror"):
                err = (BuildError(result[1], result[2], result[3]) if result[0] == "error"
                       else write_error(OSError(*result[1:]), self.out))
                errors.setdefault(str(err), err)
                return
            _, new, files, parts = result
            annotated += new
            if e.render:
                pages[e.article.slug] = files
            e.parts = self._spilled(pickle.loads(parts))

        tasks = [_Task(e.article, e.annotation_key, e.render_key, e.render) for e in todo]
        setup = (config, glossary, env_key, self.cache.folder, staging)
        with Progress("annotating and rendering", len(todo), stream=self.progress_stream) as progress:
            if parallel:
                self._run_parallel(todo, tasks, setup, take, progress, meanwhile)
            else:
                meanwhile()
                _init_worker(*setup)
                for e, task in zip(todo, tasks):
                    take(e, _work(task), os.getpid())
                    progress.advance()
        if errors:
            found = list(errors.values())
            raise BuildErrors(found) if len(found) > 1 else found[0]
        return annotated, pages

    def _run_parallel(self, todo: list[_Entry], tasks: list[_Task], setup: tuple, take, progress: Progress,
                      meanwhile: Callable[[], None]) -> None:
        # Largest articles first, in small chunks: both cores stay busy to the end.
        order = sorted(range(len(todo)), key=lambda i: -len(todo[i].article.body))
        workers = min(self.jobs, len(order))
        size = max(1, min(16, len(order) // (workers * 8)))
        chunks = [order[i:i + size] for i in range(0, len(order), size)]
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(workers, mp_context=_mp_context(), initializer=_init_worker, initargs=setup) as pool:
            futures = {pool.submit(_work_chunk, [tasks[i] for i in chunk]): chunk for chunk in chunks}
            meanwhile()
            for future in as_completed(futures):
                chunk = futures.pop(future)  # its result (pickled parts) is freed once taken
                process, results = future.result()
                for i, result in zip(chunk, results):
                    take(todo[i], result, process)
                progress.advance(len(chunk))
