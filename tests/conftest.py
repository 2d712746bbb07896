"""Shared fixtures: mini site projects written into tmp_path, built with the real pipeline."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import ROOT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the bundled example site (site.yaml, content, templates, static) in tmp_path."""
    for name in ("content", "templates", "static"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "site.yaml", tmp_path / "site.yaml")
    return tmp_path
