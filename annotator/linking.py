"""Links between annotations: which entity a figure is about."""
from __future__ import annotations

from .model import Entity, Figure
from .text import Document


def link_figures(figures: list[Figure], entities: list[Entity], doc: Document) -> None:
    """Attach each figure to the nearest entity mentioned before it in its sentence."""
    mentions = sorted((m.start, e.id) for e in entities for m in e.mentions)
    for figure in figures:
        sentence = doc.sentence_at(figure.start)
        before = [eid for start, eid in mentions if sentence.start <= start < figure.start]
        figure.entity = before[-1] if before else None
