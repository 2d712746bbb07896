"""Entities: people, organisations, products and places, with every mention."""
from __future__ import annotations

import re

from .glossary import Glossary
from .model import Entity, Mention
from .text import Document

_LATIN_NAME = re.compile(r"[A-Z][A-Za-z0-9]*(?: [A-Z][A-Za-z0-9]*)*")
_GENERIC = {"AI", "CEO", "CFO", "Q1", "Q2", "Q3", "Q4"}


def find_entities(doc: Document, glossary: Glossary, *, taken: list[tuple[int, int]]) -> list[Entity]:
    by_name: dict[str, Entity] = {}
    for m in _LATIN_NAME.finditer(doc.text):
        name = m.group()
        if name in _GENERIC or name in glossary.ignore:
            continue
        entry = glossary.lookup(name)
        key = entry.name if entry else name
        entity = by_name.get(key)
        if entity is None:
            entity = by_name[key] = Entity(
                id=slug(key), name=key, type=entry.type if entry else "org",
                aliases=list(entry.aliases) if entry else [], note=entry.note if entry else None,
                link=entry.link if entry else None)
        entity.mentions.append(Mention(name, m.start(), m.end()))
    return list(by_name.values())


def slug(name: str) -> str:
    ascii_part = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    return ascii_part or "e" + format(sum(ord(c) * 31 ** i for i, c in enumerate(name)) % 10**8, "x")
