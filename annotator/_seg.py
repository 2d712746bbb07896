"""A fast dictionary segmenter over jieba's dictionary (no HMM), with the word tags jieba ships.

jieba's own `cut(HMM=False)` spends most of its time in generator plumbing and `log` calls; this does
the same max-probability route over the same prefix dictionary with the log-probabilities computed once
at start-up. Extra words (our vocabulary lists) can be added with a tag.
"""
from __future__ import annotations

import marshal
import math
import os
import pickle
import re

import importlib.util

# The route's dictionaries (jieba's prefix dictionary): words of two characters or more -> log-probability,
# their prefixes that are not words -> _PREFIX_ONLY; and single characters -> log-probability, kept apart
# because the route looks one up at every character and a small dictionary stays in the processor's cache.
# A word's frequency is recovered from its log-probability (`word_freq`): no dictionary of the same keys.
_LP: dict[str, float] = {}
_LP1: dict[str, float] = {}
_PREFIX_ONLY = -1e18
TAGS: dict[str, str] = {}
_TOTAL = 0
_LOGT = 0.0  # log(_TOTAL)
_MIN = 0.0
_READY = False
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_CACHE_VERSION = "3"


def _jieba_dir() -> str:
    """jieba's package folder, found without importing jieba (its import loads HMM tables we do not use)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jieba is required: pip install jieba==0.42.1")
    return list(spec.submodule_search_locations)[0]


def _dict_path() -> str:
    return os.path.join(_jieba_dir(), "dict.txt")


def _cache_dir() -> str:
    """The user's cache folder (not a shared temporary one)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "pizhu")


# Whether a dictionary built from jieba's files may be written to the user's cache folder: only
# `prepare()` (annotator.prepare, called by the program before it annotates) allows it, so that
# `annotate` itself reads files at most and writes none.
_WRITE_CACHE = False


def prepare() -> None:
    """Load jieba's dictionary and tag tables now, writing their cache in the user's cache folder when
    it is missing or stale (a read-only home just means no cache)."""
    global _WRITE_CACHE
    _WRITE_CACHE = True
    try:
        _load()
        _emit()
    finally:
        _WRITE_CACHE = False


def _cached(name: str, source: str, build, valid):
    """`build(source)`, kept as a marshal file in the user's cache folder, keyed on the source's size and
    time (marshal loads plain dicts of strings and floats several times faster than pickle). Written
    only inside `prepare()`."""
    st = os.stat(source)
    cache = os.path.join(_cache_dir(), f"{name}-{_CACHE_VERSION}-{st.st_size}-{int(st.st_mtime)}.marshal")
    try:
        with open(cache, "rb") as fh:
            data = marshal.loads(fh.read())  # marshal.load(fh) reads the file object by object: slow
        if valid(data):
            return data
    except Exception:  # no cache yet, or an unreadable one: rebuild it
        pass
    data = build(source)
    if not _WRITE_CACHE:
        return data
    try:
        os.makedirs(os.path.dirname(cache), exist_ok=True)
        tmp = f"{cache}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            fh.write(marshal.dumps(data))
        os.replace(tmp, cache)
        _forget_old(name, keep=3)
    except (OSError, ValueError):  # an unwritable folder, or data marshal cannot hold: no cache
        pass
    return data


def _forget_old(name: str, keep: int) -> None:
    """Delete all but the `keep` newest cache files of `name` (older jieba installs, older cache
    versions): each is several megabytes, and a new virtual environment makes a new one."""
    folder = _cache_dir()
    found = []
    for entry in os.scandir(folder):
        if entry.name.startswith(f"{name}-") and entry.name.endswith((".marshal", ".pickle")):
            found.append((entry.stat().st_mtime, entry.path))
    for _, path in sorted(found, reverse=True)[keep:]:
        try:
            os.unlink(path)
        except OSError:
            pass


def _parse(path: str) -> tuple[dict, dict, dict, int]:
    """jieba's dict.txt: (log-probabilities of longer words with prefixes, of single characters, tags, total)."""
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
    logt = math.log(total)
    lp = {w: (math.log(f) - logt if f else _PREFIX_ONLY) for w, f in freq.items() if len(w) > 1}
    # single characters that are only prefixes are left out: the route gives an unknown character _MIN
    lp1 = {w: math.log(f) - logt for w, f in freq.items() if len(w) == 1 and f}
    return lp, lp1, tags, total


def _load() -> None:
    """Read jieba's dictionary once per process (from a cache in the user's cache folder after the first run)."""
    global _LP, _LP1, TAGS, _TOTAL, _LOGT, _MIN, _READY
    if _READY:
        return

    def valid(d) -> bool:
        return isinstance(d, tuple) and len(d) == 4 and all(isinstance(x, dict) for x in d[:3]) and isinstance(d[3], int)

    lp, lp1, tags, total = _cached("seg", _dict_path(), _parse, valid)
    # replaced, not updated (copying ~850,000 entries costs a tenth of a second): the other modules
    # read these through the module at call time
    _LP, _LP1, TAGS, _TOTAL = lp, lp1, tags, total
    _LOGT = math.log(total)
    _MIN = -_LOGT
    _READY = True


def word_freq(word: str) -> int:
    """A word's frequency (0 for prefixes and unknown words), recovered exactly from its log-probability."""
    _load()
    lp = (_LP1 if len(word) == 1 else _LP).get(word)
    if lp is None or lp == _PREFIX_ONLY:
        return 0
    return round(math.exp(lp + _LOGT))


_EMIT: dict = {}
_MARGINS: dict = {}
_COMMON_TAGS = ("n", "v", "a", "vn", "d", "ad", "an", "i", "l", "m", "t", "f", "c", "p", "r")


def _read_emit(path: str) -> dict:
    with open(path, "rb") as fh:
        return pickle.load(fh)


def _emit() -> dict:
    if not _EMIT:
        try:  # the pickled copy jieba ships (cached as marshal) loads much faster than its .py module
            path = os.path.join(_jieba_dir(), "posseg", "prob_emit.p")
            _EMIT.update(_cached("emit", path, _read_emit, lambda d: isinstance(d, dict)))
        except Exception:
            from jieba.posseg.prob_emit import P

            _EMIT.update(P)
    return _EMIT


_ROWS: dict = {}  # tag -> {HMM state: {character: emission log-probability}}
_COMMON_COLS: dict = {}  # (HMM state, character) -> its emission log-probability under each common tag


def _rows(tag: str) -> dict:
    rows = _ROWS.get(tag)
    if rows is None:
        em = _emit()
        rows = _ROWS[tag] = {st: em.get((st, tag), {}) for st in "BMES"}
    return rows


def _score(cols: list, tag: str) -> float:
    rows = _rows(tag)
    return sum([rows[st].get(c, -30.0) for c, st in cols])


def _common_col(st: str, c: str) -> tuple:
    col = _COMMON_COLS.get((st, c))
    if col is None:
        col = _COMMON_COLS[(st, c)] = tuple(_rows(t)[st].get(c, -30.0) for t in _COMMON_TAGS)
    return col


def tag_margin(word: str, tag: str) -> float:
    """How much more `word` looks like `tag` (nr, ns, nt) than like a common word, by the character
    emission probabilities of jieba's part-of-speech HMM."""
    key = (word, tag)
    v = _MARGINS.get(key)
    if v is not None:
        return v
    n = len(word)
    states = ("S",) if n == 1 else ("B",) + ("M",) * (n - 2) + ("E",)
    cols = list(zip(word, states))
    # the best common tag's score: each tag's values summed character by character, as _score sums them
    common = max([sum(vals) for vals in zip(*[_common_col(st, c) for c, st in cols])])
    v = _score(cols, tag) - common
    if len(_MARGINS) < 200_000:
        _MARGINS[key] = v
    return v


def add_word(word: str, freq: int = 1000, tag: str | None = None) -> None:
    """Add `word` (and its prefixes) to the dictionary; `tag` overrides jieba's tag."""
    _load()
    if not word:
        return
    (_LP1 if len(word) == 1 else _LP)[word] = math.log(max(word_freq(word), freq)) - math.log(_TOTAL)
    for k in range(2, len(word)):
        _LP.setdefault(word[:k], _PREFIX_ONLY)
    if tag:
        TAGS[word] = tag
    _CUTS.clear()


def has_word(word: str) -> bool:
    return word_freq(word) > 0


def cut_han(s: str, base: int = 0, out: list | None = None) -> list:
    """Segment a run of Han characters (the max-probability route over the prefix dictionary).

    Without `out`, returns the words; with it, appends (word, start, end) with offsets from `base`."""
    n = len(s)
    get, get1, mn = _LP.get, _LP1.get, _MIN
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
