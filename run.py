#!/usr/bin/env python3
"""Set-up and everyday commands in one place, for a fresh clone with only Python >= 3.11.

    python3 run.py serve        build the site and preview it with live reload on http://127.0.0.1:8000/
    python3 run.py test [ARGS]  run every test (pytest ARGS)
    python3 run.py lint         ruff check and mypy, as configured in pyproject.toml (CI runs it before the tests)
    python3 run.py accuracy     score the annotator (README "Accuracy")
    python3 run.py bench [ARGS] benchmark against Pelican and Hugo (README "Performance")
    python3 run.py screenshots [--readme]  pictures of the example site (--readme: docs/screenshot.png)
    python3 run.py ARGS         any build.py command, e.g. `python3 run.py build --base-url /pizhu/`

On first use (and whenever a requirements file changes) it creates .venv/ and installs the pinned
requirements into it; later runs start at once.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
# command: (script, the requirements it needs)
SCRIPTS = {"accuracy": ("scripts/accuracy.py", "requirements.txt"), "bench": ("benchmarks/run.py", "requirements.txt"),
           "screenshots": ("scripts/screenshots.py", "requirements-dev.txt")}
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(requirements: str) -> None:
    """Create .venv and install `requirements` unless the same files were installed before."""
    if sys.version_info < (3, 11):
        sys.exit(f"Pizhu needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    files = [ROOT / "requirements.txt", ROOT / requirements]
    digest = hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()
    stamp = VENV / f".installed-{requirements}"
    if stamp.exists() and stamp.read_text() == digest and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("creating .venv …", flush=True)
        venv.create(VENV, with_pip=True)
    print(f"installing {requirements} into .venv …", flush=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-r", str(ROOT / requirements)], check=True)
    stamp.write_text(digest)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    if argv[0] == "test":
        ensure_venv("requirements-dev.txt")
        command = [str(PYTHON), "-m", "pytest", *argv[1:]]
    elif argv[0] == "lint":
        ensure_venv("requirements-dev.txt")
        checks = [subprocess.run([str(PYTHON), "-m", tool, *args], cwd=ROOT).returncode
                  for tool, args in (("ruff", ["check", "."]), ("mypy", []))]
        return max(checks)
    elif argv[0] in SCRIPTS:
        script, requirements = SCRIPTS[argv[0]]
        ensure_venv(requirements)
        command = [str(PYTHON), str(ROOT / script), *argv[1:]]
    else:
        ensure_venv("requirements.txt")
        command = [str(PYTHON), str(ROOT / "build.py"), *argv]
    return subprocess.run(command, cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
