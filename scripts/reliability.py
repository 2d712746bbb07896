#!/usr/bin/env python3
"""How far the annotator's confidence can be trusted: for confidence bands, the share of marks that are
right on the dev set (../shared/eval/gold), pooled over its articles (the README's reliability table).

    .venv/bin/python scripts/reliability.py [--markdown]

Each predicted mark is judged alone with the team's scorer (score.py): an entity is right when it
names a gold entity with its type, a figure when its value is right, a quote when its speaker is
right, a date when its resolution is right; a mark the gold lists as optional counts neither way.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
BANDS = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
KINDS = {"entities": "entities", "figures": "figures", "quotes": "quotes", "events": "dates"}


def _scorer():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def entity_verdicts(score, gold: dict, preds: list[dict]) -> list[bool | None]:
    """Entities match by their names alone, so each is judged by itself."""
    out = []
    for item in preds:
        typed = score.score_entities(gold, {"entities": [item]}, [])["typed"]
        out.append(None if typed["tp"] + typed["fp"] == 0 else typed["tp"] == 1)
    return out


def _optional(score, text: str, optional: list[str]) -> bool:
    t = score.fold(text)
    return any(t and (t in score.fold(o) or score.fold(o) in t) for o in optional)


def ordered_verdicts(score, gold_items: list[dict], preds: list[dict], optional: list[str], right) -> list:
    """Figures and dates are matched to the gold in document order, as score.py does."""
    preds = score.by_position(preds)
    out: list[bool | None] = [None if _optional(score, str(p.get("text", "")), optional) else False for p in preds]
    for g, hit in zip(gold_items, score.match_in_order(gold_items, preds, "text", "text")):
        if hit is not None:
            out[hit] = right(g, preds[hit])
    return list(zip(preds, out))


def figure_right(score):
    def right(g: dict, p: dict) -> bool:
        ok = score.close(p.get("value"), g["value"])
        if g.get("value_max") is not None:
            ok = ok and score.close(p.get("value_max"), g["value_max"])
        return ok and (g["kind"] != "money" or str(p.get("unit", "")).upper() == g["unit"])
    return right


def date_right(score):
    def right(g: dict, p: dict) -> bool:
        return p.get("precision") == g["precision"] and score.norm_date(p.get("date"), g["precision"]) == g["value"]
    return right


def quote_verdicts(score, gold: dict, preds: list[dict]) -> list[bool | None]:
    texts = [score.fold(str(q.get("text", ""))) for q in preds]
    out: list[bool | None] = []
    for t in texts:
        harmless = any(score.fold(o) in t for o in gold.get("optional_quotes", []))
        out.append(None if harmless else False)
    taken: set[int] = set()
    for g in gold["quotes"]:
        key = score.fold(g["key"])
        hits = [i for i, t in enumerate(texts) if key in t and i not in taken]
        if not hits:
            continue
        taken.add(hits[0])
        sp = score.fold(str(preds[hits[0]].get("speaker") or ""))
        out[hits[0]] = bool(sp) and any(len(min(sp, score.fold(s), key=len)) >= 2
                                        and (sp in score.fold(s) or score.fold(s) in sp) for s in g["speakers"])
    for i, t in enumerate(texts):  # a second span of a gold quote is neither right nor wrong
        if i not in taken and any(score.fold(g["key"]) in t for g in gold["quotes"]):
            out[i] = None
    return out


def article_marks(score, gold: dict, pred: dict) -> list[tuple[str, float, bool]]:
    judged = [("entities", e, ok) for e, ok in zip(pred["entities"], entity_verdicts(score, gold, pred["entities"]))]
    judged += [("figures", f, ok) for f, ok in ordered_verdicts(score, gold["figures"], pred["figures"],
                                                               gold.get("optional_figures", []), figure_right(score))]
    judged += [("events", e, ok) for e, ok in ordered_verdicts(score, gold["dates"], pred["events"],
                                                              gold.get("optional_dates", []), date_right(score))]
    judged += [("quotes", q, ok) for q, ok in zip(pred["quotes"], quote_verdicts(score, gold, pred["quotes"]))]
    return [(kind, float(item.get("confidence", 1.0)), ok) for kind, item, ok in judged if ok is not None]


def judged_marks() -> list[tuple[str, float, bool]]:
    score = _scorer()
    marks = []
    for gold_path in sorted((EVAL / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text())
        command = [sys.executable, str(ROOT / "build.py"), "annotate", str(score.source_of(gold_path, gold)),
                   "--date", gold["date"], "--no-glossary"]
        pred = json.loads(subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT).stdout)
        marks += article_marks(score, gold, pred)
    return marks


def table(marks: list[tuple[str, float, bool]]) -> list[str]:
    rows = ["| confidence | entities | figures | quotes (speaker) | dates | all |", "|---|---|---|---|---|---|"]
    for low, high in BANDS:
        cells = []
        for kind in [*KINDS, None]:
            inside = [ok for k, c, ok in marks if low <= c < high and (kind is None or k == kind)]
            cells.append(f"{sum(inside) / len(inside):.2f} ({len(inside)})" if inside else "–")
        label = f"{low:.1f}–{min(high, 1.0):.1f}"
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return rows


def main() -> int:
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    if not (EVAL / "score.py").exists():
        print(f"skipped: {EVAL} is not there (the dev set lives in ../shared)")
        return 0
    marks = judged_marks()
    print("Share of marks that are right (number of marks), dev set pooled:")
    print("\n".join(table(marks)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
