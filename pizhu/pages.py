"""What the site is made of: one page per article plus the site-wide pages built from all of them.

Rendering sees the annotator only through its output (`Annotation`); markup lives in templates/.
Mark markup comes from the `_marks.html` macros, rendered once per (kind, pattern, first piece) with
placeholders and then filled in per note: no template lookup or macro call per mark. An article page's
endnotes, figure rows and timeline entries are made the same way (_notes.html, _figures.html,
_article_timeline.html): a page holds hundreds of them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from annotator import Annotation
from markupsafe import Markup, escape

from .config import SiteConfig
from .content import Article
from .entities_index import EntityPage, build_entity_index, entities_by_type
from .notes import Detail, Note, build_notes, entity_path, note_marks
from .render import Mark, _Layers, make_markdown, placed_marks, render
from .templating import make_environment, render_template
from .timeline import TimelineEntry, article_timeline, site_timeline
from .units import bar_fraction, chinese_units, log_scale

FIGURE_KIND_ORDER = ("money", "percent", "quantity")
_SLOT = re.compile("\ue000([a-z_]+)\ue001")


@dataclass
class AnnotatedArticle:
    article: Article
    annotation: Annotation
    notes: list[Note] = field(default_factory=list)
    html: str = ""
    rendered: set[str] = field(default_factory=set)  # ids of notes whose trigger is in the text
    note_ids: dict[tuple[str, int, int], str] = field(default_factory=dict)  # (kind, start, end) → id, if marked
    prepared: bool = False  # notes and html are set
    indexed: bool = False  # rendered and note_ids are set

    @property
    def url(self) -> str:
        return f"articles/{self.article.slug}/"

    def site_state(self) -> dict:
        """What site-wide pages need from rendering this article (which marks reached the text, by
        (kind, start, end) → note id): small, kept in memory and in the cache for every article."""
        return {"note_ids": self.note_ids, "indexed": self.indexed}

    def _index(self, marks: list[Mark]) -> None:
        self.note_ids = {(m.kind, m.start, m.end): m.note_id for m in marks if m.note_id in self.rendered}
        self.indexed = True


class _Slots:
    """Stands in for a note while a mark macro is rendered once: each attribute becomes a slot
    (those in `empty` are "": a shape per combination of empty fields)."""

    def __init__(self, kind: str, pattern: str, empty: frozenset[str] = frozenset()):
        self.kind, self.pattern, self._empty = kind, pattern, empty

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        return "" if name in self._empty else f"\ue000{name}\ue001"


@dataclass
class FigureRow:
    note: Note
    linked: bool  # its mark is in the text
    fraction: float  # bar length, 0..1
    entity_name: str | None
    entity_path: str | None

    @property
    def width(self) -> float:
        """The bar's length in percent: at least 1.5, so that the smallest figure still shows."""
        return round(max(self.fraction * 100, 1.5), 2)


class Renderer:
    """Markdown and Jinja, set up once per build."""

    def __init__(self, config: SiteConfig):
        self.config = config
        self.env = make_environment(config)
        self.env.globals.update(entity_path=entity_path)
        self.md = make_markdown(self._render_mark)
        self.plain_md = make_markdown(lambda *a: "")
        self._macros = self.env.get_template("_marks.html").module
        self._mark_shapes: dict[tuple[str, str, bool, bool], _Form] = {}
        self._notes: dict[str, tuple[Note, str]] = {}  # the prepared article's (note, pattern) by id
        self._inline_cache: dict[str, str] = {}
        self._section_parts: list[str] | None = None
        self._shapes: dict[tuple[str, frozenset[str]], list[str]] = {}
        self._article_heads: dict[str, dict[str, str]] = {}  # article url → escaped href, title, date
        self._forms: dict[tuple, _Form] = {}  # article-page macros, per shape
        self._endnote_forms: dict[tuple, _Form] = {}  # by note kind, pattern, linked and empty fields
        self._rows: dict[tuple, str] = {}  # filled detail and link rows (many repeat)

    def _shape(self, note: Note, pattern: str, opening: bool, first: bool) -> _Form:
        key = (note.kind, pattern, opening, first)
        shape = self._mark_shapes.get(key)
        if shape is None:
            slots = _Slots(note.kind, pattern)
            macro = self._macros.mark_open if opening else self._macros.mark_close
            shape = self._mark_shapes[key] = _Form(str(macro(slots, first)))
        return shape

    def _render_mark(self, mark: Mark, opening: bool, first: bool) -> str:
        note, pattern = self._notes[mark.note_id]
        form = self._shape(note, pattern, opening, first)
        return form.fill({name: _escaped(getattr(note, name)) for name in form.names})

    def markdown(self, text: str) -> str:
        cached = self._inline_cache.get(text)
        if cached is None:
            cached = self._inline_cache[text] = self.plain_md.render(text)
        return cached

    def prepare(self, item: AnnotatedArticle) -> AnnotatedArticle:
        """Notes and body HTML of one article (once)."""
        if not item.prepared:
            item.notes = build_notes(item.annotation, render_inline=self.markdown)
            self._notes = {n.id: (n, n.pattern) for n in item.notes}
            marks = [n.mark for n in item.notes]
            rendered = render(self.md, item.article.body, marks)
            item.html, item.rendered = rendered.html, set(rendered.placed)
            item.prepared = True
            item._index(marks)
        return item

    def index(self, item: AnnotatedArticle) -> AnnotatedArticle:
        """Which notes are marked in the text and their ids, without notes or HTML (for site-wide pages)."""
        if not item.indexed:
            marks = note_marks(item.annotation)
            item.rendered = rendered_note_ids(self.plain_md, item.article.body, marks)
            item._index(marks)
        return item

    def article_html(self, item: AnnotatedArticle) -> str:
        self.prepare(item)
        groups = [(kind, label, len(rows), self.figure_rows(rows), scale)
                  for kind, label, rows, scale in figure_groups(item)]
        return render_template(self.env, "article.html", article=item.article, item=item, notes=item.notes,
                               annotation=item.annotation, page_url=item.url, endnotes=self.endnotes(item),
                               figure_groups=groups, figure_count=sum(g[2] for g in groups),
                               timeline=self.timeline_html(item))

    def _form(self, template: str, macro: str, slots: _Slots, *args) -> _Form:
        """`template`'s `macro` rendered once per shape (slots' kind, pattern and empty fields, and `args`)."""
        key = (template, macro, slots.kind, slots.pattern, slots._empty, args)
        form = self._forms.get(key)
        if form is None:
            render_template(self.env, template)  # its syntax errors reported with file and line
            form = self._forms[key] = _Form(str(getattr(self.env.get_template(template).module, macro)(slots, *args)))
        return form

    def endnotes(self, item: AnnotatedArticle) -> Markup:
        """The article's endnotes, from `_notes.html`'s macros filled per note."""
        return Markup("".join([self._endnote(note, note.id in item.rendered) for note in item.notes]))

    def _endnote(self, note: Note, linked: bool) -> str:
        optional = (note.card, _alias(note), note.body_html, note.description, note.details, note.links,
                    note.data.get("link"))
        key = (note.kind, note.pattern, linked, *[not value for value in optional])
        form = self._endnote_forms.get(key)
        if form is None:
            empty = frozenset(name for name, value in zip(_ENDNOTE_OPTIONAL, optional) if not value)
            form = self._endnote_forms[key] = self._form("_notes.html", "endnote",
                                                         _Slots(note.kind, note.pattern, empty), linked)
        return form.fill({name: self._endnote_field(note, name) for name in form.names})

    def _endnote_field(self, note: Note, name: str) -> str:
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
                href = self.env.globals["url"](row.path) if row.path else ""
                filled = self._rows[key] = self._filled_macro("_notes.html", macro, {
                    "label": row.label, "value": row.value, "href": href})
            html.append(filled)
        return "".join(html)

    def figure_rows(self, rows: list[FigureRow]) -> Markup:
        """One group of the figures sidebar, from `_figures.html`'s macro filled per row."""
        url, html = self.env.globals["url"], []
        for row in rows:
            note = row.note
            html.append(self._filled_macro("_figures.html", "row", {
                "id": note.id, "text": note.text, "zh": note.data["zh"], "en": note.data["en"], "width": row.width,
                "entity_name": row.entity_name or "",
                "entity_href": url(row.entity_path) if row.entity_name else ""}, row.linked))
        return Markup("".join(html))

    def timeline_html(self, item: AnnotatedArticle) -> Markup:
        """The article's timeline, from `_article_timeline.html`'s macro filled per entry."""
        html = []
        for e in article_timeline(item):
            before, found, after = e.event.sentence.partition(e.event.text)
            html.append(self._filled_macro("_article_timeline.html", "entry", {
                "datetime": e.datetime, "label": e.label, "text": e.event.text, "precision_label": e.precision_label,
                "before": before, "found": found, "after": after, "note_id": e.note_id or ""}))
        return Markup("".join(html))

    def _filled_macro(self, template: str, macro: str, values: dict, *args) -> str:
        """`template`'s `macro` for plain `values` (escaped here), a shape per set of empty values and `args`."""
        form = self._form(template, macro, _Slots("", "", frozenset(k for k, v in values.items() if not v)), *args)
        return form.fill({name: _escaped(values[name]) for name in form.names})

    def truncate(self, text: str, length: int) -> str:
        """Jinja's `truncate` filter, as templates apply it."""
        return self.env.filters["truncate"](self.env, text, length)

    def entity_sections(self, page: EntityPage) -> list[Markup]:
        """The article sections of an entity page: `_entity.html`'s macro rendered once with
        placeholders, then filled in per article with precomputed escaped fields."""
        if self._section_parts is None:
            shape = str(self.env.get_template("_entity.html").module.article_section(_Slots("", "")))
            self._section_parts = _SLOT.split(shape)  # literal, name, literal, name, …, literal
        parts, heads = self._section_parts, self._article_heads
        sections = []
        for a in page.articles:
            item = a.item
            head = heads.get(item.url)
            if head is None:
                date = str(escape(item.article.date.isoformat()))
                head = heads[item.url] = {"href": str(escape(self.env.globals["url"](item.url))),
                                          "title": str(escape(item.article.title)), "date": date}
            values = {**head, "mentions": str(a.mentions), "snippets": str(a.snippets_html)}
            sections.append(Markup("".join(values[p] if i % 2 else p for i, p in enumerate(parts))))
        return sections

    def _filled(self, macro: str, values: dict[str, str]) -> str:
        """`_timeline.html`'s `macro` for escaped `values` (a shape per set of empty values)."""
        empty = frozenset(k for k, v in values.items() if not v)
        key = (macro, empty)
        parts = self._shapes.get(key)
        if parts is None:
            module = self.env.get_template("_timeline.html").module
            parts = self._shapes[key] = _SLOT.split(str(getattr(module, macro)(_Slots("", "", empty))))
        return "".join(values[p] if i % 2 else p for i, p in enumerate(parts))

    def timeline_entries(self, entries: list[TimelineEntry]) -> list[Markup]:
        """The site timeline's entries as HTML, from `_timeline.html`'s macros filled per entry."""
        url, heads, chips = self.env.globals["url"], self._article_heads, {}
        out = []
        for e in entries:
            item, event = e.article, e.event
            head = heads.get(item.url)
            if head is None:
                head = heads[item.url] = {"href": str(escape(url(item.url))), "title": str(escape(item.article.title)),
                                          "date": str(escape(item.article.date.isoformat()))}
            html = []
            for entity_id, name in e.entities:
                chip = chips.get((entity_id, name))
                if chip is None:
                    chip = chips[(entity_id, name)] = self._filled("chip", {
                        "href": str(escape(url(entity_path(entity_id)))), "name": str(escape(name))})
                html.append(chip)
            before, found, after = event.sentence.partition(event.text)
            out.append(Markup(self._filled("entry", {
                "datetime": str(escape(e.datetime)), "entity_ids": str(escape(e.entity_ids)),
                "label": str(escape(e.label)), "text": str(escape(event.text)), "before": str(escape(before)),
                "found": str(escape(found)), "after": str(escape(after)), "href": head["href"],
                "note_id": str(escape(e.note_id)) if e.note_id else "", "title": head["title"],
                "chips": "".join(html)})))
        return out

    def page(self, template: str, **context) -> str:
        return render_template(self.env, template, **context)


def _alias(note: Note) -> str:
    """An entity note's text when it differs from the entity's name ("" otherwise)."""
    return note.text if note.kind == "entity" and note.text != note.title else ""


_HTML_SPECIAL = re.compile("[&<>\"']")


def _escaped(value) -> str:
    """A plain value as autoescaped templates print it (markupsafe), without escaping what needs none."""
    text = str(value)
    return str(escape(text)) if _HTML_SPECIAL.search(text) else text


class _Form:
    """A macro rendered once with stand-ins, as a str.format template and the names of its slots."""

    def __init__(self, shape: str):
        self.names = tuple(dict.fromkeys(_SLOT.findall(shape)))
        self.text = _SLOT.sub(r"{\1}", shape.replace("{", "{{").replace("}", "}}"))

    def fill(self, values: dict[str, str]) -> str:
        """The shape with each slot replaced by its value (escaped HTML)."""
        return self.text.format_map(values)


_ENDNOTE_OPTIONAL = ("card", "alias", "body_html", "description", "details", "links", "link")
_ENDNOTE_FIELDS = {  # what _notes.html prints beyond the note's attributes, as HTML
    "short_text": lambda r, n: _escaped(r.truncate(n.text, 20)),
    "excerpt": lambda r, n: _escaped(r.truncate(n.text, 90)),
    "card_num": lambda r, n: _escaped(n.card[1:]),
    "alias": lambda r, n: _escaped(_alias(n)),
    "link": lambda r, n: _escaped(n.data.get("link") or ""),
    "body_html": lambda r, n: n.body_html or "",
    "details": lambda r, n: r.note_rows("detail", n.details),
    "links": lambda r, n: r.note_rows("link", n.links),
}


def rendered_note_ids(md, body: str, marks: list[Mark]) -> set[str]:
    """The notes whose trigger `render` puts into the text, found from the token stream alone.

    Bodies without Markdown that could split or swallow a mark are decided without parsing (the
    rules of pizhu.render: overlapping marks dropped, inner marks never cross a quote's edge); others
    are parsed. Site-wide pages link to #ref-… anchors of every article on every build.
    """
    layers = _Layers(marks)
    if _simple(body, layers):
        return _rendered_simple(layers)
    return set(placed_marks(md, body, marks))


_BODY_MARKUP = re.compile(r"[`<&\\\[{|\r\0\t]|~~| {4}")  # code, html, entities, escapes, links, attrs, tables
_BLOCK_PREFIX = re.compile(r"(?:[ ]{0,3}(?:>|[-+*]|\d{1,9}[.)]|#{1,6})(?=[ \t\n]|$)[ \t]*)*", re.M)
_MARK_MARKUP = re.compile(r"[*_`\[\]<>&\\~|!#{}\n\r]|^\s|\s$|^[-=]+$")


def _simple(body: str, layers: _Layers) -> bool:
    """True when no mark can be split or swallowed by Markdown: a body without code, HTML, entities,
    escapes, links or attribute blocks, and marks whose text holds no markup and no line break."""
    if _BODY_MARKUP.search(body):
        return False
    for layer in (layers.outer, layers.inner):
        for m in layer:
            if _MARK_MARKUP.search(body[m.start:m.end]):
                return False
            line = body.rfind("\n", 0, m.start) + 1
            if m.start < _BLOCK_PREFIX.match(body, line).end():  # inside a list, quote or heading marker
                return False
    return True


def _rendered_simple(layers: _Layers) -> set[str]:
    return {m.note_id for m in layers.outer} | {m.note_id for m in layers.inner}


def figure_groups(item: AnnotatedArticle) -> list[tuple[str, str, list[FigureRow], str]]:
    """The sidebar: (kind, label, rows in reading order, scale note) per figure kind."""
    names = {e.id: e.name for e in item.annotation.entities}
    by_kind: dict[str, list[Note]] = {}
    for note in item.notes:
        if note.kind == "figure":
            by_kind.setdefault(note.data["kind"], []).append(note)
    groups = []
    for kind in sorted(by_kind, key=lambda k: (FIGURE_KIND_ORDER.index(k) if k in FIGURE_KIND_ORDER else 9, k)):
        notes = by_kind[kind]
        if kind == "percent":
            top = max([1.0] + [n.data["value_max"] or n.data["value"] for n in notes])
            fractions = [min(1.0, max(0.0, n.data["value"] / top)) for n in notes]
            scale = f"线性刻度，满格 {top * 100:g}%"
        else:
            bounds = log_scale([v for n in notes for v in (n.data["value"], n.data["value_max"]) if v])
            fractions = [bar_fraction(n.data["value"], bounds) for n in notes]
            scale = f"对数刻度（每格 10 倍）：{chinese_units(10 ** bounds[0])} – {chinese_units(10 ** bounds[1])}"
        rows = [FigureRow(n, n.id in item.rendered, round(f, 4), names.get(n.data["entity"]),
                          entity_path(n.data["entity"]) if n.data["entity"] in names else None)
                for n, f in zip(notes, fractions)]
        label = {"money": "金额", "percent": "比例", "quantity": "数量"}.get(kind, kind)
        groups.append((kind, label, rows, scale))
    return groups


def article_pages(renderer: Renderer, item: AnnotatedArticle) -> dict[str, str]:
    """The output files of one article (path relative to the output folder → content)."""
    return {f"{item.url}index.html": renderer.article_html(item)}


def site_wide_pages(renderer: Renderer, items: list[AnnotatedArticle]) -> dict[str, str]:
    """Pages built from every article (index, feed, sitemap, 404, timeline, entities …), newest first."""
    config = renderer.config
    for item in items:
        renderer.index(item)
    newest = items[0].article.date.isoformat() if items else "1970-01-01"
    entities = build_entity_index(items, render_inline=renderer.markdown, url=renderer.env.globals["url"])
    timeline = site_timeline(items)
    in_timeline = {i for entry in timeline for i, _ in entry.entities}
    for page in entities:
        page.in_timeline = page.id in in_timeline
        page.sections_html = renderer.entity_sections(page)
    files = {
        "index.html": renderer.page("index.html", items=items, page_url=""),
        "404.html": renderer.page("404.html", page_url="404.html"),
        "feed.xml": renderer.page("feed.xml", items=items[:config.feed_size], updated=newest),
        "sitemap.xml": renderer.page("sitemap.xml", items=items, entities=entities),
        "timeline/index.html": renderer.page("timeline.html", entries=timeline, page_url="timeline/",
                                             entries_html=renderer.timeline_entries(timeline),
                                             filter_entities=[p for p in entities if p.in_timeline]),
        "entities/index.html": renderer.page("entities.html", groups=entities_by_type(entities),
                                             count=len(entities), page_url="entities/"),
        ".nojekyll": "",
    }
    for page in entities:
        files[f"{page.path}index.html"] = renderer.page("entity.html", entity=page, page_url=page.path)
    return files


def site_pages(config: SiteConfig, items: list[AnnotatedArticle]) -> dict[str, str]:
    """Every output file of the site (path relative to the output folder → content)."""
    renderer = Renderer(config)
    files: dict[str, str] = {}
    for item in items:
        files.update(article_pages(renderer, item))
    files.update(site_wide_pages(renderer, items))
    return files
