"""Links between annotations: which entity a figure is about."""
from __future__ import annotations

import bisect
from collections.abc import Sequence

from .model import Entity, Figure, Quote
from .text import Document

# A name right after one of these is where, whither or through what something happened, or a source
# (在4chan上, 去刘强东家里, 据路透社), not what a figure in the sentence measures.
_NOT_SUBJECT_BEFORE = ("据", "在", "于", "从", "向", "经", "通过", "自", "去", "到")


def link_figures(figures: list[Figure], entities: list[Entity], doc: Document,
                 quotes: Sequence[Quote] = ()) -> None:
    """Attach each figure to the entity it is about: the nearest entity mentioned before it in its
    sentence (the subject of 微软Q1营收为529亿美元, of Google(目前市值约1.33万亿美元)), passing over
    sources and places of a prepositional phrase (据路透社, 在4chan论坛上) and the speaker of the quote
    the figure stands in (李明表示，公司完成了10亿元融资 is not about 李明). None rather than a wrong one."""
    mentions = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions)
    starts = [m[0] for m in mentions]
    text = doc.text
    for figure in figures:
        sentence = doc.sentence_at(figure.start)
        speakers = {q.speaker_entity for q in quotes
                    if q.speaker_entity and q.start <= figure.start and figure.end <= q.end}
        i = bisect.bisect_left(starts, figure.start) - 1
        figure.entity = None
        while i >= 0 and mentions[i][0] >= sentence.start:
            s, e, eid = mentions[i]
            i -= 1
            if e > figure.start or eid in speakers or text.endswith(_NOT_SUBJECT_BEFORE, sentence.start, s):
                continue
            figure.entity = eid
            break
