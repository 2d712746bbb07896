"""Light pages: an entity named in many articles gets a page that grows by a line per article, lists
each article once and still links every one of them."""
from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from annotator import Annotation, Entity, Figure, Mention, Quote
from annotator.glossary import Glossary
from annotator.model import ArticleInfo

from pizhu.builder import build_site
from pizhu.config import SiteConfig, load_config
from pizhu.content import Article, find_articles, read_article
from pizhu.model import AnnotatedArticle
from pizhu.notes import entity_path
from pizhu.pages import Renderer
from pizhu.workers import annotate_article
from reference import site_wide_pages

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import gen  # noqa: E402  (the benchmark's article generator)

PER_ARTICLE = 400  # bytes an entity page may grow by per article naming the entity
FIXED = 30_000  # the page around them: header, the newest articles' sentences, the newest quotes and figures
ROW = re.compile(r'<li><a href="([^"]+)">')


def _article(number: int) -> AnnotatedArticle:
    """An invented article naming 星河科技 in four sentences, with two of its figures and a quote."""
    body = (f"星河科技第{number}季度营收增长{number}亿元，利润增长{number + 1}亿元。"
            "分析人士认为，星河科技的新工厂将在明年投产，产能会翻倍。"
            "“我们会继续扩大投入。”星河科技的发言人说。"
            "同行业的几家公司也在观望星河科技下一步的动作，市场反应平淡。\n")
    slug = f"post-{number:03d}"
    art = Article(Path(f"content/{slug}.md"), slug, f"星河科技的第{number}个季度",
                  dt.date(2020, 1, 1) + dt.timedelta(days=number), body, 5, "zh")
    names = [Mention("星河科技", m.start(), m.end()) for m in re.finditer("星河科技", body)]
    money = [m for m in re.finditer(r"\d+亿元", body)]
    figures = [Figure(m[0], m.start(), m.end(), "money", float(m[0][:-2]) * 1e8, "CNY", None, None, "xinghe")
               for m in money]
    said = "我们会继续扩大投入。"
    quote = Quote(said, body.index(said), body.index(said) + len(said), True, "星河科技", "xinghe")
    entity = Entity("xinghe", "星河科技", "org", [], None, None, names)
    return AnnotatedArticle(art, Annotation(ArticleInfo(None, art.title, art.date.isoformat()),
                                            [entity], figures, [quote], []))


def _rows(page: str) -> list[str]:
    """The article links of an entity page's article lists, in order."""
    lists = re.findall(r'<ol class="entity-articles[^"]*"[^>]*>(.*?)</ol>', page, re.S)
    return [href for html in lists for href in ROW.findall(html)]


def test_a_frequent_entity_page_grows_by_a_line_per_article_and_lists_each_once():
    items = sorted([_article(n) for n in range(1, 81)], key=lambda i: i.article.date, reverse=True)
    renderer = Renderer(SiteConfig(root=ROOT, base_url="/"))
    page = site_wide_pages(renderer, items)[f"{entity_path('xinghe')}index.html"]
    assert len(page.encode("utf-8")) <= FIXED + PER_ARTICLE * len(items)
    assert _rows(page) == [f"/{i.url}" for i in items]  # every article once, newest first
    newest = page.split(f'href="/{items[0].url}">', 1)[1].split("</li>", 1)[0]
    assert "<mark>星河科技</mark>" in newest  # the newest articles come with the sentence naming it
    assert "在 80 篇文章中提到 320 次" in page and "引语 80 条" in page and "相关数字 160 个" in page


def test_entity_pages_of_a_generated_site_link_every_article_naming_the_entity(tmp_path):
    gen.generate(tmp_path / "content", 40, seed=7)
    (tmp_path / "site.yaml").write_text("title: t\nurl: https://example.org\n", encoding="utf-8")
    config = load_config(tmp_path / "site.yaml")
    build_site(config)
    naming: dict[str, set[str]] = {}  # entity page → the articles whose shown marks name it
    for path, slug in find_articles(tmp_path / "content"):
        article = read_article(path, slug, default_lang="zh")
        annotation = annotate_article(article, Glossary()).confident(config.min_confidence)
        for entity in annotation.entities:
            if entity.mentions:
                naming.setdefault(entity_path(entity.id), set()).add(f"/articles/{article.slug}/")
    pages = sorted(naming, key=lambda path: -len(naming[path]))  # the most frequent first
    assert len(naming[pages[0]]) >= 20  # the generator names some entities in most articles
    for path in pages:
        articles = naming[path]
        page = (tmp_path / "_site" / path / "index.html").read_text(encoding="utf-8")
        assert len(page.encode("utf-8")) <= FIXED + PER_ARTICLE * len(articles), path
        assert sorted(_rows(page)) == sorted(articles), path  # each article naming it, once


def test_a_long_sentence_is_cut_around_the_mention():
    filler = "，".join(f"第{n}个条件已经满足" for n in range(1, 16))
    body = f"{filler}，星河科技于是宣布扩产，{filler}。\n"
    start = body.index("星河科技")
    art = Article(Path("content/long.md"), "long", "长句", dt.date(2024, 1, 1), body, 5, "zh")
    entity = Entity("xinghe", "星河科技", "org", [], None, None, [Mention("星河科技", start, start + 4)])
    item = AnnotatedArticle(art, Annotation(ArticleInfo(None, art.title, "2024-01-01"), [entity], [], [], []))
    page = site_wide_pages(Renderer(SiteConfig(root=ROOT, base_url="/")), [item])[f"{entity_path('xinghe')}index.html"]
    context = re.search(r'<p class="entity-context">(.*?)</p>', page)[1]
    text = re.sub(r"<[^>]+>", "", context)
    assert len(body) > 300 and len(text) <= 82  # 80 characters and an ellipsis either side
    assert text.startswith("…") and text.endswith("…") and "<mark>星河科技</mark>" in context
