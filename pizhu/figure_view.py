"""What readers are told about a figure: its note (what the number is, its value in both unit systems)
and its row in the figures sidebar (one row per figure however often the text gives it, grouped by
kind and unit, each group on a scale that lets the bars be compared).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from annotator import Figure

from .units import CURRENCY_NAMES, KIND_LABELS, Scale, bar_scale, chinese_units, figure_text, percent_text

# A qualifier's short form (the sidebar row) and what it means (said once, in the panel's legend)
QUALIFIERS = {"approx": ("约数", "原文是大概的数"), "min": ("下限", "至少这么多"), "max": ("上限", "不超过这个数"),
              "range": ("范围", "两数之间")}
PERCENT_UNITS = {"%": "百分比", "‰": "千分比", "pp": "百分点"}


def measured(figure: Figure) -> str:
    """What the figure measures, with its period: 2022年亏损, 融资额; "" when the annotator could not say."""
    return f"{figure.period or ''}{figure.label}" if figure.label else ""


def figure_card(figure: Figure, entity_names: dict[str, str]) -> tuple[str, list[tuple[str, str]]]:
    """A figure's note: its title (what it measures, else its kind) and its details as (label, value):
    whose it is, the value once in Chinese units and once in the other system (亿 ↔ million/billion),
    the qualifier in words. The figure as written is the marked text itself: not repeated."""
    shown = figure_text(figure)
    details = []
    if figure.entity in entity_names:
        details.append(("关于", entity_names[figure.entity]))
    details.append(("数值", shown.zh))
    if converted(figure):
        details.append(("换算", shown.en))
    if qualifier(figure):
        details.append(("限定", qualifier(figure)))
    return measured(figure) or shown.kind_label, details


def qualifier_key(figure: Figure) -> str | None:
    """Which of QUALIFIERS the figure has (a range, approx, min, max), if any."""
    if figure.value_max is not None:
        return "range"
    return figure.qualifier if figure.qualifier in QUALIFIERS else None


def qualifier(figure: Figure) -> str:
    """The figure's qualifier in words, 约数（原文是大概的数） ("" when it has none)."""
    key = qualifier_key(figure)
    return "{}（{}）".format(*QUALIFIERS[key]) if key else ""


def converted(figure: Figure) -> bool:
    """Does the other unit system say it differently? (7% is 7% in both; 2名 is 2 in both.)"""
    if figure.kind == "percent":
        return False
    return figure.kind == "money" or any(abs(v) >= 1e4 for v in (figure.value, figure.value_max or 0))


@dataclass
class SidebarRow:
    """One figure of the sidebar, with every note (mention) that gives it, in reading order."""
    figure: Figure  # its first mention
    entity: str | None  # the name of the entity it belongs to
    mentions: list[str] = field(default_factory=list)  # the ids of the marks that give it

    @property
    def what(self) -> str:
        return measured(self.figure)

    @property
    def value(self) -> str:
        return figure_text(self.figure).zh

    @property
    def converted(self) -> str:
        """The value in the other unit system, when it reads differently there ("" otherwise)."""
        return figure_text(self.figure).en if converted(self.figure) else ""

    @property
    def qualifier(self) -> str:
        """The qualifier's short form (约数, 下限 …; the panel's legend says what each means)."""
        key = qualifier_key(self.figure)
        return QUALIFIERS[key][0] if key else ""

    @property
    def text(self) -> str:
        """The row as one line: OpenAI · 2022年亏损 · 约5.4亿美元 (parts left out when unknown)."""
        return " · ".join(part for part in (self.entity, self.what, self.value) if part)


@dataclass
class SidebarGroup:
    kind: str
    unit: str | None
    title: str  # 金额（美元）, 比例, 数量（参数）
    rows: list[SidebarRow]
    scale: Scale

    def tick_label(self, value: float) -> str:
        if self.kind == "percent":
            return percent_text(value, self.unit)[0]
        return chinese_units(value)

    @property
    def scale_note(self) -> str:
        if self.scale.log:
            return "对数刻度：每一格是前一格的 10 倍"
        return "线性刻度：条长与数值成正比，从 0 起"


def sidebar(figures: list[tuple[str, Figure]], entity_names: dict[str, str]) -> list[SidebarGroup]:
    """The sidebar's groups from (note id, figure) in reading order: one group per kind and unit (money
    in two currencies is two groups), one row per figure."""
    by_unit: dict[tuple[str, str | None], list[SidebarRow]] = {}
    by_value: dict[tuple, list[SidebarRow]] = {}   # the rows that may be the same figure
    for note_id, figure in figures:
        alike = by_value.setdefault((figure.kind, figure.value, figure.value_max, figure.unit), [])
        row = next((r for r in alike if _same(r.figure, figure)), None)
        if row is None:
            row = SidebarRow(figure, entity_names.get(figure.entity or ""))
            by_unit.setdefault((figure.kind, figure.unit), []).append(row)
            alike.append(row)
        elif row.figure.label is None or row.figure.entity is None:
            row.figure = _known(row.figure, figure)   # a later mention may say whose it is, or what
            row.entity = entity_names.get(row.figure.entity or "")
        row.mentions.append(note_id)
    order = {"money": 0, "percent": 1, "quantity": 2}
    groups = [SidebarGroup(kind, unit, _group_title(kind, unit), rows,
                           bar_scale([v for r in rows for v in (r.figure.value, r.figure.value_max) if v is not None]))
              for (kind, unit), rows in by_unit.items()]
    return sorted(groups, key=lambda g: (order.get(g.kind, 9), -len(g.rows)))


def _same(a: Figure, b: Figure) -> bool:
    """The same figure: one value, range and unit, and the same entity and label; one side not knowing
    its entity or label still matches when the other of the two is known and the same (5.4亿美元 of
    OpenAI's 亏损, and later “亏5.4亿美元” with no entity found)."""
    if (a.kind, a.value, a.value_max, a.unit) != (b.kind, b.value, b.value_max, b.unit):
        return False
    pairs = [(a.entity, b.entity), (a.label, b.label)]
    if any(x is not None and y is not None and x != y for x, y in pairs):
        return False
    return all(x == y for x, y in pairs) or any(x is not None and x == y for x, y in pairs)


def _known(a: Figure, b: Figure) -> Figure:
    """`a` with what `b` knows and `a` does not (its entity, its label and period)."""
    known = replace(a, entity=a.entity or b.entity)
    if a.label is None:
        known = replace(known, label=b.label, period=b.period)
    return known


def _group_title(kind: str, unit: str | None) -> str:
    label = KIND_LABELS.get(kind, kind)
    if kind == "money":
        return f"{label}（{CURRENCY_NAMES.get(unit or '', unit or '')}）"
    if kind == "percent":
        return label if unit == "%" else f"{label}（{PERCENT_UNITS.get(unit or '', unit or '')}）"
    return f"{label}（{unit}）" if unit else label
