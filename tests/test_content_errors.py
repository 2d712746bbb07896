"""Bad input gets a clear error naming the file and line, and the build exits non-zero."""
from pathlib import Path

import pytest

from support import run_cli


def write(project: Path, name: str, text: str) -> Path:
    path = project / "content" / name
    path.write_text(text, encoding="utf-8")
    return path


def test_invalid_front_matter_yaml_names_file_and_line(project):
    write(project, "broken.md", "---\ntitle: 好\ndate: 2023-05-06\ntags: [a, b\n---\n正文\n")
    result = run_cli("build", cwd=project)
    assert result.returncode == 1
    assert "content/broken.md:" in result.stderr
    line = int(result.stderr.split("content/broken.md:")[1].split(":")[0])
    assert line in (4, 5)  # the unclosed list opens on line 4; YAML notices at the closing '---'
    assert "invalid front matter" in result.stderr


def test_missing_title_is_reported_with_file(project):
    write(project, "untitled.md", "---\ndate: 2023-05-06\n---\n正文\n")
    result = run_cli("build", cwd=project)
    assert result.returncode == 1
    assert "content/untitled.md:2: front matter lacks 'title'" in result.stderr


def test_bad_date_names_its_line(project):
    write(project, "baddate.md", "---\ntitle: 标题\nauthor: 某人\ndate: 5月6日\n---\n正文\n")
    result = run_cli("build", cwd=project)
    assert result.returncode == 1
    assert "content/baddate.md:4: 'date' must be YYYY-MM-DD" in result.stderr


def test_missing_front_matter_is_an_error(project):
    write(project, "plain.md", "只是正文，没有 front matter。\n")
    result = run_cli("build", cwd=project)
    assert result.returncode == 1
    assert "content/plain.md:1: missing front matter" in result.stderr


def test_every_broken_file_is_reported_at_once(project):
    write(project, "a.md", "---\ndate: 2023-05-06\n---\n")
    write(project, "b.md", "---\ntitle: x\n---\n")
    result = run_cli("build", cwd=project)
    assert "content/a.md" in result.stderr and "content/b.md" in result.stderr


def test_site_yaml_type_error_names_line(project):
    (project / "site.yaml").write_text("title: 站点\nfeed_size: many\n", encoding="utf-8")
    result = run_cli("build", cwd=project)
    assert result.returncode == 1
    assert "site.yaml:2: 'feed_size' must be int" in result.stderr


def test_unknown_site_yaml_key_warns_but_builds(project):
    (project / "site.yaml").write_text("title: 站点\ncolour: blue\n", encoding="utf-8")
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "site.yaml:2: unknown key 'colour'" in result.stderr


def test_glossary_entry_with_bad_type_is_reported(project):
    (project / "content" / "glossary.yaml").write_text(
        "entities:\n  - name: 谷歌\n    type: org\n  - name: 微软\n    type: company\n", encoding="utf-8")
    result = run_cli("build", cwd=project)
    assert result.returncode == 1
    assert "content/glossary.yaml:5: entity #2 (微软): 'type' must be one of" in result.stderr


def test_failed_build_keeps_the_last_good_site(project):
    assert run_cli("build", cwd=project).returncode == 0
    page = project / "_site" / "articles" / "openai-losses" / "index.html"
    before = page.read_bytes()
    write(project, "broken.md", "---\ntitle: [unclosed\n---\n")
    assert run_cli("build", cwd=project).returncode == 1
    assert page.read_bytes() == before


def test_template_error_names_template_and_line(project):
    (project / "templates" / "404.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{{ missing_variable.attr }}\n{% endblock %}\n',
        encoding="utf-8")
    result = run_cli("build", cwd=project)
    assert result.returncode == 1
    assert "404.html:3:" in result.stderr


@pytest.mark.parametrize("template, field", [("_notes.html", "{{ note.title }}"), ("_entity.html", "{{ f.what }}"),
                                             ("_marks.html", "{{ m.anchor }}")])
def test_error_inside_a_macro_names_its_template_and_line(project, template, field):
    """Macros that Pizhu calls once per shape (endnotes, entity-page parts, marks) report their own
    template file and line, not a Python traceback."""
    path = project / "templates" / template
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if field in line)
    lines[at] = lines[at].replace(field, field.replace(" }}", ".nope() }}"), 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    result = run_cli("build", "--no-cache", cwd=project)
    assert result.returncode == 1
    assert f"{template}:{at + 1}: template error: UndefinedError" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_template_error_leaves_the_last_good_site_and_no_staging_folder(project):
    """Pages are rendered into a staging folder first: an error in a site-wide template, found after
    every article page was rendered again, moves none of them into the site."""
    assert run_cli("build", cwd=project).returncode == 0
    site = project / "_site"
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    base = project / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("<main", "<!-- changed --><main", 1), encoding="utf-8")
    (project / "templates" / "404.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{{ missing_variable.attr }}\n{% endblock %}\n', encoding="utf-8")
    result = run_cli("build", cwd=project)
    assert result.returncode == 1 and "404.html:3:" in result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert [p.name for p in project.iterdir() if "staging" in p.name] == []
