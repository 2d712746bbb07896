"""`build.py serve` as a user runs it: a real subprocess on a free loopback port, a real HTTP client and
a real livereload websocket client. Every wait polls a condition with a generous, bounded timeout."""
from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import warnings
from pathlib import Path

import pytest

from support import ROOT

warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"(tornado|livereload).*")

START_TIMEOUT = 180  # the first build annotates (dictionary load) on a possibly loaded machine
CHANGE_TIMEOUT = 90


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def poll(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = condition()
            if last:
                return last
        except (OSError, urllib.error.URLError) as exc:
            last = exc
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what} (last: {last!r})")


class Served:
    def __init__(self, project: Path):
        self.project = project
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = (project / "serve.log").open("w+", encoding="utf-8")
        self.proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--port", str(self.port)],
                                     cwd=project, stdout=self.log, stderr=subprocess.STDOUT)

    def output(self) -> str:
        self.log.flush()
        return (self.project / "serve.log").read_text(encoding="utf-8")

    def get(self, path: str) -> tuple[int, str]:
        return fetch(self.base + path)

    def wait_ready(self) -> None:
        def ready():
            if self.proc.poll() is not None:
                raise AssertionError(f"serve exited {self.proc.returncode}:\n{self.output()}")
            return self.get("/")[0] == 200
        poll(ready, START_TIMEOUT, "the server")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(15)
        self.log.close()

    def reload_after(self, action, timeout: float = CHANGE_TIMEOUT) -> dict:
        """Connect to /livereload like livereload.js, run `action`, return the reload message."""
        return asyncio.run(self._reload_after(action, timeout))

    async def _reload_after(self, action, timeout: float) -> dict:
        from tornado.websocket import websocket_connect
        conn = await asyncio.wait_for(websocket_connect(f"ws://127.0.0.1:{self.port}/livereload"), 30)
        try:
            await conn.write_message(json.dumps({"command": "hello",
                                                 "protocols": ["http://livereload.com/protocols/official-7"]}))
            hello = json.loads(await asyncio.wait_for(conn.read_message(), 30))
            assert hello["command"] == "hello"
            await conn.write_message(json.dumps({"command": "info", "url": self.base + "/", "plugins": {}}))
            await asyncio.sleep(0.3)  # the server registers the browser on 'info'
            action()
            deadline = time.monotonic() + timeout
            while True:
                remaining = deadline - time.monotonic()
                assert remaining > 0, f"no reload message:\n{self.output()}"
                message = await asyncio.wait_for(conn.read_message(), remaining)
                assert message is not None, "livereload closed the connection"
                data = json.loads(message)
                if data.get("command") == "reload":
                    return data
        finally:
            conn.close()


@contextlib.contextmanager
def serving(site: Path):
    """`build.py serve` running on `site` until the block ends."""
    server = Served(site)
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


@pytest.fixture
def served(project):
    with serving(project) as server:
        yield server


ARTICLE = "/articles/openai-losses/"


def test_pages_are_served_with_the_livereload_script(served):
    status, page = served.get(ARTICLE)
    assert status == 200 and "疯狂亏损" in page
    assert "livereload.js" in page
    assert served.get("/static/pizhu.css")[0] == 200
    assert served.get("/no/such/page/")[0] == 404


def test_editing_an_article_rebuilds_and_reloads(served):
    path = served.project / "content" / "openai-losses.md"
    text = path.read_text(encoding="utf-8")
    message = served.reload_after(lambda: path.write_text(text + "\n追加的段落：测试标记甲乙丙。\n", encoding="utf-8"))
    assert message["path"] == "*"
    status, page = served.get(ARTICLE)
    assert status == 200 and "测试标记甲乙丙" in page


def test_stylesheet_change_swaps_css(served):
    css = served.project / "static" / "pizhu.css"
    message = served.reload_after(lambda: css.write_text(css.read_text(encoding="utf-8") + "\n/* edited */\n",
                                                         encoding="utf-8"))
    assert message["path"].endswith("pizhu.css") and message["liveCSS"] is True
    assert "/* edited */" in served.get("/static/pizhu.css")[1]


def test_broken_article_shows_error_and_fixing_it_clears(served):
    broken = served.project / "content" / "broken.md"
    served.reload_after(lambda: broken.write_text("---\ntitle: 坏文章\ndate: 2024-01-02\ntags: [a, b\n---\n正文。\n",
                                                  encoding="utf-8"))
    status, page = served.get("/articles/broken/")
    assert status == 500
    assert "content/broken.md:4" in page or "content/broken.md:5" in page
    assert "invalid front matter" in page
    # the last good pages keep working, with the error shown over them
    status, page = served.get(ARTICLE)
    assert status == 200 and "疯狂亏损" in page and "pizhu-build-error" in page
    assert "content/broken.md" in served.output()  # and in the terminal

    served.reload_after(lambda: broken.write_text("---\ntitle: 好文章\ndate: 2024-01-02\n---\n修好了。\n",
                                                  encoding="utf-8"))
    status, page = served.get("/articles/broken/")
    assert status == 200 and "修好了" in page and "pizhu-build-error" not in page
    poll(lambda: "好文章" in served.get("/")[1], CHANGE_TIMEOUT, "the index to list the fixed article")
    assert "pizhu-build-error" not in served.get("/")[1]


def test_template_error_names_the_template_line(served):
    template = served.project / "templates" / "index.html"
    good = template.read_text(encoding="utf-8")
    served.reload_after(lambda: template.write_text(good.replace("{% endblock %}", "{{ nope( }}\n{% endblock %}", 1),
                                                    encoding="utf-8"))
    # article pages may reload first; the site-wide pages (index) fail right after
    page = poll(lambda: (lambda p: "pizhu-build-error" in p and p)(served.get(ARTICLE)[1]), CHANGE_TIMEOUT, "the overlay")
    assert "index.html:" in page and "疯狂亏损" in page
    served.reload_after(lambda: template.write_text(good, encoding="utf-8"))
    poll(lambda: "pizhu-build-error" not in served.get("/")[1], CHANGE_TIMEOUT, "the overlay to clear")
