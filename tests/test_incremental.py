"""Incremental builds: after any kind of change the output is byte-identical to a clean build, and only
what the change affects is annotated, rendered or written."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import pizhu.builder as builder
import pizhu.workers as workers
from pizhu.builder import build_site
from pizhu.cache import CACHE_DIR
from pizhu.config import load_config
from pizhu.errors import BuildError, BuildErrors

from support import run_cli

EXTRA = {
    "alpha": "---\ntitle: 阿尔法\ndate: 2024-02-03\n---\n\n2024年1月，华为宣布投资5亿元。“我们很有信心。”张伟说。\n",
    "beta": "---\ntitle: 贝塔\ndate: 2022-07-08\n---\n\n去年，腾讯营收增长12%，达到5600亿元。\n",
}


@pytest.fixture
def site(project: Path) -> Path:
    for slug, text in EXTRA.items():
        (project / "content" / f"{slug}.md").write_text(text, encoding="utf-8")
    return project


@pytest.fixture
def calls(monkeypatch) -> list[str]:
    """Every article the build annotates (builds run in this process: too little work for workers)."""
    seen: list[str] = []
    real = workers.annotate_article

    def spy(article, glossary):
        seen.append(article.slug)
        return real(article, glossary)

    monkeypatch.setattr(workers, "annotate_article", spy)
    return seen


def build(site: Path, **kw):
    return build_site(load_config(site / "site.yaml"), **kw)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_same_as_clean(site: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    build(site, out=clean, use_cache=False)
    incremental, expected = tree(site / "_site"), tree(clean)
    assert sorted(incremental) == sorted(expected)
    assert [rel for rel in expected if incremental[rel] != expected[rel]] == []


def test_noop_rebuild_annotates_renders_and_writes_nothing(site, calls):
    first = build(site)
    assert first.annotated == 3 and sorted(calls) == ["alpha", "beta", "openai-losses"]
    mtimes = {p: p.stat().st_mtime_ns for p in (site / "_site").rglob("*") if p.is_file()}
    second = build(site)
    assert (second.annotated, second.reused, second.rendered, second.written, second.removed) == (0, 3, 0, 0, 0)
    assert len(calls) == 3
    assert {p: p.stat().st_mtime_ns for p in (site / "_site").rglob("*") if p.is_file()} == mtimes


def test_summary_line_reports_reuse(site):
    assert run_cli("build", cwd=site).returncode == 0
    result = run_cli("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "built 3 articles" in result.stdout and "reused 3 from cache" in result.stdout
    assert "0 files written" in result.stdout


def test_edited_article_is_the_only_one_annotated(site, tmp_path, calls):
    build(site)
    path = site / "content" / "beta.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n今年3月，小米集团净利润为20亿元。\n", encoding="utf-8")
    report = build(site)
    assert calls[3:] == ["beta"] and report.annotated == 1 and report.reused == 2 and report.rendered == 1
    assert_same_as_clean(site, tmp_path)


def test_edit_rerenders_only_the_entity_pages_it_touches(site, tmp_path, monkeypatch):
    """Entity pages are rendered again only when an article that mentions the entity changed; the
    others are not even rendered, and unchanged articles' annotations are not loaded."""
    build(site)
    out = site / "_site"
    only_in_losses = out / "entities" / "sam-altman" / "index.html"  # openai-losses alone names him
    assert only_in_losses.is_file() and "Altman" not in (site / "content" / "beta.md").read_text(encoding="utf-8")
    before = only_in_losses.stat().st_mtime_ns
    rendered, loaded = [], []
    import pizhu.pages as pages
    real_page, real_load = pages.Renderer.page, builder.BuildCache.load_annotation
    monkeypatch.setattr(pages.Renderer, "page", lambda self, template, **kw: rendered.append(
        kw.get("page_url")) or real_page(self, template, **kw))
    monkeypatch.setattr(builder.BuildCache, "load_annotation", lambda self, key: loaded.append(key) or real_load(self, key))
    path = site / "content" / "beta.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n今年3月，小米集团净利润为20亿元。\n", encoding="utf-8")
    report = build(site)
    assert report.rendered == 1 and len(loaded) <= 1  # only the edited article's (new) key is looked up
    entity_pages = [u for u in rendered if u and u.startswith("entities/") and u != "entities/"]
    assert any("<h1>小米集团" in (out / u / "index.html").read_text(encoding="utf-8") for u in entity_pages)
    assert "entities/sam-altman/" not in entity_pages and only_in_losses.stat().st_mtime_ns == before
    assert len(entity_pages) < 10
    assert_same_as_clean(site, tmp_path)


def test_damaged_parts_are_made_again(site, tmp_path):
    """A site-wide part that fails its check is rebuilt from the article, never trusted."""
    build(site)
    parts = sorted((site / CACHE_DIR / "parts").glob("*.pickle"))
    assert len(parts) == 3
    for p in parts:
        p.write_bytes(p.read_bytes()[:-20] + b"x" * 20)
    path = site / "content" / "alpha.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n又一段。\n", encoding="utf-8")
    build(site)
    assert_same_as_clean(site, tmp_path)


def test_added_article(site, tmp_path, calls):
    build(site)
    (site / "content" / "gamma.md").write_text("---\ntitle: 伽马\ndate: 2025-01-01\n---\n\n比亚迪销量上涨30%。\n",
                                               encoding="utf-8")
    report = build(site)
    assert calls[3:] == ["gamma"] and report.articles == 4
    assert (site / "_site" / "articles" / "gamma" / "index.html").is_file()
    assert_same_as_clean(site, tmp_path)


def test_deleted_article_removes_its_pages(site, tmp_path, calls):
    build(site)
    (site / "content" / "alpha.md").unlink()
    report = build(site)
    assert calls[3:] == [] and report.articles == 2 and report.removed >= 1
    assert not (site / "_site" / "articles" / "alpha").exists()
    assert_same_as_clean(site, tmp_path)


def test_renamed_article(site, tmp_path):
    build(site)
    (site / "content" / "beta.md").rename(site / "content" / "beta-renamed.md")
    build(site)
    assert not (site / "_site" / "articles" / "beta").exists()
    assert (site / "_site" / "articles" / "beta-renamed" / "index.html").is_file()
    assert_same_as_clean(site, tmp_path)


def test_template_change_rerenders_without_reannotating(site, tmp_path, calls):
    build(site)
    base = site / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("</head>", "<meta name=\"x-test\" content=\"1\">\n</head>", 1),
                    encoding="utf-8")
    report = build(site)
    assert calls[3:] == [] and report.annotated == 0 and report.rendered == 3
    assert 'name="x-test"' in (site / "_site" / "articles" / "alpha" / "index.html").read_text(encoding="utf-8")
    assert_same_as_clean(site, tmp_path)


def test_glossary_change_reannotates(site, tmp_path, calls):
    build(site)
    glossary = site / "content" / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    assert "\nentities:\n" in text
    glossary.write_text(text.replace("\nentities:\n", "\nentities:\n  - name: 华为\n    type: org\n    note: 深圳的通信设备公司。\n", 1),
                        encoding="utf-8")
    report = build(site)
    assert sorted(calls[3:]) == ["alpha", "beta", "openai-losses"] and report.annotated == 3
    assert "深圳的通信设备公司" in (site / "_site" / "articles" / "alpha" / "index.html").read_text(encoding="utf-8")
    assert_same_as_clean(site, tmp_path)


def test_site_yaml_change_rerenders_without_reannotating(site, tmp_path, calls):
    build(site)
    config = site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("title: 批注 Pizhu", "title: 新的站名"), encoding="utf-8")
    report = build(site)
    assert calls[3:] == [] and report.rendered == 3
    assert "新的站名" in (site / "_site" / "index.html").read_text(encoding="utf-8")
    assert_same_as_clean(site, tmp_path)


def test_static_change_is_copied(site, tmp_path, calls):
    (site / "static" / "extra.js").write_text("// the site's own, not the theme's\n", encoding="utf-8")
    build(site)
    css = site / "static" / "pizhu.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n.x{}\n", encoding="utf-8")
    (site / "static" / "extra.js").unlink()  # (the theme's pizhu.js would replace a deleted one)
    report = build(site)
    assert calls[3:] == [] and report.rendered == 0 and report.written == 1 and report.removed == 1
    assert_same_as_clean(site, tmp_path)


def test_deleted_cache_rebuilds_identically(site, tmp_path, calls):
    build(site)
    shutil.rmtree(site / CACHE_DIR)
    report = build(site)
    assert report.annotated == 3 and report.written == 0  # same bytes: nothing rewritten
    assert_same_as_clean(site, tmp_path)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "resealed-wrong-shape", "empty"])
def test_corrupt_cache_entries_are_rebuilt_not_trusted(site, tmp_path, calls, damage):
    build(site)
    cache = site / CACHE_DIR
    for path in [p for p in cache.rglob("*") if p.is_file()]:
        data = path.read_bytes()
        if damage == "garbage":
            path.write_bytes(b"\x00not a cache entry\xff" * 3)
        elif damage == "truncated":
            path.write_bytes(data[: len(data) // 2])
        elif damage == "empty":
            path.write_bytes(b"")
        else:  # a correct checksum over a payload of the wrong shape
            import hashlib
            payload = b'{"article": 1}'
            path.write_bytes(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
    # also damage an output page: the manifest must not vouch for it
    page = site / "_site" / "articles" / "alpha" / "index.html"
    page.write_text("tampered", encoding="utf-8")
    report = build(site)
    assert report.annotated == 3
    assert_same_as_clean(site, tmp_path)


def test_output_file_deleted_by_hand_is_written_again(site, tmp_path, calls):
    build(site)
    (site / "_site" / "articles" / "beta" / "index.html").unlink()
    (site / "_site" / "index.html").unlink()
    report = build(site)
    assert report.annotated == 0 and report.written == 2
    assert_same_as_clean(site, tmp_path)


def test_failed_build_changes_nothing_and_the_fix_catches_up(site, tmp_path):
    build(site)
    before = tree(site / "_site")
    (site / "content" / "beta.md").write_text("---\ntitle: 新贝塔\ndate: 2022-07-08\n---\n\n修改后的正文。\n", encoding="utf-8")
    template = site / "templates" / "article.html"
    good = template.read_text(encoding="utf-8")
    template.write_text(good + "{% if %}\n", encoding="utf-8")
    with pytest.raises((BuildError, BuildErrors)) as info:
        build(site)
    assert "article.html" in str(info.value)
    assert tree(site / "_site") == before
    template.write_text(good, encoding="utf-8")
    build(site)
    assert "修改后的正文" in (site / "_site" / "articles" / "beta" / "index.html").read_text(encoding="utf-8")
    assert_same_as_clean(site, tmp_path)


def test_parallel_cold_build_matches_serial(site, tmp_path, monkeypatch):
    """Two worker processes (forced here for 3 small articles) both work, and give the same bytes as
    one process."""
    monkeypatch.setattr(workers, "PARALLEL_MIN_PAGES", 2)
    report = build(site, out=tmp_path / "parallel", use_cache=False, jobs=2)
    assert report.annotated == 3
    assert len(report.processes) == 2 and os.getpid() not in report.processes, report.processes
    serial = build(site, out=tmp_path / "serial", use_cache=False, jobs=1)
    assert serial.processes == {os.getpid()}
    assert tree(tmp_path / "parallel") == tree(tmp_path / "serial")


def test_progress_is_shown_only_on_a_terminal(site):
    import io

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal, pipe = Terminal(), io.StringIO()
    builder.Builder(load_config(site / "site.yaml"), progress_stream=terminal).build()
    builder.Builder(load_config(site / "site.yaml"), out=site / "other", progress_stream=pipe).build()
    assert "rendering the pages built from all 3 articles" in terminal.getvalue()
    assert pipe.getvalue() == ""


def test_serve_writes_edited_article_before_site_wide_pages(site, tmp_path, calls):
    """serve's build: the edited page is on disk when `articles_first` runs; the end result is the same."""
    b = builder.Builder(load_config(site / "site.yaml"))
    b.build()
    path = site / "content" / "alpha.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n第二段：新的内容。\n", encoding="utf-8")
    seen = []
    page = site / "_site" / "articles" / "alpha" / "index.html"
    report = b.build(articles_first=lambda written: seen.append((written, "新的内容" in page.read_text(encoding="utf-8"))))
    assert seen == [(1, True)] and report.annotated == 1 and calls[3:] == ["alpha"]
    assert_same_as_clean(site, tmp_path)
    fresh = builder.Builder(load_config(site / "site.yaml"))  # a new process: nothing in memory
    (site / "content" / "beta.md").write_text(EXTRA["beta"] + "\n又一段。\n", encoding="utf-8")
    report = fresh.build(articles_first=lambda written: None)
    assert report.annotated == 1 and report.reused == 2
    assert_same_as_clean(site, tmp_path)


def test_one_builder_kept_between_builds_matches_a_clean_build(site, tmp_path):
    """serve keeps one Builder: what it remembers (file stats, what it left in the output, merged
    entity pages) must give the same site as a clean build after edits, deletions and renames."""
    b = builder.Builder(load_config(site / "site.yaml"))
    b.build()
    path = site / "content" / "alpha.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n今年3月，小米集团净利润为20亿元。\n", encoding="utf-8")
    b.build()
    assert_same_as_clean(site, tmp_path)
    (site / "content" / "beta.md").rename(site / "content" / "beta-2.md")
    path.unlink()
    report = b.build()
    assert report.removed >= 2 and not (site / "_site" / "articles" / "alpha").exists()
    assert_same_as_clean(site, tmp_path)


def test_warm_builder_loads_parts_before_the_first_edit(site, monkeypatch):
    """serve warms its builder while waiting: after that, an edit loads no cached parts from disk
    and merges no entity page it does not touch."""
    build(site)
    b = builder.Builder(load_config(site / "site.yaml"))
    assert b.build().rendered == 0  # nothing changed: nothing loaded yet
    b.warm()
    loaded, merged_all = [], []
    real = builder.BuildCache.load_parts
    monkeypatch.setattr(builder.BuildCache, "load_parts", lambda self, key: loaded.append(key) or real(self, key))
    from pizhu.entities_index import EntityIndex
    real_merge = EntityIndex._merge_all
    monkeypatch.setattr(EntityIndex, "_merge_all", lambda self, parts: merged_all.append(1) or real_merge(self, parts))
    path = site / "content" / "beta.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n又一段。\n", encoding="utf-8")
    assert b.build().rendered == 1 and loaded == [] and merged_all == []  # entity pages merged while warming


def test_files_put_in_the_output_by_hand_are_kept_and_need_force(site, tmp_path):
    """A build deletes only what it wrote: stray files make it refuse, and with force they stay."""
    build(site)
    out = site / "_site"
    strays = [out / "articles" / "beta" / "stray.html", out / "new-folder" / "deep" / "stray.txt", out / "stray.txt"]
    for stray in strays:
        stray.parent.mkdir(parents=True, exist_ok=True)
        stray.write_text("x", encoding="utf-8")
    with pytest.raises(BuildError, match="holds files Pizhu did not write"):
        build(site)
    path = site / "content" / "alpha.md"
    path.write_text(EXTRA["alpha"] + "\n又一段。\n", encoding="utf-8")
    report = build(site, force=True)
    assert report.rendered == 1 and all(stray.read_text(encoding="utf-8") == "x" for stray in strays)
    shutil.rmtree(out / "new-folder")
    (out / "stray.txt").unlink()
    (out / "articles" / "beta" / "stray.html").unlink()
    assert build(site).written == 0
    assert_same_as_clean(site, tmp_path)


def test_kept_builder_never_deletes_stray_files_and_keeps_the_cache_pruned(site, tmp_path):
    """serve's builder trusts the output it left and does not list it again: a file put there
    meanwhile is not deleted, and the next `build` asks for --force; edits never grow the cache."""
    b = builder.Builder(load_config(site / "site.yaml"))
    b.build()
    out, cache = site / "_site", site / CACHE_DIR
    stray = out / "articles" / "beta" / "stray.html"
    stray.write_text("x", encoding="utf-8")
    path = site / "content" / "alpha.md"
    for n in range(4):  # each build swaps the site in: an even number leaves the stray in sight
        path.write_text(EXTRA["alpha"] + f"\n第{n}次修改：腾讯营收增长{n}%。\n", encoding="utf-8")
        assert b.build().annotated == 1
    assert len(list((cache / "annotations").iterdir())) == len(list((cache / "parts").iterdir())) == 3
    assert stray.read_text(encoding="utf-8") == "x"
    with pytest.raises(BuildError, match="stray.html"):
        build(site)
    stray.unlink()
    build(site)
    assert_same_as_clean(site, tmp_path)


def test_kept_builder_notices_another_build_of_its_output(site, tmp_path):
    """serve's builder trusts the output it left only while no one else built into it: a `build`
    with another base path meanwhile is put right by serve's next rebuild."""
    b = builder.Builder(load_config(site / "site.yaml"))
    b.build()
    builder.Builder(load_config(site / "site.yaml").with_overrides(base_url="/other/")).build()
    assert "/other/" in (site / "_site" / "index.html").read_text(encoding="utf-8")
    path = site / "content" / "alpha.md"
    path.write_text(EXTRA["alpha"] + "\n又一段。\n", encoding="utf-8")
    b.build()
    assert_same_as_clean(site, tmp_path)
