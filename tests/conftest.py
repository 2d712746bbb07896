"""Shared fixtures: mini site projects written into tmp_path, built with the real pipeline."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
RAW_ARTICLE = SHARED / "corpus" / "openai-losses.raw.txt"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the bundled example site (site.yaml, content, templates, static) in tmp_path."""
    for name in ("content", "templates", "static"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "site.yaml", tmp_path / "site.yaml")
    return tmp_path


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """build.py as a user runs it, in `cwd`."""
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")
