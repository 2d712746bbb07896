"""Phase 1 of a build: check the folders, read every article (only files whose size or modification
time changed are read again) and the glossary, and compute the keys that say what the last build
can give again: an article's annotation key (its text, the glossary, the annotator) and render key
(that plus its file, the templates, the settings and Pizhu's code).
"""
from __future__ import annotations

import os
from pathlib import Path

from annotator import Glossary

from . import cache as cachemod
from .cache import BuildCache, digest
from .config import SiteConfig
from . import meta
from .content import Article, body_digest, find_articles, load_glossary, read_article, without_body
from .errors import BuildError, BuildErrors
from .output import check_location
from .workers import ANNOTATED_TEXT

FileKeys = dict[str, tuple[tuple, str]]  # article file → (its stat and what reading it depends on, its digest)


def check_folders(config: SiteConfig, out: Path, out_named: tuple | None) -> None:
    """The content folder exists, and the output folder is none of the site's own (see pizhu.output).
    `out_named`: how the user named the output folder, when not in site.yaml (for errors)."""
    content = config.path(config.content_dir)
    if not content.is_dir():
        raise BuildError(config.source or "site.yaml", config.line_of("content_dir"),
                         f"content_dir '{config.content_dir}': no such folder (where are the articles?)")
    named = {"the site folder": config.root, f"content_dir '{config.content_dir}'": content,
             f"templates_dir '{config.templates_dir}'": config.path(config.templates_dir),
             f"static_dir '{config.static_dir}'": config.path(config.static_dir),
             f"the cache {cachemod.CACHE_DIR}": config.path(cachemod.CACHE_DIR)}
    check_location(out, named, out_named or (
        config.source or "site.yaml", config.line_of("output_dir"), f"output_dir '{config.output_dir}'"))


def read_site(config: SiteConfig, cache: BuildCache,
              file_keys: FileKeys) -> tuple[list[tuple[Article, str]], Glossary, str, set[str]]:
    """([(article, file key)] newest first, drafts left out; the glossary; its key; the file keys of
    every article file read). `file_keys` is updated; every error found is raised."""
    glossary_path = config.path(config.glossary)
    glossary = load_glossary(glossary_path)
    glossary_bytes = glossary_path.read_bytes() if glossary_path.exists() else b""
    glossary_key = digest(cachemod.annotator_digest(), glossary_bytes)
    code = cachemod.pizhu_digest()
    found: list[tuple[Article, str]] = []
    errors: list[BuildError] = []
    seen: set[str] = set()
    for path, slug in find_articles(config.path(config.content_dir), site_root=config.root):
        try:
            key = file_key(path, slug, config.lang, code, file_keys)
        except OSError as exc:
            errors.append(BuildError(path, None, f"cannot read: {exc.strerror}"))
            continue
        article = cache.articles.get(key)
        if not isinstance(article, Article):  # not read before (the cache holds front matter by file key)
            try:
                article = read_article(path, slug, default_lang=config.lang)
            except BuildError as exc:
                errors.append(exc)
                continue
            article = without_body(article, meta.summary(article))  # workers read it again
            cache.remember_article(key, article)
        seen.add(key)
        if not article.draft:
            found.append((article, key))
    errors += _same_pages(article for article, _ in found)
    if errors:
        raise BuildErrors(errors) if len(errors) > 1 else errors[0]
    found.sort(key=lambda pair: (pair[0].date, pair[0].slug), reverse=True)
    return found, glossary, glossary_key, seen


def file_key(path: Path, slug: str, lang: str, code: str, file_keys: FileKeys) -> str:
    """The digest of an article file (and what reading it depends on); only files whose size or
    modification time changed since the last build are read."""
    name = str(path)
    st = os.stat(name)
    seen = (st.st_size, st.st_mtime_ns, slug, lang, code)
    known = file_keys.get(name)
    if known and known[0] == seen:
        return known[1]
    key = digest(code, name, slug, lang, path.read_bytes())
    file_keys[name] = (seen, key)
    return key


def article_keys(a: Article, file_key: str, glossary_key: str, env_key: str) -> tuple[str, str]:
    """(annotation key, render key) of an article: what its annotation and its page depend on."""
    annotation_key = digest(glossary_key, ANNOTATED_TEXT, a.body_digest or body_digest(a.body), a.date.isoformat(),
                            str(a.source), a.title, a.lang)
    return annotation_key, digest(env_key, file_key, annotation_key)


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
