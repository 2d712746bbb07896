"""Entity pages: every entity across all articles, merged by id (ids are slugs).

Each page holds the entity's note, type and aliases, a row per article naming it (newest first; the
newest with the sentence of its first mention, older ones title and date only, so that a page grows
by a line per article), the newest figures about it and quotes it spoke, with their counts. What one
article adds to an entity's page (`EntityPart`) is computed once, when that article is rendered, and
cached with it: a build merges the parts of every article without looking at their annotations
again, and an entity page is rendered again only when one of its parts changed. Everything is sorted so builds are byte-identical.
"""
from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

from annotator import sentence_spans
from markupsafe import Markup

from .cache import digest
from .templating import escape_text as esc
from .notes import ENTITY_TYPE_LABELS, ENTITY_TYPE_ORDER, anchor, entity_path, entity_slug
from .model import AnnotatedArticle, EntityPart, Piece, id_keys, join_lines
from .figure_view import converted, measured
from .units import figure_text

# What an entity page shows in full; the rest is counted (and each article still linked). A page of
# an entity named in every article stays a few hundred bytes per article: on a site of 1,000
# generated articles, every sentence, figure and quote made the entity pages 53 MB (now 18 MB).
RECENT_ARTICLES = 20  # articles shown with the sentence that names the entity
CONTEXT_CHARS = 80  # characters of that sentence, around the mention
FIGURES_SHOWN = 20
QUOTES_SHOWN = 10

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKUP = re.compile(r"\*\*|__|`|^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)", re.M)
_MD_INLINE = re.compile(r"\*\*|__|`")


def plain(markdown: str, line_start: bool = True) -> str:
    """A Markdown snippet as plain text (links keep their text; emphasis, code ticks and, at a line's
    start, heading/quote/list prefixes go)."""
    if "[" in markdown:
        markdown = _MD_LINK.sub(r"\1", markdown)
    if line_start or "*" in markdown or "_" in markdown or "`" in markdown:
        markdown = _MD_MARKUP.sub("", markdown) if line_start else _MD_INLINE.sub("", markdown)
    return markdown


@dataclass
class EntityPage:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    note_md: str | None = None
    note_html: str | None = None
    link: str | None = None
    article_count: int = 0
    mention_count: int = 0
    figures: list[Piece] = field(default_factory=list)  # HTML table rows, the newest FIGURES_SHOWN
    figure_count: int = 0
    quotes: list[Piece] = field(default_factory=list)  # HTML, the newest QUOTES_SHOWN
    quote_count: int = 0
    timeline_years: list[str] = field(default_factory=list)  # years of the site timeline naming it
    timeline_paged: bool = False  # the site timeline has a page per year (link each year, not one page)
    recent: list[Piece] = field(default_factory=list)  # a row per article, newest first, with its sentence (HTML)
    older: list[Piece] = field(default_factory=list)  # a row per older article, without (HTML)
    parts_digest: str = ""  # of its parts' keys, in article order
    join: Callable[[list[Piece]], str] = field(default=join_lines, repr=False)  # pieces' HTML, one a line

    @property
    def slug(self) -> str:
        return entity_slug(self.id)

    @property
    def path(self) -> str:
        return entity_path(self.id)

    @property
    def type_label(self) -> str:
        return ENTITY_TYPE_LABELS.get(self.type, self.type)

    # Joined here, not in the template: pages of frequent entities hold thousands of each.
    @property
    def recent_html(self) -> Markup:
        return Markup(self.join(self.recent))

    @property
    def older_html(self) -> Markup:
        return Markup(self.join(self.older))

    @property
    def figures_html(self) -> Markup:
        return Markup(self.join(self.figures))

    @property
    def quotes_html(self) -> Markup:
        return Markup(self.join(self.quotes))

    def inputs_key(self) -> str:
        """Everything the page is made of (its parts, in article order, and its timeline links)."""
        return f"{self.timeline_paged:d}{' '.join(self.timeline_years)}|{self.parts_digest}"


def _context(body: str, spans: list[tuple[int, int]], starts: list[int],
             mentions: list[tuple[int, int, str | None]], href: str, fill: Callable[[str, dict], str]) -> str:
    """The sentence of the first mention (start, end, note id) as HTML, cut to `CONTEXT_CHARS` around
    it; the mentions in it marked and linked to their place in the article (`href` + its anchor)
    when they are marked there."""
    first = min(mentions)
    index = max(0, bisect.bisect_right(starts, first[0]) - 1)
    s_start, s_end = spans[index] if spans else (0, len(body))
    before = after = ""
    if s_end - s_start > CONTEXT_CHARS:  # a long sentence: the words around the mention
        cut = max(s_start, min(first[0] - CONTEXT_CHARS // 3, s_end - CONTEXT_CHARS))
        before, after = "…" * (cut > s_start), "…" * (cut + CONTEXT_CHARS < s_end)
        s_start, s_end = cut, cut + CONTEXT_CHARS
    parts: list[str] = [before]
    cursor = s_start
    for start, end, note_id in sorted(mentions):
        if start < cursor or end > s_end:
            continue
        parts.append(esc(plain(body[cursor:start], cursor == s_start)))
        parts.append(fill("snippet_mark", {"text": esc(body[start:end]),
                                           "href": f"{href}#{esc(anchor(note_id))}" if note_id else ""}))
        cursor = end
    parts.append(esc(plain(body[cursor:max(cursor, s_end)], False).rstrip("\n")))
    parts.append(after)
    return "".join(parts)


def entity_parts(item: "AnnotatedArticle", url: Callable[[str], str], fill: Callable[[str, dict], str],
                 short_title: str) -> list[EntityPart]:
    """What `item` adds to each entity's page. Needs which marks reached its text (`item.note_ids`);
    `url` makes a site path absolute, `fill(macro, escaped values)` renders a macro of _entity.html."""
    body = item.article.body
    spans = sentence_spans(body)
    starts = [s for s, _ in spans]
    ids = item.note_ids
    page_url = url(item.url)
    href = esc(page_url)
    head = {"href": href, "title": esc(item.article.title), "date": esc(item.article.date.isoformat()),
            "short_title": esc(short_title)}
    own = {e.id for e in item.annotation.entities}

    def place(kind: str, start: int, end: int) -> str:
        note_id = ids.get((kind, start, end))
        return esc(f"{page_url}#{anchor(note_id)}" if note_id else page_url)

    figures: dict[str, list[str]] = {}
    for figure in item.annotation.figures:
        if figure.entity in own:
            shown = figure_text(figure)
            figures.setdefault(figure.entity, []).append(fill("figure_row", {
                **head, "what": esc(measured(figure) or shown.kind_label), "zh": esc(shown.zh),
                "en": esc(shown.en) if converted(figure) else "",
                "href": place("figure", figure.start, figure.end)}))
    quotes: dict[str, list[str]] = {}
    for quote in item.annotation.quotes:
        if quote.speaker_entity in own:
            quotes.setdefault(quote.speaker_entity, []).append(fill("quote", {
                **head, "text": esc(quote.text), "form": "直接引语" if quote.direct else "转述",
                "href": place("quote", quote.start, quote.end)}))
    parts = []
    for entity in item.annotation.entities:
        mentions = [(m.start, m.end, ids.get(("entity", m.start, m.end))) for m in entity.mentions]
        row = {**head, "mentions": str(len(mentions)), "context": ""}
        rows = (fill("article_row", row), fill("article_row", {**row, "context": _context(
            body, spans, starts, mentions, href, fill)})) if mentions else ()
        fields = (entity.id, entity.name, entity.type, tuple(entity.aliases), entity.note, entity.link,
                  len(mentions), rows, tuple(figures.get(entity.id, ())), tuple(quotes.get(entity.id, ())))
        parts.append(EntityPart(*fields, digest(repr(fields))))
    return parts


class _Gathering:
    """An entity's page, gathered from its parts one at a time, newest article first, so that a merge
    never holds every article's parts at once (they are unpickled one article at a time: see
    model.EntityParts). The first part names the page; other names and aliases become its aliases."""
    __slots__ = ("page", "names", "hash")

    def __init__(self, first: EntityPart, join: Callable[[list[Piece]], str]):
        self.page = EntityPage(first.id, first.name, first.type, join=join)
        self.names: set[str] = set()
        self.hash = hashlib.sha256()  # cache.digest of the parts' keys, in order

    def add(self, p: EntityPart) -> None:
        page = self.page
        if p.aliases or p.name != page.name:
            self.names.update(p.aliases)
            self.names.add(p.name)
        if p.note and page.note_md is None:
            page.note_md = p.note
        if p.link and page.link is None:
            page.link = p.link
        if p.mentions:
            page.article_count += 1
            page.mention_count += p.mentions
            if len(page.recent) < RECENT_ARTICLES:
                page.recent.append(p.rows[1])
            else:
                page.older.append(p.rows[0])
        if p.figures:
            page.figure_count += len(p.figures)
            page.figures.extend(p.figures[:FIGURES_SHOWN - len(page.figures)])
        if p.quotes:
            page.quote_count += len(p.quotes)
            page.quotes.extend(p.quotes[:QUOTES_SHOWN - len(page.quotes)])
        key = p.key.encode("utf-8")
        self.hash.update(len(key).to_bytes(8, "little"))
        self.hash.update(key)

    def done(self, render_inline: Callable[[str], str]) -> EntityPage:
        page = self.page
        page.aliases = sorted(self.names - {page.name})
        page.parts_digest = self.hash.hexdigest()
        page.note_html = render_inline(page.note_md) if page.note_md else None
        return page


def _by_id(parts: Iterable[EntityPart]) -> dict[str, list[EntityPart]]:
    found: dict[str, list[EntityPart]] = {}
    for part in parts:
        found.setdefault(part.id, []).append(part)
    return found


def _keys_by_id(parts) -> dict[str, list]:
    found: dict[str, list] = {}
    for entity_id, key in id_keys(parts):
        found.setdefault(entity_id, []).append(key)
    return found


class EntityIndex:
    """The entity pages of every article's parts, kept between builds (serve): when only a few
    articles' parts changed, only the pages of the entities those name are merged again."""

    def __init__(self, render_inline: Callable[[str], str] = lambda md: md,
                 join: Callable[[list[Piece]], str] = join_lines):
        """`join`: pieces' HTML, one a line (the builder's parts hold references into its Spill)."""
        self.render_inline, self.join = render_inline, join
        self.articles: list = []  # each article's parts (a list, or packed EntityParts), newest article first
        self.where: dict[str, list[int]] = {}  # entity id → positions of the articles naming it
        self.pages: dict[str, EntityPage] = {}
        self._order: list[str] | None = None  # page ids, sorted by name

    def update(self, articles: list) -> list[EntityPage]:
        """The pages for `articles` (sorted by name); parts are compared by identity with the last call's."""
        old = self.articles
        changed = [i for i, (a, b) in enumerate(zip(old, articles)) if a is not b] if len(old) == len(articles) else None
        if changed is None or len(changed) > max(8, len(articles) // 10):
            self._merge_all(articles)
        elif changed:
            self._merge_some(articles, changed)
        if self._order is None:
            self._order = [p.id for p in sorted(self.pages.values(), key=lambda p: (p.name.casefold(), p.id))]
        return [self.pages[entity_id] for entity_id in self._order]

    def _merge_all(self, articles: list) -> None:
        gathering: dict[str, _Gathering] = {}
        where: dict[str, list[int]] = {}
        join = self.join
        for i, parts in enumerate(articles):
            for part in parts:
                found = gathering.get(part.id)
                if found is None:
                    found = gathering[part.id] = _Gathering(part, join)
                    where[part.id] = [i]
                elif where[part.id][-1] != i:
                    where[part.id].append(i)
                found.add(part)
        self.articles, self.where = list(articles), where
        self.pages = {entity_id: found.done(self.render_inline) for entity_id, found in gathering.items()}
        self._order = None

    def _merge_some(self, articles: list, changed: list[int]) -> None:
        # Only entities whose part in a changed article differs (by key) are merged again: an edit
        # usually leaves most of the entities its article names as they were.
        touched: set[str] = set()
        named = {}
        for i in changed:
            old, new = _keys_by_id(self.articles[i]), _keys_by_id(articles[i])
            touched.update(entity_id for entity_id in old.keys() | new.keys() if old.get(entity_id) != new.get(entity_id))
            named[i] = new
        self.articles = list(articles)
        positions = set(changed)
        loaded: dict[int, dict[str, list[EntityPart]]] = {}  # articles unpickled for this merge
        for entity_id in touched:
            at = [i for i in self.where.get(entity_id, ()) if i not in positions]
            at += [i for i in changed if entity_id in named[i]]
            at.sort()
            before = self.pages.get(entity_id)
            page = None
            if at:
                self.where[entity_id] = at
                page = self.pages[entity_id] = self._gather(entity_id, at, loaded)
            else:
                self.where.pop(entity_id, None)
                self.pages.pop(entity_id, None)
            if before is None or page is None or before.name != page.name:
                self._order = None  # an entity came, went or was renamed: sort again

    def _gather(self, entity_id: str, at: list[int], loaded: dict[int, dict[str, list[EntityPart]]]) -> EntityPage:
        """The page of `entity_id` from the articles at positions `at`."""
        found = None
        for i in at:
            by_id = loaded.get(i)
            if by_id is None:
                by_id = loaded[i] = _by_id(self.articles[i])
            for part in by_id.get(entity_id, ()):
                if found is None:
                    found = _Gathering(part, self.join)
                found.add(part)
        assert found is not None  # every position names the entity
        return found.done(self.render_inline)


def entities_by_type(pages: list[EntityPage]) -> list[tuple[str, str, list[EntityPage]]]:
    """(type, label, pages) in a fixed type order; unknown types last, alphabetically."""
    groups: dict[str, list[EntityPage]] = {}
    for page in pages:
        groups.setdefault(page.type, []).append(page)
    order = list(ENTITY_TYPE_ORDER) + sorted(t for t in groups if t not in ENTITY_TYPE_ORDER)
    return [(t, ENTITY_TYPE_LABELS.get(t, t), groups[t]) for t in order if t in groups]
