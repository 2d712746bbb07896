"""What a figure measures (Figure.label) and the period it is given for (Figure.period), on invented
sentences: one per way the clause says it, and the cases where it does not (None, never a guess)."""
from __future__ import annotations

import pytest

from annotator import annotate


def figure(text: str, written: str):
    """The figure written as `written` in `text` (annotated as of 2024-05-01)."""
    found = [f for f in annotate(text, date="2024-05-01").figures if f.text == written]
    assert found, f"no figure {written!r} in {text!r}"
    return found[0]


@pytest.mark.parametrize("text, written, label", [
    ("云帆科技2023年营收达32亿元。", "32亿元", "营收"),                       # the measure noun before it
    ("青松能源去年亏损4.6亿元。", "4.6亿元", "亏损"),                          # a measure verb before it
    ("蓝鲸物流完成15亿元融资。", "15亿元", "融资额"),                           # what it amounts to, after it
    ("北辰电池宣布完成2亿美元的B轮融资。", "2亿美元", "融资额"),                  # …the B round's
    ("白鹭医药的估值或将达到约80亿元。", "80亿元", "估值"),                      # linking words and a qualifier between
    ("该模型拥有700亿参数。", "700亿参数", "参数量"),                           # the noun a count counts
    ("该厂今年出货量超过500万台。", "500万台", "出货量"),
    ("金穗食品的亏损扩大了一倍，达到8000万元左右。", "8000万元", "亏损"),         # a clause with no subject
    ("云帆科技营收同比增长21%。", "21%", "营收同比增幅"),                       # a change takes its noun
    ("该市失业率为4.2%。", "4.2%", "失业率"),
])
def test_label_read_from_the_clause(text, written, label):
    assert figure(text, written).label == label


@pytest.mark.parametrize("text, written", [
    ("受访者中有120人表示愿意尝试。", "120人"),                  # a count of people: no measure word
    ("他们花了三天时间，走了42公里。", "42公里"),
    ("该公司营收增长了3000万元。", "3000万元"),                   # 增长 labels a percentage, not money
    ("该行持有青松能源12%的股份，有30%投票权。", "30%"),           # 投票权 is not 持股: no borrowed subject
    ("这一收入水平，仅为对手全年营收的0.2%。", "0.2%"),             # a share of revenue is not revenue
])
def test_no_label_when_the_clause_does_not_say(text, written):
    assert figure(text, written).label is None


def test_listed_figures_share_the_label_but_not_the_period_of_a_list():
    text = "2021年、2022年及2023年，星海出行的营收分别为12亿元、18亿元和25亿元。"
    listed = [f for f in annotate(text, date="2024-05-01").figures]
    assert [f.label for f in listed] == ["营收", "营收", "营收"]
    assert [f.period for f in listed] == [None, None, None]   # which year is whose, the clause does not say


@pytest.mark.parametrize("text, written, period", [
    ("云帆科技2023年营收达32亿元。", "32亿元", "2023年"),
    ("白鹭医药2023年第一季度净利润为3.2亿元。", "3.2亿元", "2023年第一季度"),
    ("该公司去年全年出货量超过500万台。", "500万台", "去年全年"),
    ("2022年，青松能源亏损4.6亿元。", "4.6亿元", "2022年"),                    # a clause that is only a period
    ("到2026年，该市人口将增至1200万。", "1200万", "2026年"),
    ("云帆科技2023年营收达32亿元，同比增长21%。", "21%", "2023年"),              # the nearest clause naming one
])
def test_period_as_the_sentence_gives_it(text, written, period):
    assert figure(text, written).period == period


@pytest.mark.parametrize("text, written", [
    ("2023年5月8日，北辰电池宣布完成2亿美元的B轮融资。", "2亿美元"),   # a day is a date, not a period
    ("该行净利润为9亿元，较2022年增长12%。", "12%"),                   # a year to compare with
    ("由于去年扩产，金穗食品的营收达到8亿元。", "8亿元"),                # the time of a cause
    ("2019年上市后，该公司最新市值为300亿元。", "300亿元"),              # of today, not of 2019
    ("他在2022年走了42公里。", "42公里"),                              # no label, no period
])
def test_no_period_when_the_sentence_does_not_give_one(text, written):
    assert figure(text, written).period is None


def test_label_and_period_are_in_the_annotation_json():
    data = annotate("云帆科技2023年营收达32亿元。", date="2024-05-01").to_dict()
    assert {"label": "营收", "period": "2023年"}.items() <= data["figures"][0].items()


# --- what readers see: the figure note and the sidebar (pizhu/figure_view.py) ---------------------------

from annotator import Figure  # noqa: E402
from pizhu.figure_view import figure_card, sidebar  # noqa: E402
from pizhu.units import bar_scale  # noqa: E402

NAMES = {"yunfan": "云帆科技", "qingsong": "青松能源"}


def money(value, *, entity="yunfan", label="亏损", period=None, unit="CNY", qualifier=None, value_max=None):
    return Figure(f"{value}", 0, 1, "money", value, unit, qualifier, value_max, entity, label=label, period=period)


def test_figure_note_says_what_the_number_is_and_gives_the_value_once_per_unit_system():
    title, details = figure_card(money(5.4e8, period="2022年", qualifier="approx", unit="USD"), NAMES)
    assert title == "2022年亏损"
    assert details == [("关于", "云帆科技"), ("数值", "约5.4亿美元"), ("换算", "约 US$540 million"),
                       ("限定", "约数（原文是大概的数）")]
    assert sum("5.4亿" in v for _, v in details) == 1


def test_figure_note_without_a_label_names_the_kind_and_a_range_in_words():
    title, details = figure_card(money(3e8, label=None, entity=None, value_max=5e8), NAMES)
    assert title == "金额" and ("限定", "范围（两数之间）") in details
    share = Figure("7%", 0, 1, "percent", 0.07, "%", label="同比增幅")
    assert figure_card(share, NAMES) == ("同比增幅", [("数值", "7%")])   # 7% reads the same in both systems


def test_sidebar_row_reads_entity_period_label_value():
    [group] = sidebar([("n1", money(5.4e8, period="2022年", qualifier="approx", unit="USD"))], NAMES)
    assert group.rows[0].text == "云帆科技 · 2022年亏损 · 约5.4亿美元"
    [group] = sidebar([("n1", money(5.4e8, entity=None, label=None, unit="USD"))], NAMES)
    assert group.rows[0].text == "5.4亿美元"   # parts left out when unknown


def test_sidebar_gives_one_row_per_figure_with_every_mention():
    figures = [("n1", money(4.6e8, period="去年")),
               ("n2", money(3.2e9, label="营收")),
               ("n3", money(4.6e8, entity=None)),          # 亏4.6亿元 later, its entity not found: the same
               ("n4", money(4.6e8, entity="qingsong")),    # another company's loss of the same size
               ("n5", money(4.6e8, label="缺口")),          # the same amount named otherwise
               ("n6", money(4.6e8))]
    [group] = sidebar(figures, NAMES)
    assert [(r.text, r.mentions) for r in group.rows] == [
        ("云帆科技 · 去年亏损 · 4.6亿元", ["n1", "n3", "n6"]),
        ("云帆科技 · 营收 · 32亿元", ["n2"]),
        ("青松能源 · 亏损 · 4.6亿元", ["n4"]),
        ("云帆科技 · 缺口 · 4.6亿元", ["n5"])]


def test_sidebar_groups_by_kind_and_unit_never_mixing_currencies():
    figures = [("n1", money(1e8, unit="USD")), ("n2", money(7e8, unit="CNY")), ("n3", money(2e8, unit="USD")),
               ("n4", Figure("7%", 0, 1, "percent", 0.07, "%"))]
    groups = sidebar(figures, NAMES)
    assert [(g.kind, g.unit, g.title, len(g.rows)) for g in groups] == [
        ("money", "USD", "金额（美元）", 2), ("money", "CNY", "金额（元）", 1), ("percent", "%", "比例", 1)]


def test_bars_are_linear_from_zero_within_three_orders_of_magnitude():
    scale = bar_scale([5.4e8, 2.9e10, 1e11])
    assert not scale.log
    assert scale.fraction(2.9e10) / scale.fraction(5.4e8) == pytest.approx(2.9e10 / 5.4e8)
    assert scale.fraction(0) == 0 and scale.fraction(1e11) == 1.0   # the axis ends at a round 1000亿
    assert [value for _, value in scale.ticks] == [0, 5e10, 1e11]


def test_bars_are_logarithmic_with_labelled_ticks_beyond_three_orders_of_magnitude():
    scale = bar_scale([2.45, 5.4e8, 1.33e12])
    assert scale.log
    assert scale.fraction(5.4e8) < scale.fraction(1.33e12) <= 1.0
    ticks = [value for _, value in scale.ticks]
    assert ticks[0] == 1 and len(ticks) <= 5 and all(b / a >= 10 for a, b in zip(ticks, ticks[1:]))
    [group] = sidebar([("n1", money(2.45, unit="USD")), ("n2", money(1.33e12, label="市值", unit="USD"))], NAMES)
    assert group.scale.log and [group.tick_label(v) for _, v in group.scale.ticks][:3] == ["1", "1万", "1亿"]
    assert group.scale_note.startswith("对数刻度")
