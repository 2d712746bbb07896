"""From an article's annotation to what readers see: one note per entity, per figure and per quote.

Every mention of an item is a mark that opens the item's one note; dates are marks without a note
(the timeline lists them). This is the only place that turns the annotation model into reader-facing
wording; templates decide the markup. A note whose card holds links (an entity's page, a speaker's
page) is shown with the disclosure pattern (a button with aria-expanded); every other note is a plain
tooltip.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from annotator import Annotation, Figure

from .figure_view import figure_card
from .render import Mark
from .slugs import entity_slug  # readable entity URLs: see pizhu/slugs.py

KIND_LABELS = {"entity": "实体", "figure": "数字", "quote": "引语", "date": "日期"}
ENTITY_TYPE_LABELS = {"person": "人物", "org": "机构", "product": "产品", "place": "地点"}
ENTITY_TYPE_ORDER = ("person", "org", "product", "place")
PRECISION_FORMATS = {"year": "{y}年", "month": "{y}年{m}月", "day": "{y}年{m}月{d}日"}
PRECISION_LABELS = {"year": "年", "month": "月", "day": "日"}


@dataclass
class Detail:
    label: str
    value: str
    path: str | None = None  # site-relative link target (templates pass it through url())


@dataclass
class Note:
    """One item's note. Its id (n5) is its note's HTML id: the endnote's, or a figure's sidebar row's.
    Its mentions' ids are `mark_id`s (n5, n5-2 …), whose HTML ids are their `anchor`s (r5, r5-2 …).
    Dates have no endnote (kind "date")."""
    id: str
    kind: str  # entity | figure | quote | date
    text: str  # the first mention's text as written
    spans: list[tuple[int, int]]  # every mention's (start, end), in reading order
    title: str  # first line of the note
    details: list[Detail] = field(default_factory=list)
    body_html: str | None = None  # rendered glossary note (entities)
    description: str | None = None  # who or what it is, as the article says (entities, quotes' speakers)
    entity_id: str | None = None  # the entity this note is about or spoken by
    links: list[Detail] = field(default_factory=list)  # links shown at the foot of the note
    href: str | None = None  # site path the title's name links to: the entity's page (a quote's speaker's)
    name: str = ""  # the part of the title that links to `href` (an entity's or speaker's name); the rest is `said`
    said: str = ""  # 说, （转述）: how the named speaker said it
    data: dict = field(default_factory=dict)  # the annotation item itself (the first, for figures)

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[0][1]

    def mark_id(self, index: int) -> str:
        """The id of mention number `index` (0: the first; its HTML id is `anchor(mark_id)`)."""
        return self.id if index == 0 else f"{self.id}-{index + 1}"

    @property
    def marks(self) -> list[Mark]:
        """One mark per mention, all of this item (`Mark.item`); a quote may hold the others' marks."""
        layer = 0 if self.kind == "quote" else 1
        return [Mark(start, end, self.mark_id(i), self.kind, layer, self.id) for i, (start, end) in enumerate(self.spans)]

    @property
    def num(self) -> int:
        """The endnote's number (n12 → 12)."""
        return int(self.id[1:]) if self.id[1:].isdigit() else 0

    @property
    def kind_label(self) -> str:
        """The badge: an entity's type (人物, 机构 …), else the kind of note."""
        if self.kind == "entity":
            return ENTITY_TYPE_LABELS.get(self.data["type"], KIND_LABELS["entity"])
        return KIND_LABELS[self.kind]

    @property
    def pattern(self) -> str:
        """'disclosure' when the note holds a link (APG: no links inside role=tooltip), else 'tooltip'."""
        return "disclosure" if self.href or self.links or any(d.path for d in self.details) else "tooltip"


def anchor(mark_id: str) -> str:
    """A mention's HTML id, short because a page has hundreds: r5 and r5-2 for note n5's first and
    second mentions (the note itself is #n5), rt3 for the date t3."""
    return "r" + mark_id.removeprefix("n")


def entity_path(entity_id: str) -> str:
    return f"entities/{entity_slug(entity_id)}/"


def format_date(date: str, precision: str) -> str:
    """2023-01 at month precision → 2023年1月; never invents a finer date than the annotator gave."""
    parts = date.split("-")
    y, m, d = (parts + ["", ""])[:3]
    return PRECISION_FORMATS[precision].format(y=y, m=m.lstrip("0"), d=d.lstrip("0"))


def datetime_attr(date: str, precision: str) -> str:
    """The <time datetime> value at exactly the annotator's precision: 2023, 2023-01 or 2023-01-05."""
    parts = date.split("-")
    return "-".join(parts[:{"year": 1, "month": 2, "day": 3}[precision]])


def build_notes(annotation: Annotation, render_inline=lambda md: md) -> list[Note]:
    """Every note of an article, in the reading order of its first mention: endnotes n1, n2 … (entities,
    figures, quotes), then the dates t1, t2 …; ids are stable for the same annotation."""
    entities = {e.id: e for e in annotation.entities}
    names = {e.id: e.name for e in annotation.entities}
    notes = [_entity_note(e, render_inline) for e in annotation.entities if e.mentions]
    notes += [_figure_note(same, names) for same in _same_figures(annotation.figures)]
    notes += [_quote_note(q, entities) for q in annotation.quotes]
    notes.sort(key=lambda n: (n.start, -n.end, n.kind, n.text))
    dates = sorted((_date_note(e) for e in annotation.events), key=lambda n: (n.start, n.end))
    for prefix, numbered in (("n", notes), ("t", dates)):
        for i, note in enumerate(numbered, 1):
            note.id = f"{prefix}{i}"
    return notes + dates


def _entity_note(entity, render_inline) -> Note:
    """Who or what it is (the glossary's note, else what the article says), its name linked to its
    page, which lists where else on the site it appears (how often it is named here: its endnote's links
    back to the text)."""
    spans = sorted((m.start, m.end) for m in entity.mentions)
    first = min(entity.mentions, key=lambda m: (m.start, m.end))
    details = [Detail("别名", "、".join(entity.aliases))] if entity.aliases else []
    return Note("", "entity", first.text, spans, entity.name, details,
                render_inline(entity.note) if entity.note else None,
                None if entity.note else entity.description, entity.id, href=entity_path(entity.id),
                name=entity.name, data={"type": entity.type, "mentions": len(spans), "name": entity.name,
                                        "link": entity.link})


def _same_figures(figures: list[Figure]) -> list[list[Figure]]:
    """Figures grouped as one number: the same kind, value, range, unit, entity and label."""
    groups: dict[tuple, list[Figure]] = {}
    for f in figures:
        key = (f.kind, f.value, f.value_max, f.unit, f.entity, f.label)
        groups.setdefault(key, []).append(f)
    return list(groups.values())


def _figure_note(same: list[Figure], entity_names: dict[str, str]) -> Note:
    first = min(same, key=lambda f: (f.start, f.end))
    title, rows = figure_card(first, entity_names)
    details = [Detail(*row) for row in rows]
    return Note("", "figure", first.text, sorted((f.start, f.end) for f in same), title, details,
                entity_id=first.entity if first.entity in entity_names else None, data=_plain(first))


def _quote_note(quote, entities: dict) -> Note:
    """Who said it and how (the title, its name linked to the speaker's page) and what the article
    says they are; nothing else repeats the title."""
    # No speaker found: say so, rather than guess one (the annotator leaves it None on purpose).
    speaker = entities.get(quote.speaker_entity or "")
    said_by = speaker.name if speaker else quote.speaker
    title = (f"{said_by}{'说' if quote.direct else '（转述）'}" if said_by
             else f"{'引语' if quote.direct else '转述'}（说话人未注明）")
    note = Note("", "quote", quote.text, [(quote.start, quote.end)], title,
                description=speaker.description if speaker else None,
                entity_id=speaker.id if speaker else None, data=_plain(quote))
    if speaker:
        note.href, note.name, note.said = entity_path(speaker.id), speaker.name, title[len(speaker.name):]
    return note


def _date_note(event) -> Note:
    """A date's mark: no endnote, only its <time> value (the timeline links back to it)."""
    return Note("", "date", event.text, [(event.start, event.end)], format_date(event.date, event.precision),
                data={**_plain(event), "datetime": datetime_attr(event.date, event.precision)})


def _plain(item) -> dict:
    return dict(vars(item))
