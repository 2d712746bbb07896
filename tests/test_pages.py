"""Pages: article page parts, the site-wide timeline and entity pages merged across articles."""
import datetime as dt
import re
from pathlib import Path

from annotator import Annotation, Entity, Event, Figure, Mention, Quote
from annotator.model import ArticleInfo

from pizhu.config import SiteConfig
from pizhu.content import Article
from pizhu.model import AnnotatedArticle
from pizhu.pages import Renderer, article_pages, figure_groups
from reference import merge_entity_pages, site_wide_pages
from pizhu.timeline import article_timeline, date_key

ROOT = Path(__file__).resolve().parent.parent


def mentions(body, text):
    return [Mention(text, m.start(), m.end()) for m in re.finditer(re.escape(text), body)]


def span(body, text):
    start = body.index(text)
    return start, start + len(text)


def article(slug, date, body, *, entities=(), figures=(), quotes=(), events=()) -> AnnotatedArticle:
    art = Article(Path(f"content/{slug}.md"), slug, f"标题{slug}", dt.date.fromisoformat(date), body, 5, "zh")
    return AnnotatedArticle(art, Annotation(ArticleInfo(None, art.title, date), list(entities), list(figures),
                                            list(quotes), list(events)))


BODY_A = "2023年，OpenAI亏损5.4亿美元。今年1月，微软投资100亿美元。Sam Altman说：“我们会赢。”\n"
BODY_B = "2022年5月，OpenAI发布新模型。微软也跟进。2021年3月4日，Altman表示乐观。\n"


def items() -> list[AnnotatedArticle]:
    a = article("a", "2023-05-06", BODY_A, entities=[
        Entity("openai", "OpenAI", "org", [], "美国人工智能公司。", None, mentions(BODY_A, "OpenAI")),
        Entity("microsoft", "微软", "org", ["Microsoft"], None, None, mentions(BODY_A, "微软")),
        Entity("sam-altman", "Sam Altman", "person", [], None, None, mentions(BODY_A, "Sam Altman")),
    ], figures=[
        Figure("5.4亿美元", *span(BODY_A, "5.4亿美元"), "money", 5.4e8, "USD", None, None, "openai"),
        Figure("100亿美元", *span(BODY_A, "100亿美元"), "money", 1e10, "USD", None, None, "microsoft"),
    ], quotes=[Quote("我们会赢。", *span(BODY_A, "我们会赢。"), True, "Sam Altman", "sam-altman")],
        events=[Event("今年1月", *span(BODY_A, "今年1月"), "2023-01", "month", "今年1月，微软投资100亿美元。"),
                Event("2023年", *span(BODY_A, "2023年"), "2023", "year", "2023年，OpenAI亏损5.4亿美元。")])
    b = article("b", "2023-01-02", BODY_B, entities=[
        Entity("openai", "OpenAI", "org", ["Open AI"], None, "https://openai.com/", mentions(BODY_B, "OpenAI")),
        Entity("microsoft", "微软", "org", [], None, None, mentions(BODY_B, "微软")),
        Entity("sam-altman", "Altman", "person", [], None, None, mentions(BODY_B, "Altman")),
    ], events=[Event("2022年5月", *span(BODY_B, "2022年5月"), "2022-05", "month", "2022年5月，OpenAI发布新模型。"),
               Event("2021年3月4日", *span(BODY_B, "2021年3月4日"), "2021-03-04", "day",
                     "2021年3月4日，Altman表示乐观。")])
    return [a, b]


def renderer(**settings):
    return Renderer(SiteConfig(root=ROOT, base_url="/pizhu/", **settings))


def build(its=None, **settings):
    its = its or items()
    r = renderer(**settings)
    files = {}
    for item in its:
        files.update(article_pages(r, item))
    files.update(site_wide_pages(r, its))
    return its, files


def test_date_keys_order_coarse_before_fine():
    assert date_key("2023") < date_key("2023-01") < date_key("2023-01-01") < date_key("2023-02")
    assert sorted(["2023-05-04", "2022", "2023-01", "2023"], key=date_key) == ["2022", "2023", "2023-01", "2023-05-04"]


def test_article_timeline_is_in_date_order_not_reading_order():
    its, _ = build()
    entries = article_timeline(its[0])
    assert [e.datetime for e in entries] == ["2023", "2023-01"]
    assert [e.label for e in entries] == ["2023年", "2023年1月"]
    assert entries[1].entities == [("microsoft", "微软")]
    assert all(e.note_id for e in entries)


def test_site_timeline_merges_every_article():
    its, files = build()
    page = files["timeline/index.html"]
    assert re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', page) == [
        ("2021-03-04", "2021年3月4日"), ("2022-05", "2022年5月"), ("2023", "2023年"), ("2023-01", "2023年1月")]
    assert 'data-entities="sam-altman"' in page
    assert '<option value="openai">OpenAI（机构）</option>' in page
    assert 'href="/pizhu/articles/b/#rt' in page  # back to the date in its article
    assert not [rel for rel in files if re.match(r"timeline/\d{4}/", rel)]  # one page: no year pages


def test_a_long_site_timeline_gets_a_page_per_year():
    its, files = build(timeline_page_size=3)  # 4 entries
    index = files["timeline/index.html"]
    assert "<time" not in index
    assert re.findall(r'href="/pizhu/timeline/(\d{4})/">\1年</a> <span class="muted">(\d+) 条', index) == [
        ("2021", "1"), ("2022", "1"), ("2023", "2")]
    pages = {year: files[f"timeline/{year}/index.html"] for year in ("2021", "2022", "2023")}
    times = {year: re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', page) for year, page in pages.items()}
    assert times == {"2021": [("2021-03-04", "2021年3月4日")], "2022": [("2022-05", "2022年5月")],
                     "2023": [("2023", "2023年"), ("2023-01", "2023年1月")]}
    # each year page links to its neighbours and offers only the entities its entries name
    assert 'rel="prev" href="/pizhu/timeline/2021/"' in pages["2022"] and 'rel="next" href="/pizhu/timeline/2023/"' in pages["2022"]
    assert 'rel="prev"' not in pages["2021"] and 'rel="next"' not in pages["2023"]
    for page in pages.values():
        named = {e for found in re.findall(r'data-entities="([^"]*)"', page) for e in found.split()}
        assert set(re.findall(r'<option value="([^"]+)">', page)) == named
    assert all(f"/pizhu/timeline/{y}/" in files["sitemap.xml"] for y in pages)
    # an entity page links to each year that names it, with the filter set
    openai = files["entities/openai/index.html"]
    years = re.findall(r'href="/pizhu/timeline/(\d{4})/\?entity=openai"', openai)
    assert years == ["2022", "2023"] and all('<option value="openai">' in pages[y] for y in years)


def test_article_page_parts():
    its, files = build()
    page = files["articles/a/index.html"]
    # marks: each mention links to its item's endnote, which links back to it
    marks = re.findall(r'id=r([\d-]+) href=#n(\d+)>', page)
    for ref, note in marks:
        assert ref.split("-")[0] == note and f'<li id=n{note} ' in page and f'href=#r{ref}>' in page
    assert marks and '<strong><a href="/pizhu/entities/sam-altman/">Sam Altman</a>说</strong>' in page
    # timeline with exact precision, sidebar with both unit systems
    assert '<time datetime=2023-01>2023年1月</time>' in page
    assert "US$540 million" in page and "5.4亿美元" in page
    assert 'href="/pizhu/entities/openai/"' in page
    groups = figure_groups(its[0])
    assert [(g.kind, g.unit) for g, _ in groups] == [("money", "USD")]
    rows = groups[0][1]
    assert [r.row.value for r in rows] == ["5.4亿美元", "100亿美元"]  # reading order
    assert rows[0].fraction < rows[1].fraction


def test_entity_pages_merge_across_articles():
    _, files = build()
    assert "entities/openai/index.html" in files and "entities/index.html" in files
    openai = files["entities/openai/index.html"]
    assert "美国人工智能公司。" in openai and "Open AI" in openai and 'href="https://openai.com/"' in openai
    assert "标题a" in openai and "标题b" in openai
    assert openai.count("<mark>OpenAI</mark>") == 2
    assert "亏损" in openai and "发布新模型" in openai  # each mention with its sentence
    assert "5.4亿美元" in openai and "US$540 million" in openai  # its figures
    assert "在时间线中查看" in openai and "/pizhu/timeline/?entity=openai" in openai
    altman = files["entities/sam-altman/index.html"]
    assert "我们会赢。" in altman and "直接引语" in altman  # quotes by a person are on their page
    assert "Altman" in altman and "Sam Altman" in altman  # both names, merged by id
    index = files["entities/index.html"]
    assert index.index("人物") < index.index("机构")
    assert index.count('<li><a href="/pizhu/entities/') == 3


def test_builds_are_deterministic():
    _, one = build()
    _, two = build()
    assert one == two


def test_mark_markup_is_escaped_and_made_once_per_shape():
    its = items()
    quote = its[0].annotation.quotes[0]
    quote.speaker, quote.speaker_entity = '<b>"S"</b>', None  # printed as it is written (no entity's name)
    r = renderer()
    page = article_pages(r, its[0])["articles/a/index.html"]
    assert "<b>" not in page.split('class="article-body"')[1].split("</div>")[0]
    assert "&lt;b&gt;&#34;S&#34;&lt;/b&gt;" in page or "&lt;b&gt;&quot;S&quot;&lt;/b&gt;" in page
    assert len(r._mark_shapes) <= 16


def test_site_wide_pages_render_unprepared_items():
    r = renderer()
    files = site_wide_pages(r, items())
    assert "entities/microsoft/index.html" in files and "timeline/index.html" in files


from hypothesis import given, settings, strategies as st  # noqa: E402

from pizhu.timeline import sort_text  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["1999", "2023", "2023-01", "2023-01-05", "2023-12-31", "2024-02"]),
                          st.dates(), st.text("ab-/0", min_size=1, max_size=4), st.integers(0, 10**6)), max_size=30))
def test_site_timeline_text_keys_sort_like_entry_keys(rows):
    keys = [(date_key(d), -day.toordinal(), slug, start) for d, day, slug, start in rows]
    assert sorted(keys, key=sort_text) == sorted(keys)


def test_entity_index_merges_again_only_what_changed_and_agrees_with_a_full_merge():
    from pizhu.entities_index import EntityIndex
    r = renderer()
    a, b = items()
    parts_a, parts_b = r.article_parts(a).entities, r.article_parts(b).entities
    parts_a = parts_a + [parts_a[0]._replace(id="only-a", name="甲")]
    index = EntityIndex()
    first = index.update([parts_a, parts_b])
    kept = {p.id: p for p in first}
    # b now names a new entity, no longer names Microsoft and says more of OpenAI; Sam Altman's part is as it was
    more = {"openai": lambda p: p._replace(mentions=p.mentions + 1, rows=(p.rows[0], p.rows[1] + "<li>又一句</li>"), key=p.key + "+")}
    changed = ([more.get(p.id, lambda p: p)(p) for p in parts_b if p.id != "microsoft"]
               + [parts_b[0]._replace(id="xiaomi", name="小米")])
    again = index.update([parts_a, changed])
    assert [vars(p) for p in again] == [vars(p) for p in merge_entity_pages([parts_a, changed])]
    by_id = {p.id: p for p in again}
    assert "xiaomi" in by_id and by_id["microsoft"].article_count == 1
    assert by_id["only-a"] is kept["only-a"]  # not named by the changed article: not merged again
    assert by_id["sam-altman"] is kept["sam-altman"]  # its part did not change: not merged again
    assert by_id["openai"] is not kept["openai"] and "又一句" in by_id["openai"].recent_html
    assert index.update([changed, parts_a]) == merge_entity_pages([changed, parts_a])  # both moved
