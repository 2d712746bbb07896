"""Shared fixtures: mini site projects written into tmp_path, built with the real pipeline; and the
markers (pytest.ini): every test in tests/browser/ is `browser`, and `accuracy` tests skip on a clone
without ../shared."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import ROOT, SHARED

BROWSER_TESTS = Path(__file__).parent / "browser"


@pytest.hookimpl(tryfirst=True)  # before `-m` selects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    no_shared = pytest.mark.skip(reason=f"{SHARED} is absent: the team's scorer and dev set live there")
    for item in items:
        if item.path.is_relative_to(BROWSER_TESTS):
            item.add_marker(pytest.mark.browser)
        if item.get_closest_marker("accuracy") and not (SHARED / "eval").is_dir():
            item.add_marker(no_shared)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the bundled example site (site.yaml, content, templates, static) in tmp_path."""
    for name in ("content", "templates", "static"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "site.yaml", tmp_path / "site.yaml")
    return tmp_path
