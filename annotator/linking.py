"""Links between annotations: which entity a figure is about."""
from __future__ import annotations

import bisect

from .model import Entity, Figure
from .text import Document


def link_figures(figures: list[Figure], entities: list[Entity], doc: Document) -> None:
    """Attach each figure to the entity it is about: the nearest entity mentioned before it in its
    sentence (the subject of 微软Q1营收为529亿美元, of Google(目前市值约1.33万亿美元)); a source
    introduced by 据 … 报道 is not what a figure is about."""
    mentions = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions)
    starts = [m[0] for m in mentions]
    text = doc.text
    for figure in figures:
        sentence = doc.sentence_at(figure.start)
        i = bisect.bisect_left(starts, figure.start) - 1
        figure.entity = None
        while i >= 0 and mentions[i][0] >= sentence.start:
            s, e, eid = mentions[i]
            if e <= figure.start and not (s > 0 and text[s - 1] == "据"):
                figure.entity = eid
                break
            i -= 1
