"""`build.py build`: read and annotate every article, then render and write the site, incrementally.

Read (`pizhu.reading`), annotate and render (`pizhu.workers`), then publish (here, through
`pizhu.output`), as in Pelican and
MkDocs: everything is read, annotated and rendered (into the output's next folder, `pizhu.output`)
before anything in the output changes, so site-wide pages see every article and an error in any
file leaves the last good site untouched. Then the new site is published at once (swapped in by one
rename): the output folder ends byte-identical to a clean build's, and only files whose bytes
changed are new files.

The cache (`pizhu.cache`, `.pizhu-cache/`) makes the work proportional to the change:

- an unchanged article is neither re-annotated nor re-rendered (its annotation is keyed on its
  text, the glossary and the annotator's version; its page on that plus templates and site.yaml);
- a template or site.yaml change re-renders pages from cached annotations;
- a glossary change re-annotates (annotations depend on it) and so re-renders;
- site-wide pages are built from what each article adds to them (`model.ArticleParts`: its entity
  page sections, figures, quotes and timeline entries, made and cached when the article is rendered),
  never from annotations; each site-wide page is rendered again only when what it shows changed
  (an entity page: one of its parts).

Cold builds annotate and render in worker processes on every core (`pizhu.workers`: jieba's
dictionary is loaded once per worker); `serve` keeps one Builder, with every article's parts and the merged entity
pages in memory between builds.
"""
from __future__ import annotations

import contextlib
import os
import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from annotator import Glossary

from . import cache as cachemod, slugs, theme
from .cache import BuildCache, digest
from .config import SiteConfig
from .content import Article
from .errors import BuildError, BuildErrors
from .model import ArticleParts
from .output import Output, write_error
from .parts_store import PartsStore
from .progress import BuildReport, Clock, Progress
from .reading import article_keys, check_folders, read_site
from .workers import Staged, Task, init_worker, pages_module, run_parallel, stage, work, worth_workers

OVERLAP_MIN_PARTS = 200  # cached parts to load, worth annotating in a worker meanwhile


def build_site(config: SiteConfig, *, out: Path | None = None, use_cache: bool = True,
               jobs: int | None = None, force: bool = False) -> BuildReport:
    return Builder(config, out=out, use_cache=use_cache, jobs=jobs, force=force).build()


# --- the build -----------------------------------------------------------------------------------------

@dataclass(eq=False)  # an entry is itself: compared and hashed by identity
class _Entry:
    article: Article
    annotation_key: str
    render_key: str
    render: bool = True  # its page must be rendered (not reusable from the last build)
    process: int | None = None  # id of the process that annotated or rendered it in this build
    parts: ArticleParts | None = None  # what it adds to the site-wide pages
    slugs: dict[str, str] = field(default_factory=dict)  # entity slugs its page links, where not the base
    # slug (pizhu.slugs): the last build's, until the slug table says otherwise

    @property
    def parts_key(self) -> str:
        """Its parts' key in the cache: its render key, and the slugs its timeline entries link."""
        return digest(self.render_key, repr(sorted(self.slugs.items()))) if self.slugs else self.render_key


@dataclass
class _Plan:
    """What a build found before rendering: its articles and what the last build left."""
    entries: list[_Entry]
    manifest: dict  # the last build's output manifest
    env_key: str  # templates, settings and Pizhu's code
    site_key: str  # every article page's render key
    site_reusable: bool  # nothing changed: the site-wide pages are the last build's
    seen: set[str]  # file keys of every article file read (drafts included)


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
        self._parts = PartsStore(self.cache)
        self._file_keys: dict[str, tuple[tuple, str]] = dict(self.cache.file_keys)  # file → (its stat, its digest)
        self._slugs = slugs.SlugBook()
        self._env_key = ""  # templates, settings and Pizhu's code, at the last build
        self._keys: dict[tuple[str, str, str], tuple[str, str]] = {}  # (file, glossary, env key) → reading.article_keys
        # (env key, spill, renderer, entity index) of the last build: kept while templates and settings
        # are the same
        self._site_renderer: tuple | None = None
        self._trusted = False  # this build's manifest is the one this builder left (see _left)
        # The manifest this builder last saved, with the output folder's and the saved manifest's
        # identity then: while both are the same, the next build trusts that the files are as this
        # builder left them (serve owns its output), instead of checking each by stat as a fresh
        # `build` does.
        self._left: tuple[tuple, dict] | None = None

    def build(self, *, articles_first: Callable[[int], None] | None = None) -> BuildReport:
        """Build the site. With `articles_first` (serve), changed article pages are written first and
        `articles_first(files written)` is called before the site-wide pages are rendered, so the
        page being edited reloads without waiting for pages built from every article."""
        clock = Clock()
        lap = clock.lap
        config, out = self.config, self.out
        check_folders(config, out, self._out_named)
        found, glossary, glossary_key, seen = read_site(config, self.cache, self._file_keys)
        env_key = digest(cachemod.pizhu_digest(), repr(config), *map(cachemod.tree_digest, theme.template_dirs(config)))
        left, self._left = self._left, None  # kept only by a build that succeeds
        self._trusted = left is not None and None not in left[0] and left[0] == self._output_stamp()
        manifest = left[1] if self._trusted and left else self.cache.load_manifest(out)
        self.output.prepare(set(manifest["files"]), manifest.get("dirs") or {}, manifest.get("next"),
                            trusted=self._trusted)
        old_pages, old_files = manifest["pages"], manifest["files"]

        entries = self._entries(found, glossary_key, env_key, old_pages, old_files)
        site_key = digest(env_key, *(e.render_key for e in entries))
        old_site = manifest.get("site") or {}
        site_reusable = old_site.get("key") == site_key and self._unchanged(old_site.get("files"), old_files)
        lap("read and check")

        # Phase 2: annotate what the cache lacks, render what changed into the output's next folder
        # (nothing in the output is touched yet)
        # Unchanged articles' parts are loaded while the changed ones are annotated: in a worker
        # process when there are many to load, so loading overlaps the annotator's start-up.
        need = not site_reusable
        todo = [e for e in entries if e.render or (need and not self._parts.has(e.parts_key))]
        if all(e.render for e in entries):  # no kept parts are used again: a fresh spill file (serve)
            self._parts.start_over()
        to_load = sum(1 for e in entries if need and not e.render and e.parts_key not in self._parts.kept)
        overlap = to_load >= OVERLAP_MIN_PARTS and any(not self.cache.has_annotation(e.annotation_key) for e in todo)
        with self._staging(bool(todo) or need) as staging:
            meanwhile, annotated = (lambda: self._parts.find(entries) if need else None), 0
            if need and todo and self.cache.folder:
                # Names first: annotate, give every entity its slug (pizhu.slugs), then render each page
                # once, with the slugs it links (annotations are loaded again from the cache: ~1 ms each)
                annotated = self._annotate_and_render(todo, config, glossary, env_key, staging, overlap=overlap,
                                                      meanwhile=meanwhile, names_only=True)[0]
                pending = set(todo)
                todo += [e for e in self._slugs.check(entries, self._slugs.table(entries)) if e not in pending]
                meanwhile, overlap = (lambda: None), False
            more, new_pages = self._annotate_and_render(todo, config, glossary, env_key, staging, overlap=overlap,
                                                        meanwhile=meanwhile)
            annotated += more
            damaged = [e for e in entries if need and e.parts is None]  # parts files that failed their check
            if damaged:
                annotated += self._annotate_and_render(damaged, config, glossary, env_key, staging)[0]
            if need:
                annotated += self._link_slugs(entries, new_pages, config, glossary, env_key, staging)
            lap("annotate and render articles, load cached parts")
            plan = _Plan(entries, manifest, env_key, site_key, site_reusable, seen)
            return self._finish(plan, new_pages, annotated, staging, articles_first, clock)

    def _entries(self, found: list, glossary_key: str, env_key: str, old_pages: dict, old_files: dict) -> list[_Entry]:
        """An entry per article read, with its keys and whether its page must be rendered (its render
        key changed, or its files are not in the output as the last build left them)."""
        entries = []
        known_keys, self._keys = self._keys, {}
        for article, file_key in found:
            known = (file_key, glossary_key, env_key)
            keys = self._keys[known] = known_keys.get(known) or article_keys(article, *known)
            entry = _Entry(article, *keys)
            old = old_pages.get(article.slug)
            entry.slugs = dict((old or {}).get("slugs") or {})
            entry.render = not (old and old.get("key") == entry.render_key and self._unchanged(old.get("files"), old_files))
            entries.append(entry)
        return entries

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
                articles_first: Callable[[int], None] | None, clock: Clock) -> BuildReport:
        """Phase 3: put what was rendered in place, and record what the next build can reuse."""
        out, lap, entries = self.out, clock.lap, plan.entries
        env_key, site_key, site_reusable = plan.env_key, plan.site_key, plan.site_reusable
        manifest = plan.manifest
        old_pages, old_files = manifest["pages"], manifest["files"]
        old_site = manifest.get("site") or {}

        # Phase 3: write what changed (with `articles_first`, the article pages first), delete what is gone
        wanted, pages_manifest = self._article_files(entries, new_pages, old_pages)
        publish = self.output.publish
        written = removed = 0
        early = articles_first is not None and not site_reusable
        if early and articles_first is not None:  # the edited pages now, with the last build's site-wide pages
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
                assert staging is not None  # opened whenever the site-wide pages are looked at again
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
        self._remember(plan, manifest)
        lap("save cache")
        return BuildReport(len(entries), pages, time.perf_counter() - clock.started, out, annotated=annotated,
                           reused=reused, rendered=sum(e.render for e in entries), written=written,
                           removed=removed, phases=clock.phases,
                           processes=frozenset(e.process for e in entries if e.process is not None))

    def _article_files(self, entries: list[_Entry], new_pages: dict,
                       old_pages: dict) -> tuple[dict[str, Staged | bytes | None], dict[str, dict]]:
        """({rel: content, or None for "there and unchanged"} of every article page and static file,
        the pages' part of the manifest)."""
        wanted: dict[str, Staged | bytes | None] = {}
        pages_manifest = {}
        for e in entries:
            slug = e.article.slug
            rels = list(new_pages[slug]) if e.render else old_pages[slug]["files"]
            wanted.update(new_pages[slug] if e.render else dict.fromkeys(rels))
            pages_manifest[slug] = {"key": e.render_key, "files": rels, **({"slugs": e.slugs} if e.slugs else {})}
        wanted.update({"static/" + rel: path.read_bytes() for rel, path in theme.static_files(self.config).items()})
        return wanted, pages_manifest

    def _remember(self, plan: _Plan, manifest: dict) -> None:
        """Save what the next build can reuse (in the cache and, for serve, in memory)."""
        entries = plan.entries
        self.cache.save_manifest(self.out, manifest)
        self._left = (self._output_stamp(), manifest)
        self.cache.save_articles(plan.seen)
        self.cache.save_file_keys({name: v for name, v in self._file_keys.items() if v[1] in plan.seen})
        self.cache.prune({e.annotation_key for e in entries}, {e.parts_key for e in entries})
        self._parts.remember(entries)
        self._env_key = plan.env_key

    def _site_wide(self, entries: list[_Entry], env_key: str, old_site: dict, old_files: dict,
                   staging: Path) -> tuple[dict[str, Staged | None], dict[str, str]]:
        """The site-wide pages, rendered into `staging` one at a time: ({rel: staged file, or None
        when its inputs and file are unchanged}, {rel: inputs key})."""
        with Progress(f"rendering the pages built from all {len(entries)} articles …", 0, min_total=0,
                      stream=self.progress_stream) as status:
            status.advance(0)
            renderer, entity_index = self._site_state(env_key)
            from .site_pages import site_wide_plan  # on first use, like workers.pages_module
            parts = [e.parts for e in entries if e.parts is not None]
            assert len(parts) == len(entries)  # every article's parts were loaded or made
            plan = site_wide_plan(renderer, [e.article for e in entries], parts, entity_index, self._parts.spill_file())
            old_keys, same_env = old_site.get("keys") or {}, old_site.get("env") == env_key
            files: dict[str, Staged | None] = {}
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
        spill = self._parts.spill_file()
        if self._site_renderer is None or self._site_renderer[:2] != (env_key, spill):
            from .entities_index import EntityIndex  # on first use, like workers.pages_module
            renderer = pages_module().Renderer(self.config, self.cache.compiled_templates)
            self._site_renderer = (env_key, spill, renderer, EntityIndex(renderer.markdown, spill.joined))
        return self._site_renderer[2:]

    def warm(self) -> None:
        """Load every article's parts of the site-wide pages and merge the entity pages now (serve
        does, while it waits for a first change), so the first rebuild after an edit does not pay for it."""
        every = self._parts.load_all()
        if self._env_key and every is not None:
            self._site_state(self._env_key)[1].update([parts.entities for parts in every])

    def _link_slugs(self, entries: list[_Entry], new_pages: dict, config: SiteConfig, glossary: Glossary,
                    env_key: str, staging: Path | None) -> int:
        """Check every article page's entity links against the slug table of every article's parts,
        render again the rare one that links an entity at another slug (an article whose parts were
        damaged; a build without a cache, which has no names-first pass), and make the table the one
        the site-wide pages use. Returns the number annotated."""
        table = self._slugs.table(entries)
        redo = self._slugs.check(entries, table)
        self._slugs.keep_only(entries)
        annotated = 0
        if redo:
            annotated, pages = self._annotate_and_render(redo, config, glossary, env_key, staging)
            new_pages.update(pages)
        slugs.use(table.slugs)
        return annotated


    def _annotate_and_render(self, todo: list[_Entry], config: SiteConfig, glossary: Glossary, env_key: str,
                             staging: Path | None, *, overlap: bool = False, meanwhile: Callable[[], None] = lambda: None,
                             names_only: bool = False):
        """Annotate the entries of `todo` the cache has no annotation for, render those marked
        `render` into `staging`, and make every one's parts of the site-wide pages. `meanwhile` runs
        in this process while workers (if any: always with `overlap`) do that. With `names_only`, only
        annotate, and keep each article's entities for the slug table.

        Returns (number annotated, {slug: {rel: Staged}}); raises every error found.
        """
        pages: dict[str, dict[str, Staged]] = {}
        errors: dict[str, BuildError] = {}
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
            if names_only:
                self._slugs.found(e.render_key, parts)
                return
            if e.render:
                pages[e.article.slug] = files
            e.parts = self._parts.spilled(pickle.loads(parts))

        tasks = [Task(e.article, e.annotation_key, e.parts_key, e.render, tuple(sorted(e.slugs.items())), names_only)
                 for e in todo]
        setup = (config, glossary, env_key, self.cache.folder, staging)
        with Progress("annotating" if names_only else "annotating and rendering", len(todo), stream=self.progress_stream) as progress:
            if self.jobs > 1 and worth_workers(tasks, overlap):
                run_parallel(tasks, self.jobs, setup, lambda i, result, process: take(todo[i], result, process),
                             progress, meanwhile)
            else:
                meanwhile()
                init_worker(*setup)
                for e, task in zip(todo, tasks):
                    take(e, work(task), os.getpid())
                    progress.advance()
        if errors:
            found = list(errors.values())
            raise BuildErrors(found) if len(found) > 1 else found[0]
        return annotated, pages
