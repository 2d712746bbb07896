"""Entity pages: every entity across all articles, merged by id (ids are slugs).

Each page holds the entity's note, type and aliases, every mention with its sentence and article, the
figures about it and the quotes it spoke. Everything is sorted so builds are byte-identical.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from annotator import Figure, Quote
from markupsafe import Markup, escape

from .notes import ENTITY_TYPE_LABELS, ENTITY_TYPE_ORDER, entity_path, entity_slug
from .units import figure_text

if TYPE_CHECKING:
    from .pages import AnnotatedArticle

_SENTENCE = re.compile(r"[^。！？!?；\n]*(?:[。！？!?；]+[”’」』\"')）]*|\n|$)")
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


def sentence_spans(body: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets of a Markdown body, split at 。！？!?； and line ends."""
    spans = []
    for m in _SENTENCE.finditer(body):
        if m.end() > m.start():
            spans.append((m.start(), m.end()))
    return spans


@dataclass
class EntityArticle:
    item: "AnnotatedArticle"
    snippets: list[Markup] = field(default_factory=list)  # each sentence once, its mentions marked and linked
    mentions: int = 0

    @property
    def snippets_html(self) -> Markup:
        """The sentences as list items, joined here: pages of frequent entities hold thousands."""
        return Markup("".join(f"<li>{s}</li>" for s in self.snippets))


@dataclass
class EntityFigure:
    item: "AnnotatedArticle"
    figure: Figure
    note_id: str | None
    zh: str
    en: str


@dataclass
class EntityQuote:
    item: "AnnotatedArticle"
    quote: Quote
    note_id: str | None


@dataclass
class EntityPage:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    note_md: str | None = None
    note_html: str | None = None
    link: str | None = None
    articles: list[EntityArticle] = field(default_factory=list)
    figures: list[EntityFigure] = field(default_factory=list)
    quotes: list[EntityQuote] = field(default_factory=list)
    in_timeline: bool = False
    sections_html: list[Markup] = field(default_factory=list)  # one per article, set by pages.Renderer

    @property
    def slug(self) -> str:
        return entity_slug(self.id)

    @property
    def path(self) -> str:
        return entity_path(self.id)

    @property
    def type_label(self) -> str:
        return ENTITY_TYPE_LABELS.get(self.type, self.type)

    @property
    def mention_count(self) -> int:
        return sum(a.mentions for a in self.articles)


def _snippets(body: str, spans: list[tuple[int, int]], starts: list[int],
              mentions: list[tuple[int, int, str | None]], href: str) -> list[Markup]:
    """Group mentions (start, end, note id) by sentence; each sentence once as HTML, mentions marked
    and linked to their place in the article (`href` + #ref-<id>) when they are marked there."""
    by_sentence: dict[int, list[tuple[int, int, str | None]]] = {}
    for mention in sorted(mentions):
        index = max(0, bisect.bisect_right(starts, mention[0]) - 1)
        by_sentence.setdefault(index, []).append(mention)
    snippets = []
    for index in sorted(by_sentence):
        s_start, s_end = spans[index] if spans else (0, len(body))
        parts: list[str] = []
        cursor = s_start
        for start, end, note_id in by_sentence[index]:
            if start < cursor:
                continue
            parts.append(str(escape(plain(body[cursor:start], cursor == s_start))))
            mark = f"<mark>{escape(body[start:end])}</mark>"
            parts.append(f'<a class="snippet-mark" href="{href}#ref-{note_id}">{mark}</a>' if note_id else mark)
            cursor = end
        parts.append(str(escape(plain(body[cursor:max(cursor, s_end)], False).rstrip("\n"))))
        snippets.append(Markup("".join(parts)))
    return snippets


def build_entity_index(items: list["AnnotatedArticle"], render_inline: Callable[[str], str] = lambda md: md,
                       url: Callable[[str], str] = lambda path: "/" + path) -> list[EntityPage]:
    """One page per entity id across `items` (in the order given: newest article first); `url` makes
    a site path absolute (templating's url())."""
    pages: dict[str, EntityPage] = {}
    for item in items:
        body = item.article.body
        spans = sentence_spans(body)
        starts = [s for s, _ in spans]
        ids = item.note_ids
        href = str(escape(url(item.url)))
        for entity in item.annotation.entities:
            page = pages.get(entity.id)
            if page is None:
                page = pages[entity.id] = EntityPage(entity.id, entity.name, entity.type)
            if entity.aliases or entity.name != page.name:
                aliases = set(page.aliases) | set(entity.aliases)
                aliases.add(entity.name)
                page.aliases = sorted(aliases - {page.name})
            page.note_md = page.note_md or entity.note
            page.link = page.link or entity.link
            if entity.mentions:
                mentions = [(m.start, m.end, ids.get(("entity", m.start, m.end))) for m in entity.mentions]
                page.articles.append(EntityArticle(item, _snippets(body, spans, starts, mentions, href),
                                                   len(entity.mentions)))
        own = {e.id for e in item.annotation.entities}
        for figure in item.annotation.figures:
            if figure.entity in own:
                shown = figure_text(figure)
                pages[figure.entity].figures.append(EntityFigure(
                    item, figure, ids.get(("figure", figure.start, figure.end)), shown.zh, shown.en))
        for quote in item.annotation.quotes:
            if quote.speaker_entity in own:
                pages[quote.speaker_entity].quotes.append(EntityQuote(
                    item, quote, ids.get(("quote", quote.start, quote.end))))
    for page in pages.values():
        page.note_html = render_inline(page.note_md) if page.note_md else None
    return sorted(pages.values(), key=lambda p: (p.name.casefold(), p.id))


def entities_by_type(pages: list[EntityPage]) -> list[tuple[str, str, list[EntityPage]]]:
    """(type, label, pages) in a fixed type order; unknown types last, alphabetically."""
    groups: dict[str, list[EntityPage]] = {}
    for page in pages:
        groups.setdefault(page.type, []).append(page)
    order = list(ENTITY_TYPE_ORDER) + sorted(t for t in groups if t not in ENTITY_TYPE_ORDER)
    return [(t, ENTITY_TYPE_LABELS.get(t, t), groups[t]) for t in order if t in groups]
