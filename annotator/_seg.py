"""A fast dictionary segmenter over jieba's dictionary (no HMM), with the word tags jieba ships.

jieba's own `cut(HMM=False)` spends most of its time in generator plumbing and `log` calls; this does
the same max-probability route over the same prefix dictionary with the log-probabilities computed once
at start-up. Extra words (our vocabulary lists) can be added with a tag.
"""
from __future__ import annotations

import math
import os
import re

import jieba

_FREQ: dict[str, int] = {}
_LPX: dict[str, float] = {}  # multi-character words: log-probability; prefixes only: a very low number
_LP1: dict[str, float] = {}  # single characters: log-probability
_PREFIX_ONLY = -1e18
_LP: dict[str, float] = {}
TAGS: dict[str, str] = {}
_MIN = 0.0
_READY = False
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _load() -> None:
    global _MIN, _READY
    if _READY:
        return
    jieba.setLogLevel(60)
    jieba.dt.check_initialized()
    freq = jieba.dt.FREQ
    total = jieba.dt.total
    logt = math.log(total)
    _FREQ.update(freq)
    for w, f in freq.items():
        if f:
            _LP[w] = math.log(f) - logt
    _MIN = math.log(1) - logt
    for w, f in freq.items():
        if len(w) == 1:
            if f:
                _LP1[w] = _LP[w]
        else:
            _LPX[w] = _LP[w] if f else _PREFIX_ONLY
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                TAGS[parts[0]] = parts[2]
    _READY = True


_EMIT: dict = {}
_MARGINS: dict = {}
_COMMON_TAGS = ("n", "v", "a", "vn", "d", "ad", "an", "i", "l", "m", "t", "f", "c", "p", "r")


def _emit() -> dict:
    if not _EMIT:
        from jieba.posseg.prob_emit import P
        _EMIT.update(P)
    return _EMIT


def tag_margin(word: str, tag: str) -> float:
    """How much more `word` looks like `tag` (nr, ns, nt) than like a common word, by the character
    emission probabilities of jieba's part-of-speech HMM."""
    key = (word, tag)
    v = _MARGINS.get(key)
    if v is not None:
        return v
    em = _emit()
    n = len(word)
    states = ("S",) if n == 1 else ("B",) + ("M",) * (n - 2) + ("E",)

    def score(t: str) -> float:
        return sum(em.get((st, t), {}).get(c, -30.0) for c, st in zip(word, states))

    v = score(tag) - max(score(t) for t in _COMMON_TAGS)
    if len(_MARGINS) < 200_000:
        _MARGINS[key] = v
    return v


def add_word(word: str, freq: int = 1000, tag: str | None = None) -> None:
    """Add `word` (and its prefixes) to the dictionary; `tag` overrides jieba's tag."""
    _load()
    if not word:
        return
    total = jieba.dt.total
    _FREQ[word] = max(_FREQ.get(word) or 0, freq)
    _LP[word] = math.log(_FREQ[word]) - math.log(total)
    if len(word) == 1:
        _LP1[word] = _LP[word]
    else:
        _LPX[word] = _LP[word]
    for k in range(1, len(word)):
        if _FREQ.setdefault(word[:k], 0) == 0 and k > 1:
            _LPX.setdefault(word[:k], _PREFIX_ONLY)
    if tag:
        TAGS[word] = tag


def has_word(word: str) -> bool:
    _load()
    return bool(_FREQ.get(word))


def cut_han(s: str, base: int = 0, out: list | None = None) -> list:
    """Segment a run of Han characters (the max-probability route over the prefix dictionary).

    Without `out`, returns the words; with it, appends (word, start, end) with offsets from `base`."""
    n = len(s)
    get, get1, mn = _LPX.get, _LP1.get, _MIN
    route = [0.0] * (n + 1)
    nxt = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        best = get1(s[i], mn) + route[i + 1]
        bj = i + 1
        j = i + 2
        while j <= n:
            v = get(s[i:j])
            if v is None:
                break
            v += route[j]
            if v > best:
                best = v
                bj = j
            j += 1
        route[i] = best
        nxt[i] = bj
    i = 0
    if out is None:
        words = []
        while i < n:
            j = nxt[i]
            words.append(s[i:j])
            i = j
        return words
    append = out.append
    while i < n:
        j = nxt[i]
        append((s[i:j], base + i, base + j))
        i = j
    return out


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Han words with offsets (other characters are not returned)."""
    _load()
    out: list = []
    for m in _HAN.finditer(text):
        cut_han(m.group(), m.start(), out)
    return out
