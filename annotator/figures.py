"""Figures: money, percentages and quantities, normalised to a value, a unit and a qualifier.

One precompiled regex finds every numeral (Arabic, Chinese or mixed, with magnitudes 万/亿/K/M/B,
an optional range and the words of approximation around it) together with what follows it: a
currency (ISO 4217 code from the table in `_currencies`), a percent sign, 个百分点, 成, a measure
word or unit (lists in annotator/data), or, after a large number, the noun it counts (70亿参数); and
shares written as fractions (三分之一, 约1/4, 超过一半). Python then only computes values for the few
matches. A large number with no unit takes one from its surroundings: the unit written once after a
list (12.5亿和8.3亿欧元), the currency of its passage (营收…36.57亿), or a noun naming a count before it
(人口从555万增至1162万). Numerals that are part of names (K2, GPT-4, Office 365, 4chan), ordinals
(第三), dates (2023年) and calendar durations (三个月) are not figures.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ._currencies import CURRENCY_NAMES, CURRENCY_SYMBOLS, ISO_CODES, SUBUNIT_NAMES
from ._vocab import entries
from .model import Figure, FigureKind, Qualifier
from .numbers import parse_number
from .text import Document

# --- vocabulary --------------------------------------------------------------------------------------

QUALIFIERS_BEFORE: dict[str, Qualifier] = {
    "约": "approx", "大约": "approx", "约为": "approx", "约合": "approx", "大概": "approx", "近": "approx",
    "将近": "approx", "接近": "approx", "近乎": "approx",
    "超": "min", "超过": "min", "超出": "min", "逾": "min", "至少": "min", "最少": "min", "不低于": "min",
    "不少于": "min", "多于": "min", "高于": "min", "突破": "min",
    "至多": "max", "最多": "max", "不超过": "max", "不到": "max", "不足": "max", "低于": "max", "少于": "max",
    "不高于": "max", "未满": "max", "多达": "max",
}
QUALIFIERS_AFTER: dict[str, Qualifier] = {"左右": "approx", "上下": "approx", "前后": "approx", "以上": "min", "之多": "min",
                    "以下": "max", "以内": "max"}


# Measure words and units of measurement that make a number a quantity (longest first in the regex).
# Calendar periods (年, 月, 天…) and ages are left out: those are durations and dates, not figures.
UNITS = entries("units")
MEASURE_WORDS = entries("measure_words") + UNITS
LATIN_UNITS = ["GB", "TB", "MB", "KB", "PB", "GW", "MW", "kW", "KW", "kWh", "GWh", "MWh", "km", "kg", "mAh",
               "nm", "GHz", "MHz", "Hz", "mm", "cm", "ml", "mL", "Mbps", "Gbps", "fps"]
# What may not follow a measure word for it to count (个月 is a duration, 台湾 a place…).
_MEASURE_GUARD = {
    "个": "(?!月|小时|星期|礼拜|钟头|季度|工作日|多月|多小时|多星期|半月|百分|個百分)", "台": "(?![币幣湾灣])",
    "股": "(?![东份价市权票])", "克": "(?<!千)", "米": "(?<![千厘毫纳])", "瓦": "(?<![千兆吉])",
    "人": "(?!民币)", "手": "(?![机续术段])", "种": "(?!子)", "场": "(?![景合所])", "度": "(?!假)",
    "元": "", "部": "(?![门长委])", "门": "(?![户槛])", "节": "(?![日目点])", "所": "(?![有以谓])",
    "名": "(?![字称单])", "单": "(?![位独一])", "项": "(?![目])", "笔": "(?![记者])", "头": "(?![部条])",
    "次": "(?![日年月序要])", "国": "(?![际内家民务企有营产籍债货旗歌情力土集])", "局": "(?![长面势])",
    "针": "(?![对])", "剂": "(?![量型])", "秒": "(?![杀])", "宗": "(?![教旨师族])", "档": "(?![案次期位])",
    "班": "(?![级长子机车底])", "段": "(?![落位])", "集": "(?![团体中])", "道": "(?![路理德教])",
    "封": "(?![锁闭面城顶])", "则": "(?![是为])",
}
# A counted noun right after a large number (70亿参数, 1亿用户) must not start with these.
_NOUN_STOP = set("的是在和与及了到以之等为年月日时前后内外间来多余左右上下中亿万千百元起至将或并而也都就还又"
                 "被把从对向比即约近超逾达共占个次每这那其该此所已曾再更最很均合计总约同环增减涨跌降升")
_NOUN_BAD = ("公司", "集团")

# How likely a figure is right, by the evidence for its unit and value (calibrated later on the dev set).
CONFIDENCE_EXPLICIT = 0.95   # a currency, percent sign, fraction or measure word written with the number
CONFIDENCE_SHARED = 0.9      # the unit written once after a list of amounts (12.5亿和8.3亿欧元)
CONFIDENCE_CONTEXT = 0.8     # a currency from the money words or amounts around it; a share cued by 约/占 (1/4)
CONFIDENCE_COUNTED = 0.75    # the noun a bare number counts, read from the words next to it (70亿参数)
CONFIDENCE_VAGUE = 0.65      # a bare magnitude (千亿元) or 十几; a noun guessed from a qualifier (超过十万)

# --- the regex ---------------------------------------------------------------------------------------

_D = "0-9０-９"
_CN_D = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖兩貳參陸"
_CN_U = "十百千万亿兆拾佰仟萬億"
_SP = "[ \u00a0\u2009\u202f]?"
_AR = (rf"(?<![{_D}A-Za-z_#＃第])(?<![{_D}][.．/:])[{_D}]+(?:,[{_D}]{{3}}(?![{_D}])|，[０-９]{{3}}(?![{_D}]))*"
       rf"(?:[.．][{_D}]+)?")
_LAT = r"(?:[KMBＫＭＢ]|k|bn|mn|[Mm]illion|[Bb]illion|[Tt]rillion)(?![A-Za-zＡ-Ｚａ-ｚ])"
# a magnitude character, unless it starts a unit of measurement (千瓦, 千米, 兆瓦) or 百分之
_MAG = r"(?:[十拾万亿萬億]|[百千佰仟](?!分|瓦|米|克|伏|赫|帕|焦)|兆(?!瓦|字节|赫|帕|比特|焦|欧))"
_NUM_AR = (rf"{_AR}(?:{_SP}[余多]?{_MAG}+(?:零?[{_D}]+{_MAG}+)*[余多]?|[余多]|{_SP}{_LAT})?")
_NUM_CN = (rf"(?<![{_CN_D}{_CN_U}廿卅数几上成好第每])[{_CN_D}十拾廿卅百佰千仟]"
           rf"(?:[{_CN_D}廿卅余多几]|{_MAG}|[点點](?=[{_CN_D}]))*"
           rf"|(?<=[超逾破近约达])[万萬亿億]+")   # 超万亿元, 破万: a bare magnitude after a qualifier
_NUM = rf"(?:{_NUM_AR}|{_NUM_CN})"


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _trie(words: dict[str, str]) -> str:
    """An alternation of words as a trie (one branch per first character: fast to reject), each word
    followed by its guard (a lookahead), longer words before their prefixes."""
    root: dict = {}
    for w, guard in words.items():
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = guard

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append(node[""])
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return emit(root)


def _first_chars(words) -> str:
    return "".join(sorted({re.escape(w[0]) for w in words}))


_CURRENCY_WORDS = {w: "" for w in CURRENCY_NAMES}
_CURRENCY_WORDS["元"] = "(?![化论素旦年月宵首里组件器音帅老])"
_CURRENCY_WORDS["块"] = "(?=钱|[，。；、！？,.;!?\\s）)」”]|$|多|左右)"
_CURRENCY_WORDS.update({"个" + w: "" for w in ("比特币", "以太币", "泰达币")})
_CURRENCY_WORDS.update({"枚" + w: "" for w in ("比特币", "以太币")})
_CURRENCY_WORDS.update({code: "(?![A-Za-z])" for code in ISO_CODES})
_MEASURE_AFTER = {w: g for w, g in _MEASURE_GUARD.items() if g.startswith("(?!")}
_MEASURE_BEFORE = {w: g for w, g in _MEASURE_GUARD.items() if g.startswith("(?<")}
_MEASURE = (_trie({w: _MEASURE_AFTER.get(w, "") for w in MEASURE_WORDS if w not in _MEASURE_BEFORE})
            + "|" + "|".join(g + re.escape(w) for w, g in _MEASURE_BEFORE.items()))
_QUAL_PRE = _alt(QUALIFIERS_BEFORE)
_QUAL_POST = _alt(QUALIFIERS_AFTER)
_QUAL_BEFORE = re.compile(rf"(?:{_QUAL_PRE})$")
_ISO = "(?:" + "|".join(sorted(ISO_CODES)) + ")(?![A-Za-z])"
_SYMBOLS = rf"(?=[{_first_chars(CURRENCY_SYMBOLS)}{_first_chars(ISO_CODES)}])(?:{_alt(CURRENCY_SYMBOLS)}|{_ISO})"
_RSEP = "[-－–—~～〜]|至|到"
_UNIT_FIRST = (_first_chars(CURRENCY_NAMES) + _first_chars(ISO_CODES) + _first_chars(SUBUNIT_NAMES)
               + _first_chars(MEASURE_WORDS) + _first_chars(LATIN_UNITS) + "个枚%％‰個成基b")

# Every figure starts with one of these characters: checking it first keeps the scan fast.
_FIRST = "".join(sorted({re.escape(w[0]) for w in CURRENCY_SYMBOLS} | {c[0] for c in ISO_CODES}
                        | set("0123456789０１２３４５６７８９") | set(_CN_D) | set("十拾廿卅百佰千仟万萬半负負－−")))

_PATTERN = re.compile(rf"""
    (?=[{_FIRST}\-])
    (?P<core>
      (?:
        (?P<half>(?<![{_CN_D}{_D}])(?:一半|半数))   # 超过一半: a share of one half, when qualified
      |
        (?P<sl>(?<![{_D}/.．:])[0-9]{{1,2}}/[0-9]{{1,3}}(?![{_D}/.．:]))   # 1/4: a share, when a cue says so
      |
        (?P<pfx>(?<![{_CN_D}{_D}十])(?:[{_CN_D}{_D}十百佰千仟万萬]+分之|百分百|半成(?!品)))
        (?P<pn>{_NUM})?
      |
        (?:(?P<cur0>{_SYMBOLS}){_SP})?
        (?P<neg>(?<![{_D}A-Za-z\-])[-－−]|负|負)?
        (?P<n1>{_NUM})
        (?:{_SP}(?P<u1>[%％‰])?{_SP}(?P<rsep>{_RSEP}){_SP}(?:{_SYMBOLS})?{_SP}(?P<n2>{_NUM}))?
        {_SP}
        (?:(?=[{_UNIT_FIRST}])
          (?P<cur>{_trie(_CURRENCY_WORDS)})
        | (?P<sub>{_alt(SUBUNIT_NAMES)})
        | (?P<pct>[%％])
        | (?P<pml>‰)
        | (?P<pp>[个個]?{_SP}百分[点點]|[个個]?基点|bps?(?![A-Za-z]))
        | (?P<cheng>成(?!不变|[为立员本交功果熟长绩都型品就效年像片])半?)
        | (?P<mw>{_MEASURE})
        | (?P<lu>{_alt(LATIN_UNITS)})(?![A-Za-z])
        |
          # no unit: only an amount after a currency symbol ($20) or a large number that may count
          # the noun after it (70亿参数, 13B 参数)
          (?(cur0)|(?:(?<=[万亿兆萬億KMBkＫＭＢn])|(?<=[万亿兆萬億KMBkＫＭＢn][ \u00a0\u2009\u202f])))
        )
        (?(u1)(?<=[%％‰]))   # 20%-30% is a range; 12.3%至456亿元 is not
      )
    )
    (?P<post>{_QUAL_POST})?
""", re.VERBOSE)

_MAGNITUDE = re.compile(rf"[万亿兆萬億]|{_LAT}|千万|百万")
_LEADING = re.compile(rf"^[^{_CN_U}KMBkmb]+")
_URL = re.compile(r"(?:https?://|www\.)[^\s\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]+|\S+@\S+\.\w+")
_SUBUNIT_TAIL = re.compile(rf"(?:又|零)?([{_CN_D}{_D}]{{1,2}})(角|毛|分|美分)(?:([{_CN_D}{_D}]{{1,2}})分)?")
_HAN = re.compile(r"[\u4e00-\u9fff]{2}")
_LATIN_BEFORE = re.compile(r"[A-Za-z][-\s]?$")
_CN_DIGIT_CHARS = set(_CN_D) - {"零", "〇"}
# a numeral that is a bare magnitude (千亿, 百万) or a round number and some (十几)
_VAGUE = re.compile(r"[百千万亿佰仟萬億]|十几")


def find_figures(doc: Document) -> list[Figure]:
    text = doc.text
    urls = [m.span() for m in _URL.finditer(text)] if ("://" in text or "www." in text or "@" in text) else []
    figures: list[Figure] = []
    for m in _PATTERN.finditer(text):
        fig = _figure(text, m, m.groups())
        if fig is None:
            continue
        if urls and any(s <= fig.start < e for s, e in urls):
            continue
        if m["n1"] and _VAGUE.match(m["n1"]):
            fig.confidence = min(fig.confidence, CONFIDENCE_VAGUE)   # 千亿元, 十几名: no digit says how many
        if fig.value_max is not None and m[_RSEP_NAME] in ("至", "到") and "从" in text[max(0, fig.start - 3):fig.start]:
            # 从3亿到5亿美元 is a change from one amount to another, not a range
            s1, e1 = m.span(_N1_NAME)
            s2 = m.start(_N2_NAME)
            figures.append(Figure(text[fig.start:e1], fig.start, e1, fig.kind, fig.value, fig.unit, fig.qualifier,
                                  confidence=fig.confidence))
            figures.append(Figure(text[s2:fig.end], s2, fig.end, fig.kind, fig.value_max, fig.unit,
                                  confidence=fig.confidence))
            continue
        figures.append(fig)
    return _merge_ranges(text, figures)


_RSEP_NAME, _N1_NAME, _N2_NAME = "rsep", "n1", "n2"
_I = {name: i - 1 for name, i in _PATTERN.groupindex.items()}
(I_CORE, I_HALF, I_SL, I_PFX, I_PN, I_CUR0, I_NEG, I_N1, I_U1, I_N2, I_CUR, I_SUB, I_PCT, I_PML, I_PP, I_CHENG,
 I_MW, I_LU, I_POST) = (_I[k] for k in ("core", "half", "sl", "pfx", "pn", "cur0", "neg", "n1", "u1", "n2", "cur",
                                        "sub", "pct", "pml", "pp", "cheng", "mw", "lu", "post"))
_APPROX_MARK = re.compile(r"[余多几]")


def _qualifier(text: str, start: int, post: str | None, n1: str) -> Qualifier | None:
    pre = _QUAL_BEFORE.search(text, max(0, start - 3), start)
    if pre:
        return QUALIFIERS_BEFORE[pre.group()]
    if post:
        return QUALIFIERS_AFTER[post]
    if n1 and _APPROX_MARK.search(n1):
        return "min"
    return None


@lru_cache(maxsize=4096)
def _value(num: str) -> float | None:
    return parse_number(num)


def _figure(text: str, m: re.Match, g: tuple) -> Figure | None:
    start, end = m.start(), m.end(I_CORE + 1)
    if g[I_SL]:
        return _slash_share(text, start, end, g[I_SL], g[I_POST])
    if g[I_HALF]:
        qualifier = _qualifier(text, start, g[I_POST], "")
        return Figure(text[start:end], start, end, "percent", 0.5, "%", qualifier,
                      confidence=CONFIDENCE_EXPLICIT) if qualifier else None
    pfx = g[I_PFX]
    if pfx:
        value: float | None
        if pfx in ("百分百", "半成"):
            value = 1.0 if pfx == "百分百" else 0.05
        elif not g[I_PN]:
            return None
        else:
            value, den = _value(g[I_PN]), _value(pfx[:-2])
            if value is None or not den:
                return None
            if pfx.strip("百佰千仟万萬") != "分之" and value != int(value):
                return None   # 三分之一 counts parts; 五百分之2.2 is no share a writer would print
            value = value / den
        # 百分之十五 and 三分之一 are fractions shown as percentages; 千分之三 and 万分之五 per mille
        unit = "‰" if pfx[0] in "千仟万萬" or pfx == "百万分之" else "%"
        return Figure(text[start:end], start, end, "percent", _num(value), unit,
                      _qualifier(text, start, g[I_POST], ""), None, confidence=CONFIDENCE_EXPLICIT)

    n1, n2, cur, cur0, mw = g[I_N1], g[I_N2], g[I_CUR], g[I_CUR0], g[I_MW]
    chinese = not n1[0].isdigit()
    more = _MORE.match(text, end) if mw in _UNIT_SET else None   # 一秒多, 3米多: a measure and a bit more
    if mw and chinese and len(n1) == 1 and not more:
        return None   # 一个, 三位: grammar, not figures
    v1 = _value(n1)
    if v1 is None:
        return None
    if g[I_NEG]:
        v1 = -v1
    v2 = _value(n2) if n2 else None
    if n2 and v2 is None:
        return None
    if v2 is not None and not _MAGNITUDE.search(n1) and _MAGNITUDE.search(n2):
        base = _LEADING.match(n2)
        b = _value(base.group()) if base else None
        if b and v1 <= b:
            v1 = v1 * (v2 / b)   # 3至5亿 → 3亿 to 5亿
    qualifier = _qualifier(text, start, g[I_POST], n1)

    if cur or g[I_SUB] or cur0:
        if cur:
            word = cur.lstrip("个枚")
            code = CURRENCY_NAMES.get(word) or (word if word in ISO_CODES else None)
            scale = 1.0
        elif g[I_SUB]:
            code, scale = SUBUNIT_NAMES[g[I_SUB]]
        else:
            code, scale = None, 1.0
        if code is None:
            code = CURRENCY_SYMBOLS.get(cur0) or (cur0 if cur0 in ISO_CODES else None)
        if code is None:
            return None
        if (chinese and len(n1) == 1 and cur == "元" and end < len(text)
                and "\u4e00" <= text[end] <= "\u9fff" and text[end] not in "钱的一每左以多起至到和或"
                and not _SUBUNIT_TAIL.match(text, end)):
            return None   # 一元化, 二元结构, 三元组: words, not amounts
        value = v1 * scale
        vmax = v2 * scale if v2 is not None else None
        if cur and code in ("CNY", "USD") and v2 is None and end < len(text) and text[end] in _SUBUNIT_START:
            tail = _SUBUNIT_TAIL.match(text, end)
            if tail and (code == "CNY") == (tail[2] != "美分"):
                j = _value(tail[1])
                f = _value(tail[3]) if tail[3] else 0
                if j is not None and f is not None:
                    value += j * (0.01 if tail[2] in ("分", "美分") else 0.1) + f * 0.01
                    end = tail.end()
        return Figure(text[start:end], start, end, "money", _num(value), code, qualifier, _num(vmax),
                      confidence=CONFIDENCE_EXPLICIT)

    pct, pml, pp, cheng = g[I_PCT], g[I_PML], g[I_PP], g[I_CHENG]
    if pct or pml or pp or cheng:
        u1 = g[I_U1]
        if u1 and pct and u1 not in "%％":
            return None
        if pct:
            div, unit = 100, "%"
        elif pml:
            div, unit = 1000, "‰"
        elif pp:
            div, unit = (10000 if "基" in pp or "b" in pp else 100), "pp"   # 25个基点 = 0.25 pp
        else:
            div, unit = 10, "%"
        value = v1 / div
        vmax = v2 / div if v2 is not None else None
        if cheng:
            if cheng.endswith("半"):
                value += 0.05
            if value > 1:
                return None
        return Figure(text[start:end], start, end, "percent", _num(value), unit, qualifier, _num(vmax),
                      confidence=CONFIDENCE_EXPLICIT)

    # quantities
    if _LATIN_BEFORE.search(text, max(0, start - 2), start):
        return None   # GPT-4 参数, iOS 18: a name with a number
    unit = mw or g[I_LU]
    if unit:
        if more:
            qualifier, end = qualifier or "min", more.end()
        elif chinese and not qualifier and (v1 < 10 or not (set(n1) & _CN_DIGIT_CHARS or n1[0] in "十拾")):
            return None   # 三位, 百家: grammar and idioms, not figures (but 逾百万人 counts)
        if unit == "秒" and not n2:
            start, end, v1 = _race_time(text, start, end, v1)
        return Figure(text[start:end], start, end, "quantity", _num(v1), unit, qualifier, _num(v2),
                      confidence=CONFIDENCE_EXPLICIT)
    end = start + len(text[start:end].rstrip())
    shared = _shared_unit(text, end)
    if shared is not None:
        kind, unit = shared   # 12.5亿和8.3亿欧元: one unit written after the last of several amounts
        return Figure(text[start:end], start, end, kind, _num(v1), unit, qualifier, _num(v2),
                      confidence=CONFIDENCE_SHARED)
    last = n2 or n1
    if last[-1] in "Kk" or (chinese and not set(n1) & _CN_DIGIT_CHARS and not qualifier):
        return None   # 千万不要, 百万雄师: idioms, unless a qualifier counts them (超过十万)
    counted = _counted_noun(text, end)
    if counted is not None:   # a large number directly followed by the noun it counts: 70亿参数, 13B 参数
        unit, end = counted
        return Figure(text[start:end], start, end, "quantity", _num(v1), unit, qualifier, _num(v2),
                      confidence=CONFIDENCE_COUNTED)
    code = _money_context(text, start)
    if code is not None:   # 营收为36.57亿，…: an amount of money whose currency was given before (or yuan)
        return Figure(text[start:end], start, end, "money", _num(v1), code, qualifier, _num(v2),
                      confidence=CONFIDENCE_CONTEXT)
    noun = _count_noun_before(text, start)
    if noun is not None:   # 人口从555万增至1162万: a count of the noun naming a count before it
        return Figure(text[start:end], start, end, "quantity", _num(v1), noun, qualifier, _num(v2),
                      confidence=CONFIDENCE_COUNTED)
    noun = _subject_noun(text, start) if qualifier else None
    if noun is not None:   # 球迷超过十万: a qualified count of the noun before the qualifier
        return Figure(text[start:end], start, end, "quantity", _num(v1), noun, qualifier, _num(v2),
                      confidence=CONFIDENCE_VAGUE)
    return None


def _slash_share(text: str, start: int, end: int, written: str, post: str | None) -> Figure | None:
    """1/4 as a share (0.25): a proper fraction with a qualifier or 占 before it, or 的/以上… after it;
    otherwise a score, a round or a date (比分1/2, 1/4决赛)."""
    num, den = (int(x) for x in written.split("/"))
    cue = (_QUAL_BEFORE.search(text, max(0, start - 3), start) or post
           or text[max(0, start - 2):start].endswith(("占", "为")) or text.startswith("的", end))
    if not (0 < num < den) or not cue:
        return None
    return Figure(text[start:end], start, end, "percent", _num(num / den), "%", _qualifier(text, start, post, ""),
                  confidence=CONFIDENCE_CONTEXT)


_UNIT_SET = frozenset(UNITS)
_MORE = re.compile("[多余]")
_HUNDREDTHS = re.compile(r"[0-9]{2}(?![0-9])")
_MINUTES = re.compile(r"([0-9]{1,3})分$")


def _race_time(text: str, start: int, end: int, seconds: float) -> tuple[int, int, float]:
    """A race time or margin in seconds: 9秒83 is 9.83 s, 1分52秒48 is 112.48 s."""
    h = _HUNDREDTHS.match(text, end)
    if h:
        seconds, end = seconds + int(h.group()) / 100, h.end()
    m = _MINUTES.search(text, max(0, start - 4), start)
    if m:
        seconds, start = seconds + 60 * int(m[1]), m.start()
    return start, end, seconds


def _shared_unit(text: str, end: int) -> tuple[FigureKind, str] | None:
    """The kind and unit written once after a list of amounts (12.5亿和8.3亿欧元, 3万、5万辆)."""
    m = _SHARED_UNIT.match(text, end)
    if m is None:
        return None
    if m["cur"]:
        word = m["cur"].lstrip("个枚")
        code = CURRENCY_NAMES.get(word) or (word if word in ISO_CODES else None)
        return ("money", code) if code else None
    return "quantity", m["mw"]


_COUNT_NOUNS = re.compile(_alt(entries("count_nouns")))


def _count_noun_before(text: str, start: int) -> str | None:
    """The last noun naming a count earlier in the clause (人口从555万增至1162万 → 人口)."""
    a = _run_start(_CLAUSE_START, text, max(0, start - 30), start)
    found = _COUNT_NOUNS.findall(text, a, start)
    return found[-1] if found else None


def _subject_noun(text: str, start: int) -> str | None:
    """The dictionary noun right before the qualifier of a bare count (用户超过十万 → 用户)."""
    pre = _QUAL_BEFORE.search(text, max(0, start - 3), start)
    if pre is None:
        return None
    tags = _noun_tags() or {}
    at = pre.start()
    for k in (4, 3, 2):
        word = text[max(0, at - k):at]
        if len(word) == k and tags.get(word, "").startswith("n") and word not in _NOUN_BAD:
            return word
    return None


_NOUN = re.compile(r"[ \u00a0\u2009\u202f]*([\u4e00-\u9fff]{2,4})")


def _counted_noun(text: str, end: int) -> tuple[str, int] | None:
    """The noun right after a large number (70亿参数 → 参数): a dictionary noun, else two characters
    that do not start with a function word."""
    m = _NOUN.match(text, end)
    if not m:
        return None
    run = m[1]
    if run[0] in _NOUN_STOP:
        return None
    tags = _noun_tags()
    if tags is not None:
        for k in range(len(run), 1, -1):
            tag = tags.get(run[:k])
            if tag is not None:
                if tag.startswith("n") and run[:k] not in _NOUN_BAD:
                    return run[:k], m.start(1) + k
                return None
    word = run[:2]
    if word[1] in "的了是" or word in _NOUN_BAD:
        return None
    return word, m.start(1) + 2


_TAGS_CACHE: list = []


def _noun_tags() -> dict | None:
    """jieba's word tags (shared with the entity finder's segmenter), or None when unavailable."""
    if not _TAGS_CACHE:
        try:
            from . import _seg
            _seg.has_word("的")   # loads the dictionary once
            _TAGS_CACHE.append(_seg.TAGS if _seg.TAGS else None)
        except Exception:  # the annotator still works without the dictionary
            _TAGS_CACHE.append(None)
    return _TAGS_CACHE[0]


# Words that make a bare large number an amount of money (营收36.57亿, 市值约1.33万亿).
_MONEY_WORDS = re.compile(
    "营收|收入|营业额|销售额|利润|净利|毛利|亏损|市值|估值|融资|募资|募集|投资|投入|资金|金额|成交额|交易额|"
    "价值|售价|价格|成本|花费|支出|开支|预算|罚款|罚金|赔偿|补贴|奖金|薪酬|年薪|收益|总额|资产|负债|债务|贷款|"
    "存款|税收|拨款|捐款|收购|出资|注资|现金|票房|身价|GDP|营业收入|净赚|赚了|亏了|花了|筹集|回购|分红|派息")
_CLAUSE_START = re.compile(r"[^，,。；;！!？?\n]*$")


def _money_context(text: str, start: int) -> str | None:
    """The currency of a bare amount: money words earlier in its clause, and the currency of the last
    amount of money before it (yuan when none); or an amount of money earlier in its sentence, when no
    noun it could count stands right before it (进账260亿元，坐拥220亿; not 营收260亿元，用户2亿)."""
    a = _run_start(_CLAUSE_START, text, max(0, start - 30), start)
    if _MONEY_WORDS.search(text, a, start):
        last = _LAST_CURRENCY.findall(text, max(0, start - 400), start)
        return _currency_code(last[-1]) if last else "CNY"
    s = _run_start(_SENTENCE_START, text, max(0, start - 120), start)
    amounts = _AMOUNT_CURRENCY.findall(text, s, start)
    if amounts and not _noun_before(text, start):
        return _currency_code(amounts[-1])
    return None


def _currency_code(word: str) -> str:
    return CURRENCY_NAMES.get(word) or CURRENCY_SYMBOLS.get(word) or "CNY"


def _noun_before(text: str, start: int) -> bool:
    """Does a dictionary noun end right before `start`?"""
    tags = _noun_tags() or {}
    return any(tags.get(text[max(0, start - k):start], "").startswith("n") for k in (4, 3, 2, 1))


_LAST_CURRENCY = re.compile("|".join(re.escape(w) for w in sorted(
    [w for w in CURRENCY_NAMES if len(w) > 1 and w not in ("块钱",)] + ["元"]
    + [w for w in CURRENCY_SYMBOLS if not w.isalpha()], key=len, reverse=True)))
_AMOUNT_CURRENCY = re.compile(rf"(?<=[{_D}{_CN_D}{_CN_U}])[ \u00a0]?({_LAST_CURRENCY.pattern})")
_SENTENCE_START = re.compile(r"[^。！？!?；;\n]*$")


def _run_start(pattern: re.Pattern[str], text: str, lo: int, end: int) -> int:
    """Where the run `pattern` (`[^…]*$`, which always matches) ending at `end` starts, from `lo` on."""
    found = pattern.search(text, lo, end)
    return found.start() if found else end
_SUBUNIT_START = set("又零0123456789０１２３４５６７８９") | set(_CN_D)


def _num(v):
    """Integers as int, other values without binary noise (300.4亿 is 30040000000, not …0.000004)."""
    if v is None or isinstance(v, int):
        return v
    r = round(v)
    if abs(v - r) <= 1e-9 * abs(v) and abs(r) < 2**63:
        return int(r)
    return float(f"{v:.12g}")


_SHARED_UNIT = re.compile(
    rf"(?:{_SP}[和与及、或]{_SP}{_NUM})+{_SP}(?:(?P<cur>{_trie(_CURRENCY_WORDS)})|(?P<mw>{_MEASURE}))")
_BETWEEN = re.compile(rf"\s*(?:{_RSEP})\s*$")


def _merge_ranges(text: str, figures: list[Figure]) -> list[Figure]:
    """3亿美元至5亿美元, 20%-30%: two figures of one kind and unit joined by a range mark are one range."""
    out: list[Figure] = []
    for f in figures:
        if out:
            p = out[-1]
            gap = text[p.end:f.start]
            if (p.kind == f.kind and p.unit == f.unit and p.value_max is None and f.value_max is None
                    and len(gap) <= 3 and _BETWEEN.match(gap) and f.value >= p.value
                    and "从" not in text[max(0, p.start - 4):p.start]):
                out[-1] = Figure(text[p.start:f.end], p.start, f.end, p.kind, p.value, p.unit,
                                 p.qualifier, f.value, p.entity, min(p.confidence, f.confidence))
                continue
        out.append(f)
    return out
