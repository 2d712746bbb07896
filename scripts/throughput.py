#!/usr/bin/env python3
"""Annotator throughput in CPU time on one core: characters per second over generated articles.

    .venv/bin/python scripts/throughput.py [--n 200]

The quick check to run before and after an annotator change; `python3 run.py bench` measures the same
(median of several fresh processes) for the README. The dictionary load is timed apart (first call).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import annotator  # noqa: E402
from gen import generate  # noqa: E402
from pizhu.content import read_article  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=200)
    n = ap.parse_args().n
    with tempfile.TemporaryDirectory() as tmp:
        articles = [read_article(p, p.stem, default_lang="zh") for p in generate(Path(tmp), n)]
    t = time.process_time()
    annotator.prepare()
    annotator.annotate("预热。", date="2024-01-01")
    first = time.process_time() - t
    chars, t = 0, time.process_time()
    for a in articles:
        chars += len(a.body)
        annotator.annotate(a.body, date=a.date)
    seconds = time.process_time() - t
    print(f"{n} articles, {chars} chars: {chars / seconds / 1000:.0f}k chars/s (CPU), first call {first:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
