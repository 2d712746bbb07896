"""From an article's annotation to what readers see: one note per marked span.

This is the only place that turns the annotation model into reader-facing wording; templates
decide the markup.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from annotator import Annotation

from .render import Mark
from .units import describe_figure

KIND_LABELS = {"entity": "实体", "figure": "数字", "quote": "引语", "date": "日期"}
ENTITY_TYPE_LABELS = {"person": "人物", "org": "机构", "product": "产品", "place": "地点"}
PRECISION_FORMATS = {"year": "{y}年", "month": "{y}年{m}月", "day": "{y}年{m}月{d}日"}


@dataclass
class Note:
    id: str  # HTML id stem: the mark is #ref-<id>, the note #note-<id>
    kind: str  # entity | figure | quote | date
    text: str  # the marked text as written
    start: int
    end: int
    title: str  # first line of the note
    details: list[tuple[str, str]] = field(default_factory=list)  # (label, value) lines
    body_html: str | None = None  # rendered glossary note (entities)
    entity_id: str | None = None  # the entity this note is about or spoken by
    data: dict = field(default_factory=dict)  # the annotation item itself, for templates

    @property
    def mark(self) -> Mark:
        return Mark(self.start, self.end, self.id, self.kind, layer=0 if self.kind == "quote" else 1)


def format_date(date: str, precision: str) -> str:
    """2023-01 at month precision → 2023年1月; never invents a finer date than the annotator gave."""
    parts = date.split("-")
    y, m, d = (parts + ["", ""])[:3]
    return PRECISION_FORMATS[precision].format(y=y, m=m.lstrip("0"), d=d.lstrip("0"))


def build_notes(annotation: Annotation, render_inline=lambda md: md) -> list[Note]:
    """Every note of an article in reading order; ids are stable for the same annotation."""
    entity_names = {e.id: e.name for e in annotation.entities}
    notes: list[Note] = []
    for entity in annotation.entities:
        label = ENTITY_TYPE_LABELS.get(entity.type, entity.type)
        for mention in entity.mentions:
            notes.append(Note(
                "", "entity", mention.text, mention.start, mention.end, f"{entity.name} · {label}",
                details=[("别名", "、".join(entity.aliases))] if entity.aliases else [],
                body_html=render_inline(entity.note) if entity.note else None,
                entity_id=entity.id, data={"type": entity.type, "mentions": len(entity.mentions),
                                           "name": entity.name, "link": entity.link}))
    for figure in annotation.figures:
        title, details = describe_figure(figure)
        if figure.entity in entity_names:
            details.append(("关于", entity_names[figure.entity]))
        notes.append(Note("", "figure", figure.text, figure.start, figure.end, title, details,
                          entity_id=figure.entity, data=_plain(figure)))
    for quote in annotation.quotes:
        notes.append(Note("", "quote", quote.text, quote.start, quote.end,
                          f"{quote.speaker or '未具名'}{'说' if quote.direct else '（转述）'}",
                          [("类型", "直接引语" if quote.direct else "转述")],
                          entity_id=quote.speaker_entity, data=_plain(quote)))
    for event in annotation.events:
        notes.append(Note("", "date", event.text, event.start, event.end,
                          format_date(event.date, event.precision),
                          [("精度", {"year": "年", "month": "月", "day": "日"}[event.precision])],
                          data=_plain(event)))
    notes.sort(key=lambda n: (n.start, -n.end, n.kind))
    for i, note in enumerate(notes, 1):
        note.id = f"n{i}"
    return notes


def _plain(item) -> dict:
    return dict(vars(item))
