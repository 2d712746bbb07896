"""Numerals: Arabic, Chinese and mixed (3.5亿, 三千万, 一点五亿, 1,200, 3万4000, 二零零四, 五分之一).

`parse_number(text)` gives the number a numeral means, or None. It reads:

* Arabic numerals, with thousands separators, decimals, signs, exponents (2e5, 2^5) and the
  Latin magnitudes K/M/G/B/T (40k, 1.2M, 13B);
* Chinese numerals, simplified, traditional and financial (壹贰叁…), with the elisions of speech
  (两千四百五 = 2450, 一万三 = 13000, 百三 = 130), 零, 廿/卅/卌, 万万 and 万亿, decimals with 点;
* mixes (3.5亿, 1,100.9亿, 5万4千6百, 2千零30万) and runs of digit names (二零零四 = 2004);
* fractions (五分之一, 百分之二, 3/5, 1 4/3, 一又二分之一), dozens (五打) and pairs (一对),
  halves (一半, 半百), approximations (十余万, 二十几万, 500多万: the stated base).

Everything is table-driven; no per-word rules.
"""
from __future__ import annotations

import re
import unicodedata

# Chinese characters that stand for digits or units, mapped to one canonical form.
_CANON = str.maketrans({
    "壹": "一", "贰": "二", "貳": "二", "叁": "三", "參": "三", "叄": "三", "肆": "四", "伍": "五",
    "陆": "六", "陸": "六", "柒": "七", "捌": "八", "玖": "九", "拾": "十", "佰": "百", "仟": "千",
    "萬": "万", "億": "亿", "兩": "两", "倆": "两", "俩": "两", "點": "点", "負": "负", "幾": "几",
    "餘": "余", "個": "个", "對": "对", "雙": "双", "〇": "零", "○": "零", "Ｏ": "零",
    "−": "-", "－": "-", "—": "-", "／": "/", "﹣": "-",
})
_EXPAND = (("廿", "二十"), ("卅", "三十"), ("卌", "四十"))

DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10**4, "亿": 10**8, "兆": 10**12}
LATIN_MAGNITUDES = {"k": 10**3, "m": 10**6, "g": 10**9, "b": 10**9, "t": 10**12,
                    "bn": 10**9, "mn": 10**6, "thousand": 10**3, "million": 10**6, "billion": 10**9,
                    "trillion": 10**12}

_SPACES = re.compile(r"[\s\u00a0\u2009\u202f\u3000]+")
_FLOAT = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?", re.I)
_ARABIC = re.compile(r"\d+(?:\.\d+)?|\.\d+")
_POWER = re.compile(r"([-+]?)(\d+(?:\.\d+)?|\.\d+)\^([-+]*)(\d+(?:\.\d+)?)")
_MIXED_FRACTION = re.compile(r"(-?\d+)\s+(\d+)/(\d+)")
_SLASH_FRACTION = re.compile(r"(-?\d+(?:\.\d+)?)/(-?\d+(?:\.\d+)?)")
_LATIN_TAIL = re.compile(r"(?i)(.*?\d)\s*(thousand|million|billion|trillion|bn|mn|[kmgbt])")
_FRACTION_MARK = re.compile(r"分之|份|分")
_APPROX = re.compile(r"[余多几来]")
# Most numerals in news are ASCII digits with at most one big unit (2024, 36.57, 3.5亿): read directly, with
# the same arithmetic as the general path. (Longer integers take that path: it guards int()'s digit limit.)
_SIMPLE = re.compile(r"([0-9]{1,20}(?:\.[0-9]+)?)([万亿兆]?)")


def parse_number(text: str) -> int | float | None:
    """The value of a numeral, or None when `text` is not one."""
    if not text:
        return None
    m = _SIMPLE.fullmatch(text)
    if m:
        v = float(m[1]) if "." in m[1] else int(m[1])
        return _tidy(v * BIG_UNITS[m[2]] if m[2] else v)
    s = unicodedata.normalize("NFKC", text).translate(_CANON).strip()
    for a, b in _EXPAND:
        s = s.replace(a, b)
    # forms where spaces carry meaning: "1 4/3" is one and four thirds
    m = _MIXED_FRACTION.fullmatch(s)
    if m:
        whole, num, den = int(m[1]), int(m[2]), int(m[3])
        if den == 0:
            return None
        return _tidy((abs(whole) + num / den) * (-1 if whole < 0 else 1))
    s = _SPACES.sub("", s).replace(",", "")
    if not s:
        return None
    value = _parse(s)
    return None if value is None else _tidy(value)


def _tidy(value: float) -> int | float:
    """Integers as int; other values without binary noise (２．２亿 is 220000000, not …0.00000003)."""
    if isinstance(value, int):
        return value
    r = round(value)
    if abs(value - r) <= 1e-12 * abs(value) and abs(r) < 2**63:
        return int(r)
    return float(f"{value:.15g}")


def _parse(s: str):
    sign = 1
    while s and s[0] in "-+负":
        if s[0] != "+":
            sign = -sign
        s = s[1:]
    if not s:
        return None
    v = _parse_unsigned(s)
    return None if v is None else sign * v


def _parse_unsigned(s: str):
    # plain Arabic (with an exponent): 21.2E0, .5, 01.10
    if _FLOAT.fullmatch(s):
        try:
            return float(s) if any(c in s for c in ".eE") else int(s)
        except ValueError:
            return None
    m = _POWER.fullmatch(s)
    if m:
        base = float(m[2])
        exp = float(m[4]) * (-1 if m[3].count("-") % 2 else 1)
        try:
            return (-1 if m[1] == "-" else 1) * base ** exp
        except (OverflowError, ZeroDivisionError):
            return None
    m = _SLASH_FRACTION.fullmatch(s)
    if m:
        return float(m[1]) / float(m[2]) if float(m[2]) else None
    # mixed numbers and fractions: 一又二分之一, 五分之一, 十份十一, 一又十分一
    if "又" in s:
        whole, _, frac = s.partition("又")
        a, b = _parse(whole), _parse(frac)
        if a is None or b is None:
            return None
        return a + b if a >= 0 else a - b
    if "分之" in s or ("份" in s and not s.endswith("份")) or ("分" in s and not s.endswith("分")):
        mark = _FRACTION_MARK.search(s)
        if mark is None:
            return None
        den_text, num_text = s[:mark.start()], s[mark.end():]
        den = _parse(den_text) if den_text else None
        num = _parse(num_text) if num_text else None
        if den is None or num is None or den == 0:
            return None
        return num / den
    # counted forms: 一个, 一打, 一对
    if len(s) > 1 and s[-1] == "个":
        return _parse_unsigned(s[:-1])
    if len(s) > 1 and s[-1] == "打":
        v = _parse_unsigned(s[:-1])
        return None if v is None else v * 12
    if len(s) > 1 and s[-1] in "对双":
        v = _parse_unsigned(s[:-1])
        return None if v is None else v * 2
    # halves: 半, 一半, 半个, 1半, 半百, 两个半
    if "半" in s:
        if s.strip("半一1个") == "":
            return 0.5
        if s.startswith("半") and len(s) == 2 and s[1] in SMALL_UNITS:
            return SMALL_UNITS[s[1]] // 2
        if s.endswith("个半") or s.endswith("半"):
            v = _parse_unsigned(s[:-2] if s.endswith("个半") else s[:-1])
            return None if v is None else v + 0.5
        return None
    # Latin magnitudes: 40k, 1.2M, -2.5 M, .0012G, 13B
    m = _LATIN_TAIL.fullmatch(s)
    if m:
        v = _parse_unsigned(m[1])
        return None if v is None else v * LATIN_MAGNITUDES[m[2].lower()]
    # approximations keep their base: 十余万, 二十几万, 一千多万, 一百零几万
    if _APPROX.search(s):
        s = _APPROX.sub("", s)
        if not s:
            return None
    return _chinese(s)


def _chinese(s: str):
    """Chinese or mixed numerals built from digits, 十百千 and 万亿兆 (with 点 decimals)."""
    total: float = 0    # committed value of the sections above the current one
    section: float = 0  # value of the current section (below the last big unit)
    num: float | None = None  # pending digit(s) not yet multiplied by a unit
    num_is_cn = False   # the pending number was spelled with Chinese digits (it may be elided)
    run = 0             # how many Chinese digits in a row (二零零四)
    last_unit = None    # the unit just before the pending number, for elision (两千四 = 2400)
    zero_seen = False   # a 零 since the last unit: no elision (一千零四 = 1004)
    last_big = None     # the last big unit applied
    saw_unit = False
    i, n = 0, len(s)
    while i < n:
        ch = s[i]
        if ch.isdigit() or ch == ".":
            m = _ARABIC.match(s, i)
            if not m:
                return None
            if num is not None:
                return None
            tok = m.group()
            num = float(tok) if "." in tok else int(tok)
            num_is_cn = False
            i = m.end()
            continue
        if ch in DIGITS:
            d = DIGITS[ch]
            if d == 0:
                zero_seen = True
                if num is not None and run:
                    num = num * 10  # digit names in a row: 二零零四
                    run += 1
                elif num is None:
                    run = 1 if not saw_unit else 0
                    num = 0 if not saw_unit else None
                i += 1
                continue
            if num is not None and num_is_cn and run:
                num = num * 10 + d
                run += 1
            elif num is not None and num != 0:
                return None
            else:
                num = d
                run = 1 if not saw_unit else 0
            num_is_cn = True
            i += 1
            continue
        if ch == "点":
            j = i + 1
            digits = []
            while j < n and (s[j] in DIGITS or s[j].isdigit()):
                digits.append(str(DIGITS[s[j]]) if s[j] in DIGITS else s[j])
                j += 1
            if not digits:
                return None
            frac = float("0." + "".join(digits))
            if num is not None and num_is_cn and last_unit and not zero_seen and run <= 1:
                section += num * last_unit // 10      # 两千三点一 = 2300.1
                num = None
            num = (num or 0) + frac
            num_is_cn = False
            run = 0
            i = j
            continue
        if ch in SMALL_UNITS:
            if run > 1:
                return None   # 二三十: a span of values, not one number
            u = SMALL_UNITS[ch]
            section += (num if num else 1) * u   # 零十 = 十
            num, num_is_cn, run, zero_seen = None, False, 0, False
            last_unit = u
            saw_unit = True
            i += 1
            continue
        if ch in BIG_UNITS:
            if run > 1 and section:
                return None
            u = BIG_UNITS[ch]
            if num is not None and num_is_cn and last_unit in (10, 100, 1000) and not zero_seen and run <= 1:
                num = num * last_unit // 10            # 百二万 = 120万
            cur = section + (num or 0)
            if cur == 0 and (last_big is not None or total):
                total = total * u                      # 万万, 万亿
            elif cur == 0 and num is None and section == 0:
                total = total + u                      # 万九: a bare unit is one of it
            elif last_big is not None and u > last_big:
                total = (total + cur) * u              # 四千五百六十九万八千三百一十一亿
            else:
                total = total + cur * u
            last_big = u
            section, num, num_is_cn, run, zero_seen = 0, None, False, 0, False
            last_unit = u
            saw_unit = True
            i += 1
            continue
        return None
    if num is not None:
        if num_is_cn and last_unit and not zero_seen and run <= 1 and isinstance(num, int):
            num = num * last_unit // 10               # 两千四百五 = 2450, 一万三 = 13000
        section += num
    if not saw_unit and num is None:
        return None
    return total + section
