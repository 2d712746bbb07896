"""Property tests: any Unicode input neither crashes annotate nor yields an annotation whose offsets
do not slice to its text (entity mentions, figures, quotes and events alike)."""
from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import annotator
from annotator import Glossary, GlossaryEntry

# Pieces that exercise the finders: names, titles, quote marks, speech verbs, numbers, dates, brackets.
PIECES = ["Sam Altman", "OpenAI", "CEO", "(", ")", "（", "）", "“", "”", "「", "」", "\"", "表示", "：", "，", "。",
          "说", "据", "报道", "他", "该公司", "其中提到", "微软", "谷歌", "365", "亿美元", "5月3日", "2023年", "上述知情人士",
          "透露", "迈克尔", "-", "·", "特林", "公司", "银行", "资本", "\n\n", "\n", " ", "Q1", "AI", "张", "伟", "约1.3万亿元",
          "正如", "提到的那样", "认为", "——", "『", "』", "K2 Global", "红杉资本", "％", "Ａ", "ｉｂｍ", "\u3000", "\U0001F600"]

texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=40).map("".join),
)

GLOSSARY = Glossary(entries=(GlossaryEntry("Sam Altman", "person", aliases=("Altman", "奥特曼")),
                             GlossaryEntry("微软", "org", aliases=("Microsoft",), note="note")),
                    ignore=frozenset({"Q1", "特林"}))


def check(text: str, glossary: Glossary | None) -> None:
    a = annotator.annotate(text, date="2023-05-06", glossary=glossary)
    for e in a.entities:
        assert e.mentions, e
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text, (e, m)
    for f in a.figures:
        assert text[f.start:f.end] == f.text, f
    for q in a.quotes:
        assert text[q.start:q.end] == q.text, q
    for ev in a.events:
        assert text[ev.start:ev.end] == ev.text, ev
    ids = [e.id for e in a.entities]
    assert len(ids) == len(set(ids))
    known = set(ids)
    assert all(f.entity is None or f.entity in known for f in a.figures)
    assert all(q.speaker_entity is None or q.speaker_entity in known for q in a.quotes)
    assert a.to_dict() == dataclasses.asdict(a)  # the documented JSON shape
    assert annotator.Annotation.from_dict(a.to_dict()) == a


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_annotates_with_true_offsets(text):
    check(text, None)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_with_glossary_annotates_with_true_offsets(text):
    check(text, GLOSSARY)


def test_empty_and_whitespace_texts():
    for text in ("", " ", "\n\n", "“", "”", "（", "表示：“", "据报道，"):
        check(text, None)
