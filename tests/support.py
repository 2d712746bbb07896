"""Helpers shared by the tests (imported as `support`; pytest fixtures live in conftest.py)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"  # the team's scorer and dev set: only the accuracy tests use it
# A scraped web page (invented text): byline, headings, a caption and comment-form debris.
SCRAPED_PAGE = ROOT / "tests" / "fixtures" / "scraped-page.raw.txt"


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """build.py as a user runs it, in `cwd`."""
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")
