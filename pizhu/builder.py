"""`build.py build`: read and annotate every article, then render and write the whole site.

Two phases, as in Pelican and MkDocs: everything is read before anything is written, so site-wide
pages see every article. The site is written to a temporary folder and swapped in only when the
build succeeds: a failed build leaves the last good site in place.
"""
from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import annotator
from annotator import Annotation, Glossary

from .config import SiteConfig
from .content import Article, load_glossary, read_articles
from .pages import AnnotatedArticle, site_pages


@dataclass
class BuildReport:
    articles: int
    pages: int
    seconds: float
    out: Path

    def summary(self) -> str:
        return f"built {self.articles} articles, {self.pages} pages in {self.seconds:.2f} s → {self.out}"


def annotate_article(article: Article, glossary: Glossary) -> Annotation:
    return annotator.annotate(article.body, date=article.date, glossary=glossary,
                              path=str(article.source), title=article.title, lang=article.lang)


def build_site(config: SiteConfig, *, out: Path | None = None) -> BuildReport:
    started = time.perf_counter()
    out = Path(out) if out else config.path(config.output_dir)
    glossary = load_glossary(config.path(config.glossary))
    articles = [a for a in read_articles(config.path(config.content_dir), default_lang=config.lang) if not a.draft]
    items = [AnnotatedArticle(a, annotate_article(a, glossary)) for a in articles]
    pages = write_site(config, items, out)
    return BuildReport(len(items), pages, time.perf_counter() - started, out)


def write_site(config: SiteConfig, items: list[AnnotatedArticle], out: Path) -> int:
    """Render everything, write it beside `out`, then swap it in (the old site survives any error)."""
    files = site_pages(config, items)
    staging = out.with_name(f".{out.name}.building")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for rel, text in files.items():
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        static = config.path(config.static_dir)
        if static.is_dir():
            shutil.copytree(static, staging / "static", dirs_exist_ok=True)
        _swap(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return sum(1 for rel in files if rel.endswith(".html"))


def _swap(staging: Path, out: Path) -> None:
    old = out.with_name(f".{out.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)
