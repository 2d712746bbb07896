"""The installed command: `pip install .` gives `pizhu`, and `pizhu new DIR` a starter site that builds."""
import os
import shutil
import subprocess
import venv

import pytest

from support import ROOT, run_cli

# What pyproject.toml packages (a copy, so that building the wheel leaves no build/ in the repository).
PACKAGED = ("pyproject.toml", "requirements.txt", "README.md", "annotator", "pizhu", "templates", "static")


def test_new_creates_a_starter_site_that_builds(tmp_path):
    result = run_cli("new", "mysite", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "mysite"
    for rel in ("site.yaml", "content/glossary.yaml", ".github/workflows/pages.yml", ".gitignore"):
        assert (site / rel).is_file(), rel
    assert "pizhu build" in (site / ".github/workflows/pages.yml").read_text(encoding="utf-8")
    [article] = (site / "content").glob("*.md")
    result = run_cli("build", cwd=site)
    assert result.returncode == 0, result.stderr
    page = (site / "_site" / "articles" / article.stem / "index.html").read_text(encoding="utf-8")
    assert '<a class=e id=r' in page and '<a class=f id=r' in page


def test_new_refuses_a_folder_that_holds_anything(tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_cli("new", "taken", cwd=tmp_path)
    assert result.returncode == 1
    assert "taken: already exists and is not an empty folder" in result.stderr
    assert [p.name for p in (tmp_path / "taken").iterdir()] == ["notes.txt"]


def test_new_fills_an_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    assert run_cli("new", "empty", cwd=tmp_path).returncode == 0
    assert (tmp_path / "empty" / "site.yaml").is_file()


@pytest.mark.slow
def test_pip_install_gives_a_pizhu_command_that_builds_a_new_site(tmp_path):
    """In a fresh virtual environment, away from the repository: the theme, the starter site and the
    annotator's data files must all come from the installed package."""
    source = tmp_path / "source"
    source.mkdir()
    for name in PACKAGED:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(ROOT / name, source / name)
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    str(source)], check=True, cwd=tmp_path)
    shutil.rmtree(source)  # nothing may be read from the copy it was installed from
    pizhu = str(bin_dir / "pizhu")
    environ = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run([pizhu, "new", str(tmp_path / "x")], check=True, cwd=tmp_path, env=environ)
    result = subprocess.run([pizhu, "build"], cwd=tmp_path / "x", env=environ, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "x" / "_site"
    assert "<html" in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "static" / "pizhu.css").read_bytes() == (ROOT / "static" / "pizhu.css").read_bytes()
    [page] = (out / "articles").glob("*/index.html")
    assert '<a class=f id=r' in page.read_text(encoding="utf-8")  # the annotator found its data
