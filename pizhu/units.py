"""Figures shown to readers in both Chinese (万/亿/万亿) and Western (million/billion) units.

Chinese magnitudes follow mainland usage (CLDR zh_CN): 1.2e12 is 1.2万亿, never 兆 (which means 10¹²
only in Taiwan and 10⁶ in some technical usage). Western magnitudes are the short scale.
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from annotator import Figure

CURRENCY_SYMBOLS = {"USD": "US$", "CNY": "¥", "HKD": "HK$", "EUR": "€", "JPY": "JP¥", "GBP": "£"}
CURRENCY_NAMES = {"USD": "美元", "CNY": "元", "HKD": "港元", "EUR": "欧元", "JPY": "日元", "GBP": "英镑"}
QUALIFIERS = {"approx": "约", "min": "超过", "max": "至多"}
QUALIFIER_LABELS = {"approx": "约数", "min": "下限（超过）", "max": "上限（至多）"}
KIND_LABELS = {"money": "金额", "percent": "比例", "quantity": "数量"}


def _trim(x: float, sep: str = "") -> str:
    """At most two decimals, no trailing zeros; `sep` groups thousands (',' for Western figures)."""
    text = f"{x:,.2f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace(",", sep)


def chinese_units(value: float) -> str:
    """5.4e8 → 5.4亿; 1.2e12 → 1.2万亿 (never 兆); 28000 → 2.8万; 2.45 → 2.45."""
    for size, name in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if abs(value) >= size:
            return f"{_trim(value / size)}{name}"
    return _trim(value)


def western_units(value: float) -> str:
    """5.4e8 → 540 million; 1.2e12 → 1.2 trillion; 28000 → 28,000."""
    for size, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{_trim(value / size, ',')} {name}"
    return _trim(value, ",")


def money_zh(value: float, unit: str | None) -> str:
    """5.4e8 USD → 5.4亿美元."""
    code = unit or ""
    return f"{chinese_units(value)}{CURRENCY_NAMES.get(code, code)}"


def money_en(value: float, unit: str | None) -> str:
    """5.4e8 USD → US$540 million; unknown codes are written before the number (CHF 3 million)."""
    code = unit or ""
    symbol = CURRENCY_SYMBOLS.get(code, f"{code} " if code else "")
    return f"{symbol}{western_units(value)}"


def percent_text(value: float, unit: str | None) -> tuple[str, str]:
    """(zh, en) for a fraction: 0.07 % → 7%; 0.00014 ‰ → 0.14‰; 0.05 pp → 5个百分点 / 5 pp."""
    if unit == "‰":
        shown = _trim(value * 1000)
        return f"{shown}‰", f"{shown}‰"
    shown = _trim(value * 100)
    if unit == "pp":
        return f"{shown}个百分点", f"{shown} pp"
    return f"{shown}%", f"{shown}%"


@dataclass(frozen=True)
class FigureText:
    """A figure as readers see it: both unit systems, qualifier and range already applied."""
    kind_label: str
    zh: str  # 约5.4亿美元
    en: str  # 约 US$540 million
    qualifier: str | None  # 约数 / 下限（超过） / 上限（至多）
    range: str | None  # "5.4亿美元至8亿美元" when value_max is set


def _one(kind: str, unit: str | None, value: float) -> tuple[str, str]:
    if kind == "money":
        return money_zh(value, unit), money_en(value, unit)
    if kind == "percent":
        return percent_text(value, unit)
    unit = unit or ""
    return f"{chinese_units(value)}{unit}", f"{western_units(value)}{' ' + unit if unit else ''}"


def figure_text(figure: Figure) -> FigureText:
    """5.4亿美元左右 → zh 约5.4亿美元, en 约 US$540 million."""
    return _figure_text(figure.kind, figure.value, figure.unit, figure.qualifier, figure.value_max)


@functools.lru_cache(maxsize=8192)  # a figure's note, its sidebar row and its entity page all show it
def _figure_text(kind: str, value: float, unit: str | None, qualifier: str | None,
                 value_max: float | None) -> FigureText:
    zh, en = _one(kind, unit, value)
    rng = None
    if value_max is not None:
        zh_max, en_max = _one(kind, unit, value_max)
        zh, en = f"{zh}至{zh_max}", f"{en} – {en_max}"
        rng = zh
    q = QUALIFIERS.get(qualifier or "")
    if q:
        zh, en = f"{q}{zh}", f"{q} {en}"
    return FigureText(KIND_LABELS.get(kind, kind), zh, en, QUALIFIER_LABELS.get(qualifier or ""), rng)


def log_scale(values: list[float]) -> tuple[float, float]:
    """Decade bounds (lo, hi exponents) covering every positive value, at least one decade wide."""
    positive = [v for v in values if v > 0]
    if not positive:
        return 0.0, 1.0
    lo = math.floor(math.log10(min(positive)))
    hi = math.ceil(math.log10(max(positive)))
    return float(lo), float(max(hi, lo + 1))


def bar_fraction(value: float, scale: tuple[float, float]) -> float:
    """Where `value` sits on a log `scale`, 0..1 (values ≤ 0 sit at 0)."""
    lo, hi = scale
    if value <= 0:
        return 0.0
    return min(1.0, max(0.0, (math.log10(value) - lo) / (hi - lo)))


@dataclass(frozen=True)
class Scale:
    """The bars of one group of figures: linear from zero, or logarithmic (`log`) when the values span
    more than three orders of magnitude, with labelled ticks either way."""
    log: bool
    lo: float  # linear: 0; log: the lowest decade's exponent
    hi: float  # linear: the axis's end (a round number); log: the highest decade's exponent
    ticks: tuple[tuple[float, float], ...]  # (where on the bar, 0..1; the value there)

    def fraction(self, value: float) -> float:
        """Where `value` sits on the bar, 0..1 (values ≤ 0 at 0)."""
        if self.log:
            return bar_fraction(value, (self.lo, self.hi))
        return min(1.0, max(0.0, value / self.hi)) if self.hi > 0 else 0.0


LOG_SPAN = 1000  # a group whose largest value is more than this many times its smallest gets a log scale


def bar_scale(values: list[float]) -> Scale:
    """The scale for a group's values: 5.4亿 beside 290亿 reads at a glance on a linear bar; 2.45 beside
    1.3万亿 only on a log scale, whose ticks say so."""
    positive = [v for v in values if v > 0]
    if positive and max(positive) > LOG_SPAN * min(positive):
        lo, hi = log_scale(positive)
        step = math.ceil((hi - lo) / 4)   # at most five labelled decades
        ticks = [((k - lo) / (hi - lo), 10.0 ** k) for k in range(int(lo), int(hi) + 1, step)]
        return Scale(True, lo, hi, tuple(ticks))
    top = _round_up(max(positive, default=1.0))
    return Scale(False, 0.0, top, ((0.0, 0.0), (0.5, top / 2), (1.0, top)))


def _round_up(value: float) -> float:
    """The round number (1, 2 or 5 × 10^k) at or above `value`, for an axis's end."""
    power = 10.0 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= value * (1 - 1e-9))
