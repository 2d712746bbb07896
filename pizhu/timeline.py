"""Timelines: an article's events, and every article's events merged, in date order.

An entry is a sentence that dates something: its date is the most precise one the sentence states, left
out are dates that are no time something happened (the annotator's `reference` role: 较2022年,
2023年Q1财报). An entry shows the annotator's event phrase (who did what), or its sentence cut short.
On the site timeline, entries of several articles telling the same event are one entry (`same_event`).

Events sort by their earliest possible date ("2023" ≈ 2023-01-01), a coarser date before a finer one on
the same start (2023 < 2023-01 < 2023-01-01), then by article and reading order: a stable, deterministic
order that never depends on dict or set iteration.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Iterable, NamedTuple

from annotator import Event

from .model import AnnotatedArticle, EventPart
from .notes import datetime_attr, format_date

FORECAST_BADGE = "预计"  # the words that mark a forecast (never colour alone)
SUMMARY_MAX = 40  # characters of a sentence shown when the annotator gave no phrase
SIMILAR = 0.7  # Dice coefficient of two phrases' character pairs above which they tell one event
_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def date_key(date: str) -> tuple[int, int, int]:
    """'2023' → (2023, 0, 0), '2023-05' → (2023, 5, 0), '2023-05-04' → (2023, 5, 4)."""
    parts = [int(p) for p in date.split("-")[:3] if p.isdigit()]
    return tuple((parts + [0, 0, 0])[:3])  # type: ignore[return-value]


def sort_text(key: tuple) -> str:
    """A TimelineEntry sort key as one string that sorts the same way: the site timeline sorts tens
    of thousands of entries, and strings compare ten times faster than nested tuples. Its first 8
    characters are the date at its precision (20230500 is May 2023), the article's slug follows
    character 15, up to a NUL."""
    (y, m, d), neg_ordinal, slug, start = key
    return f"{min(y, 9999):04d}{m:02d}{d:02d}{10**7 + neg_ordinal:07d}{slug}\0{start:09d}"


def date_of(text: str) -> tuple[str, str]:
    """The (date, precision) a sort text starts with: '20230500…' → ('2023-05', 'month')."""
    y, m, d = text[:4], text[4:6], text[6:8]
    if m == "00":
        return y, "year"
    return (f"{y}-{m}", "month") if d == "00" else (f"{y}-{m}-{d}", "day")


def slug_of(text: str) -> str:
    """The article a sort text belongs to."""
    return text[15:text.index("\0")]


@dataclass
class TimelineEntry:
    event: Event  # the sentence's date (the most precise it states)
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
    def badge(self) -> str:
        """"预计" for a forecast, "" for an event."""
        return FORECAST_BADGE if self.event.role == "forecast" else ""

    @property
    def phrase(self) -> str:
        """What happened: the annotator's phrase, or the sentence cut short."""
        if self.event.phrase:
            return self.event.phrase
        sentence = self.event.sentence.lstrip("#> ").strip()
        return sentence if len(sentence) <= SUMMARY_MAX else sentence[:SUMMARY_MAX - 1] + "…"

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


def sentence_events(events: list[Event]) -> list[Event]:
    """One event per sentence that dates something, in reading order: the sentence's most precise date
    (the first of equals), references left out."""
    chosen: list[Event] = []
    sentence_of_last = None
    for event in events:
        if event.role == "reference":
            continue
        if chosen and event.sentence == sentence_of_last and event.start >= chosen[-1].start:
            if _PRECISION_RANK[event.precision] > _PRECISION_RANK[chosen[-1].precision]:
                chosen[-1] = event
            continue
        chosen.append(event)
        sentence_of_last = event.sentence
    return chosen


def article_timeline(item: "AnnotatedArticle") -> list[TimelineEntry]:
    """The article's entries in date order (not reading order): one per sentence that dates an event."""
    ids = item.note_ids
    events = sentence_events(item.annotation.events)
    mentions = _mentions(item) if events else []
    entries = [TimelineEntry(e, item, ids.get(("date", e.start, e.end)), event_entities(item, e, mentions))
               for e in events]
    return sorted(entries, key=TimelineEntry.sort_key)


class _Told(NamedTuple):
    """An entry as `same_event` compares it, worked out once."""
    event: EventPart
    entities: frozenset[str]
    numbers: frozenset[str]
    pairs: frozenset[str]  # adjacent character pairs of its phrase


def _told(e: EventPart) -> _Told:
    return _Told(e, frozenset(e.entities), frozenset(_NUMBER.findall(e.phrase)), _pairs(e.phrase))


def _pairs(text: str) -> frozenset[str]:
    return frozenset([text[i:i + 2] for i in range(len(text) - 1)])


def same_event(a: EventPart, b: EventPart) -> bool:
    """Do two entries tell one event: the same date at the same precision and role, entities that
    agree (one entry's sentence names no entity the other's does not: a second article tells the
    event with fewer names, never with other ones), phrases alike (character pairs, Dice ≥ SIMILAR)
    and no differing numbers?"""
    return _alike(_told(a), _told(b))


def _alike(a: _Told, b: _Told) -> bool:
    ea, eb = a.event, b.event
    if ea.key[:8] != eb.key[:8] or ea.role != eb.role or not ea.phrase or not eb.phrase:
        return False
    fewer, more = sorted((a.entities, b.entities), key=len)
    if not fewer <= more:
        return False
    if a.numbers and b.numbers and a.numbers != b.numbers:
        return False
    if not a.pairs or not b.pairs:
        return ea.phrase == eb.phrase
    return 2 * len(a.pairs & b.pairs) / (len(a.pairs) + len(b.pairs)) >= SIMILAR


def similarity(a: str, b: str) -> float:
    """Dice coefficient of the two texts' sets of adjacent character pairs (1.0: the same pairs)."""
    pairs_a = {a[i:i + 2] for i in range(len(a) - 1)}
    pairs_b = {b[i:i + 2] for i in range(len(b) - 1)}
    if not pairs_a or not pairs_b:
        return float(a == b)
    return 2 * len(pairs_a & pairs_b) / (len(pairs_a) + len(pairs_b))


def merged_events(events: Iterable[EventPart]) -> dict[str, list[EventPart]]:
    """Entries of different articles that tell the same event, grouped: the key of the group's first
    entry (the one the timeline lists) → the group, in timeline order. Entries alone are left out.
    Only entries dated to the month or the day are merged: a year is too coarse to say that two
    sentences tell one event, and a site's entries at one year are thousands (comparing each with
    each made an edit in `serve` take seconds)."""
    by_date: dict[str, list[EventPart]] = {}
    for e in events:
        if e.phrase and e.key[4:6] != "00":
            by_date.setdefault(e.key[:8], []).append(e)
    groups: dict[str, list[EventPart]] = {}
    for told in by_date.values():
        if len(told) > 1:
            groups.update({c[0].key: c for c in _clusters(told) if len(c) > 1})
    return groups


def _clusters(told: list[EventPart]) -> list[list[EventPart]]:
    """Entries of one date in clusters, in timeline order: each joins the first cluster whose first
    entry tells the same event (and has no entry of its article yet). A day of a large archive has
    thousands of entries: each is compared only with the clusters that share one of the rarest
    character pairs of its phrase (prefix filtering: two phrases with Dice ≥ SIMILAR share more than
    SIMILAR / (2 - SIMILAR) of either one's pairs, so they share one among the rarest of each), which
    finds the same clusters as comparing with every one."""
    features = [_told(e) for e in sorted(told, key=lambda t: t.key)]
    count: dict[str, int] = {}
    for f in features:
        for pair in f.pairs:
            count[pair] = count.get(pair, 0) + 1
    clusters: list[list[EventPart]] = []
    heads: list[_Told] = []
    by_pair: dict[str, list[int]] = {}  # a character pair → clusters whose first entry has it among its rarest
    by_numbers_pair: dict[tuple[frozenset[str], str], list[int]] = {}  # the same, by that entry's numbers too
    by_phrase: dict[str, list[int]] = {}  # clusters whose first entry's phrase has no pair (one character)
    none: frozenset[str] = frozenset()
    for f in features:
        rarest = sorted(f.pairs, key=lambda pair: (count[pair], pair))
        rarest = rarest[:len(rarest) - max(1, int(len(rarest) * SIMILAR / (2 - SIMILAR))) + 1]
        if not rarest:
            found: Iterable[int] = by_phrase.get(f.event.phrase, ())
        elif f.numbers:  # differing numbers are two events: clusters with the same numbers, or none
            found = set().union(*[by_numbers_pair.get((numbers, pair), ()) for pair in rarest
                                  for numbers in (f.numbers, none)])
        else:
            found = set().union(*[by_pair.get(pair, ()) for pair in rarest])
        slug = slug_of(f.event.key)
        home = next((i for i in sorted(found) if _alike(heads[i], f)
                     and all(slug_of(m.key) != slug for m in clusters[i])), None)
        if home is not None:
            clusters[home].append(f.event)
            continue
        for pair in rarest:
            by_pair.setdefault(pair, []).append(len(clusters))
            by_numbers_pair.setdefault((f.numbers, pair), []).append(len(clusters))
        if not rarest:
            by_phrase.setdefault(f.event.phrase, []).append(len(clusters))
        clusters.append([f.event])
        heads.append(f)
    return clusters
