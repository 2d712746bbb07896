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
