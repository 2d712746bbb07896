#!/usr/bin/env python3
"""Score the annotator on the dev set (../shared/eval/gold) and pool the counts over articles.

    .venv/bin/python scripts/dev_scores.py                 every gold article, then pooled
    .venv/bin/python scripts/dev_scores.py --hold-out A B  pooled separately over A, B and the rest

Runs the team's score.py with `build.py annotate FILE --date D --no-glossary`. Pooled precision,
recall and F1 add up true and false positives over articles; pooled accuracies add up what was right
over the gold items, as score.py does for one article.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


def scores(gold_files: list[Path]) -> list[dict]:
    python = sys.executable
    command = f"{python} {ROOT / 'build.py'} annotate {{src}} --date {{date}} --no-glossary"
    out = subprocess.run([python, str(EVAL / "score.py"), "--cmd", command, *map(str, gold_files), "--json"],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(out.stdout)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pooled(articles: list[dict]) -> dict[str, float]:
    """The headline measures over several articles' summed counts."""
    def total(*path: str) -> int:
        values = []
        for a in articles:
            d = a
            for key in path:
                d = d[key]
            values.append(d)
        return sum(values)

    out: dict[str, float] = {}
    for part, detect in (("entities", "typed"), ("figures", "detected"), ("quotes", "detected"),
                         ("dates", "detected")):
        p, r, f = _prf(total(part, detect, "tp"), total(part, detect, "fp"), total(part, detect, "fn"))
        out[f"{part} P"], out[f"{part} R"], out[f"{part} F1"] = p, r, f
    gold = {part: total(part, "gold") for part in ("figures", "quotes", "dates")}
    out["figure values"] = total("figures", "right") / gold["figures"] if gold["figures"] else 1.0
    out["speakers"] = total("quotes", "attributed") / gold["quotes"] if gold["quotes"] else 1.0
    out["dates resolved"] = total("dates", "right") / gold["dates"] if gold["dates"] else 1.0
    return out


def line(label: str, m: dict[str, float]) -> str:
    return (f"{label:<28} ent P {m['entities P']:.3f} R {m['entities R']:.3f} F1 {m['entities F1']:.3f} | "
            f"fig F1 {m['figures F1']:.3f} val {m['figure values']:.3f} | "
            f"quo F1 {m['quotes F1']:.3f} spk {m['speakers']:.3f} | "
            f"date F1 {m['dates F1']:.3f} res {m['dates resolved']:.3f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hold-out", nargs="*", default=[], metavar="NAME",
                    help="articles (gold file stems) pooled apart: ones you did not look at while tuning")
    ap.add_argument("--quiet", action="store_true", help="pooled lines only")
    args = ap.parse_args()
    if not (EVAL / "score.py").exists():
        print(f"skipped: {EVAL} is not there (the dev set lives in ../shared)")
        return 0
    results = scores(sorted((EVAL / "gold").glob("*.json")))
    if not args.quiet:
        for a in results:
            if a["article"] not in args.hold_out:
                print(line(a["article"], pooled([a])))
    held = [a for a in results if a["article"] in args.hold_out]
    rest = [a for a in results if a["article"] not in args.hold_out]
    if held:
        print(line("POOLED tuning articles", pooled(rest)))
        print(line("POOLED held-out articles", pooled(held)))
    print(line("POOLED all", pooled(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
