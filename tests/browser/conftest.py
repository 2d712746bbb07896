"""Browser tests: the example site built under a base path, served on 127.0.0.1, driven by Debian's
Chromium through Playwright's sync API (never a downloaded browser; a missing Chromium fails)."""
from __future__ import annotations

import functools
import json
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
BASE = "/pizhu/"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
ARTICLE = "articles/openai-losses/"


class _Handler(SimpleHTTPRequestHandler):
    """Serves the site folder under BASE, like GitHub Pages serves a project site."""

    def translate_path(self, path: str) -> str:
        parsed = urlparse(path).path
        if not parsed.startswith(BASE):
            return str(Path(self.directory) / "__missing__")
        return super().translate_path("/" + path[len(BASE):])

    def log_message(self, *args) -> None:  # quiet
        pass


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict:
    """A copy of the example project, built with --base-url /pizhu/, plus its annotation JSON."""
    project = tmp_path_factory.mktemp("site")
    for name in ("content", "templates", "static"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "site.yaml", project / "site.yaml")
    run = subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--base-url", BASE], cwd=project,
                         capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 0, run.stderr
    ann = subprocess.run([sys.executable, str(ROOT / "build.py"), "annotate", "content/openai-losses.md"],
                         cwd=project, capture_output=True, text=True, encoding="utf-8")
    assert ann.returncode == 0, ann.stderr
    return {"site": project / "_site", "annotation": json.loads(ann.stdout)}


def _serve(folder: Path):
    handler = functools.partial(_Handler, directory=str(folder))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{BASE}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def server(built) -> str:
    yield from _serve(built["site"])


@pytest.fixture(scope="session")
def paged_server(built) -> str:
    """The same site with a site timeline long enough to get a page per year (timeline_page_size: 5)."""
    project = built["site"].parent
    config = project / "site-paged.yaml"
    config.write_text((project / "site.yaml").read_text(encoding="utf-8") + "\ntimeline_page_size: 5\noutput_dir: _paged\n",
                      encoding="utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "build.py"), "--config", str(config), "build", "--base-url", BASE],
                         cwd=project, capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 0, run.stderr
    yield from _serve(project / "_paged")


@pytest.fixture(scope="module")  # stopped before other modules: its event loop would clash with asyncio.run
def browser():
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)"
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


class Watch:
    """Console errors, page errors and every request URL of one browser context."""

    def __init__(self):
        self.errors: list[str] = []
        self.requests: list[str] = []

    def attach(self, page) -> None:
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def check(self) -> None:
        assert not self.errors, f"console errors: {self.errors}"
        outside = [u for u in self.requests
                   if urlparse(u).scheme not in ("data", "blob", "about") and urlparse(u).hostname != "127.0.0.1"]
        assert not outside, f"requests left localhost: {outside}"


@pytest.fixture
def open_page(browser, server):
    """open_page(path, **context options) → page; every page is checked for console errors and
    requests that leave 127.0.0.1 when the test ends. open_page(path, site=paged_server) opens
    another served site."""
    contexts, watches = [], []

    def _open(path: str = ARTICLE, site: str = server, **options):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(**options)
        watch = Watch()
        context.on("request", lambda request: watch.requests.append(request.url))
        contexts.append(context)
        watches.append(watch)
        page = context.new_page()
        watch.attach(page)
        page.goto(site + path)
        page.wait_for_load_state("load")
        return page

    yield _open
    for context in contexts:
        context.close()
    for watch in watches:
        watch.check()


@pytest.fixture(scope="module")
def site_pages_serve():
    """serve(folder) → the URL of `folder` served under BASE (the site-pages tests build their own
    sites); every server stops when the module's tests are done."""
    running = []

    def serve(folder: Path) -> str:
        server = _serve(folder)
        running.append(server)
        return next(server)

    yield serve
    for server in running:
        next(server, None)


@pytest.fixture(scope="session")
def timeline_two_articles(tmp_path_factory) -> str:
    """The two-article fixture site (tests/fixtures/two-articles), built with --base-url /pizhu/ and
    served: for the timeline's tests of an event told by both articles."""
    project = tmp_path_factory.mktemp("two-articles")
    shutil.copytree(ROOT / "tests" / "fixtures" / "two-articles", project, dirs_exist_ok=True)
    run = subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--base-url", BASE], cwd=project,
                         capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 0, run.stderr
    yield from _serve(project / "_site")


class _RootHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # quiet
        pass


@pytest.fixture(scope="session")
def two_articles_root(tmp_path_factory):
    """The two-article fixture site built at / and served: (its URL, {slug: the article's annotation JSON,
    every mark}). Shared by the notes, figures-sidebar and axe tests (each derives what it shows)."""
    project = tmp_path_factory.mktemp("two-articles-root")
    shutil.copytree(ROOT / "tests" / "fixtures" / "two-articles", project, dirs_exist_ok=True)
    run = subprocess.run([sys.executable, str(ROOT / "build.py"), "build"], cwd=project,
                         capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 0, run.stderr
    annotations = {}
    for path in sorted((project / "content").glob("*.md")):
        ann = subprocess.run([sys.executable, str(ROOT / "build.py"), "annotate", f"content/{path.name}"],
                             cwd=project, capture_output=True, text=True, encoding="utf-8")
        assert ann.returncode == 0, ann.stderr
        annotations[path.stem] = json.loads(ann.stdout)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_RootHandler, directory=str(project / "_site")))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", annotations
    httpd.shutdown()
    httpd.server_close()
