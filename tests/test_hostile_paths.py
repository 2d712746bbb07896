"""Hostile and careless input to import, build, annotate and serve (issue 12: paths, links, serve,
import dates and debris, code, nesting, pipes). Each case is named by its id and asserts what the
user sees: the message, the file written or not, the page served. Texts are invented."""
from __future__ import annotations

import http.client
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, run_cli
from test_serve import serving

ARTICLE = """---
title: 测试文章
date: 2024-05-06
---
晨星公司今年营收达到3亿元，比去年增长12%。
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site with one short invented article (builds in a second)."""
    for name in ("templates", "static"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "site.yaml", tmp_path / "site.yaml")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "first.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


RAW = "蓝湖公司发布新款芯片\n\n作者：周明\n\n蓝湖公司周二发布新款芯片，售价为199美元。\n\n公司表示，产量将翻番。\n"
DATED_RAW = "蓝湖公司发布新款芯片\n\n{dateline}\n\n蓝湖公司周二发布新款芯片，售价为199美元。\n"


def imported(site: Path, raw: str, *args: str) -> tuple[subprocess.CompletedProcess, str]:
    write(site / "raw.txt", raw)
    result = run_cli("import", "raw.txt", "--slug", "imported", *args, cwd=site)
    target = site / "content" / "imported.md"
    return result, target.read_text(encoding="utf-8") if target.exists() else ""


# --- import: slugs are names under content/ -------------------------------------------------------------

SLUG_REFUSED = "--slug must name a file under content/"


@pytest.mark.parametrize("slug", ["../../evil", "a/../../evil", "%ABSOLUTE%"],
                         ids=["slug-parent-traversal", "slug-traversal-inside-path", "slug-absolute-with-force"])
def test_import_slug_that_is_a_path_is_refused(site, slug):
    victim = write(site.parent / "victim.md", "the user's own file\n")
    slug = slug.replace("%ABSOLUTE%", str(site.parent / "victim"))
    write(site / "raw.txt", RAW)
    result = run_cli("import", "raw.txt", "--date", "2024-05-06", "--slug", slug, "--force", cwd=site)
    assert result.returncode == 1 and SLUG_REFUSED in result.stderr and "Traceback" not in result.stderr
    assert victim.read_text(encoding="utf-8") == "the user's own file\n"
    assert not (site.parent / "evil.md").exists()


def test_import_slug_through_a_linked_folder_is_refused(site, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    os.symlink(outside, site / "content" / "elsewhere")
    write(site / "raw.txt", RAW)
    result = run_cli("import", "raw.txt", "--date", "2024-05-06", "--slug", "elsewhere/x", cwd=site)
    assert result.returncode == 1 and SLUG_REFUSED in result.stderr
    assert list(outside.iterdir()) == []


# --- import: the article's date ---------------------------------------------------------------------------

def test_import_without_date_or_dateline_is_refused(site):
    result, text = imported(site, RAW)
    assert result.returncode == 1
    assert "raw.txt: no dateline" in result.stderr and "--date YYYY-MM-DD" in result.stderr
    assert text == ""  # nothing written, rather than an article silently dated today


@pytest.mark.parametrize("dateline", ["2024-03-12 09:30", "发布时间：2024年3月12日 星期二", "2024/3/12 来源：晨报网"],
                         ids=["dateline-iso-with-time", "dateline-chinese-labelled", "dateline-slashes-with-source"])
def test_import_reads_the_dateline(site, dateline):
    result, text = imported(site, DATED_RAW.format(dateline=dateline))
    assert result.returncode == 0, result.stderr
    assert "\ndate: 2024-03-12\n" in text
    assert "2024" not in text.split("---")[2]  # the dateline left the body


def test_import_dateline_below_a_publication_name(site):
    result, text = imported(site, "蓝湖公司发布新款芯片\n\n晨报\n\n2024年3月12日 09:30\n\n蓝湖公司周二发布新款芯片。\n")
    assert result.returncode == 0, result.stderr
    assert "\ndate: 2024-03-12\n" in text and "## 2024" not in text


# --- import: page debris ------------------------------------------------------------------------------------

def test_import_like_and_share_bar_is_not_a_heading(site):
    raw = RAW + "\n点赞(12)\n\n第二段正文，说明产量。\n\n收藏(3)\n\n分享\n\n赞 8 | 评论(2) | 转发\n\n第三段正文。\n"
    result, text = imported(site, raw, "--date", "2024-05-06")
    assert result.returncode == 0, result.stderr
    for debris in ("点赞", "收藏", "分享", "转发"):
        assert debris not in text
    assert "第二段正文，说明产量。\n\n第三段正文。" in text


def test_import_credit_lines_go_to_front_matter(site):
    raw = RAW + "\n（责任编辑：沈立）\n\n校对：钱一\n"
    result, text = imported(site, raw, "--date", "2024-05-06")
    assert result.returncode == 0, result.stderr
    front, body = text.split("---")[1:3]
    assert "editor: 沈立" in front
    assert "沈立" not in body and "钱一" not in text
    assert body.rstrip().endswith("公司表示，产量将翻番。")


# --- links in content/ -----------------------------------------------------------------------------------

def test_link_to_a_file_outside_the_site_is_skipped(site, tmp_path_factory):
    outside = write(tmp_path_factory.mktemp("outside") / "private.md",
                    "---\ntitle: 私人笔记\ndate: 2024-01-01\n---\n机密内容甲乙丙。\n")
    os.symlink(outside, site / "content" / "leak.md")
    write(site / "notes" / "shared.md", "---\ntitle: 站内笔记\ndate: 2024-01-02\n---\n站内内容。\n")
    os.symlink(Path("..") / "notes" / "shared.md", site / "content" / "shared.md")
    result = run_cli("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "warning: content/leak.md: skipped: a link to" in result.stderr
    assert "outside the site folder" in result.stderr
    assert not (site / "_site" / "articles" / "leak").exists()
    assert "机密内容" not in "".join(p.read_text(encoding="utf-8", errors="replace")
                                  for p in (site / "_site").rglob("*.html"))
    assert (site / "_site" / "articles" / "shared" / "index.html").exists()  # a link inside the site stays


# --- code is never annotated --------------------------------------------------------------------------------

CODE_BODY = """晨星公司今年营收达到3亿元。

```
print("蓝湖公司营收为8亿美元，2019年5月上市")
```

    缩进代码：红杉资本亏损了40%，2018年7月

行内代码 `白鹭集团收入500万元` 不算。
"""


@pytest.mark.parametrize("needle", ["8亿美元", "2019年5月", "40%", "2018年7月", "500万元"],
                         ids=["code-fenced-figure", "code-fenced-date", "code-indented-figure", "code-indented-date",
                              "code-inline-figure"])
def test_annotate_ignores_code(site, needle):
    write(site / "content" / "code.md", "---\ntitle: 代码\ndate: 2024-05-06\n---\n" + CODE_BODY)
    result = run_cli("annotate", "content/code.md", cwd=site)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    found = [x["text"] for kind in ("figures", "events") for x in data[kind]]
    assert "3亿元" in found  # the prose around the code is still read
    assert needle not in found
    assert not any(m["text"] in CODE_BODY.split("```")[1] for e in data["entities"] for m in e["mentions"])


def test_built_page_lists_no_figure_from_code(site):
    write(site / "content" / "code.md", "---\ntitle: 代码\ndate: 2024-05-06\n---\n" + CODE_BODY)
    result = run_cli("build", cwd=site)
    assert result.returncode == 0, result.stderr
    page = (site / "_site" / "articles" / "code" / "index.html").read_text(encoding="utf-8")
    sidebar = page[page.index('class="figures-panel"'):]
    assert "3亿元" in sidebar and "8亿美元" not in sidebar and "500万元" not in sidebar
    assert 'id="figures-title">文中数字 <span class="count">1</span>' in page


# --- nesting, pipes -------------------------------------------------------------------------------------------

def test_text_nested_past_markdowns_limit_is_an_error(site):
    deep = "---\ntitle: 深层引用\ndate: 2024-05-06\n---\n第一段。\n\n" + "> " * 25 + "藏在深处的营收5亿元。\n"
    write(site / "content" / "deep.md", deep)
    result = run_cli("build", cwd=site)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "content/deep.md:7: quotes or lists nest deeper than 20 levels" in result.stderr


def test_annotate_into_a_closed_pipe_exits_quietly(site):
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "annotate", "content/first.md"], cwd=site,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.read(1) == b"{"
    proc.stdout.close()  # as `| head -c 1` does
    stderr = proc.stderr.read().decode("utf-8")
    proc.wait(60)
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr
    assert proc.returncode in (0, 141)


# --- serve ------------------------------------------------------------------------------------------------------

def request(port: int, path: str, host: str) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.putrequest("GET", path, skip_host=True)
        conn.putheader("Host", host)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


@pytest.fixture
def served(site):
    with serving(site) as server:
        yield server


def test_serve_refuses_a_foreign_host(served):
    port = served.port
    status, text = request(port, "/", f"rebind.example:{port}")
    assert status == 403 and f"answers to http://127.0.0.1:{port}/" in text
    assert request(port, "/", f"127.0.0.1:{port + 1}")[0] == 403
    for own in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"):
        assert request(port, "/", own)[0] == 200, own


@pytest.mark.parametrize("path", ["/livereload.js", "/forcereload"], ids=["serve-livereload-js", "serve-forcereload"])
def test_serve_refuses_a_foreign_host_on_livereloads_endpoints(served, path):
    port = served.port
    assert request(port, path, f"rebind.example:{port}")[0] == 403
    assert request(port, path, f"127.0.0.1:{port}")[0] == 200


def websocket_status(port: int, origin: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", "/livereload", headers={
            "Host": f"127.0.0.1:{port}", "Origin": origin, "Upgrade": "websocket", "Connection": "Upgrade",
            "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version": "13"})
        return conn.getresponse().status
    finally:
        conn.close()


def test_serve_refuses_the_reload_socket_to_another_sites_page(served):
    """A page of another site may not listen to the author's saves (livereload accepts any Origin)."""
    port = served.port
    assert websocket_status(port, "https://evil.example") == 403
    assert websocket_status(port, f"http://127.0.0.1:{port}") == 101


@pytest.mark.parametrize("path", ["/index.html%00.txt", "/articles/%00/", "/%ff%fe.html", "/articles/%c3%28/"],
                         ids=["serve-nul-suffix", "serve-nul-folder", "serve-bytes-not-utf8", "serve-broken-utf8"])
def test_serve_answers_bad_paths_with_404(served, path):
    status, _ = request(served.port, path, f"127.0.0.1:{served.port}")
    assert status == 404
    assert "Traceback" not in served.output()


LINK_BODY = ("据[青山日报](https://news.example.com/2023/05/06/30-percent-drop.html \"2022年报道\")报道，"
             "远山矿业融资5亿元。详见 https://example.org/2021-01-01/15亿 与 <https://example.net/1999>。\n\n"
             "[注]: https://example.com/2019/1200-yuan\n")


def test_annotate_ignores_link_targets_and_urls(site):
    """URLs are never marked, so their dates, numbers and words must not become figures, dates or names."""
    write(site / "content" / "links.md", "---\ntitle: 链接\ndate: 2024-05-06\n---\n" + LINK_BODY)
    result = run_cli("annotate", "content/links.md", cwd=site)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    found = [x["text"] for kind in ("figures", "events") for x in data[kind]]
    assert "5亿元" in found  # the prose is still read
    assert not any(t in ("2023", "2022年", "30", "1999", "2019", "1200") or "2021" in t or "15亿" in t for t in found)
    assert not any("example" in m["text"].lower() or "percent" in m["text"]
                   for e in data["entities"] for m in e["mentions"])
