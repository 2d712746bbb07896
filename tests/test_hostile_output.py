"""Hostile inputs against the output folder and publishing (issue 12): `build.py` run as a user runs
it, on a small site in tmp_path; each case checks the exact message and that nothing of the user's
was lost.

The cases that need a file system of their own (a full disk, the output as a mount point) or an
immutable folder mount tmpfs or use chattr, which needs root: elsewhere they are skipped."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support import ROOT

ARTICLE = "---\ntitle: 新能源车企季报\ndate: 2024-05-06\n---\n\n2024年4月，比亚迪营收增长12%。“需求很稳。”王建国说。\n"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A tiny site: the project's templates and static files, one invented article, and a file of the user's."""
    root = tmp_path / "site"
    for name in ("templates", "static"):
        shutil.copytree(ROOT / name, root / name)
    (root / "content").mkdir()
    (root / "content" / "cars.md").write_text(ARTICLE, encoding="utf-8")
    (root / "site.yaml").write_text("title: 测试站\nurl: https://news.example.org\n", encoding="utf-8")
    (root / "notes.txt").write_text("my own notes\n", encoding="utf-8")
    return root


def cli(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", env={**os.environ, **(env or {})})


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def refused(result: subprocess.CompletedProcess, message: str) -> None:
    """Exit 1 with exactly this one-line error, and no traceback."""
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr == f"error: {message}\n"


def built(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


# --- the output folder can never be one of the site's own -------------------------------------------------

WHY = "the build replaces the whole output folder; choose a folder of its own, such as _site"
WHY_INSIDE = "choose a folder of its own, such as _site"

LOCATIONS = [
    pytest.param(["--out", "content"], "--out: 'content' is content_dir 'content' itself", id="out-content"),
    pytest.param(["--out", "."], "--out: '.' is the site folder itself", id="out-dot"),
    pytest.param(["--out", ".."], "--out: '..' holds the site folder", id="out-parent"),
    pytest.param(["--out", "templates"], "--out: 'templates' is templates_dir 'templates' itself", id="out-templates"),
    pytest.param(["--out", "static/site"], "--out: 'static/site' is inside static_dir 'static': the build would "
                 "read its own output back", id="out-inside-static"),
    pytest.param(["--out", ".pizhu-cache"], "--out: '.pizhu-cache' is the cache .pizhu-cache itself", id="out-cache"),
]


@pytest.mark.parametrize("args,message", LOCATIONS)
def test_output_folder_of_the_site_is_refused(site, args, message):
    (site.parent / "sibling").mkdir()
    (site.parent / "sibling" / "keep.txt").write_text("a sibling of the site\n", encoding="utf-8")
    before, sibling = tree(site), tree(site.parent / "sibling")
    refused(cli(site, "build", *args), f"{message}; {WHY_INSIDE}" if "inside" in message else f"{message}: {WHY}")
    assert tree(site) == before and tree(site.parent / "sibling") == sibling


@pytest.mark.parametrize("value,message", [
    pytest.param(".", "output_dir '.' is the site folder itself", id="output_dir-dot"),
    pytest.param("..", "output_dir '..' holds the site folder", id="output_dir-parent"),
])
def test_output_dir_in_site_yaml_is_refused_with_its_line(site, value, message):
    config = site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + f"output_dir: {value}\n", encoding="utf-8")
    before = tree(site)
    refused(cli(site, "build"), f"site.yaml:3: {message}: {WHY}")
    assert tree(site) == before


def test_home_folder_is_refused(site, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / ".profile").write_text("export A=1\n", encoding="utf-8")
    refused(cli(site, "build", "--out", str(home), env={"HOME": str(home)}), f"--out: '{home}' is the home folder: {WHY}")
    assert tree(home) == {".profile": b"export A=1\n"}


def test_filesystem_root_is_refused_before_anything_is_written(site, monkeypatch):
    """In this process, never as a subprocess: were the check missing, the guards stop the build
    before it touches anything."""
    import pizhu.output
    from pizhu.builder import build_site
    from pizhu.config import load_config
    from pizhu.errors import BuildError

    def guard(*args, **kwargs):
        raise AssertionError("the build reached the output folder")

    for name in ("prepare", "open_next", "publish"):
        monkeypatch.setattr(pizhu.output.Output, name, guard)
    with pytest.raises(BuildError) as info:
        build_site(load_config(site / "site.yaml"), out=Path("/"))
    assert str(info.value) == f"--out: '/' is the filesystem root: {WHY}"


def test_missing_content_folder_is_an_error_and_the_site_stays(site):
    built(cli(site, "build"))
    before = tree(site / "_site")
    config = site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "content_dir: nope\n", encoding="utf-8")
    refused(cli(site, "build"), "site.yaml:3: content_dir 'nope': no such folder (where are the articles?)")
    assert tree(site / "_site") == before


# --- files the build did not write ------------------------------------------------------------------------

def test_folder_of_someone_elses_files_is_refused_then_kept_with_force(site):
    public = site / "public"
    (public / "photos").mkdir(parents=True)
    (public / "photos" / "cat.jpg").write_bytes(b"\xff\xd8 a cat")
    (public / "CNAME").write_text("news.example.org\n", encoding="utf-8")
    refused(cli(site, "build", "--out", "public"),
            "public: holds files Pizhu did not write (CNAME, photos): pass --force to build there anyway "
            "(they are kept), or choose an empty folder")
    assert not (public / "index.html").exists()
    built(cli(site, "build", "--out", "public", "--force"))
    assert (public / "index.html").is_file() and (public / "photos" / "cat.jpg").read_bytes() == b"\xff\xd8 a cat"
    (site / "content" / "cars.md").unlink()
    (site / "content" / "phones.md").write_text(ARTICLE.replace("比亚迪", "小米集团"), encoding="utf-8")
    built(cli(site, "build", "--out", "public", "--force"))
    assert not (public / "articles" / "cars").exists() and (public / "articles" / "phones" / "index.html").is_file()
    assert (public / "CNAME").read_text(encoding="utf-8") == "news.example.org\n"


def test_file_added_to_the_output_by_hand_needs_force_and_is_never_deleted(site):
    """Which files are the build's own is recorded in the output itself (`.pizhu-manifest`), so a
    build without the cache knows them too."""
    built(cli(site, "build", "--no-cache"))
    built(cli(site, "build", "--no-cache"))
    stray = site / "_site" / "articles" / "cars" / "draft-notes.txt"
    stray.write_text("mine\n", encoding="utf-8")
    refused(cli(site, "build"), "_site: holds files Pizhu did not write (articles/cars/draft-notes.txt): pass "
                                "--force to build there anyway (they are kept), or choose an empty folder")
    (site / "content" / "cars.md").write_text(ARTICLE + "\n又一段：宁德时代净利润为20亿元。\n", encoding="utf-8")
    built(cli(site, "build", "--force"))
    assert stray.read_text(encoding="utf-8") == "mine\n"
    assert "宁德时代" in (site / "_site" / "articles" / "cars" / "index.html").read_text(encoding="utf-8")


def test_serve_with_force_keeps_others_files_in_place_at_every_rebuild(site, monkeypatch):
    """serve keeps one Builder and does not list its output again: the files it found there stay
    put through every rebuild."""
    from pizhu.builder import Builder
    from pizhu.config import load_config

    monkeypatch.chdir(site)
    keep = site / "_site" / "CNAME"
    keep.parent.mkdir()
    keep.write_text("news.example.org\n", encoding="utf-8")
    builder = Builder(load_config(Path("site.yaml")), force=True)
    for n in range(3):
        (site / "content" / "cars.md").write_text(ARTICLE + f"\n第{n}次修改。\n", encoding="utf-8")
        builder.build(articles_first=lambda written: None)
        assert keep.read_text(encoding="utf-8") == "news.example.org\n"
        assert f"第{n}次修改" in (site / "_site" / "articles" / "cars" / "index.html").read_text(encoding="utf-8")


# --- two articles, one page ---------------------------------------------------------------------------------

def test_two_articles_with_one_page_name_both_files(site):
    (site / "content" / "Cars.md").write_text(ARTICLE.replace("季报", "年报"), encoding="utf-8")
    refused(cli(site, "build"), f"{Path('content') / 'cars.md'}: its page articles/cars/ is the page of "
            f"{Path('content') / 'Cars.md'} too (names that differ only in case are one file on macOS and "
            "Windows): rename one of them")
    assert not (site / "_site").exists()


# --- the disk and the folder's permissions -------------------------------------------------------------------

def _mount_tmpfs(folder: Path, size: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.decode().strip()}")


@pytest.fixture
def mounts():
    made: list[Path] = []
    yield made
    for folder in reversed(made):
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_full_disk_is_one_message(site, tmp_path, mounts):
    """Sixty articles are rendered by worker processes; each one meets the full disk, and the user
    reads one line."""
    disk = tmp_path / "disk"
    _mount_tmpfs(disk, "1m")
    mounts.append(disk)
    shutil.copytree(site, disk / "site")
    for n in range(60):
        text = ARTICLE.replace("12%", f"{n}%") + "\n" + "比亚迪的销量继续上升，市场份额扩大。" * 40 + "\n"
        (disk / "site" / "content" / f"a{n:02}.md").write_text(text, encoding="utf-8")
    result = cli(disk / "site", "build", "--jobs", "2", "--no-cache")
    refused(result, "_site: cannot write the site: No space left on device (free some space and build again)")


def test_output_that_is_a_mount_point_is_updated_in_place(site, mounts):
    """Its own file system (a Docker volume, a CI cache) cannot be swapped in by a rename: files are
    replaced one by one, with a note; stale pages still go."""
    out = site / "_site"
    _mount_tmpfs(out, "20m")
    mounts.append(out)
    result = cli(site, "build")
    built(result)
    assert result.stderr == ("note: _site is a mount point of its own: it cannot be swapped in one step, so "
                             "changed files are replaced one by one\n")
    (site / "content" / "cars.md").rename(site / "content" / "phones.md")
    built(cli(site, "build"))
    assert not (out / "articles" / "cars").exists() and (out / "articles" / "phones" / "index.html").is_file()
    assert sorted(tree(out)) == sorted(tree(site / "_site"))  # still the mount: nothing moved aside


@pytest.fixture
def immutable():
    made: list[Path] = []
    yield made
    for path in made:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)


READ_ONLY = ("_site: cannot write the site: the output folder is read-only or immutable (chattr +i): make "
             "it writable or pass another --out")


def test_immutable_output_folder_is_a_clear_error(site, immutable):
    built(cli(site, "build"))
    out = site / "_site"
    done = subprocess.run(["chattr", "+i", str(out)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"chattr +i needs root: {done.stderr.decode().strip()}")
    immutable.append(out)
    before = tree(out)
    (site / "content" / "cars.md").write_text(ARTICLE + "\n又一段。\n", encoding="utf-8")
    refused(cli(site, "build"), READ_ONLY)
    assert tree(out) == before


def test_read_only_file_system_output_is_a_clear_error(site, mounts):
    out = site / "_site"
    _mount_tmpfs(out, "20m")
    mounts.append(out)
    built(cli(site, "build"))
    subprocess.run(["mount", "-o", "remount,ro", str(out)], check=True)
    before = tree(out)
    (site / "content" / "cars.md").write_text(ARTICLE + "\n又一段。\n", encoding="utf-8")
    refused(cli(site, "build"), READ_ONLY)
    assert tree(out) == before


def test_without_renameat2_the_swap_takes_three_renames_and_an_interrupted_one_is_put_right(site, monkeypatch):
    """Systems without an atomic exchange (macOS, old Linux): output → .<output>.pizhu-old, next →
    output, old → next. Killed after the first rename, there is no output until the next build puts
    the old site back."""
    import pizhu.outfiles
    import pizhu.output
    from pizhu.builder import build_site
    from pizhu.config import load_config

    monkeypatch.chdir(site)
    monkeypatch.setattr(pizhu.outfiles, "_renameat2", None)
    build_site(load_config(Path("site.yaml")))
    old = tree(site / "_site")
    (site / "_site").rename(site / "._site.pizhu-old")  # as a kill after the first rename leaves it
    (site / "content" / "cars.md").write_text(ARTICLE + "\n又一段：宁德时代净利润为20亿元。\n", encoding="utf-8")
    pizhu.output.Output(Path("_site"), None).recover()
    assert tree(site / "_site") == old and not (site / "._site.pizhu-old").exists()
    build_site(load_config(Path("site.yaml")))
    assert "宁德时代" in (site / "_site" / "articles" / "cars" / "index.html").read_text(encoding="utf-8")
    assert not (site / "._site.pizhu-old").exists()


# --- building for a host ------------------------------------------------------------------------------------

def test_base_url_without_site_url_warns(site):
    config = site / "site.yaml"
    config.write_text("title: 测试站\n", encoding="utf-8")  # url: the local default
    result = cli(site, "build", "--base-url", "/news/")
    built(result)
    assert result.stderr == ("warning: --base-url /news/ without --site-url: the feed and sitemap will point at "
                             "http://127.0.0.1:8000 (site.yaml's url); pass --site-url https://<host> when "
                             "building for a host\n")
    result = cli(site, "build", "--base-url", "/news/", "--site-url", "https://you.github.io")
    built(result)
    assert result.stderr == ""


# --- interruption -------------------------------------------------------------------------------------------

# build.py with file operations slowed down, so that a kill lands in the write phase; it says
# "writing" on stderr when it first moves or links a file of the output (or writes the manifest of
# the site about to be swapped in).
SLOW = """
import os, sys, time, runpy
said, MANIFEST = [], ".pizhu-manifest"
def slow(real, name):
    def call(*args, **kwargs):
        if not said and name in ("replace", "rename", "link") and ("_site" in str(args) or MANIFEST in str(args)):
            said.append(1)
            print("writing", file=sys.stderr, flush=True)
        time.sleep(0.004)
        return real(*args, **kwargs)
    return call
for name in ("replace", "rename", "link", "unlink", "rmdir"):
    setattr(os, name, slow(getattr(os, name), name))
sys.argv = sys.argv[1:]
sys.path.insert(0, os.path.dirname(sys.argv[0]))
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def _killed_build(site: Path, delay: float) -> None:
    proc = subprocess.Popen([sys.executable, "-c", SLOW, str(ROOT / "build.py"), "build"], cwd=site,
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert proc.stderr.readline() == "writing\n"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def test_kill_while_writing_leaves_the_old_or_the_new_site(site, tmp_path):
    """SIGKILL at many moments of a build that changes, adds and deletes pages: the output is always
    the whole old site or the whole new one, and the next build leaves no half-written folder."""
    for n in range(12):
        (site / "content" / f"a{n:02}.md").write_text(ARTICLE.replace("12%", f"{n}%"), encoding="utf-8")
    built(cli(site, "build"))
    old = tree(site / "_site")
    edits = {f"a{n:02}.md": ARTICLE.replace("12%", f"{n + 50}%") for n in range(0, 12, 2)}

    def edit(to_new: bool) -> None:
        for name, text in edits.items():
            (site / "content" / name).write_text(text if to_new else ARTICLE.replace("12%", f"{int(name[1:3])}%"),
                                                 encoding="utf-8")
        if to_new:
            (site / "content" / "a11.md").unlink()
        else:
            (site / "content" / "a11.md").write_text(ARTICLE.replace("12%", "11%"), encoding="utf-8")

    edit(True)
    shutil.copytree(site, tmp_path / "clean", ignore=shutil.ignore_patterns("_site", ".pizhu-cache"))
    built(cli(tmp_path / "clean", "build"))
    new = tree(tmp_path / "clean" / "_site")
    assert new != old
    seen = set()
    for delay in (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.45, 3.0):
        _killed_build(site, delay)
        now = tree(site / "_site")
        assert now in (old, new), f"killed after {delay} s: a mix of old and new pages"
        seen.add("new" if now == new else "old")
        if now == new:  # back to the old site for the next try
            edit(False)
            built(cli(site, "build"))
            assert tree(site / "_site") == old
            edit(True)
    assert seen == {"old", "new"}, "every kill landed on the same side of the swap"
    built(cli(site, "build"))
    assert tree(site / "_site") == new
    leftovers = sorted(p.name for p in site.iterdir())
    assert leftovers == [".pizhu-cache", "_site", "content", "notes.txt", "site.yaml", "static", "templates"]
    for folder in (site / ".pizhu-cache" / "next").iterdir():  # the previous site, and nothing else
        listed = (folder / ".pizhu-manifest").read_text(encoding="utf-8").splitlines()[1:]
        assert sorted(tree(folder)) == sorted(listed + [".pizhu-manifest"])
