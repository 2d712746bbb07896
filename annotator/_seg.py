"""A fast dictionary segmenter over jieba's dictionary (no HMM), with the word tags jieba ships.

jieba's own `cut(HMM=False)` spends most of its time in generator plumbing and `log` calls; this does
the same max-probability route over the same prefix dictionary with the log-probabilities computed once
at start-up. Extra words (our vocabulary lists) can be added with a tag.
"""
from __future__ import annotations

import math
import os
import pickle
import re

import importlib.util

_FREQ: dict[str, int] = {}  # word -> frequency; prefixes of words -> 0 (jieba's prefix dictionary)
_LPX: dict[str, float] = {}  # multi-character words: log-probability; prefixes only: a very low number
_LP1: dict[str, float] = {}  # single characters: log-probability
_PREFIX_ONLY = -1e18
TAGS: dict[str, str] = {}
_TOTAL = 0
_MIN = 0.0
_READY = False
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_CACHE_VERSION = "1"


def _jieba_dir() -> str:
    """jieba's package folder, found without importing jieba (its import loads HMM tables we do not use)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jieba is required: pip install jieba==0.42.1")
    return list(spec.submodule_search_locations)[0]


def _dict_path() -> str:
    return os.path.join(_jieba_dir(), "dict.txt")


def _cache_dir() -> str:
    """The user's cache folder (not a shared temporary one: the cache is a pickle)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "pizhu")


def _parse(path: str) -> tuple[dict, dict, int]:
    freq: dict[str, int] = {}
    tags: dict[str, str] = {}
    total = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 2:
                continue
            w, f = parts[0], int(parts[1])
            freq[w] = f
            total += f
            if len(parts) >= 3:
                tags[w] = parts[2]
            for k in range(1, len(w)):
                freq.setdefault(w[:k], 0)
    return freq, tags, total


def _load() -> None:
    """Read jieba's dictionary once per process (from a cache in the user's cache folder after the first run)."""
    global _MIN, _READY, _TOTAL
    if _READY:
        return
    path = _dict_path()
    st = os.stat(path)
    cache = os.path.join(_cache_dir(), f"seg-{_CACHE_VERSION}-{st.st_size}-{int(st.st_mtime)}.pickle")
    data = None
    try:
        with open(cache, "rb") as fh:
            data = pickle.load(fh)
    except Exception:  # no cache yet, or an unreadable one: rebuild it
        data = None
    if not (isinstance(data, tuple) and len(data) == 5 and all(isinstance(x, (dict, int)) for x in data)):
        freq, tags, total = _parse(path)
        logt = math.log(total)
        lp1 = {w: math.log(f) - logt for w, f in freq.items() if len(w) == 1 and f}
        lpx = {w: (math.log(f) - logt if f else _PREFIX_ONLY) for w, f in freq.items() if len(w) > 1}
        data = (freq, tags, total, lp1, lpx)
        try:
            os.makedirs(os.path.dirname(cache), exist_ok=True)
            tmp = f"{cache}.{os.getpid()}.tmp"
            with open(tmp, "wb") as fh:
                pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache)
        except OSError:
            pass
    freq, tags, total, lp1, lpx = data
    _FREQ.update(freq)
    TAGS.update(tags)
    _LP1.update(lp1)
    _LPX.update(lpx)
    _TOTAL = total
    _MIN = -math.log(total)
    _READY = True


_EMIT: dict = {}
_MARGINS: dict = {}
_COMMON_TAGS = ("n", "v", "a", "vn", "d", "ad", "an", "i", "l", "m", "t", "f", "c", "p", "r")


def _emit() -> dict:
    if not _EMIT:
        try:  # the pickled copy jieba ships loads much faster than its .py module
            with open(os.path.join(_jieba_dir(), "posseg", "prob_emit.p"), "rb") as fh:
                _EMIT.update(pickle.load(fh))
        except Exception:
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
    _FREQ[word] = max(_FREQ.get(word) or 0, freq)
    lp = math.log(_FREQ[word]) - math.log(_TOTAL)
    if len(word) == 1:
        _LP1[word] = lp
    else:
        _LPX[word] = lp
    for k in range(1, len(word)):
        if _FREQ.setdefault(word[:k], 0) == 0 and k > 1:
            _LPX.setdefault(word[:k], _PREFIX_ONLY)
    if tag:
        TAGS[word] = tag
    _CUTS.clear()


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


_CUTS: dict[str, tuple] = {}  # Han run -> (offset where it was cut, its words with offsets); cleared when a word is added
_CUTS_MAX = 20_000  # ~2 KB an entry: at most ~40 MB; emptied when full, so it follows the recent articles


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Han words with offsets (other characters are not returned)."""
    _load()
    out: list = []
    extend = out.extend
    cuts = _CUTS
    for m in _HAN.finditer(text):
        run = m.group()
        base = m.start()
        hit = cuts.get(run)
        if hit is None:
            k = len(out)
            cut_han(run, base, out)
            if len(cuts) >= _CUTS_MAX:
                cuts.clear()
            cuts[run] = (base, out[k:])
            continue
        d = base - hit[0]
        if d:
            extend([(w, i + d, j + d) for w, i, j in hit[1]])
        else:
            extend(hit[1])
    return out
