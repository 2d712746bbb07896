"""Dates: absolute and relative, resolved against the article's date."""
from __future__ import annotations

import datetime as dt
import re

from .model import Event
from .text import Document

_ABSOLUTE = re.compile(r"(?:(?P<y>\d{4})年)?(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?)?")


def find_events(doc: Document, today: dt.date) -> list[Event]:
    events = []
    for m in _ABSOLUTE.finditer(doc.text):
        if not m.group() or not (m["y"] or m["m"]) or (m["y"] and not m["m"] and not m.group().endswith("年")):
            continue
        year = int(m["y"]) if m["y"] else today.year
        if m["d"]:
            date, precision = f"{year:04d}-{int(m['m']):02d}-{int(m['d']):02d}", "day"
        elif m["m"]:
            date, precision = f"{year:04d}-{int(m['m']):02d}", "month"
        else:
            date, precision = f"{year:04d}", "year"
        events.append(Event(m.group(), m.start(), m.end(), date, precision, doc.sentence_text(m.start())))
    return events
