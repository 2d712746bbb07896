"""`build.py import`: a scraped article (plain text copied from a web page) to content/<slug>.md.

Every rule here is about web pages in general (bylines, comment forms, share links, captions),
never about one site or one article.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

import yaml

# Byline labels → front-matter keys. "来源" is a URL (source) or a publication name (source_name).
_BYLINE = re.compile(r"^\s*(文|作者|撰文|记者|编辑|责编|责任编辑|图片来源|题图来源|题图|来源|出品)\s*[|｜:：丨/]\s*(.+?)\s*$")
_BYLINE_KEYS = {"文": "author", "作者": "author", "撰文": "author", "记者": "author", "编辑": "editor",
                "责编": "editor", "责任编辑": "editor", "图片来源": "image_credit", "题图来源": "image_credit",
                "题图": "image_credit", "来源": "source", "出品": "publisher"}

# Page furniture that is never part of an article: comment forms, consent and captcha notices,
# share/print/back-to-top links, subscription prompts.
_DEBRIS = [re.compile(p, re.I) for p in (
    r"^(发表|发布|添加|查看|写)(评论|留言)$", r"^(评论|留言|全部评论)(\s*[（(]?\d*[)）]?)?$",
    r"电子邮箱地址不会被公开", r"必填项已用\s*\*\s*标注", r"reCAPTCHA",
    r"^scroll to top$", r"^back to top$", r"^返回顶部$", r"^(leave a (reply|comment)|comments?|reply)$",
    r"^(分享|分享到|转发|打印|收藏|点赞|举报|复制链接|在看)[:：]?\s*(微信|微博|QQ|朋友圈|链接|\s)*$",
    r"^(share|print|tweet|email|share this|share on \w+)[:：]?$", r"^(上一篇|下一篇|相关阅读|推荐阅读|延伸阅读)[:：]?",
    r"(扫码|扫描二维码|长按识别).{0,12}(关注|订阅|下载)", r"^(点击|戳)(这里|此处)?(关注|订阅)",
    r"^(本文)?(版权|著作权)(归|所有)", r"^未经(授权|许可).{0,10}(转载|使用)",
    r"^(标签|tags?)[:：]", r"^(阅读|浏览)(量|数)?[:：]?\s*\d+", r"^Copyright\b|^©",
)]
_CAPTION = re.compile(r"(图源|图片来源|图片|摄影|摄)\s*[:：|｜]")
_SENTENCE_PUNCT = re.compile(r"[。！？；，、,.!?;…]")
_HEADING_MAX = 30


@dataclass
class ImportedArticle:
    title: str
    meta: dict = field(default_factory=dict)
    blocks: list[str] = field(default_factory=list)  # Markdown blocks

    def to_markdown(self) -> str:
        front = yaml.safe_dump({"title": self.title, **self.meta}, allow_unicode=True, sort_keys=False,
                               width=1000)
        return f"---\n{front}---\n\n" + "\n\n".join(self.blocks) + "\n"


def convert(raw: str, *, date: dt.date | None = None) -> ImportedArticle:
    lines = [line.strip() for line in raw.replace("\r\n", "\n").split("\n")]
    lines = [line for line in lines if line and not _is_debris(line)]
    if not lines:
        raise ValueError("the file has no text to import")
    article = ImportedArticle(title=_markdown_escape(lines[0]))
    if date:
        article.meta["date"] = date
    body = []
    for line in lines[1:]:
        byline = _BYLINE.match(line)
        if byline and not body and len(line) <= 80:
            _add_byline(article.meta, _BYLINE_KEYS[byline.group(1)], byline.group(2))
        else:
            body.append(line)
    for i, line in enumerate(body):
        article.blocks.append(_block(line, body[i - 1] if i else None, body[i + 1] if i + 1 < len(body) else None))
    return article


def _is_debris(line: str) -> bool:
    return any(p.search(line) for p in _DEBRIS)


def _add_byline(meta: dict, key: str, value: str) -> None:
    if key == "source" and not re.match(r"https?://", value):
        key = "source_name"
    meta.setdefault(key, value)


def _block(line: str, previous: str | None, following: str | None) -> str:
    if _CAPTION.search(line) and len(line) <= 80:
        return "{.caption}\n" + _markdown_escape(line)
    if previous is not None and following is not None and _looks_like_heading(line):
        return "## " + _markdown_escape(line)
    return _markdown_escape(line)


def _looks_like_heading(line: str) -> bool:
    """Short, unpunctuated lines between paragraphs are section headings in scraped text."""
    return len(line) <= _HEADING_MAX and not _SENTENCE_PUNCT.search(line) and not line.startswith(("“", '"'))


def _markdown_escape(line: str) -> str:
    """Keep scraped text literal: characters that would start Markdown syntax at a line start."""
    line = re.sub(r"^(#{1,6}\s|[-+*]\s|\d+[.)]\s|>)", r"\\\1", line)
    return line.replace("*", r"\*").replace("_", r"\_") if re.search(r"[*_]\S", line) else line


def slug_for(title: str) -> str:
    """A short, stable ASCII slug: the title's Latin words plus a hash of the whole title."""
    words = re.findall(r"[A-Za-z0-9]+", title)
    stem = "-".join(w.lower() for w in words)[:40].strip("-")
    digest = hashlib.sha1(title.encode("utf-8")).hexdigest()[:6]
    return f"{stem}-{digest}" if stem else f"article-{digest}"
