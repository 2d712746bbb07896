"""Figures and dates on the shapes real news uses (issue 10), with invented sentences."""
from __future__ import annotations

import pytest

import annotator
from annotator.figures import find_figures
from annotator.text import Document


def figures(text):
    out = find_figures(Document(text))
    assert all(text[f.start:f.end] == f.text for f in out)
    return [(f.text, f.kind, f.value, f.unit, f.qualifier) for f in out]


def events(text, date="2021-10-20"):
    return [(e.text, e.date, e.precision) for e in annotator.annotate(text, date=date).events]


# --- figures ----------------------------------------------------------------------------------------

def test_fractions_are_shares():
    (text, kind, value, unit, qualifier), = figures("该镇约五分之一的居民外出务工。")
    assert (text, kind, unit, qualifier) == ("五分之一", "percent", "%", "approx")
    assert value == pytest.approx(0.2)
    assert figures("两国贸易额占全球的三分之二以上。")[0][2] == pytest.approx(2 / 3)
    assert figures("五百分之2.2") == []   # a decimal count of parts is no share


def test_bare_magnitudes_after_a_qualifier():
    assert figures("集团年销售额突破千亿元。") == [("千亿元", "money", 10**11, "CNY", "min")]
    assert figures("平台注册用户超过十万。") == [("十万", "quantity", 100000, "用户", "min")]
    assert figures("全年营收超万亿元。") == [("万亿元", "money", 10**12, "CNY", "min")]
    assert figures("逾百万人观看了直播。") == [("百万人", "quantity", 10**6, "人", "min")]
    assert figures("千万不要放弃，百家争鸣。") == []


def test_amounts_sharing_one_currency_or_measure_word():
    assert [(t, v, u) for t, _, v, u, _ in figures("两家车企分别融资12.5亿和8.3亿欧元。")] == [
        ("12.5亿", 1.25e9, "EUR"), ("8.3亿欧元", 8.3e8, "EUR")]
    assert [(t, u) for t, _, _, u, _ in figures("三座工厂分别年产3万、5万和8万辆。")] == [
        ("3万", "辆"), ("5万", "辆"), ("8万辆", "辆")]


def test_less_common_measure_words():
    assert figures("赛前两周他接受了14次检查，港口停泊着30艘货轮。") == [
        ("14次", "quantity", 14, "次", None), ("30艘", "quantity", 30, "艘", None)]


def test_race_times_and_margins_in_seconds():
    assert figures("她以10秒72夺冠，领先亚军一秒多。") == [
        ("10秒72", "quantity", 10.72, "秒", None), ("一秒多", "quantity", 1, "秒", "min")]
    assert figures("他的成绩是1分45秒30。")[0][2] == pytest.approx(105.3)


def test_bare_amount_takes_the_currency_of_its_sentence():
    out = figures("一年卖出5万台，进账80亿元，老板坐拥150亿")
    assert out[-1] == ("150亿", "money", 1.5e10, "CNY", None)
    # a noun before the number says what it counts: not money
    assert [t for t, *_ in figures("营收80亿元，用户2亿")] == ["80亿元"]
