"""Numerals: Arabic, Chinese and mixed (3.5亿, 三千万, 一点五亿, 1,200)."""
from __future__ import annotations

import re

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10**4, "亿": 10**8}


def parse_number(text: str) -> int | float | None:
    """The value of a numeral, or None when `text` is not one."""
    s = text.strip().replace(",", "").replace(" ", "").replace("\u00a0", "")
    if not s:
        return None
    try:
        return _tidy(float(s))
    except ValueError:
        pass
    total, section, number = 0.0, 0.0, None
    i = 0
    while i < len(s):
        m = re.match(r"\d+(?:\.\d+)?", s[i:])
        if m:
            number = float(m.group())
            i += m.end()
            continue
        ch = s[i]
        if ch in _DIGITS:
            number = _DIGITS[ch]
        elif ch in _SMALL:
            section += (number if number is not None else 1) * _SMALL[ch]
            number = None
        elif ch in _BIG:
            total = (total + section + (number or 0)) * _BIG[ch]
            section, number = 0.0, None
        else:
            return None
        i += 1
    return _tidy(total + section + (number or 0))


def _tidy(value: float) -> int | float:
    return int(value) if value == int(value) else value
