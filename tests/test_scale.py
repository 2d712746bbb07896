"""Scale: a build's memory must not grow with the HTML every article adds to the site-wide pages
(issue 12: a 10,000-article archive within 1 GB). That HTML goes to a spill file on disk
(pizhu.spill); the pages made from it stay byte-identical."""
from __future__ import annotations

import gc
import random
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pizhu.workers as workers
from pizhu.builder import Builder
from pizhu.config import load_config

from support import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import gen  # noqa: E402  (the benchmark's generator of invented news articles)


def test_spill_gives_back_every_piece_as_put(tmp_path):
    from pizhu.spill import Pieces, Spill

    spill, first, second = Spill(tmp_path), Pieces(), Pieces()
    section = first.put("<li>华为<mark>营收</mark></li>")
    rows = first.lines(["<tr>一</tr>", "<tr>二</tr>", "<tr>三</tr>"])
    empty = first.put("")
    other = second.lines([b"<li>2024</li>", b"<li>2023</li>"])
    shifts = [spill.put(first.blob()), spill.put(second.blob())]
    moved = [[ref + shift if ref else 0 for ref in refs]
             for shift, refs in zip(shifts, ([section, *rows, empty], other))]
    section, *rows, empty = moved[0]
    assert spill.joined([section]) == "<li>华为<mark>营收</mark></li>"
    assert spill.joined(rows) == "<tr>一</tr>\n<tr>二</tr>\n<tr>三</tr>"
    assert spill.joined([rows[2], rows[0], empty, section]) == "<tr>三</tr>\n<tr>一</tr>\n\n<li>华为<mark>营收</mark></li>"
    assert spill.lines(moved[1]) == [b"<li>2024</li>\n<li>2023</li>"]  # rows put together: one read
    assert spill.joined([]) == ""


def _site(root: Path, count: int) -> Path:
    (root / "content").mkdir(parents=True)
    r = random.Random(7)
    for i in range(count):
        slug, text = gen.article(r, i)
        (root / "content" / f"{slug}.md").write_text(text, encoding="utf-8")
    (root / "site.yaml").write_text("title: 规模\n", encoding="utf-8")
    for name in ("templates", "static"):
        shutil.copytree(ROOT / name, root / name)
    return root


def _kept_bytes(site: Path) -> int:
    """Memory a finished build keeps (as serve keeps its builder), annotations already cached."""
    config = load_config(site / "site.yaml")
    Builder(config, jobs=1).build()
    shutil.rmtree(site / "_site")
    shutil.rmtree(site / ".pizhu-cache" / "parts")
    workers.state.clear()  # the in-process stand-in for a worker: its renderer's caches are not the builder's
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = Builder(config, jobs=1)
        kept.build()
        workers.state.clear()
        gc.collect()
        return tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()


def test_memory_kept_per_article_is_small_beside_its_html(tmp_path):
    # Each generated article adds ~70 KB of HTML to entity and timeline pages; kept in memory as
    # text, that was ~160 KB per article (2.5 GB at 10,000 articles); spilled, ~70 KB; with each
    # article's entity parts packed (model.EntityParts) and names shared, ~44 KB (a 50,000-article
    # archive within 2 GB needs under ~35 KB at the peak). Measured in a fresh process: what earlier
    # tests left in this one's caches would be counted too.
    small, large = _site(tmp_path / "small", 8), _site(tmp_path / "large", 24)
    script = ("import sys; from pathlib import Path; sys.path[:0] = [sys.argv[1]]; import test_scale as t; "
              "print(t._kept_bytes(Path(sys.argv[2])), t._kept_bytes(Path(sys.argv[3])))")
    result = subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent), str(small), str(large)],
                            capture_output=True, text=True, check=True, cwd=ROOT)
    small_bytes, large_bytes = map(int, result.stdout.split()[-2:])
    per_article = (large_bytes - small_bytes) / 16
    assert per_article < 55_000, f"{per_article / 1000:.0f} KB kept per article"


def test_kept_builder_rebuilds_as_a_clean_build_after_edits_and_a_template_change(tmp_path):
    site = _site(tmp_path / "site", 6)
    config = load_config(site / "site.yaml")
    kept = Builder(config, jobs=1)
    kept.build()
    path = site / "content" / "post-00002.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n新华社消息，阿里巴巴2023年营收增长百分之十二。\n", encoding="utf-8")
    kept.build()
    base = site / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("</body>", "<!-- 改 --></body>"), encoding="utf-8")
    kept.build()  # every article's parts made again: a fresh spill file
    (site / "content" / "post-00004.md").unlink()
    kept.build()
    Builder(config, out=tmp_path / "clean", use_cache=False).build()
    built, clean = _tree(site / "_site"), _tree(tmp_path / "clean")
    assert sorted(built) == sorted(clean)
    assert [rel for rel in clean if built[rel] != clean[rel]] == []


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_full_disk_while_spilling_is_a_clear_error(tmp_path, monkeypatch):
    import errno
    import os

    import pytest
    from pizhu.errors import BuildError

    site = _site(tmp_path / "site", 2)

    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "pwrite", full)
    with pytest.raises(BuildError, match="cannot write the build's scratch file: No space left on device"):
        Builder(load_config(site / "site.yaml"), jobs=1).build()


def test_the_builder_keeps_articles_without_bodies_and_reads_them_again_only_as_written(tmp_path):
    """A 50,000-article archive's bodies are ~0.5 GB: the builder keeps each article's digest and
    summary, and a worker reads the body again; a file changed meanwhile is an error, not a page of
    text the build never read."""
    from pizhu.errors import BuildError
    from pizhu.content import read_article, with_body, without_body

    path = tmp_path / "a.md"
    path.write_text("---\ntitle: 甲\ndate: 2024-03-12\n---\n星河科技今年营收增长了35%。\n\n第二段。\n", encoding="utf-8")
    full = read_article(path, "a", default_lang="zh")
    kept = without_body(full, "星河科技今年营收增长了35%。")
    assert kept.body == "" and kept.chars == len(full.body) and kept.summary == "星河科技今年营收增长了35%。"
    assert with_body(kept).body == full.body
    path.write_text(path.read_text(encoding="utf-8").replace("35%", "36%"), encoding="utf-8")
    try:
        with_body(kept)
    except BuildError as exc:
        assert str(exc.path) == str(path) and "changed while the site was being built" in exc.message
    else:
        raise AssertionError("a changed file was read as if unchanged")
