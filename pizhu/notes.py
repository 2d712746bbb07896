"""From an article's annotation to what readers see: one note per marked span.

This is the only place that turns the annotation model into reader-facing wording; templates
decide the markup. A note whose card holds links (an entity's page, a speaker's page) is shown with
the disclosure pattern (a button with aria-expanded); every other note is a plain tooltip.
"""
from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field

from annotator import Annotation

from .render import Mark
from .figure_view import figure_card

KIND_LABELS = {"entity": "实体", "figure": "数字", "quote": "引语", "date": "日期"}
ENTITY_TYPE_LABELS = {"person": "人物", "org": "机构", "product": "产品", "place": "地点"}
ENTITY_TYPE_ORDER = ("person", "org", "product", "place")
PRECISION_FORMATS = {"year": "{y}年", "month": "{y}年{m}月", "day": "{y}年{m}月{d}日"}
PRECISION_LABELS = {"year": "年", "month": "月", "day": "日"}
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass
class Detail:
    label: str
    value: str
    path: str | None = None  # site-relative link target (templates pass it through url())


@dataclass
class Note:
    id: str  # HTML id stem: the mark is #ref-<id>, the note #note-<id>
    kind: str  # entity | figure | quote | date
    text: str  # the marked text as written
    start: int
    end: int
    title: str  # first line of the note
    details: list[Detail] = field(default_factory=list)
    body_html: str | None = None  # rendered glossary note (entities)
    description: str | None = None  # plain description when there is no glossary note
    entity_id: str | None = None  # the entity this note is about or spoken by
    links: list[Detail] = field(default_factory=list)  # links shown at the foot of the note
    card: str = ""  # id of the note whose endnote holds this note's full card ("" = its own)
    data: dict = field(default_factory=dict)  # the annotation item itself, for templates

    @property
    def mark(self) -> Mark:
        return Mark(self.start, self.end, self.id, self.kind, layer=0 if self.kind == "quote" else 1)

    @property
    def num(self) -> int:
        """The endnote's number (n12 → 12)."""
        return int(self.id[1:]) if self.id[1:].isdigit() else 0

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def pattern(self) -> str:
        """'disclosure' when the note holds a link (APG: no links inside role=tooltip), else 'tooltip'."""
        return "disclosure" if self.links or any(d.path for d in self.details) else "tooltip"

    @property
    def label(self) -> str:
        """The trigger's accessible name where its text alone would not do (the quote marker)."""
        if self.kind == "quote":
            return f"引语注释：{self.title}"
        return self.text


@functools.lru_cache(maxsize=65536)
def entity_slug(entity_id: str) -> str:
    """The entity page's folder name: the id when it is URL-safe (ids are slugs), else a stable hash."""
    if _SAFE_ID.match(entity_id):
        return entity_id
    return "e" + hashlib.sha1(entity_id.encode("utf-8")).hexdigest()[:10]


@functools.lru_cache(maxsize=65536)
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
    """Every note of an article in reading order; ids are stable for the same annotation."""
    entity_names = {e.id: e.name for e in annotation.entities}
    notes: list[Note] = []
    for entity in annotation.entities:
        label = ENTITY_TYPE_LABELS.get(entity.type, entity.type)
        body_html = render_inline(entity.note) if entity.note else None
        count = len(entity.mentions)
        description = None if body_html else f"{entity.name}：文中提到的{label}，尚无词条说明。"
        details = [Detail("类型", label)]
        if entity.aliases:
            details.append(Detail("别名", "、".join(entity.aliases)))
        details.append(Detail("本文提及", f"{count} 次"))
        links = [Detail("实体页", f"查看“{entity.name}”的全部提及", entity_path(entity.id))]
        data = {"type": entity.type, "mentions": count, "name": entity.name, "link": entity.link}
        for mention in entity.mentions:
            notes.append(Note("", "entity", mention.text, mention.start, mention.end, entity.name,
                              details, body_html, description, entity.id, links, data=data))
    for figure in annotation.figures:
        title, rows = figure_card(figure, entity_names)
        notes.append(Note("", "figure", figure.text, figure.start, figure.end, title, [Detail(*r) for r in rows],
                          entity_id=figure.entity if figure.entity in entity_names else None, data=_plain(figure)))
    for quote in annotation.quotes:
        # No speaker found: say so, rather than guess one (the annotator leaves it None on purpose).
        speaker = quote.speaker or "未注明"
        speaker_path = entity_path(quote.speaker_entity) if quote.speaker_entity in entity_names else None
        details = [Detail("说话人", entity_names.get(quote.speaker_entity or "", speaker), speaker_path),
                   Detail("类型", "直接引语" if quote.direct else "转述")]
        title = (f"{speaker}{'说' if quote.direct else '（转述）'}" if quote.speaker
                 else f"{'引语' if quote.direct else '转述'}（说话人未注明）")
        notes.append(Note("", "quote", quote.text, quote.start, quote.end, title, details,
                          entity_id=quote.speaker_entity if speaker_path else None, data=_plain(quote)))
    for event in annotation.events:
        notes.append(Note("", "date", event.text, event.start, event.end, format_date(event.date, event.precision),
                          [Detail("原文", event.text), Detail("精度", f"精确到{PRECISION_LABELS[event.precision]}")],
                          data={**_plain(event), "datetime": datetime_attr(event.date, event.precision)}))
    notes.sort(key=lambda n: (n.start, -n.end, n.kind, n.text))
    first_of: dict[str, str] = {}
    for i, note in enumerate(notes, 1):
        note.id = f"n{i}"
        if note.kind == "entity":  # later mentions reuse the first mention's card (one copy per page)
            note.card = first_of.setdefault(note.entity_id or "", note.id)
            if note.card == note.id:
                note.card = ""
    return notes


def _plain(item) -> dict:
    return dict(vars(item))
