"""The site-wide pages, built from every article's parts (`model.ArticleParts`): index, feed, sitemap,
404, the site timeline, the entity list and one page per entity. Each page's key digests what it
shows, so a build renders again only the pages whose key changed.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from itertools import chain
from operator import attrgetter
from typing import Callable, Iterable

from markupsafe import Markup

from .cache import digest
from .content import Article, with_body
from .entities_index import EntityIndex, EntityPage, entities_by_type
from . import meta
from .model import ArticleLink, ArticleParts, EntityParts, EventPart, Named, TimelineYear
from .pages import Renderer
from .render import render
from .slugs import entity_slug
from .spill import Spill
from .timeline import merged_events


@dataclass
class SitePage:
    """A page built from every article; `key` digests what it shows, so a build renders it again only
    when its key (with the templates and settings) changed."""
    rel: str
    key: str
    render: Callable[[], str | bytes]  # bytes: already UTF-8


@dataclass
class Listed(ArticleLink):
    """An article as the index and the feed list it: its summary and the entities it covers most."""
    summary: str
    entities: list[Named]  # (or its EntityPart, before the parts are packed)

    def listed_key(self) -> tuple:
        """What the index shows beyond the article's front matter (its parts' `listed_key`)."""
        return self.summary, [(e.id, e.name, e.type, entity_slug(e.id)) for e in self.entities]


def _covers(entities) -> list:
    """What an article covers (meta.top_entities), known without unpickling packed parts."""
    return list(entities.top) if isinstance(entities, EntityParts) else meta.top_entities(entities)


def _key(*values) -> str:
    """A digest of `values` (strings as they are, anything else by its repr)."""
    return digest(*[value if isinstance(value, str) else repr(value) for value in values])


def site_wide_plan(renderer: Renderer, articles: list[Article], parts: list[ArticleParts],
                   entity_index: EntityIndex | None = None, spill: Spill | None = None) -> list[SitePage]:
    """Pages built from every article (index, feed, sitemap, 404, timeline, entities …) from each
    article's parts, newest first; nothing is rendered until a page's `render` is called, and each
    page's key digests what it shows. `entity_index` (serve keeps one) merges again only the entity
    pages whose parts changed since its last use. `spill`: where the parts' pieces are (`spilled`
    parts; the entity index must read from it too)."""
    config = renderer.config
    items = [Listed(a, meta.summary(a), _covers(p.entities)) for a, p in zip(articles, parts)]
    listed = [p.listed_key for p in parts]
    all_listed = "".join(listed)
    feed = [replace(item, article=with_body(item.article)) for item in items[:config.feed_size]]  # its content
    newest = articles[0].date.isoformat() if articles else "1970-01-01"
    if entity_index is None:  # spilled parts hold references, which the index reads from `spill`
        entity_index = (EntityIndex(renderer.markdown, spill.joined) if spill  # type: ignore[arg-type]
                        else EntityIndex(renderer.markdown))
    entities = entity_index.update([p.entities for p in parts])
    timeline, year_pages = _timeline_pages(renderer, parts, entities, spill.lines if spill else _as_they_are)
    pages = [
        SitePage("index.html", _key(all_listed, [item.listed_key() for item in items]),
                 lambda: renderer.page("index.html", items=items, page_url="")),
        SitePage("404.html", _key(), lambda: renderer.page("404.html", page_url="404.html")),
        SitePage("feed.xml", _key("".join(listed[:config.feed_size]), newest, [(i.summary, i.article.body) for i in feed]),
                 lambda: renderer.page("feed.xml", items=feed, updated=newest,
                                       content=lambda article: render(renderer.md, article.body, []).html)),
        SitePage("sitemap.xml", _key(all_listed, "\n".join(p.id for p in entities), year_pages),
                 lambda: renderer.page("sitemap.xml", items=items, entities=entities, timeline_years=year_pages)),
        *timeline,
        SitePage("entities/index.html", _key("\n".join([f"{p.id}\t{p.name}\t{p.type}\t{p.mention_count}\t{p.article_count}"
                                                      for p in entities])),
                 lambda: renderer.page("entities.html", groups=entities_by_type(entities), count=len(entities),
                                       list_items=renderer.list_items, page_url="entities/")),
        SitePage(".nojekyll", _key(), lambda: ""),
    ]
    for page in entities:
        pages.append(SitePage(f"{page.path}index.html", page.inputs_key(),
                              partial(renderer.page, "entity.html", entity=page, page_url=page.path)))
    return pages


def _timeline_pages(renderer: Renderer, parts: list[ArticleParts], entities: list[EntityPage],
                    lines: Callable[[list], list[bytes]]) -> tuple[list[SitePage], list[str]]:
    """The site timeline: one page of every entry, or (above `timeline_page_size` entries) an index
    of the years and a page per year; also the years that have a page. Entries of several articles
    telling the same event are one entry. Sets each entity page's timeline links. `lines`: entries'
    HTML from their pieces, to be joined by line breaks."""
    merged = merged_events(chain.from_iterable([p.events for p in parts]))
    years = _merged_years(parts, merged)
    total = sum(summary.entry_count for summary in years.values())
    paged = total > renderer.config.timeline_page_size
    _link_timeline_years(entities, years, paged)
    position = {p.id: i for i, p in enumerate(entities)}
    labels = [f"{p.id}\t{p.name}\t{p.type}" for p in entities]

    folded = {e.key for group in merged.values() for e in group[1:]}

    def entries(events: list[EventPart]) -> list[bytes]:
        """The entries' HTML in order, an entry merged from several articles' made here."""
        found: list[bytes] = []
        run: list = []  # the entries' pieces up to the next merged one: read in one go
        for e in events:
            group = merged.get(e.key)
            if group is None:
                run.append(e.html)
                continue
            found += lines(run)
            run = []
            found.append(_merged_entry(renderer, group, entities, position, lines))
        return found + lines(run)

    def year_page(year: str | None, key: str, entity_ids: Iterable[str], **context) -> SitePage:
        """The page of `year`'s entries, or (None) of every entry; its filter offers `entity_ids`."""
        rel = f"timeline/{year}/index.html" if year else "timeline/index.html"
        offered = sorted([position[i] for i in entity_ids if i in position])

        def render() -> bytes:
            found = chain.from_iterable([p.events for p in parts])
            events = sorted([e for e in found if (e.year == year or not year) and e.key not in folded],
                            key=attrgetter("key"))
            return renderer.page_around(
                "timeline_year.html" if year else "timeline.html", "entries_html", entries(events),
                year=year, count=len(events),
                page_url=rel.removesuffix("index.html"), **context,
                filter_options=Markup("\n".join([renderer.option(entities[i]) for i in offered])))
        return SitePage(rel, _key(key, repr(context), "\n".join([labels[i] for i in offered])), render)

    if not paged:
        return [year_page(None, "".join(summary.key for summary in years.values()),
                     frozenset().union(*[summary.entity_ids for summary in years.values()]), paged=False)], []
    counts = [(year, summary.entry_count) for year, summary in years.items()]
    ordered = list(years)
    pages = [SitePage("timeline/index.html", _key(counts), lambda: renderer.page(
        "timeline.html", years=counts, count=total, paged=True, page_url="timeline/"))]
    pages += [year_page(y, years[y].key, years[y].entity_ids, before=ordered[i - 1] if i else None,
                   after=ordered[i + 1] if i + 1 < len(ordered) else None) for i, y in enumerate(ordered)]
    return pages, ordered


def _merged_years(parts: list[ArticleParts], merged: dict) -> dict[str, TimelineYear]:
    """Each year's entries in short, the entries folded into another article's entry of the same
    event left out of its count."""
    left_out: dict[str, int] = {}
    for group in merged.values():
        left_out[group[0].year] = left_out.get(group[0].year, 0) + len(group) - 1
    return {year: summary._replace(entry_count=summary.entry_count - left_out.get(year, 0))
            for year, summary in _timeline_years(parts).items()}


def _link_timeline_years(entities: list[EntityPage], years: dict[str, TimelineYear], paged: bool) -> None:
    """Each entity page's links to the timeline: the years naming it (when the timeline is paged)."""
    named_in: dict[str, list[str]] = {}  # entity id → the years naming it, in order
    for year, summary in years.items():
        for entity_id in summary.entity_ids:
            named_in.setdefault(entity_id, []).append(year)
    for page in entities:
        page.timeline_years = named_in.get(page.id, [])
        page.timeline_paged = paged


def _merged_entry(renderer: Renderer, group: list[EventPart], entities: list[EntityPage],
                  position: dict[str, int], lines: Callable[[list], list[bytes]]) -> bytes:
    """One entry for an event several articles tell: the first one's date and phrase, every article's
    link, the entities any of them names."""
    ids = list(dict.fromkeys(i for e in group for i in e.entities))
    named = sorted([(entities[position[i]].name, i) for i in ids if i in position])
    first = group[0]
    return renderer.event_entry(first.key, first.role, first.phrase, ids, renderer.chips([(i, n) for n, i in named]),
                                b"\n".join(lines([e.source for e in group])).decode("utf-8"),
                                len(group)).encode("utf-8")


def _timeline_years(parts: list[ArticleParts]) -> dict[str, TimelineYear]:
    """Each year of the site timeline, in order, summed over every article (its key digests every
    article's entries of the year, in article order)."""
    found: dict[str, list[TimelineYear]] = {}
    for p in parts:
        for year, part in p.years.items():
            found.setdefault(year, []).append(part)
    return {year: TimelineYear(_key("".join([t.key for t in found[year]])), sum([t.entry_count for t in found[year]]),
                               frozenset().union(*[t.entity_ids for t in found[year]])) for year in sorted(found)}


def _as_they_are(pieces: list) -> list:
    """Pieces that are HTML already (parts not spilled)."""
    return pieces
