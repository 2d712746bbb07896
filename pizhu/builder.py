"""`build.py build`: read and annotate every article, then render and write the whole site.

Two phases, as in Pelican and MkDocs: everything is read before anything is written, so site-wide
pages see every article. The site is written to a temporary folder and swapped in only when the
build succeeds: a failed build leaves the last good site in place.
"""
from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import annotator
from annotator import Annotation, Glossary

from .config import SiteConfig
from .content import Article, load_glossary, read_articles
from .notes import Note, build_notes
from .render import Mark, make_markdown, render
from .templating import make_environment, render_template


@dataclass
class AnnotatedArticle:
    article: Article
    annotation: Annotation
    notes: list[Note] = field(default_factory=list)
    html: str = ""

    @property
    def url(self) -> str:
        return f"articles/{self.article.slug}/"


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


class Renderer:
    """Markdown and Jinja, set up once per build."""

    def __init__(self, config: SiteConfig):
        self.config = config
        self.env = make_environment(config)
        self.md = make_markdown(self._render_mark)
        self.plain_md = make_markdown(lambda *a: "")
        self._notes: dict[str, Note] = {}

    def _render_mark(self, mark: Mark, opening: bool, first: bool) -> str:
        macros = self.env.get_template("_marks.html").module
        note = self._notes[mark.note_id]
        return str(macros.mark_open(note, first) if opening else macros.mark_close(note, first))

    def markdown(self, text: str) -> str:
        return self.plain_md.render(text)

    def article_html(self, item: AnnotatedArticle) -> str:
        item.notes = build_notes(item.annotation, render_inline=self.markdown)
        self._notes = {n.id: n for n in item.notes}
        item.html = render(self.md, item.article.body, [n.mark for n in item.notes])
        return render_template(self.env, "article.html", article=item.article, item=item, notes=item.notes,
                               annotation=item.annotation, page_url=item.url)

    def page(self, template: str, **context) -> str:
        return render_template(self.env, template, **context)


def build_site(config: SiteConfig, *, out: Path | None = None) -> BuildReport:
    started = time.perf_counter()
    out = Path(out) if out else config.path(config.output_dir)
    glossary = load_glossary(config.path(config.glossary))
    articles = [a for a in read_articles(config.path(config.content_dir), default_lang=config.lang) if not a.draft]
    items = [AnnotatedArticle(a, annotate_article(a, glossary)) for a in articles]
    pages = write_site(config, items, out)
    return BuildReport(len(items), pages, time.perf_counter() - started, out)


def site_pages(config: SiteConfig, items: list[AnnotatedArticle]) -> dict[str, str]:
    """Every output file of the site (path relative to the output folder → content)."""
    renderer = Renderer(config)
    files = {f"{item.url}index.html": renderer.article_html(item) for item in items}
    newest = items[0].article.date.isoformat() if items else "1970-01-01"
    files["index.html"] = renderer.page("index.html", items=items, page_url="")
    files["404.html"] = renderer.page("404.html", page_url="404.html")
    files["feed.xml"] = renderer.page("feed.xml", items=items[:config.feed_size], updated=newest)
    files["sitemap.xml"] = renderer.page("sitemap.xml", items=items)
    files[".nojekyll"] = ""
    return files


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
