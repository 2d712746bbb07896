#!/usr/bin/env python3
"""Measure the annotator's accuracy and print the README's "Accuracy" table.

    python3 run.py accuracy            (or: .venv/bin/python scripts/accuracy.py)

It runs the team's scorers from ../shared/eval: score.py on the hand-checked gold article(s), with
`build.py annotate FILE --date D --no-glossary` (the annotator must be right without the glossary),
and score_external.py on the public suites. Each row shows the target from the annotator issue.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"

GOLD_TARGETS = [  # (label, path into score.py's JSON, target)
    ("entities, typed F1", ("entities", "typed", "f1"), 0.90),
    ("figures, detection F1", ("figures", "detected", "f1"), 0.95),
    ("figures, value accuracy", ("figures", "value_accuracy"), 0.95),
    ("quotes, detection F1", ("quotes", "detected", "f1"), 0.85),
    ("quotes, speaker accuracy", ("quotes", "attribution_accuracy"), 0.90),
    ("dates, detection F1", ("dates", "detected", "f1"), None),
    ("dates, resolution accuracy", ("dates", "resolution_accuracy"), 0.95),
]
EXTERNAL_TARGETS = {  # score_external row → target
    "zh-money.jsonl news": 0.95, "zh-percent.jsonl news": 0.95, "zh-number.jsonl news": 0.95,
    "duckling-zh-number.jsonl news": 0.95, "zh-date.jsonl news": 0.90, "zh-date-parser.jsonl news": 0.90,
    "zh-ner-msra.jsonl person/org/place F1": 0.70, "zh-ner-cluener.jsonl person/org/place F1": 0.50,
    "zh-ner-uner-gsdsimp.jsonl person/org/place F1": None,
}


def gold_scores() -> list[dict]:
    python = sys.executable
    command = f"{python} {ROOT / 'build.py'} annotate {{src}} --date {{date}} --no-glossary"
    out = subprocess.run([python, str(EVAL / "score.py"), "--cmd", command, *map(str, sorted((EVAL / "gold").glob("*.json"))),
                          "--json"], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(out.stdout)


def external_scores() -> dict[str, float]:
    out = subprocess.run([sys.executable, str(EVAL / "score_external.py"), "--project", str(ROOT)],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    rows = {}
    for line in out.stdout.splitlines():
        if m := re.match(r"(.+?F1) P [\d.]+ R [\d.]+ F1 ([\d.]+)", line):
            rows[m.group(1).strip()] = float(m.group(2))
        elif m := re.match(r"(.+?)\s+(\d+)/(\d+)\s+([\d.]+)$", line):
            rows[m.group(1).strip()] = float(m.group(4))
    return rows


def dig(data: dict, path: tuple[str, ...]) -> float:
    for key in path:
        data = data[key]
    return float(data)


def verdict(value: float, target: float | None) -> str:
    return "—" if target is None else ("✅" if value >= target else "❌")


def main() -> int:
    lines = ["| measure | score | target | |", "|---|---|---|---|"]
    for article in gold_scores():
        for label, path, target in GOLD_TARGETS:
            value = dig(article, path)
            lines.append(f"| {article['article']}: {label} | {value:.3f} | {target or ''} | {verdict(value, target)} |")
    external = external_scores()
    for row, target in EXTERNAL_TARGETS.items():
        if row in external:
            value = external[row]
            lines.append(f"| {row.replace('.jsonl', '')} | {value:.3f} | {target or ''} | {verdict(value, target)} |")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
