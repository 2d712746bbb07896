"""The text being annotated, split once into the units every finder needs."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

# A sentence ends at 。！？；!? or a line break; closing quotes and brackets stay with their sentence.
_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』\"')）]*|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`: the one sentence splitter of the annotator and of the
    pages that quote its sentences (an entity page's context)."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() > start:
            spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class Document:
    text: str
    sentences: list[Span] = field(init=False)

    def __post_init__(self) -> None:
        self.sentences = [Span(start, end) for start, end in sentence_spans(self.text)]
        self._starts = [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Span:
        """The sentence that contains `offset`."""
        i = max(0, bisect.bisect_right(self._starts, offset) - 1)
        return self.sentences[i] if self.sentences else Span(0, len(self.text))

    def sentence_text(self, offset: int) -> str:
        span = self.sentence_at(offset)
        return self.text[span.start:span.end].strip()

    @cached_property
    def tokens(self) -> list[tuple[str, int, int]]:
        """Dictionary words of the Han runs, with offsets (computed once, shared by the finders)."""
        from . import _seg
        from .lexicon import setup

        setup()
        return _seg.tokenize(self.text)

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Blocks separated by blank lines (quotes never run past one)."""
        spans, start = [], 0
        for m in re.finditer(r"\n\s*\n", self.text):
            spans.append(Span(start, m.start()))
            start = m.end()
        spans.append(Span(start, len(self.text)))
        return spans
