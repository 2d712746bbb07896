"""Entity page URLs: readable slugs, never hashes (/entities/openai/, /entities/mai-ke-er-te-lin/).

The entity id (the annotator's) stays the identity; the slug is Pizhu's. A readable id (a glossary id,
the ASCII name the annotator made it from) is its own slug, as before. A name without one (the
annotator then makes a hashed id, e + 8 hex digits) is read in pinyin by pypinyin, a maintained
library with its own dictionary of words, so that polyphonic characters read as in the word (重庆 →
chong-qing); Latin letters and digits in the name are kept.

Two entities whose slugs collide: the one that appeared first keeps the slug, the next gets -2, and
so on (`SlugTable`). "First" is the oldest article that names the entity (then its path, then the id),
so a published URL does not move when newer articles are added, and a cold build gives the same URLs
as an incremental one. (A URL moves only when an article dated before the one naming its entity
brings a colliding entity, or when the entity holding the plain slug leaves the site.)

Article pages are rendered in worker processes, so the builder goes names first: the workers annotate
the articles to render and send back their entities' (id, name); the main process, which holds every
other article's parts, makes the table; then each page is rendered once, linking each entity at its
base slug unless the table says otherwise (`overrides`, kept with the page in the build's manifest,
so an unchanged page is not rendered again). After rendering, the table is made again from every
article's parts, and an article that links another slug (damaged parts; a build without a cache,
which has no names-first pass) is rendered again.
"""
from __future__ import annotations

import functools
import re
from typing import Any, Iterable

_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_HASHED_ID = re.compile(r"e[0-9a-f]{8}")  # the annotator's id for a name without a readable ASCII form
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
MAX_LENGTH = 60  # characters; cut at a syllable boundary

# The slug of each entity id for the pages being rendered: set by the worker for each article
# (`use`), and by the builder for the site-wide pages; ids not in it get their base slug.
_table: dict[str, str] = {}


@functools.lru_cache(maxsize=65536)
def base_slug(entity_id: str, name: str) -> str:
    """The slug an entity gets when no other entity has it: its id when that is readable, else its
    name (or, for an id that is not URL-safe, the id) in pinyin, syllables joined by '-'."""
    if _SAFE_ID.fullmatch(entity_id) and not _HASHED_ID.fullmatch(entity_id):
        return entity_id
    from pypinyin import lazy_pinyin  # 0.3 s to load its dictionary: only when a name needs it

    words = lazy_pinyin(name if _HASHED_ID.fullmatch(entity_id) else entity_id)
    slug = _NOT_SLUG.sub("-", "-".join(words).casefold()).strip("-")
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH + 1].rsplit("-", 1)[0]
    return slug or "entity"


def use(table: dict[str, str]) -> None:
    """Make `table` (entity id → slug) the slugs that `entity_slug` gives."""
    global _table
    _table = table


def entity_slug(entity_id: str) -> str:
    """The entity page's folder name, as the current table has it."""
    found = _table.get(entity_id)
    return found if found is not None else base_slug(entity_id, entity_id)


class SlugTable:
    """Slugs for every entity, collisions resolved in order of first appearance."""

    def __init__(self) -> None:
        self.slugs: dict[str, str] = {}  # entity id → slug
        self._taken: set[str] = set()  # slugs given, casefolded (a case-insensitive disk would merge them)

    def add(self, entity_id: str, name: str) -> None:
        """Give `entity_id` a slug unless it has one: call oldest appearance first."""
        if entity_id in self.slugs:
            return
        base = base_slug(entity_id, name)
        slug, n = base, 1
        while slug.casefold() in self._taken:
            n += 1
            slug = f"{base}-{n}"
        self._taken.add(slug.casefold())
        self.slugs[entity_id] = slug

    def overrides(self, entities: Iterable[tuple[str, str]]) -> dict[str, str]:
        """{id: slug} for those of `entities` (id, name as one article has it) whose slug is not the
        base slug that article's worker links them at."""
        return {i: self.slugs[i] for i, name in entities if i in self.slugs and self.slugs[i] != base_slug(i, name)}


class SlugBook:
    """What the builder knows of slugs between builds (serve keeps one builder): each article's entities
    (id, name) by render key, the slugs given last time, and the overrides each page was last found to
    need. Entries are the builder's (render_key, parts, slugs, render)."""

    def __init__(self) -> None:
        self.pairs: dict[str, tuple] = {}  # render key → its article's (entity id, name), by id
        self._pool: dict[tuple[str, str], tuple[str, str]] = {}  # one tuple per pair, shared by every article naming it
        self._given: dict[str, str] = {}  # entity id → slug, at the last check
        self._checked: dict[str, dict] = {}  # render key → the overrides its page needs, at the last check

    def found(self, render_key: str, pairs: Iterable[tuple[str, str]]) -> None:
        """An article's entities, as the names-first pass found them."""
        self.pairs[render_key] = self._pooled(pairs)

    def _pooled(self, pairs: Iterable) -> tuple:
        """`pairs` sorted, each the pool's tuple (an archive names the same entities in many articles)."""
        pool = self._pool
        return tuple(sorted([pool.setdefault(pair, pair) for pair in map(tuple, pairs)]))

    def table(self, entries: list[Any]) -> SlugTable:
        """Every entity's slug (collisions resolved oldest article first), from each article's entities:
        as its names-first pass found them, or from its parts. `entries` are newest first."""
        # serve does this on every rebuild: each article's entities are sorted once
        known, self.pairs = self.pairs, {}
        for e in entries:
            pairs = known.get(e.render_key)
            if pairs is None and e.parts is not None:
                entities = e.parts.entities
                packed = hasattr(entities, "names")  # model.EntityParts: known without unpickling the parts
                pairs = self._pooled(zip(entities.ids, entities.names) if packed else [(p.id, p.name) for p in entities])
            if pairs is not None:
                self.pairs[e.render_key] = pairs
        table = SlugTable()
        for e in reversed(entries):  # oldest first
            for entity_id, name in self.pairs.get(e.render_key, ()):
                table.add(entity_id, name)
        return table

    def check(self, entries: list[Any], table: SlugTable) -> list[Any]:
        """The entries whose page links one of its entities at another slug than `table` gives (their
        `slugs` set to the table's and `render` to True). An entry the last check found right is looked
        at again only when one of its entities' slugs moved."""
        last, self._given = self._given, table.slugs
        moved = {i for i, slug in table.slugs.items() if last.get(i) != slug}
        changed = []
        for e in entries:
            pairs = self.pairs.get(e.render_key, ())
            if self._checked.get(e.render_key) == e.slugs and not any(i in moved for i, _ in pairs):
                continue
            wanted = self._checked[e.render_key] = table.overrides(pairs)
            if wanted != e.slugs:
                e.slugs, e.render = wanted, True
                changed.append(e)
        return changed

    def keep_only(self, entries: list[Any]) -> None:
        """Forget the articles that are gone."""
        self._checked = {e.render_key: self._checked[e.render_key] for e in entries if e.render_key in self._checked}
