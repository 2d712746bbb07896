"""Figures: money, percentages and quantities, normalised to a value, a unit and a qualifier."""
from __future__ import annotations

import re

from .model import Figure
from .numbers import parse_number
from .text import Document

_CURRENCIES = {"美元": "USD", "美金": "USD", "人民币": "CNY", "元": "CNY", "港元": "HKD", "欧元": "EUR",
               "日元": "JPY", "英镑": "GBP"}
_QUALIFIERS = {"约": "approx", "大约": "approx", "近": "approx", "左右": "approx", "超": "min", "超过": "min",
               "逾": "min", "以上": "min", "至多": "max", "不超过": "max"}
_NUM = r"\d+(?:[,.]\d+)*"
_PATTERN = re.compile(
    rf"(?P<pre>大约|约|近|超过|超|逾|至多|不超过)?(?P<num>{_NUM})\s*(?P<mag>万亿|亿|万|千)?\s*"
    rf"(?:(?P<cur>{'|'.join(sorted(_CURRENCIES, key=len, reverse=True))})|(?P<pct>%|‰))(?P<post>左右|以上)?")


def find_figures(doc: Document) -> list[Figure]:
    figures = []
    for m in _PATTERN.finditer(doc.text):
        value = parse_number(m["num"] + (m["mag"] or ""))
        if value is None:
            continue
        qualifier = _QUALIFIERS.get(m["pre"] or m["post"] or "")
        if m["pct"]:
            figures.append(Figure(m.group(), m.start(), m.end(), "percent",
                                  value / (100 if m["pct"] == "%" else 1000), m["pct"], qualifier))
        else:
            figures.append(Figure(m.group(), m.start(), m.end(), "money", value, _CURRENCIES[m["cur"]], qualifier))
    return figures
