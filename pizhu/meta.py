"""What pages say of an article outside its page: its summary, its date in Chinese, the entities it
covers (index, feed), and what pages say of themselves to other sites: Open Graph tags and schema.org
NewsArticle JSON-LD. Templates print these; `register` makes them templates' globals and filters.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Callable, Iterable

import jinja2
from markupsafe import Markup

from .content import Article
from .entities_index import plain
from .model import top_entities
from .notes import entity_path

SUMMARY_MAX = 120  # characters, when the first sentence runs on
SCHEMA_TYPES = {"person": "Person", "org": "Organization", "place": "Place", "product": "Product"}
_PARAGRAPH = re.compile(r"(?:[^\n]+\n?)+")  # lines up to a blank line
_SKIPPED = re.compile(r"#|```|~~~|\{|\||!\[[^\]]*\]\([^)]*\)\s*$|<")  # headings, code, attributes, tables, images, HTML
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
# a summary's first sentence ends at a Chinese or an English full stop (the annotator's splitter, which
# pages quoting its sentences use, knows Chinese punctuation only)
_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』\"')）]*|\.(?=\s|$)")
# JSON inside <script>: "</script>", "<!--" and the line separators JavaScript once refused
_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                "\u2028": "\\u2028", "\u2029": "\\u2029"})


def summary(article: Article) -> str:
    """The front matter's `summary`, else the body's first sentence as plain text (the first
    paragraph of text: headings, images, code and tables are passed over)."""
    if article.summary:
        return article.summary
    for match in _PARAGRAPH.finditer(article.body):
        block = match.group().strip()
        if not block or _SKIPPED.match(block):
            continue
        text = _SPACE.sub(" ", _TAG.sub("", plain(block))).strip()
        if text:
            end = _SENTENCE_END.search(text)
            if end and end.end() <= SUMMARY_MAX:
                return text[:end.end()]
            return text if len(text) <= SUMMARY_MAX else text[:SUMMARY_MAX] + "…"
    return ""


def chinese_date(date: dt.date) -> str:
    """2024-03-12 → 2024年3月12日."""
    return f"{date.year}年{date.month}月{date.day}日"


def og_locale(lang: str) -> str:
    """Open Graph's locale (language_TERRITORY) for a page's language: zh → zh_CN, zh-TW → zh_TW."""
    language, _, territory = lang.replace("_", "-").partition("-")
    if not territory:
        territory = {"zh": "CN", "en": "US"}.get(language.lower(), language.upper())
    return f"{language.lower()}_{territory.upper()}"


def json_ld(data) -> Markup:
    """`data` as JSON that can sit inside <script type="application/ld+json">: no "<", ">" or "&"
    as such, so that no text in it (a title holding "</script>") ends the script."""
    return Markup(json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_UNSAFE))


class _Counted:
    """An annotation entity with its number of mentions (what `top_entities` sorts)."""

    def __init__(self, entity):
        self.entity, self.mentions = entity, len(entity.mentions)


def news_article(article: Article, entities: Iterable, site, absolute_url: Callable[[str], str],
                 page_url: str) -> dict:
    """schema.org NewsArticle of an article page; `entities`: its annotation's."""
    author = article.author or site.author
    top = [c.entity for c in top_entities(_Counted(e) for e in entities)]
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": article.title, "datePublished": article.date.isoformat(),
        "description": summary(article), "inLanguage": article.lang,
        "mainEntityOfPage": {"@type": "WebPage", "@id": absolute_url(page_url)},
        "publisher": {"@type": "Organization", "name": site.title, "url": absolute_url("")},
        "mentions": [{"@type": SCHEMA_TYPES.get(e.type, "Thing"), "name": e.name,
                      "url": absolute_url(entity_path(e.id))} for e in top],
    }
    if author:
        data["author"] = {"@type": "Person", "name": author}
    return data


def register(env: jinja2.Environment) -> None:
    """The helpers above, as templates call them."""
    site, absolute_url = env.globals["site"], env.globals["absolute_url"]
    env.globals.update(summary=summary, chinese_date=chinese_date, og_locale=og_locale,
                       news_article=lambda article, entities, page_url: news_article(
                           article, entities, site, absolute_url, page_url))  # type: ignore[arg-type]
    env.filters["json_ld"] = json_ld
