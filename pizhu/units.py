"""Figures shown to readers in both Chinese (万/亿) and Western (million/billion) units."""
from __future__ import annotations

from annotator import Figure

CURRENCY_SYMBOLS = {"USD": "US$", "CNY": "¥", "HKD": "HK$", "EUR": "€", "JPY": "JP¥", "GBP": "£"}
CURRENCY_NAMES = {"USD": "美元", "CNY": "元", "HKD": "港元", "EUR": "欧元", "JPY": "日元", "GBP": "英镑"}
QUALIFIERS = {"approx": ("约", "about "), "min": ("超过", "over "), "max": ("至多", "up to ")}


def _trim(x: float) -> str:
    text = f"{x:,.2f}".rstrip("0").rstrip(".")
    return text


def chinese_units(value: float) -> str:
    """5.4e8 → 5.4亿; 1.2e12 → 1.2万亿 (never 兆, which means 10¹² only in Taiwan)."""
    for size, name in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if abs(value) >= size:
            return f"{_trim(value / size)}{name}"
    return _trim(value)


def western_units(value: float) -> str:
    """5.4e8 → 540 million."""
    for size, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if abs(value) >= size:
            return f"{_trim(value / size)} {name}"
    return _trim(value)


def _percent(value: float) -> str:
    return _trim(value * 100)


def describe_figure(figure: Figure) -> tuple[str, list[tuple[str, str]]]:
    """(headline, detail lines) for a figure's note."""
    zh_q, en_q = QUALIFIERS.get(figure.qualifier or "", ("", ""))
    details: list[tuple[str, str]] = []
    if figure.kind == "money":
        code = figure.unit or ""
        symbol = CURRENCY_SYMBOLS.get(code, code + " ")
        zh = f"{zh_q}{chinese_units(figure.value)}{CURRENCY_NAMES.get(code, code)}"
        en = f"{en_q}{symbol}{western_units(figure.value)}"
        if figure.value_max is not None:
            zh += f"至{chinese_units(figure.value_max)}"
            en += f" to {symbol}{western_units(figure.value_max)}"
        details += [("中文", zh), ("English", en), ("币种", code)]
        title = f"金额 · {en}"
    elif figure.kind == "percent":
        unit = "个百分点" if figure.unit == "pp" else "%"
        shown = f"{zh_q}{_percent(figure.value)}{unit}"
        if figure.value_max is not None:
            shown += f"至{_percent(figure.value_max)}{unit}"
        title = f"比例 · {shown}"
        details.append(("数值", f"{figure.value:g}"))
    else:
        shown = f"{zh_q}{chinese_units(figure.value)}{figure.unit or ''}"
        title = f"数量 · {shown}"
        details += [("English", f"{en_q}{western_units(figure.value)}")]
    if figure.qualifier:
        details.append(("限定", zh_q))
    return title, details
