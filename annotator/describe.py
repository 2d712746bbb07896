"""What the article itself says an entity is: a role or a class noun standing right before its name.

Two general patterns, each read from word lists in annotator/data/:

- a role (titles.txt, less the forms of address in honorifics.txt) before a person, optionally after an
  organisation or place mentioned right before it: "微软CFO艾米·胡德" → 微软CFO, "记者张三" → 记者;
- a class noun (descriptors.txt) before any entity, optionally owned by an organisation:
  "研究机构鼎新研究院" → 研究机构, "星河的投资方云杉资本" → 星河的投资方.

Precision first: only words touching the name count (no guess across a comma or a verb), never the end
of another name (上海证券交易所 right before a name describes nothing), and an entity with no such words
keeps no description.
"""
from __future__ import annotations

import re

from . import _vocab as V
from .model import Entity


def _alternation(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_ROLES = V.TITLES - V.words("honorifics")
_ROLE = f"(?:{_alternation(_ROLES)})"
# 前/原 (former) stay with the role; 兼 joins two (创始人兼首席执行官)
_ROLE_BEFORE = re.compile(f"(?:前|原|时任)?(?:{_ROLE}兼)?{_ROLE} ?$")
_CLASS_BEFORE = re.compile(f"({_alternation(V.words('descriptors'))})$")
_LOOK_BACK = 24  # characters before a mention that can hold its role (the longest list entry is shorter)


def describe(entities: list[Entity], text: str) -> None:
    """Set each entity's `description` from the words right before its mentions (the fullest found:
    owner and role rather than the role alone); leave it None when no mention has any."""
    owner_ends = {m.end: m.text for e in entities if e.type in ("org", "place") for m in e.mentions}  # 合肥市副市长
    named = {i for e in entities for m in e.mentions for i in range(m.start, m.end)}  # inside some name
    for entity in entities:
        found = [d for m in entity.mentions
                 if m.start - 1 not in named and (d := _before(text, m.start, entity.type == "person", owner_ends))]
        if found:
            entity.description = max(found, key=len)


def _before(text: str, start: int, person: bool, owner_ends: dict[int, str]) -> str | None:
    window = text[max(0, start - _LOOK_BACK):start]
    found = (_ROLE_BEFORE.search(window) if person else None) or _CLASS_BEFORE.search(window)
    if not found:
        return None
    words = found[0].strip()
    at = start - len(found[0])  # where the words begin in the text
    owner = owner_ends.get(at)
    if owner is None and text[at - 1:at] in ("的", " ") and at - 1 in owner_ends:
        owner = owner_ends[at - 1] + text[at - 1]  # 星河的投资方, PayPal CEO
    return f"{owner}{words}" if owner else words
