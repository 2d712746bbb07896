"""Quoted sources: direct quotes and reported speech, each with its speaker."""
from __future__ import annotations

import re

from .model import Entity, Quote
from .text import Document

_DIRECT = re.compile(r"“([^”\n]{8,})”")
_SPEAKER_BEFORE = re.compile(r"([\w\u4e00-\u9fff ]{1,20}?)(?:表示|说|提到|称)[：:，,]?$")


def find_quotes(doc: Document, entities: list[Entity]) -> list[Quote]:
    quotes = []
    for m in _DIRECT.finditer(doc.text):
        before = doc.text[doc.sentence_at(m.start()).start:m.start()]
        speaker = _SPEAKER_BEFORE.search(before)
        if speaker:
            quotes.append(Quote(m.group(1), m.start(1), m.end(1), True, speaker.group(1).strip()))
    return quotes
