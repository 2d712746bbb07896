"""The timeline of events: each date's role and phrase (annotator), one entry per sentence (article
timeline), the same event told by several articles merged (site timeline). Invented sentences."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import annotator
from annotator import Glossary, GlossaryEntry

from pizhu.config import SiteConfig
from pizhu.content import Article
from pizhu.model import AnnotatedArticle, EventPart
from pizhu.pages import Renderer, article_pages
from pizhu.timeline import article_timeline, merged_events, same_event, sort_text
from reference import site_wide_pages
from support import ROOT, run_cli

TWO_ARTICLES = ROOT / "tests" / "fixtures" / "two-articles"


def events(text: str, date: str = "2025-03-10", glossary: Glossary | None = None):
    return annotator.annotate(text, date=date, glossary=glossary).events


def role_of(text: str, written: str, date: str = "2025-03-10") -> str:
    return next(e.role for e in events(text, date) if e.text == written)


# -- roles -------------------------------------------------------------------------------------------

def test_a_plain_past_date_is_an_event():
    assert role_of("3月5日，青松制药宣布收购一家生物科技公司。", "3月5日") == "event"


def test_expected_dates_are_forecasts():
    assert role_of("星海电池预计将于2026年在科创板上市。", "2026年") == "forecast"
    assert role_of("这座大桥将于9月20日建成通车。", "9月20日") == "forecast"
    assert role_of("公司计划下个月推出新一代芯片。", "下个月") == "forecast"
    # a year the article is in, put ahead by its clause
    assert role_of("分析人士认为，今年钢材价格有望回升。", "今年") == "forecast"
    # a plan reported after it was made: the report is the event
    assert role_of("1月18日，白鹭科技宣布将在年底前裁员。", "1月18日") == "event"


def test_comparison_dates_are_references():
    assert role_of("蓝鲸物流2024年营收为12亿元，较2023年增长30%。", "2023年") == "reference"
    assert role_of("蓝鲸物流2024年营收为12亿元，较2023年增长30%。", "2024年") == "event"
    assert role_of("今年一季度，园区用电量与去年同期相比下降了5%。", "去年") == "reference"
    assert role_of("2月份，全市新房成交量比上月增长了一成。", "上月") == "reference"


def test_report_labels_range_ends_and_asides_are_references():
    text = "4月28日发布的2024年一季度财报显示，白鹭科技营收增长12%。"
    assert role_of(text, "2024年", "2025-05-02") == "reference"
    assert role_of(text, "4月28日", "2025-05-02") == "event"
    assert role_of("年报季节到来，多家公司的2024年年报延期披露。", "2024年") == "reference"
    assert role_of("这次展会从6月3日持续到6月9日。", "6月9日", "2025-07-01") == "reference"
    assert role_of("这次展会从6月3日持续到6月9日。", "6月3日", "2025-07-01") == "event"
    assert role_of("现年50岁（1975年生）的张晓峰接任董事长。", "1975年") == "reference"


def test_every_date_stays_in_the_events():
    found = events("蓝鲸物流2024年营收为12亿元，较2023年增长30%，预计2026年上市。")
    assert [(e.text, e.role) for e in found] == [("2024年", "event"), ("2023年", "reference"), ("2026年", "forecast")]


# -- phrases -----------------------------------------------------------------------------------------

def phrase_of(text: str, written: str, date: str = "2025-03-10", glossary: Glossary | None = None) -> str | None:
    return next(e.phrase for e in events(text, date, glossary) if e.text == written)


def test_the_phrase_is_the_clause_after_a_date_that_stands_alone():
    assert phrase_of("3月5日，青松制药宣布收购一家生物科技公司，交易金额未披露。", "3月5日") == "青松制药宣布收购一家生物科技公司"


def test_the_phrase_drops_a_description_before_the_name():
    glossary = Glossary((GlossaryEntry("远航汽车", "org"),))
    text = "5月8日，新能源车企远航汽车宣布完成20亿元B轮融资，由一家产业基金领投。"
    assert phrase_of(text, "5月8日", "2025-06-01", glossary) == "远航汽车宣布完成20亿元B轮融资"
    # a name not found as an entity ends at the lead's verb; a description alone is the subject
    assert phrase_of("4月9日，光伏组件厂商晴川新能宣布在越南建厂。", "4月9日") == "晴川新能宣布在越南建厂"
    assert phrase_of("4月9日，这家公司宣布裁员三成。", "4月9日") == "这家公司宣布裁员三成"


def test_the_phrase_drops_the_date_its_preposition_and_the_time_word():
    assert phrase_of("在白鹭科技于2月发布新款手机后，其股价上涨了8%。", "2月") == "白鹭科技发布新款手机"
    assert phrase_of("张华在2019年和2020年两次获得全国冠军。", "2019年") == "张华两次获得全国冠军"


def test_a_circumstance_gives_way_to_the_clause_that_says_what_happened():
    assert phrase_of("随着去年的降价潮，多家车企的利润大幅下滑。", "去年") == "多家车企的利润大幅下滑"


def test_a_speaker_is_joined_to_what_was_said_when_short():
    glossary = Glossary((GlossaryEntry("李明远", "person"),))
    assert phrase_of("6月2日，分析师李明远表示，芯片价格仍将上涨。", "6月2日", "2025-06-05", glossary) == \
        "李明远表示，芯片价格仍将上涨"


def test_no_phrase_when_no_clause_reads_cleanly():
    long_clause = "由多家地方国有企业和民营资本共同出资设立的新能源产业发展引导基金在当地举行了隆重的揭牌仪式"
    assert len(long_clause) > 40
    assert phrase_of(f"2月，{long_clause}。", "2月") is None
    assert all(e.phrase is None for e in events("较2023年增长30%。") if e.role == "reference")


# -- the article timeline ----------------------------------------------------------------------------

def renderer(**settings) -> Renderer:
    return Renderer(SiteConfig(root=ROOT, base_url="/pizhu/", **settings))


def item(slug: str, date: str, body: str, title: str = "标题") -> AnnotatedArticle:
    article = Article(Path(f"content/{slug}.md"), slug, title, dt.date.fromisoformat(date), body, 5, "zh")
    return AnnotatedArticle(article, annotator.annotate(body, date=date))


def timeline_section(page: str) -> str:
    """The article timeline's list of entries."""
    start = page.index('<ol class="tl-list">', page.index('<section class="timeline"'))
    return page[start:page.index("</ol>", start)]


def test_one_entry_per_sentence_at_its_most_precise_date_without_references():
    body = ("2024年，蓝鲸物流营收为12亿元，较2023年增长30%。\n\n"
            "2024年5月4日，蓝鲸物流在深圳发布了第三代无人配送车。\n\n"
            "蓝鲸物流预计将于2026年在港股上市。\n")
    its = item("whale", "2025-03-10", body)
    entries = article_timeline(its)
    r = renderer()
    page = article_pages(r, its)["articles/whale/index.html"]
    assert [(e.datetime, e.badge) for e in entries] == [("2024", ""), ("2024-05-04", ""), ("2026", "预计")]
    section = timeline_section(page)
    assert section.count('<li') == 3
    assert "2023" not in section  # the comparison year is no entry
    assert "原文" not in section and "精确到" not in section
    assert re.search(r'<li class=tl-forecast><time datetime=2026>2026年</time>'
                     r'<span class=tl-badge>预计</span>', section)
    # each entry links to its date's mark in the text
    anchors = re.findall(r'href=#(rt\d+)>', section)
    assert len(anchors) == 3 and all(f'<time datetime={d} id={a}>' in page
                                     for a, d in zip(anchors, ["2024", "2024-05-04", "2026"]))


def test_two_dates_of_one_sentence_are_one_entry_at_the_day():
    body = "去年3月，星海电池在合肥建成首条产线，并于3月18日正式投产。\n"
    entries = article_timeline(item("sea", "2025-03-10", body))
    assert [(e.datetime, e.label) for e in entries] == [("2024-03-18", "2024年3月18日")]


# -- the site timeline -------------------------------------------------------------------------------

def told(key_date: str, slug: str, entities: tuple[str, ...], phrase: str, role: str = "event") -> EventPart:
    y, m, d = (int(p) for p in (key_date.split("-") + ["0", "0"])[:3])
    return EventPart(sort_text(((y, m, d), -1, slug, 0)), entities, role, phrase, b"", b"")


def test_same_event_needs_the_same_date_agreeing_entities_and_a_similar_phrase():
    a = told("2025-03-11", "a", ("xh",), "星海电池宣布完成15亿元C轮融资")
    assert same_event(a, told("2025-03-11", "b", ("xh",), "星海电池完成15亿元C轮融资"))
    assert same_event(told("2025-03-11", "b", ("xh", "qh"), "星海电池完成15亿元C轮融资"), a)  # fewer names
    assert same_event(a, told("2025-03-11", "b", (), "星海电池完成15亿元C轮融资"))  # the entity was missed
    assert not same_event(a, told("2025-03", "b", ("xh",), "星海电池完成15亿元C轮融资"))  # other precision
    assert not same_event(a, told("2025-03-12", "b", ("xh",), "星海电池完成15亿元C轮融资"))
    assert not same_event(a, told("2025-03-11", "b", ("other",), "星海电池完成15亿元C轮融资"))
    assert not same_event(told("2025-03-11", "b", ("xh", "qh"), "星海电池完成15亿元C轮融资"),
                          told("2025-03-11", "c", ("xh", "other"), "星海电池完成15亿元C轮融资"))  # other names
    assert not same_event(a, told("2025-03-11", "b", ("xh",), "星海电池完成16亿元C轮融资"))  # other numbers
    assert not same_event(a, told("2025-03-11", "b", ("xh",), "星海电池在合肥的新工厂正式投产"))
    assert not same_event(a, told("2025-03-11", "b", ("xh",), "星海电池宣布完成15亿元C轮融资", "forecast"))


def test_entries_of_one_article_are_never_merged_with_each_other():
    one = [told("2025-03-11", "a", ("xh",), "星海电池完成15亿元C轮融资"),
           told("2025-03-11", "a", ("xh",), "星海电池完成15亿元C轮融资")._replace(key=sort_text(((2025, 3, 11), -1, "a", 9)))]
    assert merged_events(one) == {}


def test_the_site_timeline_merges_the_same_event_told_by_two_articles():
    first = item("first", "2025-03-12", "3月11日，星海电池宣布完成15亿元C轮融资，由一家基金领投。\n", "星海电池完成融资")
    second = item("second", "2025-06-20", "今年3月11日，星海电池完成15亿元C轮融资。6月18日，其新工厂投产。\n", "新工厂投产")
    files = site_wide_pages(renderer(), [first, second])
    page = files["timeline/index.html"]
    entries = re.findall(r'<li class="tl-item[^>]*>.*?</li>', page, re.S)
    merged = [e for e in entries if 'datetime="2025-03-11"' in e]
    assert len(merged) == 1 and len(entries) == 2  # 3月11日 once, 6月18日
    assert merged[0].count('class="tl-article"') == 2 and "2 篇报道" in merged[0]
    assert 'href="/pizhu/articles/first/#rt' in merged[0] and 'href="/pizhu/articles/second/#rt' in merged[0]
    assert "共 2 条" in page
    # counted once on a timeline with a page per year too
    paged = site_wide_pages(renderer(timeline_page_size=1), [first, second])
    assert re.findall(r'timeline/(\d{4})/">\1年</a> <span class="muted">(\d+) 条', paged["timeline/index.html"]) == [
        ("2025", "2")]


def test_the_built_two_article_site_lists_their_shared_financing_once(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(TWO_ARTICLES, site)
    run = run_cli("build", "--out", str(tmp_path / "out"), cwd=site)
    assert run.returncode == 0, run.stderr
    page = (tmp_path / "out" / "timeline" / "index.html").read_text(encoding="utf-8")
    entries = re.findall(r'<li class="tl-item[^>]*>.*?</li>', page, re.S)
    dated = [e for e in entries if 'datetime="2024-03-11"' in e]
    assert len(dated) == 1
    assert {"/articles/xinghe-funding/", "/articles/xinghe-plant/"} <= set(re.findall(r'href="(/articles/[^/]+/)#', dated[0]))
    # forecasts say so in words
    assert all("预计" in e for e in entries if "tl-forecast" in e) and any("tl-forecast" in e for e in entries)
