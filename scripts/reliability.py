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
BANDS = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
KINDS = {"entities": "entities", "figures": "figures", "quotes": "quotes", "events": "dates"}


def _scorer():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def verdict(score, gold: dict, kind: str, item: dict) -> bool | None:
    """True/False when the gold decides the mark alone, None when it is optional."""
    result, _ = score.score(gold, {kind: [item]})
    part = result[KINDS[kind]]
    if kind == "entities":
        typed = part["typed"]
        return None if typed["tp"] + typed["fp"] == 0 else typed["tp"] == 1
    detected = part["detected"]
    if detected["fp"]:
        return False
    if detected["tp"] == 0:
        return None
    good = {"figures": "right", "quotes": "attributed", "events": "right"}[kind]
    return part[good] == 1


def judged_marks() -> list[tuple[str, float, bool]]:
    score = _scorer()
    marks = []
    for gold_path in sorted((EVAL / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text())
        command = [sys.executable, str(ROOT / "build.py"), "annotate", str(score.source_of(gold_path, gold)),
                   "--date", gold["date"], "--no-glossary"]
        pred = json.loads(subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT).stdout)
        for kind in KINDS:
            for item in pred.get(kind, []):
                ok = verdict(score, gold, kind, item)
                if ok is not None:
                    marks.append((kind, float(item.get("confidence", 1.0)), ok))
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
