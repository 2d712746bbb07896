"""The annotator meets the issue's accuracy targets on the hand-checked gold article, without glossary.

Runs the team's scorer (../shared/eval/score.py) on `build.py annotate` exactly as the README's
Accuracy section does; the product is also scored on held-out articles elsewhere.
"""
import json
import subprocess
import sys

import pytest

from support import ROOT, SHARED

TARGETS = {
    ("entities", "typed", "f1"): 0.90,
    ("figures", "detected", "f1"): 0.95,
    ("figures", "value_accuracy"): 0.95,
    ("quotes", "detected", "f1"): 0.85,
    ("quotes", "attribution_accuracy"): 0.90,
    ("dates", "resolution_accuracy"): 0.95,
}


@pytest.fixture(scope="module")
def scores() -> dict:
    command = f"{sys.executable} {ROOT / 'build.py'} annotate {{src}} --date {{date}} --no-glossary"
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--cmd", command,
                          str(SHARED / "eval" / "gold" / "openai-losses.json"), "--json"],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)[0]


@pytest.mark.parametrize("path", list(TARGETS), ids=lambda p: ".".join(p))
def test_openai_losses_meets_target(scores, path):
    value = scores
    for key in path:
        value = value[key]
    assert value >= TARGETS[path], f"{'.'.join(path)} = {value}, target {TARGETS[path]}"
