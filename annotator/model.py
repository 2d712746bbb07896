"""The annotation model: what the annotator finds in an article's text.

Offsets are code-point offsets into the text given to `annotate` (for an article, the Markdown body
after the front matter), end exclusive, so ``text[start:end] == mention.text`` always holds.
`Annotation.to_dict()` gives the one JSON shape documented in README.md ("Annotation JSON").
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

EntityType = Literal["person", "org", "product", "place"]
FigureKind = Literal["money", "percent", "quantity"]
Qualifier = Literal["approx", "min", "max"]
Precision = Literal["year", "month", "day"]
# event: something happened then; forecast: it lies ahead (预计, 将, a date after the article's);
# reference: a comparison (较2022年), a report's name (2023年Q1财报), a range's end, a start of a duration
EventRole = Literal["event", "forecast", "reference"]


@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass
class Entity:
    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    note: str | None = None  # Markdown, from the glossary
    link: str | None = None  # from the glossary
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 1.0  # in [0, 1]: how likely the mark is right (name and type)
    description: str | None = None  # who or what it is, as the article says (微软CFO, 研究机构), if it does


@dataclass
class Figure:
    text: str
    start: int
    end: int
    kind: FigureKind
    value: float
    unit: str | None  # ISO 4217 code for money, "%" / "‰" / "pp" for percent, counted noun for quantity
    qualifier: Qualifier | None = None
    value_max: float | None = None  # set for ranges (3至5亿元)
    entity: str | None = None  # id of the entity the figure is about
    confidence: float = 1.0  # in [0, 1]: how likely the figure and its value are right
    label: str | None = None  # what it measures, from its clause (亏损, 营收, 融资额); None when unsure
    period: str | None = None  # the period the sentence gives for it, as written (2022年, 去年全年)


@dataclass
class Quote:
    text: str
    start: int
    end: int
    direct: bool  # True for a quotation in marks, False for reported speech
    speaker: str | None
    speaker_entity: str | None = None
    confidence: float = 1.0  # in [0, 1]: how likely the quote and its speaker are right


@dataclass
class Event:
    text: str  # the date as written
    start: int
    end: int
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD, as precision says
    precision: Precision
    sentence: str
    confidence: float = 1.0  # in [0, 1]: how likely the date and its resolution are right
    role: EventRole = "event"  # forecast: the sentence puts it ahead; reference: not when something happened
    phrase: str | None = None  # what happened then, in a few words from the date's clause (None: no clean phrase)


@dataclass
class ArticleInfo:
    path: str | None
    title: str | None
    date: str
    lang: str = "zh"


@dataclass
class Annotation:
    article: ArticleInfo
    entities: list[Entity] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape: what `dataclasses.asdict` gives, built directly (asdict deep-copies
        field by field, and builds serialise a thousand annotations)."""
        return {
            "article": dict(vars(self.article)),
            "entities": [{**vars(e), "aliases": list(e.aliases), "mentions": [dict(vars(m)) for m in e.mentions]}
                         for e in self.entities],
            "figures": [dict(vars(f)) for f in self.figures],
            "quotes": [dict(vars(q)) for q in self.quotes],
            "events": [dict(vars(e)) for e in self.events],
        }

    def confident(self, threshold: float) -> "Annotation":
        """The marks whose confidence is at least `threshold`: what a site shows its readers. Links to an
        entity left out are cut too, so no figure or quote points at a mark the page does not have."""
        if threshold <= 0:
            return self
        entities = [e for e in self.entities if e.confidence >= threshold]
        kept = {e.id for e in entities}
        figures = [f if f.entity in kept or f.entity is None else replace(f, entity=None)
                   for f in self.figures if f.confidence >= threshold]
        quotes = [q if q.speaker_entity in kept or q.speaker_entity is None else replace(q, speaker_entity=None)
                  for q in self.quotes if q.confidence >= threshold]
        events = [e for e in self.events if e.confidence >= threshold]
        return Annotation(self.article, entities, figures, quotes, events)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Annotation":
        """Inverse of to_dict (used by the build cache)."""
        entities = [Entity(**{**e, "mentions": [Mention(**m) for m in e["mentions"]]}) for e in data["entities"]]
        return cls(
            article=ArticleInfo(**data["article"]),
            entities=entities,
            figures=[Figure(**f) for f in data["figures"]],
            quotes=[Quote(**q) for q in data["quotes"]],
            events=[Event(**e) for e in data["events"]],
        )
