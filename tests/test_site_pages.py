"""Site pages (issue 11): readable entity URLs (pinyin, collisions, stability), the Atom feed's summaries
and content, and JSON-LD that no title can break out of. Sites are invented, built in this process."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pizhu import slugs
from pizhu.builder import build_site
from pizhu.config import load_config
from pizhu.meta import json_ld

ATOM = "{http://www.w3.org/2005/Atom}"
# Two invented people whose names read the same in pinyin (lí míng, lǐ míng): their slugs collide.
GLOSSARY = """entities:
  - name: 黎明
    type: person
    note: 虚构的电池工程师。
  - name: 李明
    type: person
    note: 虚构的投资人。
"""


def _article(title: str, date: str, body: str) -> str:
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ndate: {date}\nauthor: 周敏\n---\n\n{body}\n"


def _site(root: Path, articles: dict[str, str]) -> Path:
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "site.yaml").write_text("title: 测试站\nurl: https://example.org\n", encoding="utf-8")
    (root / "content" / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    for slug, text in articles.items():
        (root / "content" / f"{slug}.md").write_text(text, encoding="utf-8")
    return root


def _build(root: Path, **kw) -> Path:
    build_site(load_config(root / "site.yaml"), **kw)
    return root / "_site"


def _entity_pages(site: Path) -> dict[str, str]:
    """{slug: the entity's name} of every entity page."""
    return {p.parent.name: re.search(r"<h1>([^<]+?)\s*<", p.read_text(encoding="utf-8")).group(1)
            for p in (site / "entities").glob("*/index.html")}


def _entity_links(site: Path) -> set[str]:
    """Every entity page linked from any page; a link whose text is an entity's name (index, timeline,
    entity list) must lead to that entity's page."""
    pages = _entity_pages(site)
    found = set()
    for page in site.rglob("*.html"):
        for slug, text in re.findall(r'href="/entities/([^"#?/]+)/"[^>]*>([^<]*)<', page.read_text(encoding="utf-8")):
            found.add(f"entities/{slug}/")
            assert text not in pages.values() or pages.get(slug) == text, (page, slug, text)
    return found


OLD = _article("黎明谈电池", "2024-01-05", "黎明在发布会上介绍了新电池。黎明说，新电池明年量产。")
NEW = _article("李明的新基金", "2024-02-01", "李明宣布成立新基金。2024年1月20日，李明在年会上表示，基金将投向储能。")


def test_pinyin_slugs_for_chinese_names_ascii_ids_kept():
    assert slugs.base_slug("e1a2b3c4d", "迈克尔-特林") == "mai-ke-er-te-lin"
    assert slugs.base_slug("e0f0f0f0f", "重庆银行") == "chong-qing-yin-hang"  # the word's reading, not 重 zhòng
    assert slugs.base_slug("e12345678", "中国移动5G") == "zhong-guo-yi-dong-5g"
    assert slugs.base_slug("openai", "OpenAI") == "openai"  # readable ids keep today's slugs
    assert slugs.base_slug("???", "???") == "entity"  # never empty


def test_collisions_get_a_suffix_in_order_of_first_appearance():
    table = slugs.SlugTable()
    for entity_id, name in [("e00000001", "黎明"), ("e00000002", "李明"), ("li-ming", "Li Ming"), ("e00000001", "黎明")]:
        table.add(entity_id, name)
    assert table.slugs == {"e00000001": "li-ming", "e00000002": "li-ming-2", "li-ming": "li-ming-3"}
    assert table.overrides([("e00000002", "李明"), ("e00000001", "黎明")]) == {"e00000002": "li-ming-2"}


def test_entity_urls_readable_and_every_link_reaches_its_entity(tmp_path):
    site = _build(_site(tmp_path, {"old": OLD, "new": NEW}))
    pages = _entity_pages(site)
    assert pages == {"li-ming": "黎明", "li-ming-2": "李明"}
    assert _entity_links(site) == {f"entities/{slug}/" for slug in pages}
    new_page = (site / "articles/new/index.html").read_text(encoding="utf-8")
    assert 'href="/entities/li-ming-2/"' in new_page and 'href="/entities/li-ming/"' not in new_page


def test_a_published_url_stays_when_a_colliding_entity_comes_later(tmp_path):
    root = _site(tmp_path / "grown", {"old": OLD})
    assert _entity_pages(_build(root)) == {"li-ming": "黎明"}
    (root / "content" / "new.md").write_text(NEW, encoding="utf-8")
    site = _build(root)  # incremental: the old article is not rendered again
    assert _entity_pages(site) == {"li-ming": "黎明", "li-ming-2": "李明"}
    assert _entity_links(site) == {"entities/li-ming/", "entities/li-ming-2/"}
    new_page = (site / "articles/new/index.html").read_text(encoding="utf-8")
    assert 'href="/entities/li-ming-2/"' in new_page and 'href="/entities/li-ming/"' not in new_page
    cold = _build(_site(tmp_path / "cold", {"old": OLD, "new": NEW}), use_cache=False)
    for page in ("articles/new/index.html", "articles/old/index.html", "index.html", "entities/li-ming-2/index.html"):
        assert (site / page).read_bytes() == (cold / page).read_bytes(), page


def _feed_entries(site: Path) -> dict[str, ET.Element]:
    feed = ET.parse(site / "feed.xml").getroot()
    return {e.find(f"{ATOM}title").text: e for e in feed.findall(f"{ATOM}entry")}


def test_feed_entries_carry_summary_and_content_without_marks(tmp_path):
    with_summary = _article("星河储能融资", "2024-03-12", "星河储能完成融资。**黎明**说：“产线明年投产。”")
    with_summary = with_summary.replace("author: 周敏\n", "author: 周敏\nsummary: 一家虚构储能公司的新融资。\n")
    site = _build(_site(tmp_path, {"a": with_summary, "b": OLD}))
    entries = _feed_entries(site)
    a, b = entries["星河储能融资"], entries["黎明谈电池"]
    assert a.find(f"{ATOM}summary").text == "一家虚构储能公司的新融资。"
    assert b.find(f"{ATOM}summary").text == "黎明在发布会上介绍了新电池。"  # the first sentence
    content = a.find(f"{ATOM}content")
    assert content.get("type") == "html"
    assert "<strong>黎明</strong>" in content.text and "产线明年投产" in content.text
    assert not re.search(r'class="|href="#|<time|<span', content.text), content.text  # no annotation markup
    link = a.find(f"{ATOM}link")
    assert (link.get("rel"), link.get("href")) == ("alternate", "https://example.org/articles/a/")
    assert a.find(f"{ATOM}id").text == "https://example.org/articles/a/"
    assert a.find(f"{ATOM}updated").text == "2024-03-12T00:00:00Z"
    assert a.find(f"{ATOM}author/{ATOM}name").text == "周敏"


class _Scripts(HTMLParser):
    """The text of every <script type="application/ld+json">, and every tag name, as a browser parses them."""

    def __init__(self):
        super().__init__()
        self.json: list[str] = []
        self.tags: list[str] = []
        self._in = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in = tag == "script" and ("type", "application/ld+json") in attrs
        if self._in:
            self.json.append("")

    def handle_data(self, data):
        if self._in:
            self.json[-1] += data

    def handle_endtag(self, tag):
        self._in = False


def test_json_ld_holds_a_title_that_closes_the_script(tmp_path):
    title = "危险标题</script><script>alert(1)</script><!--"
    site = _build(_site(tmp_path, {"x": _article(title, "2024-04-01", "黎明在发布会上介绍了新电池。")}))
    parser = _Scripts()
    parser.feed((site / "articles/x/index.html").read_text(encoding="utf-8"))
    assert len(parser.json) == 1
    data = json.loads(parser.json[0])
    assert data["headline"] == title and data["@type"] == "NewsArticle"
    assert data["mentions"] == [{"@type": "Person", "name": "黎明", "url": "https://example.org/entities/li-ming/"}]
    assert parser.tags.count("script") == 2  # the JSON-LD and pizhu.js: no script injected by the title


def test_json_ld_escapes_what_ends_a_script():
    text = str(json_ld({"t": "</script>&<!--\u2028"}))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"t": "</script>&<!--\u2028"}


@pytest.mark.parametrize("page", ["index.html", "entities/index.html", "articles/old/index.html"])
def test_open_graph_on_pages(tmp_path, page):
    html = (_build(_site(tmp_path, {"old": OLD})) / page).read_text(encoding="utf-8")
    found = dict(re.findall(r'<meta property="((?:og|article):[a-z_]+)" content="([^"]*)"', html))
    assert {"og:title", "og:type", "og:url", "og:site_name", "og:locale"} <= found.keys()
    assert found["og:url"] == "https://example.org/" + page.removesuffix("index.html")
    if page.startswith("articles/"):
        assert found["og:type"] == "article" and found["og:description"] == "黎明在发布会上介绍了新电池。"
        assert found["article:published_time"] == "2024-01-05" and found["article:author"] == "周敏"


def test_no_open_graph_on_the_404_page(tmp_path):
    assert "og:" not in (_build(_site(tmp_path, {"old": OLD})) / "404.html").read_text(encoding="utf-8")



def _mentions(site: Path, slug: str) -> dict[str, str]:
    """{entity name: its URL} of an article page's JSON-LD."""
    html = (site / f"articles/{slug}/index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1))
    return {m["name"]: m["url"] for m in data["mentions"]}


def test_an_unchanged_article_is_rendered_again_when_its_entity_gets_a_suffix(tmp_path):
    """An article dated before the one that named 李明 brings 黎明 (the one case where a URL moves): the
    unchanged newer article is rendered again with 李明's new URL, by the same builder (as serve keeps
    one) and as a cold build does."""
    from pizhu.builder import Builder

    root = _site(tmp_path / "grown", {"new": NEW})
    builder = Builder(load_config(root / "site.yaml"))
    builder.build()
    site = root / "_site"
    assert _mentions(site, "new") == {"李明": "https://example.org/entities/li-ming/"}
    (root / "content" / "old.md").write_text(OLD, encoding="utf-8")
    builder.build()
    assert _entity_pages(site) == {"li-ming": "黎明", "li-ming-2": "李明"}
    assert _mentions(site, "new") == {"李明": "https://example.org/entities/li-ming-2/"}
    assert _mentions(site, "old") == {"黎明": "https://example.org/entities/li-ming/"}
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="/entities/li-ming-2/">李明<' in index and 'href="/entities/li-ming/">黎明<' in index
    assert builder.build().rendered == 0  # nothing changed: nothing rendered again
    cold = _build(_site(tmp_path / "cold", {"old": OLD, "new": NEW}), use_cache=False)
    for page in ("articles/new/index.html", "articles/old/index.html", "index.html"):
        assert (site / page).read_bytes() == (cold / page).read_bytes(), page
