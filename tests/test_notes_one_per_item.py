"""Notes that add meaning (issue 11): one endnote per entity, figure and quote however often each is
mentioned, every mention linked to it; later mentions in a paragraph marked as repeats; dates without
endnotes; and an entity's description from what the (invented) article itself says."""
import datetime as dt
import re
from pathlib import Path

import pytest

import annotator
from annotator import Annotation, Entity, Event, Figure, Mention, Quote
from annotator.model import ArticleInfo

from pizhu.config import SiteConfig
from pizhu.content import Article
from pizhu.model import AnnotatedArticle
from pizhu.pages import Renderer, article_pages

ROOT = Path(__file__).resolve().parent.parent

BODY = ("远帆科技去年亏损3亿元，远帆科技的对手也亏损3亿元。林晓说：“远帆科技会赢。”\n\n"
        "2024年，远帆科技再亏3亿元。\n")


def mentions(text):
    return [Mention(text, m.start(), m.end()) for m in re.finditer(re.escape(text), BODY)]


def spans(text):
    return [(m.start, m.end) for m in mentions(text)]


def page_of(annotation: Annotation) -> str:
    art = Article(Path("content/a.md"), "a", "标题", dt.date(2024, 5, 6), BODY, 5, "zh")
    renderer = Renderer(SiteConfig(root=ROOT, base_url="/"))
    return article_pages(renderer, AnnotatedArticle(art, annotation))["articles/a/index.html"]


def annotation(description=None) -> Annotation:
    company = Entity("yuanfan", "远帆科技", "org", [], None, None, mentions("远帆科技"), description=description)
    person = Entity("lin", "林晓", "person", [], None, None, mentions("林晓"))
    figures = [Figure("3亿元", s, e, "money", 3e8, "CNY", None, None, "yuanfan") for s, e in spans("3亿元")]
    figures[1].entity = None  # the rival's loss: the same amount, but another figure
    quote = Quote("远帆科技会赢。", *spans("远帆科技会赢。")[0], True, "林晓", "lin")
    event = Event("2024年", *spans("2024年")[0], "2024", "year", "2024年，远帆科技再亏3亿元。")
    return Annotation(ArticleInfo(None, "标题", "2024-05-06"), [company, person], figures, [quote], [event])


def endnotes(page: str) -> list[tuple[str, str]]:
    """(note id, kind letter) of each endnote."""
    return re.findall(r'<li id=(n\d+) class=([eq])>', page)


def endnote(page: str, note: str) -> str:
    return page.split(f'<li id={note} ')[1].split("</li>")[0]


def test_one_note_per_entity_figure_and_quote_and_every_mention_links_to_it():
    page = page_of(annotation())
    notes = endnotes(page)
    # endnotes: 2 entities + 1 quote; no date note; the 2 distinct figures (3亿元 of 远帆科技 twice,
    # the rival's once) have their note in the figures sidebar, one row each
    assert sorted(kind for _, kind in notes) == ["e", "e", "q"]
    sidebar = page.split('class="figures-panel"')[1].split("</aside>")[0]
    rows = re.findall(r'<li id=(n\d+)[^>]*><a href=#r', sidebar)
    assert len(rows) == 2
    # (kind, repeat, anchor, note) of each mark: <a class=e id=r1 href=#n1>, a repeat <a class="e a" href=#n1>
    marks = [(first or again, bool(again), anchor, note) for first, again, anchor, note in
             re.findall(r'<a class=(?:([ef])|"([ef]) a")(?: id=(r[^ >]+))? href=#([^ >]+)>', page)]
    assert len([m for m in marks if m[0] == "e"]) == 4 + 1  # every mention of each is marked
    company = {note for kind, _, _, note in marks if kind == "e" and "远帆科技" in endnote(page, note)}
    assert len(company) == 1  # all four mentions of 远帆科技 open the same note
    for kind, again, anchor, note in marks:
        assert re.search(f'<li id={note}[ >]', page.split('class="endnotes"')[1] if kind == "e" else sidebar)  # its note
        if kind == "e":  # which links back to the first mention of it in each paragraph
            assert (f'href=#{anchor}>' in endnote(page, note)) if not again else not anchor
    company_figure = [m for m in marks if m[0] == "f" and m[3] == rows[0]]
    assert len(company_figure) == 2  # the company's 3亿元, in both paragraphs, opens its one row
    assert "本文提及" not in page and "见批注" not in page  # the back-links say how often


def test_a_date_is_a_quiet_time_element_without_a_note():
    page = page_of(annotation())
    assert re.search(r'<time datetime=2024 id=rt1>2024年</time>', page)
    assert 'href=#t' not in page and 'id=t1' not in page


def test_later_mentions_in_a_paragraph_are_repeats_the_first_in_the_next_is_not():
    page = page_of(annotation())
    first, second = page.split('class="article-body">')[1].split("</p>")[:2]  # the body's two paragraphs
    company = re.findall(r'class=(?:e|"e( a)")[^>]*>远帆科技<', first)
    assert company == ["", " a", " a"]  # the third is inside the quote
    assert re.findall(r'class=(?:e|"e( a)")[^>]*>远帆科技<', second) == [""]


def test_entity_note_says_what_the_article_says_it_is_and_never_a_placeholder():
    page = page_of(annotation("储能电池厂商"))
    title = '<strong><a href="/entities/yuanfan/">远帆科技</a></strong>'  # its name links to its page
    card = page.split(title)[1].split("</li>")[0]
    assert card == '<p>储能电池厂商</p>'
    bare = page_of(annotation()).split(title)[1].split("</li>")[0]
    assert bare == "" and "尚无" not in page_of(annotation())
    assert "<b>机构</b>" in page_of(annotation())


def test_the_quote_note_names_its_speaker_and_what_the_article_says_of_them():
    ann = annotation()
    ann.entities[1].description = "远帆科技首席执行官"
    card = page_of(ann).split('class=q><a href=#r')[1].split("</li>")[0]
    assert '<strong><a href="/entities/lin/">林晓</a>说</strong><p>远帆科技首席执行官</p>' in card


@pytest.mark.parametrize("text, name, description", [
    ("星河科技首席财务官林晓表示，公司现金充足。", "林晓", "星河科技首席财务官"),
    ("据研究机构蓝湾研究院统计，出货量翻了一番。", "蓝湾研究院", "研究机构"),
    ("投资方青禾资本已经完成尽调。", "青禾资本", "投资方"),
    ("蓝海电子的投资方青禾资本表示满意。", "青禾资本", "蓝海电子的投资方"),
    ("远帆科技创始人兼首席执行官林晓说，产线明年投产。", "林晓", "创始人兼首席执行官"),
    ("分析师王涛认为价格战还会持续。", "王涛", "分析师"),
])
def test_description_from_a_role_or_class_noun_before_the_name(text, name, description):
    entities = {e.name: e for e in annotator.annotate(text, date="2024-05-06").entities}
    assert name in entities, f"the annotator no longer finds {name}: pick another invented name"
    assert entities[name].description == description


@pytest.mark.parametrize("text, name", [
    ("林晓昨天来到远帆科技，参观了新产线。", "林晓"),
    ("王涛先生认为价格战还会持续。", "王涛"),
    ("星河科技宣布，公司将在明年扩产。", "星河科技"),
    ("据林晓介绍，蓝海电子的新产线明年投产。", "蓝海电子"),
])
def test_no_description_where_the_article_gives_none(text, name):
    entities = {e.name: e for e in annotator.annotate(text, date="2024-05-06").entities}
    assert name in entities and entities[name].description is None
