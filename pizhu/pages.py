"""The article page: an article's notes, marked-up body, endnotes, figures and timeline, and what it adds to
the site-wide pages (`model.ArticleParts`, rendered here once); `Renderer` also fills the site-wide pages'
templates (`site_pages`).

Rendering sees the annotator only through its output (`Annotation`); markup lives in templates/.
Mark markup comes from the `_marks.html` macros, rendered once per (kind, pattern, first piece) with
placeholders and then filled in per note: no template lookup or macro call per mark. An article page's
endnotes, figure rows and timeline entries are made the same way (_notes.html, _figures.html,
_article_timeline.html): a page holds hundreds of them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, cast

from markupsafe import Markup

from . import meta
from .cache import digest
from .config import SiteConfig
from .content import Article
from .entities_index import entity_parts
from .figure_view import QUALIFIERS, SidebarGroup, SidebarRow, sidebar
from .model import AnnotatedArticle, ArticleParts, EventPart, TimelineYear
from .notes import Detail, Note, anchor, build_notes, datetime_attr, entity_path, format_date
from .render import Mark, make_markdown, render
from .templating import Shape, StandIns, make_environment, render_template, shape
from .templating import escape_text as esc
from .timeline import FORECAST_BADGE, article_timeline, date_of


@dataclass
class FigureRow:
    """A sidebar row as the page shows it: the figure, which of its mentions are marked in the text,
    and its bar."""
    row: SidebarRow
    linked: set[str]  # the note ids of its mentions whose marks are in the text
    fraction: float | None  # bar length, 0..1 (None: its group has nothing to compare it with)
    range_to: float | None = None  # for a range, where its upper value sits on the bar
    marks: list[tuple[str, str]] = field(default_factory=list)  # (mark id, note id) of its anchored mentions

    @property
    def width(self) -> float:
        """The bar's length in percent, to a tenth (a bar of 3 % is still within 2 % of its length):
        at least 1.5, so that the smallest figure still shows."""
        return round(max((self.fraction or 0) * 100, 1.5), 1)


class Renderer:
    """Markdown and Jinja, set up once per build."""

    def __init__(self, config: SiteConfig, compiled: Path | None = None):
        """`compiled`: a folder to keep compiled templates in between processes (the build cache's)."""
        self.config = config
        self.env = make_environment(config, compiled)
        self.env.globals.update(entity_path=entity_path)
        meta.register(self.env)  # summaries, Open Graph, JSON-LD
        self.url: Callable[[str], str] = self.env.globals["url"]  # type: ignore[assignment]  # a site path, absolute
        self.md = make_markdown(self._render_mark)
        self.plain_md = make_markdown(lambda *a: "")
        self._mark_shapes: dict[tuple[str, bool, bool, bool], Shape] = {}
        self._marks: dict[str, tuple[Note, dict[str, str]]] = {}  # the prepared article's marks by id: note, fields
        self._quiet: set[str] = set()  # the prepared article's repeated mentions: marks without an anchor
        self._inline_cache: dict[str, str] = {}
        self._shapes: dict[tuple[str, str, frozenset[str]], Shape] = {}
        self._chips: dict[tuple[str, str, str], str] = {}
        self._options: dict[tuple[str, str, str], str] = {}
        self._list_items: dict[tuple[str, str, int, int, str], str] = {}  # filled list_item shapes
        self._forms: dict[tuple, Shape] = {}  # article-page macros, per shape
        self._endnote_forms: dict[tuple, Shape] = {}  # by note kind, pattern, linked and empty fields
        self._rows: dict[tuple, str] = {}  # filled detail and link rows (many repeat)

    def _shape(self, kind: str, opening: bool, first: bool, repeat: bool) -> Shape:
        key = (kind, opening, first, repeat)
        form = self._mark_shapes.get(key)
        if form is None:
            macro = "mark_open" if opening else "mark_close"
            form = self._mark_shapes[key] = shape(self.env, "_marks.html", macro, StandIns(kind), first, repeat)
        return form

    def _render_mark(self, mark: Mark, opening: bool, first: bool, repeat: bool) -> str:
        if repeat and first and opening:
            self._quiet.add(mark.note_id)
        note, fields = self._marks[mark.note_id]
        form = self._shape(note.kind, opening, first, repeat)
        return form.fill(fields)

    def markdown(self, text: str) -> str:
        cached = self._inline_cache.get(text)
        if cached is None:
            cached = self._inline_cache[text] = self.plain_md.render(text)
        return cached

    def prepare(self, item: AnnotatedArticle) -> AnnotatedArticle:
        """Notes and body HTML of one article (once)."""
        if not item.prepared:
            item.notes = build_notes(item.annotation, render_inline=self.markdown)
            marks = [m for n in item.notes for m in n.marks]
            self._marks = {m.note_id: (n, _mark_fields(n, m)) for n in item.notes for m in n.marks}
            self._quiet = set()
            rendered = render(self.md, item.article.body, marks)
            # a repeated mention in a paragraph has no anchor: links go to the first one there
            item.html, item.rendered = rendered.html, set(rendered.placed) - self._quiet
            item.note_ids = {(m.kind, m.start, m.end): m.note_id for m in marks if m.note_id in item.rendered}
            item.prepared = True
        return item

    def article_html(self, item: AnnotatedArticle) -> str:
        self.prepare(item)
        groups = figure_groups(item)
        used = {r.row.qualifier for _, rows in groups for r in rows}
        return render_template(self.env, "article.html", article=item.article, item=item, notes=item.notes,
                               annotation=item.annotation, page_url=item.url, endnotes=self.endnotes(item),
                               figure_groups=[(group, self.figure_rows(rows)) for group, rows in groups],
                               figure_count=sum(len(g.rows) for g, _ in groups),
                               qualifiers=[words for words in QUALIFIERS.values() if words[0] in used],
                               timeline=self.timeline_html(item))

    def _form(self, template: str, macro: str, slots: StandIns, *args) -> Shape:
        """`template`'s `macro` rendered once per shape (slots' kind, pattern and empty fields, and `args`)."""
        key = (template, macro, slots.kind, slots.pattern, slots._empty, args)
        form = self._forms.get(key)
        if form is None:
            form = self._forms[key] = shape(self.env, template, macro, slots, *args)
        return form

    def endnotes(self, item: AnnotatedArticle) -> Markup:
        """The article's endnotes (one per entity and quote: a figure's note is its row in the figures
        sidebar, dates have none), from `_notes.html`'s macros filled per note."""
        return Markup("".join([self._endnote(note, _placed(note, item.rendered))
                               for note in item.notes if note.kind in ("entity", "quote")]))

    def _endnote(self, note: Note, placed: list[str]) -> str:
        optional = (note.body_html, note.description, note.details, note.links, note.data.get("link"), note.href)
        key = (note.kind, note.pattern, bool(placed), len(placed) > 1, *[not value for value in optional])
        form = self._endnote_forms.get(key)
        if form is None:
            empty = frozenset(name for name, value in zip(_ENDNOTE_OPTIONAL, optional) if not value)
            form = self._endnote_forms[key] = self._form("_notes.html", "endnote",
                                                         StandIns(note.kind, note.pattern, empty),
                                                         bool(placed), len(placed) > 1)
        return form.fill({name: self._endnote_field(note, name, placed) for name in form.names})

    def _endnote_field(self, note: Note, name: str, placed: list[str]) -> str:
        if name == "backrefs":  # a link back to each mention in the text: 1 2 3 …
            return "".join([self._filled_macro("_notes.html", "backref", {"anchor": anchor(mark_id), "num": str(i)})
                            for i, mark_id in enumerate(placed, 1)])
        if name == "anchor":
            return anchor(placed[0])
        derived = _ENDNOTE_FIELDS.get(name)
        return derived(self, note) if derived else _escaped(getattr(note, name))

    def note_rows(self, macro: str, rows: list[Detail]) -> str:
        """A note's details or links, from `_notes.html`'s `macro` filled per row."""
        html = []
        for row in rows:
            key = (macro, row.label, row.value, row.path)
            filled = self._rows.get(key)
            if filled is None:
                if len(self._rows) >= 50_000:  # bounded: most rows recur within a few articles
                    self._rows.clear()
                href = self.url(row.path) if row.path else ""
                filled = self._rows[key] = self._filled_macro("_notes.html", macro, {
                    "label": row.label, "value": row.value, "href": href})
            html.append(filled)
        return "".join(html)

    def figure_rows(self, rows: list[FigureRow]) -> Markup:
        """One group of the figures sidebar, from `_figures.html`'s macros filled per row and mention."""
        html = []
        for r in rows:
            first = r.row.mentions[0]
            ranged = r.range_to is not None and r.fraction is not None
            html.append(self._filled_macro("_figures.html", "row", {
                "id": first, "anchor": anchor(first), "entity": r.row.entity or "", "what": r.row.what,
                "value": r.row.value, "converted": r.row.converted, "qualifier": r.row.qualifier,
                "width": _percent(r.width) if r.fraction is not None else "",
                "range_width": _percent(max(0.0, (r.range_to or 0) * 100 - r.width)) if ranged else "",
                "mentions": Markup("".join(self._filled_macro("_figures.html", "mention", {
                    "anchor": anchor(mark_id), "num": i, "note": note_id if mark_id == note_id != first else ""})
                    for i, (mark_id, note_id) in enumerate(r.marks, 1))) if len(r.marks) > 1 else "",
            }, first in r.linked))
        return Markup("".join(html))

    def timeline_html(self, item: AnnotatedArticle) -> Markup:
        """The article's timeline, from `_article_timeline.html`'s macro filled per entry."""
        return Markup("".join([self._filled_macro("_article_timeline.html", "entry", {
            "datetime": e.datetime, "label": e.label, "badge": e.badge, "phrase": e.phrase,
            "anchor": anchor(e.note_id) if e.note_id else ""}) for e in article_timeline(item)]))

    def _filled_macro(self, template: str, macro: str, values: dict, *args) -> str:
        """`template`'s `macro` for plain `values` (escaped here, but Markup), a shape per set of empty
        values and `args`."""
        form = self._form(template, macro, StandIns("", "", frozenset(k for k, v in values.items() if not v)), *args)
        return form.fill({name: values[name] if isinstance(values[name], Markup) else _escaped(values[name])
                          for name in form.names})

    def truncate(self, text: str, length: int) -> str:
        """Jinja's `truncate` filter, as templates apply it."""
        return self.env.filters["truncate"](self.env, text, length)

    def _head(self, item: AnnotatedArticle) -> dict[str, str]:
        """An article's escaped link, title and date, as site-wide parts print them."""
        return {"href": esc(self.url(item.url)), "title": esc(item.article.title),
                "short_title": esc(self.truncate(item.article.title, 24)), "date": esc(item.article.date.isoformat())}

    def article_parts(self, item: AnnotatedArticle) -> ArticleParts:
        """What the article adds to the site-wide pages (entity pages, timeline), rendered once."""
        self.prepare(item)
        events = self.event_parts(item, self._head(item))
        short_title = self.truncate(item.article.title, 24)
        entities = entity_parts(item, self.url, lambda macro, values: self._filled(
            macro, values, "_entity.html"), short_title)
        return ArticleParts(entities, events, _years(events), digest(repr(_listed(item.article))))

    def _filled(self, macro: str, values: dict[str, str], template: str = "_timeline.html") -> str:
        """`template`'s `macro` for escaped `values`: rendered once per shape (a shape per set of
        empty values) with stand-ins, then filled in."""
        empty = frozenset(k for k, v in values.items() if not v)
        key = (template, macro, empty)
        form = self._shapes.get(key)
        if form is None:
            form = self._shapes[key] = shape(self.env, template, macro, StandIns("", "", empty))
        return form.fill(values)

    def event_parts(self, item: AnnotatedArticle, head: dict[str, str]) -> list[EventPart]:
        """The article's entries on the site timeline, from `_timeline.html`'s macros filled per entry;
        each with its link to the article apart too, for an entry merged with other articles'."""
        parts = []
        for e in article_timeline(item):
            source = self._filled("source", {
                "href": head["href"] + (f"#{anchor(e.note_id)}" if e.note_id else ""), "title": head["short_title"]})
            html = self.event_entry(e.sort_text(), e.event.role, e.phrase, [i for i, _ in e.entities],
                                    self.chips(e.entities), source)
            parts.append(EventPart(e.sort_text(), tuple(i for i, _ in e.entities), e.event.role, e.event.phrase or "",
                                   html.encode("utf-8"), source.encode("utf-8")))
        return parts

    def event_entry(self, key: str, role: str, phrase: str, entity_ids: list[str], chips: str, sources: str,
                    reports: int = 1) -> str:
        """One entry of the site timeline (`key`: its sort text, which starts with its date); `sources`
        links to the `reports` articles telling it."""
        date, precision = date_of(key)
        return self._filled("entry", {
            "datetime": esc(datetime_attr(date, precision)), "entity_ids": esc(" ".join(entity_ids)),
            "label": esc(format_date(date, precision)), "badge": FORECAST_BADGE if role == "forecast" else "",
            "phrase": esc(phrase), "reports": f"{reports} 篇报道" if reports > 1 else "", "sources": sources,
            "chips": chips})

    def chips(self, entities: Iterable[tuple[str, str]]) -> str:
        """Entity chips (id, name), from `_timeline.html`'s macro."""
        url, chips, html = self.url, self._chips, []
        for entity_id, name in entities:
            path = entity_path(entity_id)  # a key too: an entity's slug can differ between articles' renders
            chip = chips.get((entity_id, name, path))
            if chip is None:
                chip = chips[(entity_id, name, path)] = self._filled("chip", {
                    "href": esc(url(path)), "name": esc(name)})
            html.append(chip)
        return "".join(html)

    def list_items(self, pages) -> Markup:
        """Entities in the list of all entities, from `_entity.html`'s `list_item` filled per entity."""
        url, items, html = self.url, self._list_items, []
        if len(items) > 100_000:  # bounded: serve keeps a renderer for as long as it runs
            items.clear()
        for p in pages:
            key = (p.id, p.name, p.mention_count, p.article_count, p.path)
            item = items.get(key)
            if item is None:
                item = items[key] = self._filled("list_item", {
                    "href": esc(url(p.path)), "name": esc(p.name), "mentions": str(p.mention_count),
                    "articles": str(p.article_count)}, "_entity.html")
            html.append(item)
        return Markup("\n".join(html))

    def option(self, page) -> str:
        """An entity's option in the site timeline's filter (from `_timeline.html`'s macro)."""
        key = (page.id, page.name, page.type)
        html = self._options.get(key)
        if html is None:
            html = self._options[key] = self._filled("option", {
                "id": esc(page.id), "name": esc(page.name), "type_label": esc(page.type_label)})
        return html

    def page(self, template: str, **context) -> str:
        return render_template(self.env, template, **context)

    def page_around(self, template: str, slot: str, pieces: list[bytes], **context) -> bytes:
        """`page` as UTF-8, with the value `slot` being `pieces` (UTF-8 HTML) joined by line breaks:
        spliced in after rendering, so a page of many megabytes (the site timeline) is neither
        encoded nor copied by Markup and by Jinja."""
        marker = f"\ue002{slot}\ue003"
        html = self.page(template, **context, **{slot: Markup(marker)}).encode("utf-8")
        return html.replace(marker.encode("utf-8"), b"\n".join(pieces))


def _years(events: list[EventPart]) -> dict[str, TimelineYear]:
    by_year: dict[str, list[EventPart]] = {}
    for e in events:
        by_year.setdefault(e.year, []).append(e)
    return {year: TimelineYear(digest(repr([e[:4] for e in found]), *[cast(bytes, e.html) for e in found])[:16], len(found),
                               tuple(sorted({i for e in found for i in e.entities})))
        for year, found in by_year.items()}


def _mark_fields(note: Note, mark: Mark) -> dict[str, str]:
    """What `_marks.html` prints of a mark: its HTML id, its note's and (dates) the datetime value."""
    return {"anchor": anchor(mark.note_id), "note": note.id, "datetime": note.data.get("datetime", "")}


def _placed(note: Note, rendered: set[str]) -> list[str]:
    """The ids of the note's marks that are in the text, in reading order."""
    return [m.note_id for m in note.marks if m.note_id in rendered]


def _excerpt(text: str, length: int = 16) -> str:
    """A quote's first words for its endnote, cut at a character (Chinese has no spaces to cut at)."""
    return text if len(text) <= length else text[:length - 1] + "…"


def _percent(value: float) -> str:
    """A percentage for a style value, to a tenth and without a trailing .0: 21.1, 100."""
    return f"{value:.1f}".removesuffix(".0")


def _escaped(value) -> str:
    """A plain value as autoescaped templates print it."""
    return esc(str(value))


_ENDNOTE_OPTIONAL = ("body_html", "description", "details", "links", "link", "href")
_ENDNOTE_FIELDS = {  # what _notes.html prints beyond the note's attributes, as HTML
    "excerpt": lambda r, n: _escaped(_excerpt(n.text)),
    "link": lambda r, n: _escaped(n.data.get("link") or ""),
    "body_html": lambda r, n: n.body_html or "",
    "details": lambda r, n: r.note_rows("detail", n.details),
    "links": lambda r, n: r.note_rows("link", n.links),
    "href": lambda r, n: _escaped(r.url(n.href) if n.href else ""),
}


def figure_groups(item: AnnotatedArticle) -> list[tuple[SidebarGroup, list[FigureRow]]]:
    """The sidebar: its groups (one per kind and unit), each with its rows (one per figure, in
    reading order of their first mention) and their bars on the group's scale."""
    names = {e.id: e.name for e in item.annotation.entities}
    note_of = {(m.start, m.end): m.note_id for n in item.notes if n.kind == "figure" for m in n.marks}  # a mention's mark
    item_of = {m.note_id: m.item for n in item.notes if n.kind == "figure" for m in n.marks}  # mark id → note id
    figures = sorted(item.annotation.figures, key=lambda f: f.start)
    groups = []
    for group in sidebar([(note_of[f.start, f.end], f) for f in figures], names):
        compare = len(group.rows) > 1
        rows = [FigureRow(r, {m for m in r.mentions if m in item.rendered},
                          round(group.scale.fraction(r.figure.value), 4) if compare else None,
                          round(group.scale.fraction(r.figure.value_max), 4)
                          if compare and r.figure.value_max is not None else None,
                          [(m, item_of[m]) for m in r.mentions if m in item.rendered])
                for r in group.rows]
        groups.append((group, rows))
    return groups


def article_pages(renderer: Renderer, item: AnnotatedArticle) -> dict[str, str]:
    """The output files of one article (path relative to the output folder → content)."""
    return {f"{item.url}index.html": renderer.article_html(item)}


def _listed(article: Article) -> tuple:
    """All an article's fields but its body: what list pages (index, feed, sitemap) can show."""
    return tuple((k, v) for k, v in vars(article).items() if k != "body")
