"""The segmenter's dictionary: frequencies recovered from log-probabilities, prefixes, added words."""
import os

from annotator import _seg


def _dict_freqs(limit: int = 20000) -> dict:
    out = {}
    with open(_seg._dict_path(), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2:
                out[parts[0]] = int(parts[1])
            if len(out) >= limit:
                break
    return out


def test_frequencies_match_jiebas_dictionary():
    freqs = _dict_freqs()
    got = {w: _seg.word_freq(w) for w in freqs}
    # vocabulary words added by the entity finder may have been raised, never lowered
    assert all(got[w] >= f for w, f in freqs.items())
    assert sum(got[w] == f for w, f in freqs.items()) >= 0.99 * len(freqs)


def test_prefixes_are_not_words():
    _seg._load()
    prefix = next(w for w, v in _seg._LP.items() if v == _seg._PREFIX_ONLY)
    assert not _seg.has_word(prefix) and _seg.word_freq(prefix) == 0
    assert _seg.word_freq("\u0000\u0001") == 0 and not _seg.has_word("\u0000\u0001")


def test_add_word_keeps_the_larger_frequency_and_adds_prefixes():
    w = "测试用词甲乙丙"
    _seg.add_word(w, 1234, "n")
    assert _seg.word_freq(w) == 1234 and _seg.has_word(w) and _seg.TAGS[w] == "n"
    assert not _seg.has_word(w[:5]) and w[:5] in _seg._LP
    _seg.add_word(w, 10)
    assert _seg.word_freq(w) == 1234
    assert w in _seg.cut_han(w + "的")


def test_dictionary_cache_keeps_only_the_newest_versions(tmp_path, monkeypatch):
    """A new jieba install or cache version writes a new file; old ones do not pile up in ~/.cache/pizhu."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(_seg, "_WRITE_CACHE", True)  # as inside prepare(), the only writer
    folder = tmp_path / "pizhu"
    folder.mkdir()
    for i in range(5):
        old = folder / f"seg-{i}-1-1.marshal"
        old.write_bytes(b"x")
        os.utime(old, (1_000_000 + i, 1_000_000 + i))
    (folder / "emit-0-1-1.marshal").write_bytes(b"x")
    source = tmp_path / "dict.txt"
    source.write_text("词 3 n\n", encoding="utf-8")
    assert _seg._cached("seg", str(source), lambda path: {"词": 3}, lambda d: isinstance(d, dict)) == {"词": 3}
    left = sorted(p.name for p in folder.iterdir())
    assert len([n for n in left if n.startswith("seg-")]) == 3
    assert "seg-4-1-1.marshal" in left and "seg-3-1-1.marshal" in left and "seg-0-1-1.marshal" not in left
    assert "emit-0-1-1.marshal" in left
    assert _seg._cached("seg", str(source), lambda path: {}, lambda d: isinstance(d, dict)) == {"词": 3}  # read back
