"""Timelines: an article's dated events, and every article's events merged, in date order.

Events sort by their earliest possible date ("2023" ≈ 2023-01-01), a coarser date before a finer one on
the same start (2023 < 2023-01 < 2023-01-01), then by article and reading order: a stable, deterministic
order that never depends on dict or set iteration.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from annotator import Event

from .model import AnnotatedArticle
from .notes import PRECISION_LABELS, datetime_attr, format_date


def date_key(date: str) -> tuple[int, int, int]:
    """'2023' → (2023, 0, 0), '2023-05' → (2023, 5, 0), '2023-05-04' → (2023, 5, 4)."""
    parts = [int(p) for p in date.split("-")[:3] if p.isdigit()]
    return tuple((parts + [0, 0, 0])[:3])  # type: ignore[return-value]


def sort_text(key: tuple) -> str:
    """A TimelineEntry sort key as one string that sorts the same way: the site timeline sorts tens
    of thousands of entries, and strings compare ten times faster than nested tuples."""
    (y, m, d), neg_ordinal, slug, start = key
    return f"{min(y, 9999):04d}{m:02d}{d:02d}{10**7 + neg_ordinal:07d}{slug}\0{start:09d}"


@dataclass
class TimelineEntry:
    event: Event
    article: "AnnotatedArticle"
    note_id: str | None  # the date's mark in the article text (None when it could not be marked)
    entities: list[tuple[str, str]] = field(default_factory=list)  # (id, name) named in the sentence

    @property
    def datetime(self) -> str:
        return datetime_attr(self.event.date, self.event.precision)

    @property
    def label(self) -> str:
        return format_date(self.event.date, self.event.precision)

    @property
    def precision_label(self) -> str:
        return PRECISION_LABELS[self.event.precision]

    @property
    def year(self) -> str:
        return self.event.date[:4]

    @property
    def entity_ids(self) -> str:
        return " ".join(i for i, _ in self.entities)

    def __post_init__(self) -> None:
        self._key = (date_key(self.event.date), -self.article.article.date.toordinal(), self.article.article.slug,
                     self.event.start)

    def sort_key(self) -> tuple:
        return self._key

    def sort_text(self) -> str:
        return sort_text(self._key)


def _sentence_span(body: str, event: Event) -> tuple[int, int] | None:
    """Where the event's sentence sits in the body (the one that contains the event)."""
    sentence = event.sentence
    if not sentence:
        return None
    pos = body.find(sentence, max(0, event.end - len(sentence)))
    if pos != -1 and pos <= event.start and event.end <= pos + len(sentence):
        return pos, pos + len(sentence)
    return None


def event_entities(item: "AnnotatedArticle", event: Event,
                   mentions: list[tuple[int, int, str, str]] | None = None) -> list[tuple[str, str]]:
    """Entities mentioned in the event's sentence, by name; `mentions` is the article's
    (start, end, id, name) list sorted by start (made here when not given)."""
    if mentions is None:
        mentions = _mentions(item)
    span = _sentence_span(item.article.body, event)
    found: dict[str, str] = {}
    if span:
        i = bisect.bisect_left(mentions, (span[0],))
        while i < len(mentions) and mentions[i][0] < span[1]:
            start, end, entity_id, name = mentions[i]
            if end <= span[1]:
                found[entity_id] = name
            i += 1
    else:
        for _, _, entity_id, name in mentions:
            if entity_id not in found and name in event.sentence:
                found[entity_id] = name
    return sorted(found.items(), key=lambda kv: (kv[1], kv[0]))


def _mentions(item: "AnnotatedArticle") -> list[tuple[int, int, str, str]]:
    return sorted((m.start, m.end, e.id, e.name) for e in item.annotation.entities for m in e.mentions)


def article_timeline(item: "AnnotatedArticle") -> list[TimelineEntry]:
    """The article's events in date order (not reading order)."""
    ids = item.note_ids
    mentions = _mentions(item) if item.annotation.events else []
    entries = [TimelineEntry(e, item, ids.get(("date", e.start, e.end)), event_entities(item, e, mentions))
               for e in item.annotation.events]
    return sorted(entries, key=TimelineEntry.sort_key)
