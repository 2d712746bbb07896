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


def test_slash_fractions_with_a_cue_are_shares():
    assert figures("约1/4的员工在家办公，研发人员占1/3以上。") == [
        ("1/4", "percent", 0.25, "%", "approx"), ("1/3", "percent", pytest.approx(1 / 3), "%", "min")]
    assert figures("比分1/2，进入1/4决赛") == []


def test_a_qualified_half_is_a_share():
    assert figures("超过一半的受访者和近半数的企业支持，半数以上反对。") == [
        ("一半", "percent", 0.5, "%", "min"), ("半数", "percent", 0.5, "%", "approx"),
        ("半数", "percent", 0.5, "%", "min")]
    assert figures("两队各占一半，一半是海水。") == []


def test_bare_magnitudes_after_a_qualifier():
    assert figures("集团年销售额突破千亿元。") == [("千亿元", "money", 10**11, "CNY", "min")]
    assert figures("平台注册用户超过十万。") == [("十万", "quantity", 100000, "注册用户", "min")]
    assert figures("球场观看比赛的球迷超过十万。") == [("十万", "quantity", 100000, "球迷", "min")]
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
    assert [(t, u) for t, _, _, u, _ in figures("全年共有86宗新股上市，每周开通20班航线。")] == [
        ("86宗", "宗"), ("20班", "班")]
    assert figures("宗教，3集团") == []


def test_race_times_and_margins_in_seconds():
    assert figures("她以10秒72夺冠，领先亚军一秒多。") == [
        ("10秒72", "quantity", 10.72, "秒", None), ("一秒多", "quantity", 1, "秒", "min")]
    assert figures("他的成绩是1分45秒30。")[0][2] == pytest.approx(105.3)


def test_bare_amount_takes_the_currency_of_its_sentence():
    out = figures("一年卖出5万台，进账80亿元，老板坐拥150亿")
    assert out[-1] == ("150亿", "money", 1.5e10, "CNY", None)
    # a noun before the number says what it counts: not money
    assert [(t, k) for t, k, *_ in figures("营收80亿元，用户2亿")] == [("80亿元", "money"), ("2亿", "quantity")]
    assert [t for t, *_ in figures("营收80亿元，球迷2亿")] == ["80亿元"]


def test_bare_count_of_a_noun_named_earlier_in_its_clause():
    assert figures("该省人口从2000年的3500万增至2020年的4100万。") == [
        ("3500万", "quantity", 3.5e7, "人口", None), ("4100万", "quantity", 4.1e7, "人口", None)]
    assert figures("奖池累计，1600万。") == []


def test_count_of_countries():
    assert figures("英法等27国联署声明，另有40余国表示支持。") == [
        ("27国", "quantity", 27, "国", None), ("40余国", "quantity", 40, "国", "min")]
    assert figures("三国际组织与中美两国，二十国集团") == []   # 二十国集团 is a name (G20)


# --- dates ------------------------------------------------------------------------------------------

def test_parts_of_a_year_resolve_to_their_month():
    assert events("2019年年初，工厂停产；去年底复产，年底前扩建。") == [
        ("2019年年初", "2019-01", "month"), ("去年底", "2020-12", "month"), ("年底", "2021-12", "month")]


def test_a_past_month_day_stays_behind_the_article_date():
    # February article: the announcement was this January, the plan it announced lies ahead
    assert events("该行1月18日宣布将在新加坡开设分行。", "2021-02-20") == [("1月18日", "2021-01-18", "day")]
    assert events("新馆将于3月5日开放。", "2021-02-20") == [("3月5日", "2021-03-05", "day")]
    # 将 before a pronoun marks an object (like 把), not the future
    assert events("商务部1月18日将其列入清单。", "2021-02-20") == [("1月18日", "2021-01-18", "day")]
    # a plan dated just before the article stays in its year
    assert events("原定于11月8日举行的展会推迟。", "2022-11-12") == [("11月8日", "2022-11-08", "day")]


def test_since_a_month_looks_back_even_after_a_later_year():
    assert events("明年3月新线通车，自5月以来工程加速。") == [
        ("明年3月", "2022-03", "month"), ("5月", "2021-05", "month")]


def test_chinese_numeral_months():
    assert events("他于九月加入，十一月离开。") == [("九月", "2021-09", "month"), ("十一月", "2020-11", "month")]


def test_year_or_month_followed_by_a_name_starting_with_zhong():
    assert events("今年中东局势紧张，5月中国出口增长。") == [("今年", "2021", "year"), ("5月", "2021-05", "month")]


def test_offsets_and_anaphora_count_from_the_story_date():
    text = ("1998年是小镇变化的一年。这一年，他开了第一家店，两年后又开了第二家。\n\n"
            "2015年6月，店铺搬到省城。一个月后，他说：“2008年那次失败教会我很多。”两年之后，他退休了。")
    assert events(text) == [
        ("1998年", "1998", "year"), ("这一年", "1998", "year"), ("两年后", "2000", "year"),
        ("2015年6月", "2015-06", "month"), ("一个月后", "2015-07", "month"), ("2008年", "2008", "year"),
        ("两年之后", "2017", "year")]
    # after an undated event the offset is unknown; a forecast counts from the article's date
    assert events("公司成立三年后上市。") == []
    assert events("分析师预计，三年后市场将翻番。") == [("三年后", "2024", "year")]


def test_a_year_with_a_word_of_time_around_it_is_still_that_year():
    assert events("项目2021年内完成，2019年以前和2008年前后的数据缺失。") == [
        ("2021年", "2021", "year"), ("2019年", "2019", "year"), ("2008年", "2008", "year")]
    assert events("2000年来，1990年代，10年间") == []


def test_durations_are_not_dates():
    assert events("十年来，近十年来，两年多来，过去两年里，未来两年，他一直如此。") == []


def test_same_day_and_previous_month_in_their_context():
    text = "10月15日，统计局发布数据，今年前三季度经济增长。\n\n发言人在当天的发布会上表示，9月份失业率比上月下降。"
    assert events(text) == [
        ("10月15日", "2021-10-15", "day"), ("今年", "2021", "year"), ("当天", "2021-10-15", "day"),
        ("9月份", "2021-09", "month"), ("上月", "2021-08", "month")]


def test_day_spans_and_parts_of_a_day():
    assert events("展会10月12-14日举行，论坛定在10月15日-16日。") == [
        ("10月12-14日", "2021-10-12", "day"), ("10月15日", "2021-10-15", "day"), ("16日", "2021-10-16", "day")]
    assert events("昨晚，该市发布通告；今晨，地铁恢复运营。") == [
        ("昨晚", "2021-10-19", "day"), ("今晨", "2021-10-20", "day")]


def test_a_day_alone_follows_the_month_of_its_paragraph():
    assert events("9月20日，公司提交申请，当晚股价大涨。23日，监管部门受理。") == [
        ("9月20日", "2021-09-20", "day"), ("当晚", "2021-09-20", "day"), ("23日", "2021-09-23", "day")]
    # an earlier day than the date before it is not a later step of the same month
    assert events("9月25日，公司提交申请。18日，监管部门受理。") == [
        ("9月25日", "2021-09-25", "day"), ("18日", "2021-10-18", "day")]


# --- links and confidence ---------------------------------------------------------------------------

def linked(text):
    a = annotator.annotate(text, date="2021-10-20")
    names = {e.id: e.name for e in a.entities}
    return {f.text: names.get(f.entity) for f in a.figures}


def test_a_figure_is_not_about_the_speaker_who_gives_it():
    text = "华为轮值董事长徐直军表示，公司今年研发投入将超过1400亿元。"
    assert "徐直军" in {e.name for e in annotator.annotate(text, date="2021-10-20").entities}
    assert linked(text)["1400亿元"] != "徐直军"


def test_a_figure_is_not_about_the_place_where_something_happened():
    assert linked("该模型的权重在GitHub上泄露，拥有430亿参数。")["430亿参数"] is None
    assert linked("他去腾讯总部拜访，讲了30分钟。")["30分钟"] is None


def test_confidence_follows_the_evidence():
    a = annotator.annotate("远山矿业营收为317亿美元，净利润为46亿。2019年4月，公司成立。同年9月，5月3日，当天。",
                           date="2021-10-20")
    fig = {f.text: f.confidence for f in a.figures}
    assert fig["317亿美元"] > fig["46亿"]             # written currency over a currency from context
    ev = {e.text: e.confidence for e in a.events}
    assert ev["2019年4月"] > ev["5月3日"] > ev["同年9月"]   # written year > year by tense > anaphora
    assert all(0 < c <= 1 for c in [*fig.values(), *ev.values()])
