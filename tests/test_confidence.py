"""Confidence: every mark carries one; site.yaml's min_confidence hides the less sure marks from readers,
while `build.py annotate` still prints them all."""
import json
import re

from annotator import annotate
from support import run_cli

# Invented: a named person speaking, a company, money, a date.
TEXT = "2023年3月，远山矿业宣布融资5亿元。董事长陈建平表示：“我们会继续扩产。”"


def test_every_mark_has_a_confidence_in_range():
    data = annotate(TEXT, date="2023-05-01").to_dict()
    marks = [m for kind in ("entities", "figures", "quotes", "events") for m in data[kind]]
    assert marks and all(0 <= m["confidence"] <= 1 for m in marks)


def test_confident_keeps_sure_marks_and_cuts_links_to_dropped_entities():
    annotation = annotate(TEXT, date="2023-05-01")
    for e in annotation.entities:
        e.confidence = 0.3
    shown = annotation.confident(0.5)
    assert shown.entities == [] and len(shown.figures) == len(annotation.figures)
    assert all(f.entity is None for f in shown.figures)
    assert all(q.speaker_entity is None for q in shown.quotes)
    assert annotation.confident(0.0) is annotation


def _site_with_threshold(project, value):
    config = project / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + f"min_confidence: {value}\n", encoding="utf-8")


def test_threshold_hides_marks_from_the_page_not_from_annotate(project):
    page = project / "_site" / "articles" / "openai-losses" / "index.html"
    assert run_cli("build", cwd=project).returncode == 0
    default = page.read_text(encoding="utf-8")
    _site_with_threshold(project, 1)  # no figure or date is that sure
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    strict = page.read_text(encoding="utf-8")
    dates = re.compile(r'<time datetime=[\d-]+ id=rt')  # a date's mark, not the byline's
    assert default.count('<a class=f') > 20 and len(dates.findall(default)) > 5
    assert strict.count('<a class=f') + strict.count('<a class="f') == 0 and not dates.findall(strict)
    printed = json.loads(run_cli("annotate", "content/openai-losses.md", cwd=project).stdout)
    assert len(printed["figures"]) > 20


def test_threshold_out_of_range_is_an_error_with_its_line(project):
    _site_with_threshold(project, 2)
    result = run_cli("build", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "site.yaml:" in result.stderr and "'min_confidence' must be a number from 0 to 1, got 2" in result.stderr
