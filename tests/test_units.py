"""Figures for readers: Chinese units (万/亿/万亿, never 兆) and Western units, qualifiers, ranges."""
from hypothesis import given, strategies as st

from annotator import Annotation, Figure
from annotator.model import ArticleInfo
from pizhu.notes import build_notes
from pizhu.units import (bar_fraction, chinese_units, figure_text, log_scale, money_en, money_zh, percent_text,
                         western_units)


def money(value, unit="USD", qualifier=None, value_max=None, text="x"):
    return Figure(text, 0, len(text), "money", value, unit, qualifier, value_max)


def test_540_million_dollars_in_both_systems():
    assert chinese_units(5.4e8) == "5.4亿"
    assert western_units(5.4e8) == "540 million"
    assert money_zh(5.4e8, "USD") == "5.4亿美元"
    assert money_en(5.4e8, "USD") == "US$540 million"


def test_approximate_figure_keeps_its_qualifier_in_both_systems():
    shown = figure_text(money(5.4e8, qualifier="approx", text="5.4亿美元左右"))
    assert shown.zh == "约5.4亿美元"
    assert shown.en == "约 US$540 million"
    assert shown.qualifier == "约数" and shown.kind_label == "金额"


def test_trillions_are_wan_yi_never_zhao():
    assert chinese_units(1.2e12) == "1.2万亿"
    assert western_units(1.2e12) == "1.2 trillion"
    assert money_zh(1.33e12, "USD") == "1.33万亿美元"


@given(st.floats(min_value=0, max_value=1e16, allow_nan=False))
def test_no_value_is_ever_written_with_zhao(value):
    assert "兆" not in chinese_units(value)
    assert "兆" not in figure_text(money(value)).zh


def test_small_and_middle_values():
    assert chinese_units(28000) == "2.8万"
    assert chinese_units(2.45) == "2.45"
    assert chinese_units(1e11) == "1000亿"  # no thousands separator in Chinese
    assert western_units(28000) == "28,000"
    assert western_units(1e10) == "10 billion"
    assert money_en(2.45, "USD") == "US$2.45"
    assert money_en(3e6, "CHF") == "CHF 3 million"
    assert money_zh(1e8, "CNY") == "1亿元"
    assert money_en(1e8, "CNY") == "¥100 million"


def test_ranges_and_bounds():
    shown = figure_text(money(3e8, "CNY", value_max=5e8))
    assert shown.zh == "3亿元至5亿元" and shown.range == "3亿元至5亿元"
    assert shown.en == "¥300 million – ¥500 million"
    assert figure_text(money(1e11, qualifier="max")).zh == "至多1000亿美元"
    assert figure_text(money(3e8, qualifier="min")).en == "超过 US$300 million"


def test_percentages_per_mille_and_points():
    assert percent_text(0.07, "%") == ("7%", "7%")
    assert percent_text(1.5, "%") == ("150%", "150%")
    assert percent_text(0.00014, "‰") == ("0.14‰", "0.14‰")
    assert percent_text(0.05, "pp") == ("5个百分点", "5 pp")
    fig = Figure("超过8%", 0, 4, "percent", 0.08, "%", "min")
    assert figure_text(fig).zh == "超过8%"


def test_quantities_use_their_counted_noun():
    fig = Figure("1.2万辆", 0, 5, "quantity", 12000, "辆")
    assert figure_text(fig).zh == "1.2万辆"
    assert figure_text(fig).en == "12,000 辆"
    assert figure_text(fig).kind_label == "数量"


def test_figure_note_lines():
    figure = money(5.4e8, qualifier="approx", text="5.4亿美元左右")
    [note] = build_notes(Annotation(ArticleInfo(None, "t", "2023-05-06"), [], [figure], [], []))
    details = [(d.label, d.value) for d in note.details]
    assert note.title == "金额"   # no label: what kind of number it is
    # the value once in each unit system, never a third time as written (the marked text is that)
    assert details[:2] == [("数值", "约5.4亿美元"), ("换算", "约 US$540 million")]
    assert ("限定", "约数（原文是大概的数）") in details


def test_log_scale_spans_whole_decades():
    scale = log_scale([5.4e8, 1e11, 2.45])
    assert scale == (0.0, 11.0)
    assert bar_fraction(1e11, scale) == 1.0
    assert 0.7 < bar_fraction(5.4e8, scale) < 0.8
    assert bar_fraction(0, scale) == 0.0
    assert log_scale([]) == (0.0, 1.0)
    assert log_scale([100]) == (2.0, 3.0)
