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

# Labels of byline and trailer fields → front-matter keys; None: a credit that is dropped (proof-reading,
# layout …). "来源" is a URL (source) or a publication name (source_name).
_LABEL_KEYS = {"文": "author", "作者": "author", "撰文": "author", "记者": "author", "编辑": "editor",
               "责编": "editor", "责任编辑": "editor", "值班编辑": "editor", "图片来源": "image_credit",
               "题图来源": "image_credit", "题图": "image_credit", "来源": "source", "出品": "publisher",
               "校对": None, "审校": None, "审核": None, "终审": None, "监制": None, "排版": None, "美编": None}
# Labels that only ever credit staff: such a line leaves the body wherever it stands (others only at the end).
_CREDITS_ONLY = {"责编", "责任编辑", "值班编辑", "校对", "审校", "审核", "终审", "监制", "排版", "美编"}
_LABEL = re.compile(r"(?:^|(?<=[\s|｜丨/·]))(" + "|".join(sorted(_LABEL_KEYS, key=len, reverse=True))
                    + r")\s*[|｜:：丨/]\s*")
# A dateline's date: 2024-03-12 09:30, 2024/3/12, 2024.3.12, 2024年3月12日 …, and the words around it.
_DATE = re.compile(r"(?<![\w/])(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                   r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?(?![\d/])")  # not inside a URL's path
_DATE_WORDS = re.compile(r"(发布|发表|更新)?(时间|日期)\s*[:：]?|(发布|发表)于|(星期|周)[一二三四五六日天]")
_NOT_A_NAME = re.compile(r"[。！？；，?!;]")  # a field's value with these is a sentence ("记者：你怎么看？")
_FIELD_LINE_MAX = 80
_LEAD_MAX = 20  # unlabelled words beside a dateline ("某某网 2024-03-12"): page furniture
_DATELINE_WITHIN = 3  # body lines (after the byline) searched for a dateline

# Page furniture that is never part of an article: comment forms, consent and captcha notices,
# share/print/back-to-top links, subscription prompts.
_DEBRIS = [re.compile(p, re.I) for p in (
    r"^(发表|发布|添加|查看|写)(评论|留言)$", r"^(评论|留言|全部评论)(\s*[（(]?\d*[)）]?)?$",
    r"电子邮箱地址不会被公开", r"必填项已用\s*\*\s*标注", r"reCAPTCHA",
    r"^scroll to top$", r"^back to top$", r"^返回顶部$", r"^(leave a (reply|comment)|comments?|reply)$",
    r"^(分享|分享到|转发|打印|收藏|点赞|举报|复制链接|在看)[:：]?\s*(微信|微博|QQ|朋友圈|链接|\s)*$",
    r"^((点赞|赞|收藏|分享|转发|评论|在看|喜欢|举报|打赏)\s*([(（]\s*[\d.,万千kKwW+]*\s*[)）]|\d[\d.,万千kKwW+]*)?[\s|｜·/]*)+$",
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
    """The article in `raw`; its date is `date`, else the dateline among its first lines (none: no
    "date" in meta). Byline and dateline lines at the top, credit lines ("责任编辑：…") and the block
    of labelled lines that ends the page ("编辑：…", "来源：…") go to the front matter."""
    lines = [line.strip() for line in raw.replace("\r\n", "\n").split("\n")]
    lines = [line for line in lines if line and not _is_debris(line)]
    if not lines:
        raise ValueError("the file has no text to import")
    article = ImportedArticle(title=_markdown_escape(lines[0]), meta={"date": date} if date else {})
    body = lines[1:]
    while body and (fields := _fields(body[0])) is not None:  # the byline and dateline
        _add_fields(article.meta, fields)
        body.pop(0)
    dateline = next((i for i, line in enumerate(body[:_DATELINE_WITHIN]) if _is_dateline(line)), None)
    if dateline is not None:  # below a line the page put first (a section, a publication's name)
        _add_fields(article.meta, _fields(body.pop(dateline)) or [])
    tail = len(body)  # the block of credit lines that ends the page starts at body[tail]
    while tail and _credits(body[tail - 1]):
        tail -= 1
    kept = []
    for i, line in enumerate(body):
        credits = _credits(line)
        if credits and (i >= tail or all(label in _CREDITS_ONLY for label, _ in credits)):
            _add_fields(article.meta, credits)
        else:
            kept.append(line)
    if "date" in article.meta:  # right after the title, as an author writes it
        article.meta = {"date": article.meta.pop("date"), **article.meta}
    for i, line in enumerate(kept):
        article.blocks.append(_block(line, kept[i - 1] if i else None, kept[i + 1] if i + 1 < len(kept) else None))
    return article


def _is_debris(line: str) -> bool:
    return any(p.search(line) for p in _DEBRIS)


def _fields(line: str) -> list[tuple[str, object]] | None:
    """(label, value) of each field of a byline, dateline or credit line ("文|张三 编辑|李四",
    "2024年3月12日 09:30 来源：某某网", "（责任编辑：王五）"), a dateline's date as ("date", dt.date);
    None when the line is text."""
    line = line.strip("（）()【】[] ")
    if len(line) > _FIELD_LINE_MAX:
        return None
    fields: list[tuple[str, object]] = []
    found = _DATE.search(line)
    if found:
        try:
            fields.append(("date", dt.date(*(int(found.group(i)) for i in (1, 2, 3)))))
        except ValueError:
            return None
        line = _DATE_WORDS.sub(" ", line[:found.start()] + " " + line[found.end():])
    labels = list(_LABEL.finditer(line))
    lead = (line[:labels[0].start()] if labels else line).strip(" |｜丨/·")
    if lead and not (found and len(lead) <= _LEAD_MAX and not _NOT_A_NAME.search(lead)):
        return None
    for label, following in zip(labels, labels[1:] + [None]):
        value = line[label.end():following.start() if following else len(line)].strip(" |｜丨/·")
        if _NOT_A_NAME.search(value):
            return None
        fields.append((label.group(1), value))
    return fields if fields else None


def _is_dateline(line: str) -> bool:
    fields = _fields(line)
    return fields is not None and any(label == "date" for label, _ in fields)


def _add_fields(meta: dict, fields: list[tuple[str, object]]) -> None:
    for label, value in fields:
        key = "date" if label == "date" else _LABEL_KEYS[label]
        if key == "source" and not re.match(r"https?://", str(value)):
            key = "source_name"
        if key and value:
            meta.setdefault(key, value)


def _credits(line: str) -> list[tuple[str, object]] | None:
    """The fields of a credit line in the body ("责任编辑：王五", "校对：赵六", "来源：某某网"): labelled,
    without a date (datelines are read at the top only); None for any other line."""
    return None if _is_dateline(line) else _fields(line)


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
