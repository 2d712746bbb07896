"""The annotator's lexicon in the segmenter: the word lists of annotator/data/ added to jieba's dictionary with
their tags (ORG, PROD, PLACE, TITLE, GEN), and the table of known names by their folded surface.

Loaded once per process, before the first text is cut into words (`text.Document.tokens`), so that the
segmenter and the entity rules see the same words.
"""
from __future__ import annotations

import re

from . import _seg
from . import _vocab as V

ALIAS: dict[str, tuple[str, str]] = {}  # folded surface -> (group key, type) of a known company or product
_READY = False
_FOLDS: dict[str, str] = {}
_CLDR_FREQ = 300  # a new place name's weight in the segmenter: a word, not a force that splits others
_LETTER_SPACE_DIGIT = re.compile(r"(?<=[a-z]) (?=[0-9])")  # iPhone 15 and iPhone15 are one name


def fold(s: str) -> str:
    """A surface in the form names are compared in: case-folded, one kind of hyphen, no space before a digit."""
    v = _FOLDS.get(s)
    if v is None:
        v = _LETTER_SPACE_DIGIT.sub("", s.casefold().replace("·", "-").replace("•", "-").replace("－", "-"))
        if len(_FOLDS) < 500_000:
            _FOLDS[s] = v
    return v


def setup() -> None:
    global _READY
    if _READY:
        return
    _seg._load()
    for kind, table in (("org", V.COMPANIES), ("product", V.PRODUCTS)):
        for names in table:
            key = names[0]
            for n in names:
                ALIAS.setdefault(fold(n), (key, kind))
                if _seg._HAN.fullmatch(n):
                    _seg.add_word(n, 2000, "ORG" if kind == "org" else "PROD")
    for w in V.ORGS_ZH:
        ALIAS.setdefault(fold(w), (w, "org"))
        if _seg._HAN.fullmatch(w):
            _seg.add_word(w, 1500, "ORG")
    for w in V.GAMES:
        ALIAS.setdefault(fold(w), (w, "product"))
        if _seg._HAN.fullmatch(w):
            _seg.add_word(w, 1500, "PROD")
    for w in V.COUNTRIES | V.CITIES | V.CLUB_PLACES:
        _seg.add_word(w, max(3000, _seg.word_freq(w)), "PLACE")
    for w in (V.TERRITORIES | V.WORLD_CITIES) - V.COUNTRIES - V.CITIES:
        # CLDR's names: tagged as places, but the route through a sentence keeps jieba's own weights
        if _seg.has_word(w):
            _seg.TAGS[w] = "PLACE"
        else:
            _seg.add_word(w, _CLDR_FREQ, "PLACE")
    for w in V.TITLES:
        if _seg._HAN.fullmatch(w):
            _seg.add_word(w, 1500, "TITLE")
    for w in V.SPEECH_VERBS:
        if len(w) > 1:
            _seg.add_word(w, 3000, "v")
    for w in V.GENERIC_ZH:
        if len(w) > 1:
            if not _seg.has_word(w):
                _seg.add_word(w, 500, "GEN")
            else:
                _seg.TAGS[w] = "GEN"
    for w in ("知情人士", "消息人士", "业内人士", "分析人士", "上述人士"):
        _seg.add_word(w, 800, "n")
    _READY = True
