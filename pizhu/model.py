"""The data passed between the build's phases: an article with its annotation and notes (read →
article page), and what one article adds to the site-wide pages (`ArticleParts`: made by a worker with
the article's page, cached with it, merged into the entity pages and the site timeline).

Parts are named tuples: a build loads every article's parts, and tuples unpickle twice as fast.
"""
from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from sys import intern
from typing import TYPE_CHECKING, Any, Callable, Iterable, NamedTuple, Union

from annotator import Annotation

from .content import Article
from .spill import LENGTH_BITS, Pieces, Spill

if TYPE_CHECKING:  # only named in annotations: the model never pulls in Markdown
    from .notes import Note

Piece = Union[str, int]  # HTML, or (in the builder) its reference in a pizhu.spill.Spill
# pieces of HTML joined by line breaks (the builder passes a join that reads references from its Spill)
join_lines: Callable[[list[Piece]], str] = "\n".join  # type: ignore[assignment]


class EntityPart(NamedTuple):
    """One entity as one article has it: what that article adds to the entity's page."""
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    note: str | None
    link: str | None
    mentions: int
    rows: tuple[Piece, ...]  # the article's row on the entity page, bare and with a context sentence
    # (HTML; () without mentions): the page shows its newest articles with their sentence
    figures: tuple[Piece, ...]  # a table row (HTML) per figure about the entity
    quotes: tuple[Piece, ...]  # HTML per quote it spoke
    key: str  # digest of all the above: the page is rendered again when a part's key changes


class EventPart(NamedTuple):
    """One event as the site timeline lists it: rendered with its article and cached with it, so the
    site timeline is only sorted and joined; what `timeline.same_event` compares is kept beside it, so
    that entries of several articles telling one event become one entry listing each article."""
    key: str  # TimelineEntry.sort_text()
    entities: tuple[str, ...]  # ids of the entities named in its sentence
    role: str  # the annotator's: event or forecast
    phrase: str  # what happened ("" when the annotator gave no phrase: never merged)
    html: bytes | int  # UTF-8 (the site timeline joins ~10^4 entries into one file without encoding them
    # again), or (in the builder) its reference in a pizhu.spill.Spill
    source: bytes | int  # the link to its article (HTML, or its reference), for an entry merged from several

    @property
    def year(self) -> str:
        """The year whose page of the site timeline lists it."""
        return self.key[:4]


def article_url(article: Article) -> str:
    return f"articles/{article.slug}/"


@dataclass
class ArticleLink:
    """An article as the site-wide lists show it (index, feed, sitemap): no annotation needed."""
    article: Article

    @property
    def url(self) -> str:
        return article_url(self.article)


class TimelineYear(NamedTuple):
    """Entries on one year's page of the site timeline, in short (one article's, or all of them)."""
    key: str  # digest of the entries (16 hex digits: enough to see a change; a year of every article is kept)
    entry_count: int
    entity_ids: tuple[str, ...] | frozenset[str]  # the entities they name (an article's: sorted)


class ArticleParts(NamedTuple):
    """What one article adds to the site-wide pages, made when it is rendered and cached with it."""
    entities: list[EntityPart] | EntityParts  # packed (EntityParts) once split (split_parts)
    events: list[EventPart]
    years: dict[str, TimelineYear]  # what its entries add to each year's page of the site timeline
    listed_key: str  # digest of what list pages (index, feed, sitemap) show of the article


class Named(NamedTuple):
    """An entity as the lists of articles name it (the index's "what it covers")."""
    id: str
    name: str
    type: str


class EntityParts:
    """One article's `EntityPart`s, packed (`split_parts`): in memory only what every build looks at
    for every article (each part's entity id, name and key, the entities the index lists); the parts
    themselves pickled — in the builder, in its Spill file (`spilled`) — and unpickled only while an
    entity page is merged again. A 50,000-article archive held as tuples took ~1 GB.

    Iterating gives the parts (their HTML references moved to the Spill, in the builder)."""
    __slots__ = ("ids", "names", "keys", "top", "_data", "_spill", "_shift")

    def __init__(self, parts: list[EntityPart], top: tuple[Named, ...]):
        self.ids = tuple([p.id for p in parts])
        self.names = tuple([p.name for p in parts])
        self.keys = b"".join([bytes.fromhex(p.key[:16]) for p in parts])  # 8 bytes a part: enough to see a change
        self.top = top
        self._data: bytes | int = pickle.dumps(parts, protocol=pickle.HIGHEST_PROTOCOL)
        self._spill: Spill | None = None
        self._shift = 0

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self):
        return iter(self.load())

    def __getstate__(self):
        if self._spill is not None:
            raise TypeError("spilled entity parts stay in the builder's process")
        return (self.ids, self.names, self.keys, self.top, self._data)

    def __setstate__(self, state) -> None:
        self.ids, self.names, self.keys, self.top, self._data = state
        self._spill, self._shift = None, 0

    def id_keys(self) -> list[tuple[str, bytes]]:
        keys = self.keys
        return [(entity_id, keys[8 * i:8 * i + 8]) for i, entity_id in enumerate(self.ids)]

    def load(self) -> list[EntityPart]:
        if self._spill is None:
            assert isinstance(self._data, bytes)
            return pickle.loads(self._data)
        assert isinstance(self._data, int)
        shift = self._shift
        new = tuple.__new__
        split: list[Any] = pickle.loads(self._spill.read(self._data))  # references into the blob: ints
        return [new(EntityPart, (intern(p[0]), intern(p[1]), intern(p[2]), p[3], p[4], p[5], p[6],
                                 tuple([r + shift for r in p[7]]) if p[7] else (),
                                 tuple([r + shift for r in p[8]]) if p[8] else (),
                                 tuple([r + shift for r in p[9]]) if p[9] else (), p[10]))
                for p in split]

    def spilled(self, spill: Spill, shift: int, ref: int) -> "EntityParts":
        """These parts as the builder keeps them: pickled at `ref` in `spill`, their references into
        the article's blob moved by `shift`; names interned (they recur in every article)."""
        packed = EntityParts.__new__(EntityParts)
        packed.ids = tuple([intern(i) for i in self.ids])
        packed.names = tuple([intern(n) for n in self.names])
        packed.keys, packed.top = self.keys, tuple([Named(intern(t.id), intern(t.name), intern(t.type)) for t in self.top])
        packed._data, packed._spill, packed._shift = ref, spill, shift
        return packed


TOP_ENTITIES = 5  # what an article covers: its most mentioned entities


def top_entities(entities: Iterable, count: int = TOP_ENTITIES) -> list:
    """The `count` entities with most mentions (anything with `mentions`, a number; ties in the
    article's order)."""
    return sorted([e for e in entities if e.mentions], key=lambda e: -e.mentions)[:count]


def id_keys(parts) -> list[tuple[str, Any]]:
    """(entity id, key) of each part: from packed parts without unpickling them."""
    return parts.id_keys() if isinstance(parts, EntityParts) else [(p.id, p.key) for p in parts]


def split_parts(parts: ArticleParts) -> tuple[ArticleParts, bytes]:
    """(`parts` with each HTML piece replaced by its reference in the blob and the entity parts
    packed, the blob): as workers send parts and the cache keeps them, so that the builder puts the
    blob into its Spill whole and never holds the HTML (see pizhu.spill)."""
    pieces = Pieces()
    put = pieces.put
    lines = pieces.lines
    html_entities: list[Any] = list(parts.entities)  # pieces of HTML here, references in the result
    entities = [EntityPart._make((*p[:7], tuple([put(row) for row in p.rows]),
                                  p.figures and lines(p.figures), p.quotes and lines(p.quotes), p.key))
                for p in html_entities]
    top = tuple([Named(p.id, p.name, p.type) for p in top_entities(html_entities)])
    html_events: list[Any] = parts.events
    events = [EventPart(e.key, e.entities, e.role, e.phrase, html, source) for e, html, source in
              zip(html_events, pieces.lines([e.html for e in html_events]), pieces.lines([e.source for e in html_events]))]
    return ArticleParts(EntityParts(entities, top), events, parts.years, parts.listed_key), pieces.blob()  # type: ignore[arg-type]


def spilled(split: tuple[ArticleParts, bytes], spill: Spill) -> ArticleParts:
    """Split parts as the builder keeps them: the blob put into `spill` with the packed entity parts
    after it, references moved to it, names interned (they recur in every article). Tuples made
    directly: a build does this for every article."""
    parts, blob = split
    packed: EntityParts = parts.entities  # type: ignore[assignment]
    data = packed._data
    assert isinstance(data, bytes)
    shift = spill.put(blob + data)
    entities = packed.spilled(spill, shift, shift + (len(blob) << LENGTH_BITS | len(data)))
    new = tuple.__new__
    split_events: list[Any] = parts.events
    events = [new(EventPart, (e[0], tuple([intern(i) for i in e[1]]), intern(e[2]), e[3], e[4] and e[4] + shift, e[5] and e[5] + shift))
              for e in split_events]
    years = {year: TimelineYear(t.key, t.entry_count, tuple([intern(i) for i in t.entity_ids])) for year, t in parts.years.items()}
    return ArticleParts(entities, events, years, parts.listed_key)  # type: ignore[arg-type]


@dataclass
class AnnotatedArticle:
    article: Article
    annotation: Annotation
    notes: list[Note] = field(default_factory=list)
    html: str = ""
    rendered: set[str] = field(default_factory=set)  # ids of the marks placed in the text (its anchor exists: notes.anchor)
    note_ids: dict[tuple[str, int, int], str] = field(default_factory=dict)  # (kind, start, end) → id, if marked
    prepared: bool = False  # notes, html, rendered and note_ids are set

    @property
    def url(self) -> str:
        return article_url(self.article)
