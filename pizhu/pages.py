"""What the site is made of: one page per article plus the site-wide pages built from all of them.

Rendering sees the annotator only through its output (`Annotation`); markup lives in templates/.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from annotator import Annotation

from .config import SiteConfig
from .content import Article
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


def article_pages(renderer: Renderer, item: AnnotatedArticle) -> dict[str, str]:
    """The output files of one article (path relative to the output folder → content)."""
    return {f"{item.url}index.html": renderer.article_html(item)}


def site_wide_pages(renderer: Renderer, items: list[AnnotatedArticle]) -> dict[str, str]:
    """Pages built from every article (index, feed, sitemap, 404 …), newest article first."""
    config = renderer.config
    newest = items[0].article.date.isoformat() if items else "1970-01-01"
    return {
        "index.html": renderer.page("index.html", items=items, page_url=""),
        "404.html": renderer.page("404.html", page_url="404.html"),
        "feed.xml": renderer.page("feed.xml", items=items[:config.feed_size], updated=newest),
        "sitemap.xml": renderer.page("sitemap.xml", items=items),
        ".nojekyll": "",
    }


def site_pages(config: SiteConfig, items: list[AnnotatedArticle]) -> dict[str, str]:
    """Every output file of the site (path relative to the output folder → content)."""
    renderer = Renderer(config)
    files: dict[str, str] = {}
    for item in items:
        files.update(article_pages(renderer, item))
    files.update(site_wide_pages(renderer, items))
    return files
