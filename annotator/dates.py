"""Dates: absolute and relative, resolved against the article's date.

One precompiled regex finds every date expression; Python resolves the few matches:

* absolute: 2023年5月4日, 2023-05-04, 2023/5/4, 二〇二三年五月四日, 2022年5月, 2021年, 08年;
* partial: 5月3日, 2月, 29日: the year (and month) that puts the date at or before the article's date,
  or after it when the clause speaks of the future (将, 计划, 预计…), or those of an earlier date in
  the same sentence (2019年3月至5月);
* relative to the article's date: 今年, 去年, 前年, 明年, 今年1月, 去年底, 上月, 本月, 下个月, 昨日,
  今天, 上周三, 周五, 5天前;
* relative to the previous date in the text: 同年11月, 这一年, 次年, 当月, 次月, 当天, 次日, and in a story
  两年后, 一个月后 (a date quoted from a speaker does not move the story's time); 比上月 counts from the
  month its sentence reports.

Precision is the smallest calendar unit written (3月中旬 → month); a part of a year names its month
(去年底 → December of last year, 2022年年初 → 2022-01). Durations (三个月, 两年内, 几周, 未来几年, 十年来)
are not dates.

Each date also gets a role and a phrase for the timelines (`describe_events`, after entities are found):
a reference when it is not a time something happened (较2022年, 2022年同期, 2023年Q1财报, the end of
2019年3月至5月, 自5月以来), a forecast when it lies ahead (预计, 将, 有望, or after the article's date),
an event otherwise; the phrase is who did what in the date's clause, cut at punctuation, without the
date and the connectives before it (3月11日，储能电池厂商星河储能宣布完成15亿元C轮融资，由… →
星河储能宣布完成15亿元C轮融资), or None when no clause reads cleanly.
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import Any

from . import _vocab
from .model import Entity, Event, EventRole, Precision
from .numbers import parse_number
from .text import Document

# How likely a date and its resolution are right, by what the text wrote (calibrated later on the dev set).
CONFIDENCE_WRITTEN = 0.95        # the year is written: 2023年5月4日, 2021年, 2023-05-04
CONFIDENCE_RELATIVE = 0.9        # counted from the article's date: 去年底, 上月, 昨天, 三年前
CONFIDENCE_YEAR_GUESSED = 0.8    # a month (and day) whose year the tense chooses: 5月3日, 九月
CONFIDENCE_WEEKDAY = 0.8         # 周五, 上周三
CONFIDENCE_MONTH_GUESSED = 0.7   # a day alone: 29日
CONFIDENCE_ANAPHORIC = 0.7       # counted from an earlier date of the text: 同年, 当天, 两年后, 比上月

_SP = "[ \u00a0\u2009\u202f]?"
# the last day of a span written once with its month: 10月21-22日 is dated by its first day
_DAY_TO = r"(?:[-－–—~～至到](?:3[01]|[12][0-9]|0?[1-9]))?"
_CN_DIGITS = "零〇○一二三四五六七八九"
_MONTH = r"1[0-2]|0?[1-9]|１[０-２]|０?[１-９]|十[一二]?|[一二三四五六七八九]"
_DAY = r"3[01]|[12][0-9]|0?[1-9]|３[０１]|[１２][０-９]|０?[１-９]|三十一?|[二]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|[一二三四五六七八九]"
_CN_DAY = r"三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]|二十|廿[一二三四五六七八九]?"
_YEAR_AR = r"[12][0-9]{3}|[1-2][0-9]{3}|[１２][０-９]{3}"
_YEAR_CN = (rf"[{_CN_DIGITS}]{{3,4}}|[{_CN_DIGITS}]{{2}}(?=年)|两千(?:零[一二三四五六七八九]|零?一十[一二三四五六七八九]?|"
            r"[一二]十[一二三四五六七八九]?)?")
_NOT_BEFORE = r"(?<![0-9０-９A-Za-z.．/\-:#第])"
# 中 alone ends the phrase: 今年中东, 5月中国 are a year and a month before a name
_YEAR_PART = r"初|底|末|中(?![\u4e00-\u9fff])|头|尾"
_MONTH_PART = r"初|底|末|中旬|上旬|下旬|中(?![\u4e00-\u9fff])"
# (将 before a pronoun marks its object, like 把: 12月10日将其列入 is no future)
_FUTURE = re.compile(r"将(?![近其该此它这那])|计划|预计|即将|拟|有望|准备|打算|定于|原定|预定|届时|下一步|推迟|延期|延迟|延至|推至|"
                     r"\bwill\b")
# right after a date, these look back from it: 自5月以来
_SINCE = re.compile(r"以来|至今|迄今")
# between a date and a later cue of the future, these make the cue another event's: 1月18日宣布将上市
_REPORTED = re.compile(r"宣布|表示|称|说|透露|发布|公布|公告|披露|指出|决定|通过|批准|提出|了|已|曾")
# before 上月/上个月, a comparison with the period the sentence reports: 9月份…比上月 is August
# between two dates of one range or list (2019年3月至5月, 3月、5月和7月)
_JOINED = re.compile(r"\s*(?:[-至到、和及与或－–—~～]|以及)\s*")
_PLAN_GRACE = dt.timedelta(days=31)
_QUOTED = re.compile(r"“[^“”]*”|「[^「」]*」")
_COMPARED = re.compile(r"(?:比|较|环比|相比)$")
_CLAUSE_BEFORE = re.compile(r"[^，,。；;！!？?\n：:]*$")
_CLAUSE_AFTER = re.compile(r"[^，,。；;！!？?\n：:]*")

_PATTERN = re.compile(rf"""
(?=[0-9０-９{_CN_DIGITS}两十今去前明后後大本同当次翌该上下这這那周星礼週禮昨隔年月第])
# every date has one of these within a few characters (a cheap test that skips most of the text)
(?=[^\n。，]{{0,8}}?[年月日号號天周週期拜晚晨早夜/\-.－]|[12][0-9]{{3}}\ [01])
(?:
  # 2023-05-04, 2023/5/4, 2023.5.4, 2010 01 29
  {_NOT_BEFORE}(?P<ny>[12][0-9]{{3}})(?P<ns>[-/.])(?P<nm>1[0-2]|0?[1-9])(?P=ns)(?P<nd>3[01]|[12][0-9]|0?[1-9])(?![0-9.])
| {_NOT_BEFORE}(?P<sy>[12][0-9]{{3}})\ (?P<sm>1[0-2]|0[1-9])\ (?P<sd>3[01]|[12][0-9]|0[1-9])(?![0-9])
  # 13.5.2015, 3-7-07, 05/05/89, 12-11-10 (day-month-year or two-digit year-month-day)
| {_NOT_BEFORE}(?P<xa>[0-9]{{1,2}})(?P<xs>[-/.])(?P<xb>[0-9]{{1,2}})(?P=xs)(?P<xc>[0-9]{{4}}|[0-9]{{1,2}})(?![0-9.])
  # 2022-2023年: the first year of a span of years
| {_NOT_BEFORE}(?P<yr1>[12][0-9]{{3}})(?=[-－–—~～至到][12][0-9]{{3}}{_SP}年)
  # 2023年5月4日, 2022年5月, 2021年, 二〇二三年, 08年, 2022年底, 2023年5月中旬
| (?:(?:{_NOT_BEFORE}|(?<=[0-9]{{4}}[-－–—~～至到]))(?P<ya>{_YEAR_AR}|[0-9]{{2}})|(?<![{_CN_DIGITS}十百千万两])(?P<yc>{_YEAR_CN})){_SP}(?:财年|财政年度|年)
  (?:{_SP}(?P<ma>{_MONTH}){_SP}月份?
     (?:{_SP}(?P<da>{_DAY}){_DAY_TO}{_SP}[日号]
       |(?P<dca>{_CN_DAY})(?![日号0-9{_CN_DIGITS}十])
       |(?P<mpa>{_MONTH_PART}))?
   |(?P<ypa>{_YEAR_PART}|年初|年底|年末|年中(?![\u4e00-\u9fff])|上半年|下半年)(?!期|间|生|轻|纪|龄|级|代))?
  # 去年, 今年1月, 去年底, 去年本月十日, 同年11月, 次年
| (?P<ry>这一年(?!来)|同一年|那一年|大前年|(?<![之以提几多数十一二三四五六七八九])前年|去年|今年|本年|明年|(?<=[在于到至和与及或是从])后年|(?<![\u4e00-\u9fff])后年|同年|当年|次年|翌年|头年)
  (?:{_SP}(?P<rm>{_MONTH}){_SP}月份?
       (?:{_SP}(?P<rd>{_DAY}){_SP}[日号]|(?P<rdc>{_CN_DAY})(?![日号0-9{_CN_DIGITS}十])|(?P<rmp>{_MONTH_PART}))?
   |本月(?:(?P<rbd>{_DAY})[日号])?
   |(?P<ryp>年初|年底|年末|年中(?![\u4e00-\u9fff])|{_YEAR_PART}|上半年|下半年)(?!期|间|生|轻|纪|龄|级|代)
  )?
  # 上月, 本月, 次月, 当月, 下个月 (with a day: 上月5日)
| (?P<rmo>上个月|上一个月|上月|本月|这个月|当月|同月|次月|下个月|下一个月|下月)
  (?:(?P<rmd>{_DAY}){_SP}[日号]|(?P<rmop>初|底|末|中旬|上旬|下旬))?
  # 5月3日, 2月, 3月中旬, 八月十五 (no year)
| (?<![0-9０-９{_CN_DIGITS}十两A-Za-z.．/\-第个每近])(?P<mb>{_MONTH}){_SP}月份?(?!份额|薪|饼|球|子|光|亮|色|台|刊|嫂|度|费|供|租|活|均|报|次|余|来|之|[一二三四五六七八九两几]次)
  (?:{_SP}(?P<db>{_DAY}){_DAY_TO}{_SP}[日号]
     |(?P<dcb>{_CN_DAY})(?![日号0-9{_CN_DIGITS}十])
     |(?P<mpb>{_MONTH_PART}))?
  # 29日 (day of the current month)
| (?:(?<=[日号][-－–—~～])|(?<![0-9０-９{_CN_DIGITS}十月A-Za-z.．/\-第个每近前后]))(?P<d0>3[01]|[12][0-9]|0?[1-9]|{_CN_DAY})日(?![元圆本语文均内游前后间线记常子期程志年化])
  # 昨天, 今日, 次日, 当天
| (?P<rday>大前天|大后天|前天|昨天|昨日|今天|今日(?!头条|美国|俄罗斯|说法)|明天|明日(?!之)|(?<![今之以最然落随])[后後]天|次日|翌日|当天|当日|当晚|当夜|同日|隔天|隔日|前一天|前一日|第二天|昨晚|昨夜|昨晨|前晚|今晨|今早|今晚|今夜|明晚|明早)
  # 上周三, 本周五, 周一, 星期日
| (?P<wk>上上[个個]?|下下[个個]?|上[个個]?|下[个個]?|上一|下一|本|这[个個]?|這[個个]?)?(?<![一二两三四五六七八九十几每数半])(?:周|星期|礼拜|週|禮拜)(?P<wd>[一二三四五六日天])(?![一二三四五六七八九十年次])
  # 5天前, 三天后, 两个月前, 3年前
| (?<![0-9０-９{_CN_DIGITS}十两几数])(?P<ago>[0-9]{{1,3}}|[{_CN_DIGITS}两十]{{1,3}})(?P<agu>天|日|个月|年|周|个星期)(?P<agd>前|后|以前|以后|之前|之后)(?![后期])
  # 年初, 年底, 上半年 (of the article's year), 月底
| (?<![0-9０-９{_CN_DIGITS}十两今去明前后本同当次翌一年上下每大正])(?P<bare>年初|年底|年末|上半年|下半年|月初|月底|月末)
)
""", re.VERBOSE)

_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_REL_YEAR = {"大前年": -3, "前年": -2, "去年": -1, "今年": 0, "本年": 0, "明年": 1, "后年": 2}
_ANAPHORIC_YEAR = {"同年": 0, "当年": 0, "次年": 1, "翌年": 1, "头年": -1, "这一年": 0, "同一年": 0, "那一年": 0}
# the month a part of a year names: 年初 is January, 年底 December (年中, 上半年 stay a year)
_PART_MONTH = {"初": 1, "年初": 1, "底": 12, "末": 12, "尾": 12, "年底": 12, "年末": 12}
_REL_MONTH = {"上个月": -1, "上一个月": -1, "上月": -1, "本月": 0, "这个月": 0, "下个月": 1, "下一个月": 1, "下月": 1}
_ANAPHORIC_MONTH = {"当月": 0, "同月": 0, "次月": 1}
_REL_DAY = {"大前天": -3, "前天": -2, "昨天": -1, "昨日": -1, "今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2,
            "大后天": 3, "後天": 2, "昨晚": -1, "昨夜": -1, "昨晨": -1, "前晚": -2, "今晨": 0, "今早": 0, "今晚": 0,
            "今夜": 0, "明晚": 1, "明早": 1}
_ANAPHORIC_DAY = {"次日": 1, "翌日": 1, "当天": 0, "当日": 0, "当晚": 0, "当夜": 0, "同日": 0, "隔天": 1, "隔日": 1,
                  "前一天": -1, "前一日": -1, "第二天": 1}
_TODAY_IF_ALONE = {"当天", "当日"}


@lru_cache(maxsize=1024)
def _int(s: str | None) -> int | None:
    if not s:
        return None
    if s.isascii() and s.isdigit():
        return int(s)
    v = parse_number(s)
    return int(v) if isinstance(v, (int, float)) and v == int(v) else None


def _year(s: str) -> int | None:
    """2023, 08, 二〇二三, 两千零四, 三六七."""
    if s[0] in _CN_DIGITS and all(c in _CN_DIGITS for c in s):
        digits = "".join(str(_CN_VALUE[c]) for c in s)
        y = int(digits)
        return y + 2000 if len(s) == 2 and y < 50 else (y + 1900 if len(s) == 2 else y)
    v = _int(s)
    if v is None:
        return None
    if len(s) == 2:
        return 2000 + v if v < 50 else 1900 + v
    return v


_CN_VALUE = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _checked(y: int, mo: int | None, d: int | None) -> tuple | None:
    """(year, month, day) as far as given, or None when the month or day does not exist."""
    if mo is None:
        return (y, None, None)
    if d is None:
        return (y, mo, None) if _valid(y, mo) else None
    return (y, mo, d) if _valid(y, mo, d) else None


def _valid(y: int, m: int, d: int | None = None) -> bool:
    if not (1 <= m <= 12) or not (1 <= y <= 9999):
        return False
    return d is None or 1 <= d <= calendar.monthrange(y, m)[1]


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


class _Resolver:
    def __init__(self, doc: Document, today: dt.date):
        self.doc, self.today = doc, today
        self.prev: tuple[int, int | None, int | None] | None = None   # last resolved date (y, m, d)
        self.prev_sentence = -1
        self.prev_end = -1
        self.prev_explicit_year = False
        self.prev_day: tuple[int, int, int] | None = None   # last resolved date with a day (for 当天)
        self.told: tuple | None = None   # last resolved date outside quotation marks: the story's time
        self.quoted = [m.span() for m in _QUOTED.finditer(doc.text)] if "“" in doc.text or "「" in doc.text else []

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quoted, (pos, len(self.doc.text))) - 1
        return i >= 0 and self.quoted[i][0] < pos < self.quoted[i][1]

    def anchor(self, pos: int) -> tuple | None:
        """The date a story word at `pos` counts from (两年后, 这一年): the last date told, where a date
        someone mentions inside a quotation does not move the story's time."""
        return self.prev if self.in_quote(pos) else self.told

    def future(self, start: int, end: int, cues: re.Pattern = _FUTURE) -> bool:
        """Does the date lie ahead: a cue of the future before it in its clause (将于11月3日, 预计3月),
        or after it with no report between (11月3日起将…; not 1月18日宣布将…, nor 自5月以来…)?"""
        text = self.doc.text
        if _SINCE.match(text, end):
            return False
        before = _CLAUSE_BEFORE.search(text, max(0, start - 40), start)  # always matches
        if cues.search(text, before.start() if before else start, start):
            return True
        after = _CLAUSE_AFTER.match(text, end, end + 40)  # always matches
        b = after.end() if after else end
        cue = cues.search(text, end, b)
        return cue is not None and not _REPORTED.search(text, end, cue.start())

    def month_day(self, m: int, d: int | None, start: int, end: int, sentence: int):
        """A month (and day) without a year: the year of a date just before it in its sentence (2019年3月至5月),
        else the one at or before the article's date, or after it when the date lies ahead."""
        t = self.today
        fut = self.future(start, end)
        if self.prev_explicit_year and self.prev_sentence == sentence and self.prev and self.prev[1]:
            res = (self.prev[0], m, d) if _valid(self.prev[0], m, d) else None
            # not right after that date (a range, a list), the year is shared only when the dates run
            # forward and stay behind the article's date unless the text looks ahead
            later = res is not None and (m, d or 1) >= (self.prev[1], self.prev[2] or 1)
            ahead = res is not None and (res[0], m, d or 1) > (t.year, t.month, t.day if d else 1)
            if _JOINED.fullmatch(self.doc.text, self.prev_end, start) or (later and (fut or not ahead)):
                return res
        y = t.year
        if fut:
            # a plan reported just after its date (原定于12月10日…, in a mid-December article) keeps that date
            g = t - _PLAN_GRACE
            for k in range(-1, 9):
                if _valid(y + k, m, d) and (y + k, m, d or 1) >= (g.year, g.month, g.day if d else 1):
                    return (y + k, m, d)
        else:
            for k in range(0, 9):
                if _valid(y - k, m, d) and (y - k, m, d or 1) <= (t.year, t.month, t.day if d else 1):
                    return (y - k, m, d)
        return None

    def day_only(self, d: int, start: int, end: int, sentence: int):
        """A day without a month: the month of a date just before it in its sentence, or in its paragraph
        when the day comes after that date (9月20日…。21日 is 9月21日); else the month of the article's date
        (or the one before) that puts it at or before the article's date, after it for the future."""
        if self.prev and self.prev[1] is not None:
            y, m = self.prev[0], self.prev[1]
            same_paragraph = "\n" not in self.doc.text[self.prev_end:start]
            if self.prev_sentence == sentence or (same_paragraph and d >= (self.prev[2] or 1)):
                return (y, m, d) if _valid(y, m, d) else None
        t = self.today
        fut = self.future(start, end)
        y, m = t.year, t.month
        for _ in range(12):
            if _valid(y, m, d) and ((y, m, d) >= (t.year, t.month, t.day) if fut else (y, m, d) <= (t.year, t.month, t.day)):
                return (y, m, d)
            y, m = _shift_month(y, m, 1 if fut else -1)
        return None

    def weekday(self, prefix: str | None, wd: int, start: int, end: int):
        t = self.today
        monday = t - dt.timedelta(days=t.weekday())
        if prefix:
            p = prefix.rstrip("个個一")
            weeks = {"上上": -2, "下下": 2, "上": -1, "下": 1, "本": 0, "这": 0, "這": 0}.get(p, 0)
            day = monday + dt.timedelta(days=7 * weeks + wd)
        else:
            delta = (t.weekday() - wd) % 7
            day = t - dt.timedelta(days=delta)
            if self.future(start, end) and day < t:
                day += dt.timedelta(days=7)
        return (day.year, day.month, day.day)


def find_events(doc: Document, today: dt.date) -> list[Event]:
    text = doc.text
    r = _Resolver(doc, today)
    events: list[Event] = []
    for m in _PATTERN.finditer(text):
        start, end = m.span()
        span = doc.sentence_at(start)
        sentence = span.start
        explicit_year = False
        anchored = False   # counted from an earlier date of the text, not the article's
        y: int | None
        mo: int | None
        d: int | None
        res: tuple[Any, ...] | None = None   # (year, month or None, day or None)
        base: tuple[Any, ...] | None
        g = m
        t = today
        if g["ny"]:
            y, mo, d = int(g["ny"]), int(g["nm"]), int(g["nd"])
            res, explicit_year = ((y, mo, d) if _valid(y, mo, d) else None), True
        elif g["sy"]:
            y, mo, d = int(g["sy"]), int(g["sm"]), int(g["sd"])
            res, explicit_year = ((y, mo, d) if _valid(y, mo, d) else None), True
        elif g["xa"]:
            a, b, c, sep = g["xa"], g["xb"], g["xc"], g["xs"]
            if len(c) == 4:
                y, mo, d = int(c), int(b), int(a)
            elif sep in "-." and len(a) == 2:
                y, mo, d = _year(a), int(b), int(c)
            elif len(c) == 2:
                y, mo, d = _year(c), int(b), int(a)
            else:
                continue
            res, explicit_year = ((y, mo, d) if y and _valid(y, mo, d) else None), True
        elif g["yr1"]:
            res, explicit_year = (int(g["yr1"]), None, None), True
        elif g["ya"] or g["yc"]:
            ys = g["ya"] or g["yc"]
            y = _year(ys) if g["ya"] else _year_cn(ys)
            if y is None or not _year_ok(text, m, ys, bool(g["ya"])):
                continue
            mo = _int(g["ma"])
            d = _int(g["da"] or g["dca"])
            if mo is None and g["ypa"]:
                mo = _PART_MONTH.get(g["ypa"])
            res = _checked(y, mo, d)
            explicit_year = True
        elif g["ry"]:
            word = g["ry"]
            anchored = word not in _REL_YEAR
            if word in _REL_YEAR:
                y = t.year + _REL_YEAR[word]
            elif told := r.anchor(start):
                y = told[0] + _ANAPHORIC_YEAR[word]
            elif _ANAPHORIC_YEAR[word] == 0:
                continue   # 同年, 这一年 with no year before them
            else:
                y = t.year + _ANAPHORIC_YEAR[word]
            mo = _int(g["rm"])
            if m.group().find("本月") > 0:
                mo = t.month
            if mo is None and g["ryp"]:
                mo = _PART_MONTH.get(g["ryp"])
            d = _int(g["rd"] or g["rdc"] or g["rbd"])
            res = _checked(y, mo, d)
            explicit_year = True
        elif g["rmo"]:
            word = g["rmo"]
            if word in _REL_MONTH:
                y, mo = t.year, t.month
                if (_COMPARED.search(text, max(0, start - 2), start) and r.prev and r.prev[1]
                        and r.prev_sentence == sentence):
                    y, mo, anchored = r.prev[0], r.prev[1], True
                y, mo = _shift_month(y, mo, _REL_MONTH[word])
            elif r.prev and r.prev[1]:
                y, mo = _shift_month(r.prev[0], r.prev[1], _ANAPHORIC_MONTH[word])
                anchored = True
            else:
                continue
            d = _int(g["rmd"])
            res = (y, mo, d) if _valid(y, mo, d) else None
            explicit_year = True
        elif g["mb"]:
            mo = _int(g["mb"])
            d = _int(g["db"] or g["dcb"])
            if mo is None or (g["dcb"] and not _is_cn(g["mb"])):
                if mo is None:
                    continue
                d = None
                end = m.start("dcb")
            res = r.month_day(mo, d, start, end, sentence)
        elif g["d0"]:
            d = _int(g["d0"])
            res = r.day_only(d, start, end, sentence) if d else None
        elif g["rday"]:
            word = g["rday"]
            if word in _REL_DAY:
                day = t + dt.timedelta(days=_REL_DAY[word])
            elif r.prev_day:
                day = dt.date(*r.prev_day) + dt.timedelta(days=_ANAPHORIC_DAY[word])
                anchored = True
            elif word in _TODAY_IF_ALONE and not r.prev:
                day = t
            else:
                continue
            res = (day.year, day.month, day.day)
        elif g["wd"]:
            if events and start - events[-1].end <= 2 and events[-1].precision == "day":
                continue   # 5月3日（周三）: the weekday only restates the date
            res = r.weekday(g["wk"], _WEEKDAY[g["wd"]], start, end)
        elif g["ago"]:
            n = _int(g["ago"])
            if n is None:
                continue
            sign = 1 if g["agd"].endswith("后") else -1
            base = (t.year, t.month, t.day)
            if sign > 0 and not r.future(start, end):
                base, anchored = r.anchor(start), True   # 两年后 in a story: after the date it last told
            res = _offset(base, g["agu"], sign * n) if base else None
        elif g["bare"]:
            word = g["bare"]
            res = (t.year, _PART_MONTH.get(word), None) if word[0] != "月" else (t.year, t.month, None)
        if res is None:
            continue
        if (events and events[-1].precision == "day" and d_is_weekday(events[-1].text)
                and start - events[-1].end <= 2 and res[2] is not None):
            events.pop()   # 周四（5月4日）: the weekday only restates the date
        y, mo, d = res
        precision: Precision
        if d is not None:
            date, precision = f"{y:04d}-{mo:02d}-{d:02d}", "day"
        elif mo is not None:
            date, precision = f"{y:04d}-{mo:02d}", "month"
        else:
            date, precision = f"{y:04d}", "year"
        events.append(Event(text[start:end], start, end, date, precision, text[span.start:span.end].strip(),
                            _confidence(g, anchored)))
        r.prev, r.prev_sentence, r.prev_end, r.prev_explicit_year = res, sentence, end, explicit_year
        if res[2] is not None:
            r.prev_day = res
        if not r.quoted or not r.in_quote(start):
            r.told = res
    for i, event in enumerate(events):
        event.role = _role(event, events[i - 1] if i else None, r, today)
    return events


def _confidence(g: re.Match, anchored: bool) -> float:
    """How likely the resolved date is right, by what the text wrote of it."""
    if anchored:
        return CONFIDENCE_ANAPHORIC
    if g["mb"]:
        return CONFIDENCE_YEAR_GUESSED
    if g["d0"]:
        return CONFIDENCE_MONTH_GUESSED
    if g["wd"]:
        return CONFIDENCE_WEEKDAY
    if g["ry"] or g["rmo"] or g["rday"] or g["ago"] or g["bare"]:
        return CONFIDENCE_RELATIVE
    return CONFIDENCE_WRITTEN


def _offset(base: tuple, unit: str, n: int) -> tuple | None:
    """`base` (y, m, d) moved by n days, weeks, months or years, at that unit's precision (None when
    `base` is less precise than the unit)."""
    y, mo, d = base
    if unit in ("天", "日", "周", "个星期"):
        if d is None:
            return None
        day = dt.date(y, mo, d) + dt.timedelta(days=n * (7 if unit in ("周", "个星期") else 1))
        return (day.year, day.month, day.day)
    if unit == "个月":
        return (*_shift_month(y, mo, n), None) if mo is not None else None
    return (y + n, None, None)


def d_is_weekday(s: str) -> bool:
    return s[-1] in _WEEKDAY and any(w in s for w in ("周", "星期", "礼拜", "週", "禮拜"))


def _is_cn(s: str) -> bool:
    return not any(c.isdigit() for c in s)


def _year_cn(s: str) -> int | None:
    if all(c in _CN_VALUE for c in s):
        return _year(s)
    v = _int(s)
    return v


_DURATION_AFTER = re.compile(r"[来间内里多余代]|之久|以前|前后|历史|时间")
# after a four-digit number that reads as a recent year, only these make it no year: a count of years
# (2000年来) or a decade (1990年代); 2021年内, 2019年以前, 2008年前后 are about that year
_YEARS_COUNTED_AFTER = re.compile(r"[来多余代]|之久|历史|时间")


def _year_ok(text: str, m: re.Match, ys: str, arabic: bool) -> bool:
    """A number before 年 is a year, not a count of years (两千年来, 10年间, 近50年)."""
    after = text[m.end(): m.end() + 3]
    if arabic and len(ys) == 2:
        # 08年 and 18年3月 are years; 10年, 50年 are durations
        if not (ys[0] == "0" or m["ma"]):
            return False
        return not _DURATION_AFTER.match(after) or bool(m["ma"])
    counted = _YEARS_COUNTED_AFTER if arabic and len(ys) == 4 and 1900 <= int(ys) <= 2100 else _DURATION_AFTER
    if not m["ma"] and not m["ypa"] and counted.match(after):
        return False
    if not arabic and not m["ma"] and text[m.end():m.end() + 1] in "前后":
        return False
    return True


# -- Roles: is the date a time something happened? -------------------------------------------------

def _words_pattern(words, template: str) -> re.Pattern:
    return re.compile(template.format("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))))


_COMPARISONS = _vocab.table("date_comparisons")
# 较2022年, 比去年 (the word right before the date); 2022年同期, 与2022年相比 (right after it)
_COMPARED_BEFORE = _words_pattern([w for k, w in _COMPARISONS if k == "before"], r"(?:{})\s*$")
_COMPARED_AFTER = _words_pattern([w for k, w in _COMPARISONS if k == "after"], r"\s*的?\s*(?:{})")
# 2023年Q1财报, 2022年年报, 2023年一季度报告: the date names the period a document covers
_REPORT_AFTER = _words_pattern(_vocab.entries("report_nouns"),
                               r"\s*(?:Q[1-4]|H[12]|第?[一二三四1-4]季度|[上下]半年|前[一二三]季度|全年|年度|财年|中期)?\s*的?(?:{})")
# 2019年3月至5月, 从6月3日持续到6月9日: the date after the joiner ends a range begun by the one before it
_RANGE_TO = re.compile(r"\s*(?:[-－–—~～]|(?:持续|延续|一直|延长)?(?:至|到))\s*")
# cues that the sentence tells what is expected, not what happened (narrower than _FUTURE, which also
# chooses the year of a postponed or originally planned date)
# (预期 only before the date: after it, 好于预期 is a noun)
_FORECAST = re.compile(r"将(?![近其该此它这那])|计划|预计|即将|拟|有望|准备|打算|定于|预定|届时|\bwill\b")
_FORECAST_IN_SENTENCE = re.compile(r"预计|预测|预期")


def _role(event: Event, before: Event | None, r: _Resolver, today: dt.date) -> EventRole:
    """reference, forecast or event (see the module's docstring)."""
    text, start, end = r.doc.text, event.start, event.end
    if (_labels(text, start, end) or _aside(text, r.doc.sentence_at(start).start, start, end, before)
            or (before is not None and _RANGE_TO.fullmatch(text, before.end, start))):
        return "reference"
    first, last = _date_bounds(event.date)
    if first > today:
        return "forecast"
    sentence = r.doc.sentence_at(start).start
    cued = r.future(start, end, _FORECAST) or _FORECAST_IN_SENTENCE.search(text, sentence, start)
    # a plan for a date long past (计划于2019年上市, told in 2024) is no longer a forecast
    return "forecast" if cued and last >= today - _PLAN_GRACE else "event"


def _labels(text: str, start: int, end: int) -> bool:
    """Is the date a point of comparison, a report's period or the start of a duration (较2022年,
    2022年同期, 2023年Q1财报, 5月以来)? Phrases keep such dates: they say what the figure is."""
    return bool(_COMPARED_BEFORE.search(text, max(0, start - 4), start) or _COMPARED_AFTER.match(text, end)
                or _REPORT_AFTER.match(text, end) or _SINCE.match(text, end))


def _aside(text: str, sentence: int, start: int, end: int, before: Event | None) -> bool:
    """Is the date inside brackets, as an aside (45岁（1977年生）) or restating the date before it
    (今日（2月28日））? A date alone in brackets after words that are no date (星期二（10月6日）) dates
    the sentence."""
    head = text[sentence:start]
    opened = max(head.rfind("（"), head.rfind("("))
    if opened < 0 or max(head.rfind("）"), head.rfind(")")) > opened:
        return False
    closing = re.match(r"[^（）()。！？\n]*?[）)]", text[end:end + 30])
    if closing is None:
        return False
    alone = not text[sentence + opened + 1:start].strip() and closing.end() == 1
    return not alone or (before is not None and not text[before.end:sentence + opened].strip())


@lru_cache(maxsize=1024)
def _date_bounds(date: str) -> tuple[dt.date, dt.date]:
    """The first and last day a date at its precision covers ('2023-05' → May 1 and May 31)."""
    parts = [int(p) for p in date.split("-")]
    y = parts[0]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        return dt.date(y, parts[1], 1), dt.date(y, parts[1], calendar.monthrange(y, parts[1])[1])
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


# -- Phrases: who did what, from the date's clause ---------------------------------------------------

PHRASE_MAX = 40  # characters: a phrase longer than this is no phrase (None), never cut in the middle
_PHRASE_MIN = 4
_CLAUSE_MARKS = frozenset("，,；;：:。！？!?\n—…")
_OPENING, _CLOSING = "“「『《（(", "”」』》）)"
_CLAUSE_CUT = re.compile("[" + re.escape("".join(_CLAUSE_MARKS) + _OPENING + _CLOSING) + "]")
_OPENER_WORDS = [line.split("|")[-1].strip() for line in _vocab.entries("clause_openers")]
_SKIP_WORDS = {line.split("|")[-1].strip() for line in _vocab.entries("clause_openers") if line.startswith("skip")}
_OPENERS = _words_pattern(_OPENER_WORDS, "(?:{})")
_SKIP_OPENERS = _words_pattern(_SKIP_WORDS, "(?:{})")
_DESCRIPTORS = _vocab.words("descriptor_nouns") | _vocab.TITLES
_DESCRIBED = _words_pattern(_DESCRIPTORS, "(?:{})$")  # 储能电池厂商|星河储能, the name being an entity's
# 储能电池厂商|星河储能宣布: a description, then a name (not found as an entity) up to a lead's verb
_LEAD_VERBS = "|".join(re.escape(w) for w in sorted(_vocab.words("lead_verbs") | _vocab.SPEECH_VERBS, key=len, reverse=True))
_DESCRIBED_NAME = re.compile("[^\\W\\d_]{{0,10}}?(?:{})(?=(?!{verbs})[\\w·]{{2,10}}?(?:{verbs}))".format(
    "|".join(re.escape(w) for w in sorted(_DESCRIPTORS, key=len, reverse=True)), verbs=_LEAD_VERBS))
_SAID = _words_pattern(_vocab.SPEECH_VERBS, ".(?:{})$")  # X表示: what X said follows
_DESCRIPTOR_SPAN = 12  # characters of description before a name (储能电池厂商) at most
_PREPOSITION_BEFORE = re.compile(r"(?:早在|截至|截止|直到|在|于|自|从|到|至|继)\s*$")
_POSTPOSITION_AFTER = re.compile(r"\s*(?:以来|的时候|前后|左右|起|时|之后|以后|后|之前|以前|前(?![0-9一二三四五六七八九十两几]))")
_EMPTY_BRACKETS = re.compile(r"（\s*）|\(\s*\)")
_JOINER_FIRST = re.compile(r"[-－–—~～、至到和及与]")
_LEADING_MARKS = re.compile(r"^[^\w“「『《（(]+")
_RELATIVE_VERB = re.compile(r"^[\u4e00-\u9fff]{1,3}的")  # 4月25日发布的财报: the date dated a relative clause
# 在X后: X is what happened; 在X中 (上, 下…): a circumstance, not an event
_AT_EVENT = re.compile(r"(?:之后|以后|后|之时|时|之前|以前|前|期间|之际)$")
_AT_PLACE = re.compile(r"(?:中|上|下|里|内|方面|之下)$")
_TIME_AFTER = ("之后", "以后", "后", "以来")
_NOT_FIRST = frozenset("的了之着过和与及并而或等为")
_NOT_LAST = frozenset("的在于和与及从向对把被将为是继由以按至到自让给使")


def describe_events(doc: Document, events: list[Event], entities: list[Entity]) -> None:
    """Set each event's phrase (references get none), once the article's entities are known."""
    if not events:
        return
    mentions = sorted(m.start for e in entities for m in e.mentions)
    words = _WordEdges(doc)
    text = doc.text
    # a phrase leaves out the dates it is dated by, keeps those that say what a figure is (较2022年)
    left_out = [(e.start, e.end) for e in events if e.role != "reference" or not _labels(text, e.start, e.end)]
    for event in events:
        if event.role != "reference":
            event.phrase = _phrase(doc, event, words, mentions, left_out)


class _WordEdges:
    """Where the segmenter's words start and end: an opener is cut only as a whole word (并 is not cut
    from 并购, nor 也 from 也门)."""

    def __init__(self, doc: Document):
        self.text, self.tokens = doc.text, doc.tokens

    def at(self, pos: int) -> bool:
        text = self.text
        if pos <= 0 or pos >= len(text) or not _is_han(text[pos]) or not _is_han(text[pos - 1]):
            return True
        i = bisect.bisect_left(self.tokens, pos, key=_token_start)
        return (i < len(self.tokens) and self.tokens[i][1] == pos) or (i > 0 and self.tokens[i - 1][2] == pos)

    def word(self, pos: int, words: re.Pattern) -> str | None:
        """The longest of `words` written at `pos`, when it ends at a word's edge."""
        m = words.match(self.text, pos)
        return m.group() if m and self.at(m.end()) else None


def _token_start(token: tuple[str, int, int]) -> int:
    return token[1]


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence cut at clause punctuation outside quotation marks and brackets."""
    spans, depth, s = [], 0, start
    for m in _CLAUSE_CUT.finditer(text, start, end):
        c, i = m.group(), m.start()
        if c in _OPENING:
            depth += 1
        elif c in _CLOSING:
            depth = max(0, depth - 1)
        elif depth == 0:
            if text[s:i].strip():
                spans.append((s, i))
            s = i + 1
    if text[s:end].strip():
        spans.append((s, end))
    return spans


def _phrase(doc: Document, event: Event, words: _WordEdges, mentions: list[int],
            dates: list[tuple[int, int]]) -> str | None:
    """The event's clause without the date; the clause after it when the date's own is only the date or
    a circumstance (随着去年的爆火); a speaker's clause joined to what was said (X表示，…) when short."""
    sentence = doc.sentence_at(event.start)
    clauses = _clauses(doc.text, sentence.start, sentence.end)
    i = next((k for k, (s, e) in enumerate(clauses) if s <= event.start < e), None)
    if i is None:
        return None
    phrase = _clean(doc, *clauses[i], event, words, mentions, dates)
    j = i + 1
    while phrase is None and j < len(clauses) and j <= i + 2:
        phrase = _clean(doc, *clauses[j], None, words, mentions, dates)
        j += 1
    if phrase is None or len(phrase) > PHRASE_MAX:
        return None
    if _said(phrase):
        while j < len(clauses) and words.word(clauses[j][0], _SKIP_OPENERS):
            j += 1   # 透露，由于…，X: what was said comes after the cause
        said = _clean(doc, *clauses[j], None, words, mentions, dates) if j < len(clauses) else None
        if said and len(phrase) + 1 + len(said) <= PHRASE_MAX:
            phrase = f"{phrase}，{said}"
    return phrase


def _said(phrase: str) -> bool:
    return _SAID.search(phrase) is not None


def _clean(doc: Document, s: int, e: int, date: Event | None, words: _WordEdges, mentions: list[int],
           dates: list[tuple[int, int]]) -> str | None:
    """Clause text[s:e] as a phrase: openers, dates with their prepositions, a description before the
    first name cut; None when what is left does not read as a phrase (nothing, a circumstance, a
    fragment starting or ending with a particle, unbalanced quotes)."""
    text = doc.text
    while s < e and text[s].isspace():
        s += 1
    skipped = False
    while (w := words.word(s, _OPENERS)) is not None:
        skipped |= w in _SKIP_WORDS
        s += len(w)
    if skipped and date is None:
        return None   # a clause of cause or circumstance (由于…) after the date's is not the event
    if text.startswith("在", s) and words.at(s + 1):
        if (m := _AT_EVENT.search(text.rstrip(), s, e)) and (date is None or date.end <= m.start()):
            s, e = s + 1, m.start()
        elif _AT_PLACE.search(text, s, e):
            return None
    s = _after_description(text, s, e, date, words, mentions)
    phrase = _without_dates(text, s, e, [d for d in dates[bisect.bisect_left(dates, (s,)):] if d[1] <= e])
    for t in _TIME_AFTER:   # OpenAI于2月推出X后: the time word ends the clause, not the event
        if phrase.endswith(t) and len(phrase) > len(t) and words.at(e - len(t)):
            phrase = phrase[:-len(t)]
            break
    return phrase if _reads(phrase) else None


def _after_description(text: str, s: int, e: int, date: Event | None, words: _WordEdges, mentions: list[int]) -> int:
    """Where the clause's subject starts once a description before its name is cut (储能电池厂商星河储能
    宣布… → 星河储能宣布…): at the first entity named, or at a name followed by a lead's verb."""
    first = next((q for q in mentions[bisect.bisect_left(mentions, s):] if q < e), None)
    if first is not None and 0 < first - s <= _DESCRIPTOR_SPAN and (date is None or first <= date.start):
        lead = text[s:first]
        if _DESCRIBED.search(lead) and not any(c in lead for c in _CLAUSE_MARKS):
            return first
    m = _DESCRIBED_NAME.match(text, s, e)
    if m and m.end() > s and words.at(m.end()) and (date is None or date.start >= m.end() + 2):
        return m.end()
    return s


def _without_dates(text: str, s: int, e: int, dates: list[tuple[int, int]]) -> str:
    """text[s:e] without `dates`, the prepositions before them and the time words after them (在2016年和
    2017年 goes whole); a relative clause the first date opened (4月25日发布的…) goes too."""
    pieces, pos = [], s
    for k, (a, b) in enumerate(dates):
        piece = text[pos:a]
        pieces.append("" if k and _JOINED.fullmatch(piece) else _PREPOSITION_BEFORE.sub("", piece))
        pos = b
        if after := _POSTPOSITION_AFTER.match(text, pos, e):
            pos = after.end()
    rest = text[pos:e]
    if dates and not "".join(pieces).strip():
        rest = _RELATIVE_VERB.sub("", rest)
    phrase = _EMPTY_BRACKETS.sub("", "".join(pieces) + rest).strip()
    if dates and _JOINER_FIRST.match(phrase):
        return ""   # 2018年-2020年: what is left starts with the other end of a range, not an event
    return _LEADING_MARKS.sub("", phrase).strip()


def _reads(phrase: str) -> bool:
    words = phrase.lstrip(_OPENING)
    if len(phrase) < _PHRASE_MIN or not words or words[0] in _NOT_FIRST or phrase[-1] in _NOT_LAST:
        return False
    return all(phrase.count(a) == phrase.count(b) for a, b in zip(_OPENING, _CLOSING))
