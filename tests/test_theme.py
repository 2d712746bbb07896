"""A site overrides the bundled theme one file at a time, and a shape template (a macro Pizhu renders
once with stand-ins) that filters or tests a stand-in is a build error naming its line."""
from pathlib import Path

import pytest

from support import ROOT, run_cli

# An invented article with a person, a quote, money, a percentage and a date: every kind of note.
ARTICLE = """---
title: 星河科技完成新一轮融资
date: 2024-03-12
---
星河科技首席执行官 Alice Chen 表示，公司在今年1月完成了5亿元融资。

“我们会把这笔钱投入研发。”Alice Chen说。据统计，该公司去年营收增长了35%。
"""
GLOSSARY = """entities:
  - name: Alice Chen
    type: person
    note: 星河科技首席执行官。
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site of its own: site.yaml and content, no templates/ and no static/."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "funding.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "content" / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "site.yaml").write_text("title: 测试站\n", encoding="utf-8")
    return tmp_path


def override(site: Path, folder: str, name: str, old: str, new: str) -> int:
    """Copy the bundled `folder/name` into the site with `old` replaced by `new`; the 1-based line changed."""
    text = (ROOT / folder / name).read_text(encoding="utf-8")
    assert old in text
    target = site / folder / name
    target.parent.mkdir(exist_ok=True)
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def test_a_site_without_templates_or_static_uses_the_bundled_theme(site):
    result = run_cli("build", cwd=site)
    assert result.returncode == 0, result.stderr
    page = (site / "_site" / "articles" / "funding" / "index.html").read_text(encoding="utf-8")
    assert '<a class=e id=r' in page and "测试站" in page
    for name in ("pizhu.css", "pizhu.js", "favicon.svg"):
        assert (site / "_site" / "static" / name).read_bytes() == (ROOT / "static" / name).read_bytes()


def test_a_site_overriding_only_article_html_uses_it_and_the_theme_for_the_rest(site):
    override(site, "templates", "article.html", "{% block main %}", "{% block main %}<p>我的文章模板</p>")
    result = run_cli("build", cwd=site)
    assert result.returncode == 0, result.stderr
    out = site / "_site"
    assert "<p>我的文章模板</p>" in (out / "articles" / "funding" / "index.html").read_text(encoding="utf-8")
    assert "我的文章模板" not in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "entities" / "index.html").is_file() and (out / "timeline" / "index.html").is_file()


def test_an_overridden_template_takes_effect_on_the_next_build(site):
    assert run_cli("build", cwd=site).returncode == 0
    override(site, "templates", "index.html", "{% block main %}", "{% block main %}<p>新首页</p>")
    assert run_cli("build", cwd=site).returncode == 0
    assert "<p>新首页</p>" in (site / "_site" / "index.html").read_text(encoding="utf-8")


def test_a_site_static_file_replaces_the_bundled_one_of_that_name(site):
    (site / "static").mkdir()
    (site / "static" / "pizhu.css").write_text("body { color: teal; }\n", encoding="utf-8")
    (site / "static" / "extra.txt").write_text("mine\n", encoding="utf-8")
    assert run_cli("build", cwd=site).returncode == 0
    static = site / "_site" / "static"
    assert (static / "pizhu.css").read_text(encoding="utf-8") == "body { color: teal; }\n"
    assert (static / "extra.txt").read_text(encoding="utf-8") == "mine\n"
    assert (static / "pizhu.js").read_bytes() == (ROOT / "static" / "pizhu.js").read_bytes()


@pytest.mark.parametrize("template, old, new, field", [
    ("_notes.html", "{{ note.name }}</a>", "{{ note.name | upper }}</a>", "name"),
    ("_notes.html", "{%- if note.kind == \"quote\" %}", "{%- if note.text|length > 6 %}", "text"),
    ("_marks.html", "id={{ m.anchor }} href", "id={{ m.anchor | lower }} href", "anchor"),
    ("_figures.html", "{{ f.value }}", "{{ f.value | truncate(4) }}", "value"),
    ("_timeline.html", "{{ e.label }}", "{{ e.label | replace('a', 'b') }}", "label"),
    ("_article_timeline.html", "{{ e.label }}", "{{ e.label[:2] }}", "label"),
    ("_entity.html", "{{ e.name }}", "{{ e.name | capitalize }}", "name"),
])
def test_a_shape_that_filters_or_tests_a_stand_in_fails_naming_its_line(site, template, old, new, field):
    """Each of these renders once with stand-ins; what it would print for real notes is wrong, so the
    build stops at the template line instead of publishing `\\ue000TITLE\\ue001` in every endnote."""
    line = override(site, "templates", template, old, new)
    result = run_cli("build", cwd=site)
    assert result.returncode == 1, result.stdout
    assert f"templates/{template}:{line}: template error: macro '" in result.stderr
    assert f"filters or tests '{field}" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_shape_from_another_version_printing_a_field_pizhu_does_not_give_fails_naming_its_line(site):
    """A theme's _marks.html copied from an older Pizhu (which printed m.id) stops the build at the
    line that prints it, with what Pizhu gives instead, rather than an internal error and a traceback."""
    line = override(site, "templates", "_marks.html", "id={{ m.anchor }} href", "id={{ m.id }} href")
    result = run_cli("build", cwd=site)
    assert result.returncode == 1, result.stdout
    assert f"templates/_marks.html:{line}: template error: macro 'mark_open' prints 'id'" in result.stderr
    assert "anchor" in result.stderr and "another version of Pizhu" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
