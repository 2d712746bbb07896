"""Phase 2 of a build, per article: annotate it (unless the cache has it), render its page into the
staging folder and make what it adds to the site-wide pages (`model.ArticleParts`). Runs in this
process for a small build, or in worker processes on every core (`run_parallel`): jieba's dictionary
is loaded once per worker, pages travel as files and parts as one pickled blob each.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import annotator
from annotator import Glossary

from . import slugs
from .cache import BuildCache
from .config import SiteConfig
from .content import Article, with_body
from .errors import BuildError
from .model import AnnotatedArticle, split_parts
from .outfiles import write_new
from .progress import Progress

if TYPE_CHECKING:
    from .pages import Renderer

def pages_module():
    """pizhu.pages, imported on first use: a build with nothing to render never pays for it."""
    from . import pages
    return pages


# How an article's body becomes the annotator's text (render.annotatable_text): part of every
# annotation's cache key, so a change to it re-annotates. Bump when that function changes.
ANNOTATED_TEXT = "code and link targets blanked, v2"


def annotate_article(article: Article, glossary: Glossary) -> annotator.Annotation:
    from .render import annotatable_text  # Markdown is parsed only when something is annotated
    text = annotatable_text(article.body, article.source, article.body_line)
    annotator.prepare()  # once per process: the dictionary and its cache in ~/.cache/pizhu
    return annotator.annotate(text, date=article.date, glossary=glossary,
                              path=str(article.source), title=article.title, lang=article.lang)


state: dict = {}
KEPT_ANNOTATIONS = 64


def init_worker(config: SiteConfig, glossary: Glossary, env_key: str, cache_folder: Path | None,
                staging: Path | None) -> None:
    """`staging`: where pages are rendered (None when no task renders one)."""
    if state.get("env_key") != env_key:  # same templates and settings: keep the compiled templates
        state.clear()
    state.update(config=config, glossary=glossary, env_key=env_key, cache=BuildCache(cache_folder, articles=False),
                 staging=staging)


def _renderer() -> Renderer:
    if state.get("renderer") is None:
        state["renderer"] = pages_module().Renderer(state["config"], state["cache"].compiled_templates)
    return state["renderer"]


@dataclass(frozen=True)
class Task:
    article: Article
    annotation_key: str
    parts_key: str  # its parts' key in the cache (see builder._Entry.parts_key)
    render: bool  # write its pages (else only its parts of the site-wide pages are wanted)
    slugs: tuple[tuple[str, str], ...] = ()  # (entity id, slug) where not the base slug (pizhu.slugs)
    names_only: bool = False  # only annotate (unless cached), and return its entities' (id, name)


def work(task: Task):
    """Annotate one article (unless the cache has it), render its pages into the staging folder (if
    `task.render`) and what it adds to the site-wide pages; annotation and parts go to the cache.

    Returns ("ok", annotated?, {rel: Staged}, pickled parts; with `task.names_only`, its entities' (id,
    name) instead) or ("error", path, line, message):
    BuildError does not survive pickling, so errors travel as tuples. Pages travel as files, not
    through the pipe: the main process never holds every article page.
    """
    cache = state["cache"]
    kept = state.setdefault("kept", {})  # annotations of the names-first pass, for its render pass here
    try:
        annotation = kept.pop(task.annotation_key, None)
        found = (annotation,) if annotation else cache.load_annotation(task.annotation_key)
        annotation = found[0] if found else None
        article = task.article
        if annotation is None or not task.names_only:
            article = with_body(article)  # the builder keeps articles without their bodies
        if annotation is None:
            try:
                annotation = annotate_article(article, state["glossary"])
            except BuildError:
                raise
            except Exception as exc:
                raise BuildError(article.source, None, f"annotator failed: {type(exc).__name__}: {exc}") from exc
            cache.store_annotation(task.annotation_key, json.dumps(annotation.to_dict(), ensure_ascii=False))
        shown = annotation.confident(state["config"].min_confidence)  # build.py annotate prints them all
        if task.names_only:
            if len(kept) >= KEPT_ANNOTATIONS:  # workers of that pass end with it; a build in one process renders next
                kept.pop(next(iter(kept)))
            kept[task.annotation_key] = annotation
            return ("ok", found is None, {}, [(e.id, e.name) for e in shown.entities])
        renderer, item = _renderer(), AnnotatedArticle(article, shown)
        slugs.use({e.id: slugs.base_slug(e.id, e.name) for e in shown.entities} | dict(task.slugs))
        files = {}
        if task.render:
            for rel, text in pages_module().article_pages(renderer, item).items():
                files[rel] = stage(state["staging"], rel, text.encode("utf-8"))
        parts = pickle.dumps(split_parts(renderer.article_parts(item)), protocol=pickle.HIGHEST_PROTOCOL)
        cache.store_parts(task.parts_key, parts)
        return ("ok", found is None, files, parts)
    except BuildError as exc:
        return ("error", exc.path, exc.line, exc.message)
    except OSError as exc:  # a full disk, a read-only folder: one message for all, made by the main process
        return ("oserror", exc.errno, exc.strerror, exc.filename)
    except Exception as exc:  # a bug, not the user's file: keep the traceback
        return ("error", str(article.source), None,
                f"internal error: {type(exc).__name__}: {exc}\n{traceback.format_exc()}")


def work_chunk(tasks: list[Task]):
    """(this worker's process id, each task's result)."""
    return os.getpid(), [work(task) for task in tasks]


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


def mp_context():
    import multiprocessing  # here, not at the top: a build with nothing to render never needs it

    methods = multiprocessing.get_all_start_methods()
    # fork is fast and shares what the parent already imported; with other threads running (serve)
    # forking is unsafe, so the fork server is used there.
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context()


# Use worker processes when at least this much work waits (below it, starting workers costs more).
PARALLEL_MIN_CHARS = 150_000  # characters to annotate
PARALLEL_MIN_PAGES = 40  # article pages to render


def worth_workers(tasks: list[Task], overlap: bool) -> bool:
    """Whether starting worker processes pays: always with `overlap` (this process has other work
    meanwhile), else for more than one task holding enough text or pages."""
    if not tasks:
        return False
    return overlap or len(tasks) > 1 and (sum(t.article.chars for t in tasks) >= PARALLEL_MIN_CHARS
                                          or len(tasks) >= PARALLEL_MIN_PAGES)


def run_parallel(tasks: list[Task], jobs: int, setup: tuple, take: Callable[[int, tuple, int], None],
                 progress: Progress, meanwhile: Callable[[], None]) -> None:
    """`work` on every task in up to `jobs` worker processes (`setup`: `init_worker`'s arguments);
    `take(task's index, its result, the worker's process id)` as results come, and `meanwhile()`
    in this process while the workers start."""
    # Largest articles first, in small chunks: both cores stay busy to the end.
    order = sorted(range(len(tasks)), key=lambda i: -tasks[i].article.chars)
    workers = min(jobs, len(order))
    size = max(1, min(16, len(order) // (workers * 8)))
    chunks = [order[i:i + size] for i in range(0, len(order), size)]
    from concurrent.futures import ProcessPoolExecutor, as_completed

    with ProcessPoolExecutor(workers, mp_context=mp_context(), initializer=init_worker, initargs=setup) as pool:
        futures = {pool.submit(work_chunk, [tasks[i] for i in chunk]): chunk for chunk in chunks}
        meanwhile()
        for future in as_completed(futures):
            chunk = futures.pop(future)  # its result (pickled parts) is freed once taken
            process, results = future.result()
            for i, result in zip(chunk, results):
                take(i, result, process)
            progress.advance(len(chunk))
