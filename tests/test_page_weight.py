"""Light pages (issue 11): an article page carries each note once and compact markup, so that the
example's article page stays under 80 KB of HTML and a generated article (benchmarks/gen.py: ~2,300
characters, ~210 marks, ~70 figures, ~40 quotes) under 50 KB on average, on a site built as the
benchmark builds it (benchmarks/run.py setup_sites: its glossary and site.yaml)."""
from __future__ import annotations

import sys
from pathlib import Path

from pizhu.builder import build_site
from pizhu.config import load_config

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import gen  # noqa: E402  (the benchmark's article generator)

EXAMPLE_MAX = 80_000  # bytes: KB of 1,000, as the benchmark prints them
GENERATED_AVERAGE_MAX = 50_000
ARTICLES = 40  # the average of the first 40 is within 1 KB of the benchmark's 1,000


def test_the_example_article_page_is_at_most_80_kb(project):
    build_site(load_config(project / "site.yaml"))
    page = project / "_site/articles/openai-losses/index.html"
    assert page.stat().st_size <= EXAMPLE_MAX, f"{page.stat().st_size / 1000:.1f} KB"


def test_generated_article_pages_are_at_most_50_kb_on_average(tmp_path):
    gen.generate(tmp_path / "content", ARTICLES, seed=42)
    (tmp_path / "glossary.yaml").write_text(gen.GLOSSARY, encoding="utf-8")
    (tmp_path / "site.yaml").write_text("title: Bench\nglossary: glossary.yaml\nurl: http://127.0.0.1:8000\n",
                                        encoding="utf-8")
    build_site(load_config(tmp_path / "site.yaml"))
    sizes = [p.stat().st_size for p in (tmp_path / "_site/articles").glob("*/index.html")]
    assert len(sizes) == ARTICLES
    average = sum(sizes) / len(sizes)
    assert average <= GENERATED_AVERAGE_MAX, f"{average / 1000:.1f} KB on average"
