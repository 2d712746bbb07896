#!/usr/bin/env python3
"""Measure the annotator's accuracy and print the README's "Accuracy" table.

    python3 run.py accuracy            (or: .venv/bin/python scripts/accuracy.py)

It runs the team's scorers from ../shared/eval: score.py on the hand-checked gold articles (the
example and the dev set), with `build.py annotate FILE --date D --no-glossary` (the annotator must be
right without the glossary), pooled over the articles (scripts/dev_scores.py); score_external.py on the
public suites; and the reliability of the confidence (scripts/reliability.py). Targets are issue 10's.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT / "scripts"))

from dev_scores import pooled, scores  # noqa: E402
from reliability import judged_marks, table as reliability_table  # noqa: E402

POOLED_TARGETS = [  # (label, dev_scores.pooled key, target): issue 10's "done when"
    ("entities, typed precision", "entities P", 0.92),
    ("entities, typed F1", "entities F1", 0.88),
    ("quotes, detection F1", "quotes F1", 0.90),
    ("quotes, speaker accuracy", "speakers", 0.90),
    ("figures, detection F1", "figures F1", 0.95),
    ("figures, value accuracy", "figure values", 0.95),
    ("dates, detection F1", "dates F1", 0.95),
    ("dates, resolution accuracy", "dates resolved", 0.95),
]
PER_ARTICLE_TARGET = 0.80  # every single article, in each measure above
EXTERNAL_TARGETS = {  # score_external row → target
    "zh-money.jsonl news": 0.95, "zh-percent.jsonl news": 0.95, "zh-number.jsonl news": 0.95,
    "duckling-zh-number.jsonl news": 0.95, "zh-date.jsonl news": 0.90, "zh-date-parser.jsonl news": 0.90,
    "zh-ner-msra.jsonl person/org/place F1": 0.72, "zh-ner-cluener.jsonl person/org/place F1": 0.55,
    "zh-ner-uner-gsdsimp.jsonl person/org/place F1": None,
}


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


def verdict(value: float, target: float | None) -> str:
    return "—" if target is None else ("✅" if value >= target else "❌")


def dev_set_rows(articles: list[dict]) -> list[str]:
    """Pooled over every gold article, with the weakest single article beside each measure."""
    lines = ["| dev set, pooled over its articles | score | weakest article | target (pooled / each) | |",
             "|---|---|---|---|---|"]
    each = {a["article"]: pooled([a]) for a in articles}
    total = pooled(articles)
    for label, key, target in POOLED_TARGETS:
        name, low = min(((n, m[key]) for n, m in each.items()), key=lambda pair: pair[1])
        ok = total[key] >= target and low >= PER_ARTICLE_TARGET
        lines.append(f"| {label} | {total[key]:.3f} | {low:.3f} ({name}) | {target} / {PER_ARTICLE_TARGET} | "
                     f"{'✅' if ok else '❌'} |")
    return lines


def article_rows(articles: list[dict]) -> list[str]:
    keys = [key for _, key, _ in POOLED_TARGETS]
    lines = ["| article | " + " | ".join(label.replace(", ", " ") for label, _, _ in POOLED_TARGETS) + " |",
             "|---|" + "---|" * len(keys)]
    for a in articles:
        m = pooled([a])
        lines.append(f"| {a['article']} | " + " | ".join(f"{m[k]:.2f}" for k in keys) + " |")
    return lines


def main() -> int:
    if not (EVAL / "score.py").exists():
        print(f"skipped: {EVAL} is not there (the scorers and the dev set live in ../shared)")
        return 0
    articles = scores(sorted((EVAL / "gold").glob("*.json")))
    lines = dev_set_rows(articles) + [""] + article_rows(articles) + [""]
    lines += ["| public suite | score | target | |", "|---|---|---|---|"]
    external = external_scores()
    for row, target in EXTERNAL_TARGETS.items():
        if row in external:
            value = external[row]
            lines.append(f"| {row.replace('.jsonl', '')} | {value:.3f} | {target or ''} | {verdict(value, target)} |")
    lines += ["", "Reliability: the share of marks that are right (number of marks) by confidence band, dev set:", ""]
    lines += reliability_table(judged_marks())
    print("\n".join(lines))
    return 0

if __name__ == "__main__":
    sys.exit(main())
