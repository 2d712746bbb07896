"""What a figure measures (its label: 亏损, 营收, 融资额…) and the period the sentence gives it (2022年,
2023年第一季度, 去年全年), read from the grammar of its clause. None when the clause does not say: a
missing label costs a reader less than a wrong one.

Labels come from the measure nouns and verbs of annotator/data/figure_labels.txt, found
- before the figure, with only linking words between (营收约为32亿元, 估值或将达到…, 亏损4.6亿元);
- after it, as what it amounts to (15亿元融资, 1亿美元的C轮融资, 2亿美元的收入);
- as the noun a count counts (70亿参数 → 参数量);
- in the clause before, when the figure's own clause has no subject (OpenAI的亏损翻了一番，达到5.4亿美元).
A percentage change takes the noun written before it (营收同比增长7% → 营收同比增幅).
"""
from __future__ import annotations

import re

from ._vocab import entries, table
from .figures import QUALIFIERS_AFTER, QUALIFIERS_BEFORE, _trie
from .model import Figure
from .text import Document

_LABELS: dict[str, tuple[str, frozenset[str]]] = {
    word: (label, frozenset(kinds.split(","))) for word, label, kinds in table("figure_labels")}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# A period as a figure is given for it: a year (2022年, 去年, 2023财年), a part of one (第一季度, Q1, 上半年,
# 全年, 前三季度, 1-9月, 5月), or both. A day (4月29日) is a date, not a period.
_YEAR = r"(?:[12][0-9]{3}|[一二〇零][一二三四五六七八九〇零]{3})(?:年度?|财年)|(?:今|去|前|明|本|同|当)年(?:度)?"
_PART = (r"(?:全年|上半年|下半年|前三季度|年初|年底|年末|(?:第?[一二三四1-4]|[上本下])季度|[QＱ][1-4１-４]|[HＨ][12]"
         r"|[1-9][0-2]?[-－—~至到][1-9][0-2]?月|(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月份?"
         r"|前(?:[一二三四五六七八九十]|[1-9][0-2]?)个?月)")
_PERIOD = re.compile(rf"(?=[0-9一二三四五六七八九十〇零今去前明本同当全上下第QＱHＨ])(?<![0-9０-９])"
                     rf"(?:(?:{_YEAR})(?:{_PART})?|(?:{_PART})|上个?月|本月)"
                     r"(?![0-9０-９一二三四五六七八九十]*[日号月]|同期)")
_PERIOD_HINT = re.compile("[年季月QＱHＨ]")   # a character every period has: a cheap first check
# a period named only to compare with (较2022年, 比去年同期)
_COMPARED = re.compile(r"(?:较|比|相比|对比|同比|与|和)$")
_SUBORDINATE = re.compile(r"\s*(?:由于|因为|因|虽然|虽|尽管|随着|为了|如果|若)")
_CLAUSE_MARK = re.compile(r"[，,；;：:（(）)]")
_UP_TO_LAST_MARK = re.compile(r".*[，,；;：:（(）)]", re.S)
_NOW = re.compile(r"最新|目前|当前|现在|如今|眼下")
_LIST_GAP = re.compile(r"\s*(?:[、，,]|和|及|以及|与|或)\s*")
# nothing more of the clause after a figure (…，达到5.4亿美元左右。)
_CLAUSE_END = re.compile(rf"(?:{_alt(QUALIFIERS_AFTER)}|[余多])?\s*(?:[，,。；;！？!?）)]|$)")
_ONLY_PERIOD = re.compile(rf"\s*(?:到|在|于|截至|截止|截至到)?\s*(?:{_PERIOD.pattern})\s*(?:以来|时|底|末)?\s*$")

_LEX = _trie({word: "" for word in _LABELS})
_REACH = 24   # how far before a figure its measure word may stand (营收 + 预计将达到约 + 2023年)
# what may stand between a measure word and its figure: linking words, qualifiers, a period
_GAP = rf"(?:{_alt(entries('figure_links') + list(QUALIFIERS_BEFORE))}|{_PERIOD.pattern}|\s)*"
_BEFORE = re.compile(rf"({_LEX}){_GAP}$")
_ONLY_GAP = re.compile(rf"{_GAP}$")
# after the figure: what it amounts to (15亿元融资, 1亿美元的C轮融资, 300亿美元新的年收入)
_AFTER = re.compile(rf"\s*的?(?:[A-Za-z0-9+\-一二三四五六七八九十天首新]{{1,5}}轮|新的?)?\s*({_LEX})")
_WORD_AT_END = re.compile(rf"(?:{_LEX})$")
_LEX_RE = re.compile(_LEX)


def label_figures(doc: Document, figures: list[Figure]) -> None:
    """Set each figure's label and period from its sentence. A figure listed after another of its kind
    (营收分别为49亿元、78亿元) shares its label; a period is given only with a label (the period of
    what is measured, not of a race distance or a price threshold)."""
    text = doc.text
    previous: Figure | None = None
    for figure in figures:
        sentence = doc.sentence_at(figure.start).start
        if previous is not None and _listed_after(text, previous, figure):
            figure.label = previous.label
            figure.period = None if "分别" in text[sentence:figure.start] else previous.period
        else:
            clause = _clause_start(text, sentence, figure.start)
            figure.label = _label(text, figure, clause, sentence)
            figure.period = _period(text, figure, clause, sentence) if figure.label else None
        previous = figure


def _listed_after(text: str, previous: Figure, figure: Figure) -> bool:
    return (previous.kind == figure.kind and previous.unit == figure.unit
            and _LIST_GAP.fullmatch(text, previous.end, figure.start) is not None)


def _clause_start(text: str, lo: int, at: int) -> int:
    """Where the clause holding offset `at` starts (after the last comma, colon or bracket before it)."""
    m = _UP_TO_LAST_MARK.match(text, lo, at)
    return m.end() if m else lo


def _fits(word: str, kind: str) -> str | None:
    """The label `word` gives a figure of `kind`, if it can label one."""
    label, kinds = _LABELS[word]
    return label if kind in kinds or (kind == "percent" and "change" in kinds) else None


def _label(text: str, figure: Figure, clause: int, sentence: int) -> str | None:
    """The label from the counted noun, the words before the figure, after it, or the clause before."""
    if figure.kind == "quantity" and figure.unit in _LABELS:   # 70亿参数: a count of parameters
        return _fits(figure.unit, figure.kind)
    before = _BEFORE.search(text, max(clause, figure.start - _REACH), figure.start)
    if before:
        label = _fits(before[1], figure.kind)
        noun = _WORD_AT_END.search(text, clause, before.start())
        if label and noun and "change" in _LABELS[before[1]][1] and "change" not in _LABELS[noun.group()][1]:
            return _LABELS[noun.group()][0] + label   # 营收同比增长7% → 营收同比增幅
        return label
    after = _AFTER.match(text, figure.end)
    if after:
        return _fits(after[1], figure.kind)
    if clause <= sentence or not _ONLY_GAP.match(text, clause, figure.start) or not _CLAUSE_END.match(
            text, figure.end):
        return None
    # a clause with no subject (…，达到5.4亿美元): what the clause before it was about
    found = [m.group() for m in _LEX_RE.finditer(text, _clause_start(text, sentence, clause - 1), clause - 1)]
    return _fits(found[-1], figure.kind) if found else None


def _period(text: str, figure: Figure, clause: int, sentence: int) -> str | None:
    """The period of the figure's clause; none when the clause speaks of now (最新, 目前); else of a
    clause before it that is only a period (2022年，…); else of the nearest clause before it that
    names one, passing over clauses of cause or concession (由于去年…). Periods named to compare with
    (较2022年) do not count; a clause naming two or more (2019年、2020年…) gives none: which is whose,
    the clause does not say."""
    own = [p for _, p in _periods(text, clause, figure.start)]
    if own or _NOW.search(text, clause, figure.start):   # 最新市值: of today, whatever the sentence began with
        return _one(own)
    periods = _periods(text, sentence, clause)
    if not periods:
        return None
    marks = [m.start() for m in _CLAUSE_MARK.finditer(text, sentence, clause)]
    earlier = [(a, b, found) for a, b in zip([sentence] + [i + 1 for i in marks], marks)
               if (found := [p for at, p in periods if a <= at < b])]
    for a, b, found in earlier:
        if _ONLY_PERIOD.match(text, a, b):
            return _one(found)
    for a, b, found in reversed(earlier):
        if not _SUBORDINATE.match(text, a, b):
            return _one(found)
    return None


def _one(periods: list[str]) -> str | None:
    return periods[0] if len(periods) == 1 else None


def _periods(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The periods written in text[start:end] (where, what), but those named to compare with."""
    if not _PERIOD_HINT.search(text, start, end):
        return []
    return [(m.start(), m.group()) for m in _PERIOD.finditer(text, start, end)
            if not _COMPARED.search(text, max(0, m.start() - 2), m.start())]
