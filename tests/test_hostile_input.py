"""Hostile and careless input: each case is refused with an error naming the file, the line and what is
wrong (exit 1, no traceback), or warned about, and no script link reaches a written page.

Every case runs `build.py build` as a user would, on a tiny invented site in tmp_path.
"""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT

SITE_YAML = "title: 小城日报\nurl: https://example.org\n"
ARTICLE = ("---\ntitle: 小城新闻\ndate: 2024-03-12\n---\n"
           "王小明在青山公司工作。他说：“今年我们的收入增长了百分之十。”\n")
GLOSSARY = "entities:\n  - name: 青山公司\n    type: org\n    note: 小城的一家公司。\n"
FILES = {"site.yaml": SITE_YAML, "content/a.md": ARTICLE, "content/glossary.yaml": GLOSSARY}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    for name in ("templates", "static"):
        shutil.copytree(ROOT / name, tmp_path / name)
    for name, text in FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def build(site: Path, *options: str) -> subprocess.CompletedProcess:
    """`build.py build` as a user runs it; a hang (as alias bombs caused) fails the test."""
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "build", *options], cwd=site,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def article(*front: str, body: str = "王小明在青山公司工作。\n") -> str:
    """An article whose front matter is title (line 2), date (line 3), then `front` from line 4."""
    return "---\ntitle: 小城新闻\ndate: 2024-03-12\n" + "".join(f"{line}\n" for line in front) + "---\n" + body


def glossary_with(*lines: str) -> str:
    """The glossary with `lines` added to its one entry, from line 5 on."""
    return GLOSSARY + "".join(f"    {line}\n" for line in lines)


def alias_bomb(key: str = "laughs") -> str:
    """A "billion laughs" document: nine levels of nine aliases each, 9**9 values once expanded."""
    lines = ['l0: &l0 ["哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈"]']
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 9)]
    return "\n".join(lines) + f"\n{key}: *l8"


_C0_AND_SPACE = "".join(map(chr, range(0x21)))  # what browsers cut from a URL's start
_SCRIPT_URL = re.compile(r"(?:javascript|vbscript|data):", re.I)
_URL_ATTRIBUTE = re.compile(r"""\b(?:href|src|action|formaction|xlink:href)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)


def script_links(site: Path) -> list[str]:
    """Every href/src in the written pages that a browser would read as a script URL (entities decoded,
    tabs and newlines dropped, leading spaces and control characters cut, as browsers do)."""
    found = []
    for page in (site / "_site").rglob("*"):
        if page.suffix not in (".html", ".xml"):
            continue
        for value in _URL_ATTRIBUTE.findall(page.read_text(encoding="utf-8")):
            url = re.sub(r"[\t\n\r]", "", html.unescape(value.strip("\"'"))).lstrip(_C0_AND_SPACE)
            if _SCRIPT_URL.match(url):
                found.append(f"{page.relative_to(site)}: {value}")
    return found


LINK = "'link' must be an http(s) or mailto: URL or a path on the site"
SOURCE = "'source' must be an http(s) or mailto: URL or a path on the site"
SITE_URL = "'url' must be an absolute http(s) URL"

# (file to replace, its text, expected "file:line: …" prefix, further words the message must hold)
SCRIPT_LINKS = [
    pytest.param("content/glossary.yaml", glossary_with("link: javascript:alert(1)"),
                 f"content/glossary.yaml:5: {LINK}", ["javascript:alert(1)"], id="glossary-link-javascript"),
    pytest.param("content/glossary.yaml", glossary_with('link: "   JaVaScRiPt:alert(1)"'),
                 f"content/glossary.yaml:5: {LINK}", ["JaVaScRiPt"], id="glossary-link-spaces-mixed-case"),
    pytest.param("content/glossary.yaml", glossary_with('link: "java\\tscript:alert(1)"'),
                 f"content/glossary.yaml:5: {LINK}", ["java\\tscript"], id="glossary-link-tab-inside-scheme"),
    pytest.param("content/glossary.yaml", glossary_with('link: "java\\nscript:alert(1)"'),
                 f"content/glossary.yaml:5: {LINK}", ["java\\nscript"], id="glossary-link-newline-inside-scheme"),
    pytest.param("content/glossary.yaml", glossary_with('link: "\\x01javascript:alert(1)"'),
                 f"content/glossary.yaml:5: {LINK}", ["javascript"], id="glossary-link-leading-control-char"),
    pytest.param("content/glossary.yaml", glossary_with('link: "java&#x09;script:alert(1)"'),
                 f"content/glossary.yaml:5: {LINK}", ["java&#x09;script"], id="glossary-link-entity-tab"),
    pytest.param("content/glossary.yaml", glossary_with('link: "&#106;avascript:alert(1)"'),
                 f"content/glossary.yaml:5: {LINK}", ["&#106;avascript"], id="glossary-link-entity-letter"),
    pytest.param("content/glossary.yaml", glossary_with("link: data:text/html;base64,PHNjcmlwdD4="),
                 f"content/glossary.yaml:5: {LINK}", ["data:text/html"], id="glossary-link-data"),
    pytest.param("content/glossary.yaml", glossary_with("link: vbscript:msgbox(1)"),
                 f"content/glossary.yaml:5: {LINK}", ["vbscript:"], id="glossary-link-vbscript"),
    pytest.param("content/a.md", article("source: javascript:alert(1)"),
                 f"content/a.md:4: {SOURCE}", ["javascript:alert(1)"], id="front-matter-source-javascript"),
    pytest.param("content/a.md", article('source: " \\tJavaScript:alert(1)"'),
                 f"content/a.md:4: {SOURCE}", ["JavaScript"], id="front-matter-source-space-tab-mixed-case"),
    pytest.param("content/a.md", article("source: data:text/html,<script>alert(1)</script>"),
                 f"content/a.md:4: {SOURCE}", ["data:text/html"], id="front-matter-source-data"),
    pytest.param("site.yaml", "title: 小城日报\nurl: javascript:alert(1)\n",
                 f"site.yaml:2: {SITE_URL}", ["javascript:alert(1)"], id="site-url-javascript"),
    pytest.param("site.yaml", "title: 小城日报\nurl: data:text/html,x\n",
                 f"site.yaml:2: {SITE_URL}", ["data:text/html"], id="site-url-data"),
]


@pytest.mark.parametrize("name, text, where, words", SCRIPT_LINKS)
def test_script_link_is_refused(site, name, text, where, words):
    (site / name).write_text(text, encoding="utf-8")
    result = build(site)
    assert_refused(result, where, words)
    assert script_links(site) == []


GB18030_BODY = "王小明在青山公司工作。\n".encode("gb18030")
GB18030_FRONT = ARTICLE.split("王")[0].encode()
GB18030_ARTICLE = GB18030_FRONT + GB18030_BODY  # UTF-8 front matter, GB18030 body (line 5)

# (file, its text or bytes, expected "file:line: …" prefix, further words)
BAD_INPUT = [
    pytest.param("content/glossary.yaml", glossary_with("link: [a, b]"),
                 "content/glossary.yaml:5: 'link' must be a URL, got list", [], id="glossary-link-list"),
    pytest.param("site.yaml", "title: 小城日报\nurl: ftp://example.org\n",
                 f"site.yaml:2: {SITE_URL}", ["ftp://example.org"], id="site-url-ftp"),
    pytest.param("site.yaml", "title: 小城日报\nurl: example.org\n",
                 f"site.yaml:2: {SITE_URL}", ["example.org"], id="site-url-without-scheme"),
    pytest.param("content/a.md", "---\ntitle: 小城新闻\ndate: 2023-02-30\n---\n正文。\n",
                 "content/a.md:3: 'date' must be YYYY-MM-DD, got '2023-02-30'", ["day is out of range"],
                 id="date-february-30"),
    pytest.param("content/a.md", "---\ntitle: 小城新闻\ndate: 2023-01-01T25:00:00\n---\n正文。\n",
                 "content/a.md:3: 'date' must be YYYY-MM-DD, got '2023-01-01T25:00:00'", ["hour must be in 0..23"],
                 id="date-hour-25"),
    pytest.param("content/a.md", GB18030_ARTICLE,
                 f"content/a.md:5: not UTF-8 text (byte 0x{GB18030_BODY[0]:02x} at offset {len(GB18030_FRONT)})",
                 ["save it as UTF-8", "GB18030"], id="article-in-gb18030"),
    pytest.param("content/glossary.yaml", "entities:\n  - name: 青山\n    type: org\n".encode("gb18030"),
                 "content/glossary.yaml:2: not UTF-8 text", ["offset 20", "GB18030"], id="glossary-in-gb18030"),
    pytest.param("site.yaml", "title: 小城日报\n".encode("gb18030"),
                 "site.yaml:1: not UTF-8 text", ["offset", "GB18030"], id="site-yaml-in-gb18030"),
    pytest.param("site.yaml", "title: 小城日报\n".encode("utf-16"),
                 "site.yaml:1: not UTF-8 text (byte 0xff at offset 0)", ["UTF-16"], id="site-yaml-in-utf-16"),
    pytest.param("content/glossary.yaml", "entities: 5\n",
                 "content/glossary.yaml:1: 'entities' must be a list of entries", ["got int"],
                 id="glossary-entities-a-number"),
    pytest.param("content/glossary.yaml", GLOSSARY.replace("note: 小城的一家公司。", "note: 123"),
                 "content/glossary.yaml:4: entity #1 (青山公司): 'note' must be text (Markdown), got int", [],
                 id="glossary-note-a-number"),
    pytest.param("content/glossary.yaml", GLOSSARY.replace("note: 小城的一家公司。", "note: [a, b]"),
                 "content/glossary.yaml:4: entity #1 (青山公司): 'note' must be text (Markdown), got list", [],
                 id="glossary-note-a-list"),
    pytest.param("site.yaml", SITE_YAML + "glossary: content\n",
                 "site.yaml:3: 'glossary' must name a YAML file, but 'content' is a folder", [],
                 id="glossary-is-a-folder"),
    pytest.param("content/a.md", article(alias_bomb("tags")),
                 "content/a.md:8: YAML aliases here repeat more than 10,000 values", ["alias bomb"],
                 id="alias-bomb-front-matter-tags"),
    pytest.param("content/a.md", article(alias_bomb("anything_else")),
                 "content/a.md:8: YAML aliases here repeat more than 10,000 values", ["alias bomb"],
                 id="alias-bomb-front-matter-extra-key"),
    pytest.param("content/glossary.yaml", GLOSSARY + alias_bomb("ignore"),
                 "content/glossary.yaml:9: YAML aliases here repeat more than 10,000 values", ["alias bomb"],
                 id="alias-bomb-glossary"),
    pytest.param("site.yaml", SITE_YAML + alias_bomb(),
                 "site.yaml:7: YAML aliases here repeat more than 10,000 values", ["alias bomb"],
                 id="alias-bomb-site-yaml"),
    pytest.param("content/a.md", article("related: &r [一, *r]"),
                 "content/a.md:4: a YAML alias refers to the list or mapping that contains it", [],
                 id="recursive-alias-front-matter"),
    pytest.param("site.yaml", SITE_YAML + "feed_size: -5\n",
                 "site.yaml:3: 'feed_size' must be a whole number of at least 1, got -5", [], id="feed-size-negative"),
    pytest.param("site.yaml", SITE_YAML + "feed_size: 0\n",
                 "site.yaml:3: 'feed_size' must be a whole number of at least 1, got 0", [], id="feed-size-zero"),
    pytest.param("site.yaml", SITE_YAML + "timeline_page_size: 0\n",
                 "site.yaml:3: 'timeline_page_size' must be a whole number of at least 1, got 0", [],
                 id="timeline-page-size-zero"),
    pytest.param("content/a.md", article("title: 另一个标题"),
                 "content/a.md:4: duplicate key 'title' (first on line 2)", ["silently win"],
                 id="duplicate-front-matter-key"),
    pytest.param("content/glossary.yaml", glossary_with("type: place"),
                 "content/glossary.yaml:5: duplicate key 'type' (first on line 3)", ["silently win"],
                 id="duplicate-glossary-entry-key"),
    pytest.param("site.yaml", SITE_YAML + "title: 大城日报\n",
                 "site.yaml:3: duplicate key 'title' (first on line 1)", ["silently win"],
                 id="duplicate-site-yaml-key"),
]


@pytest.mark.parametrize("name, text, where, words", BAD_INPUT)
def test_bad_input_is_a_located_error(site, name, text, where, words):
    path = site / name
    path.write_bytes(text) if isinstance(text, bytes) else path.write_text(text, encoding="utf-8")
    assert_refused(build(site), where, words)


def assert_refused(result, where: str, words: list[str]) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert f"error: {where}" in result.stderr, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def test_annotate_names_the_encoding_too(site):
    (site / "content" / "a.md").write_bytes(GB18030_ARTICLE)
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "annotate", "content/a.md"], cwd=site,
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert_refused(result, "content/a.md:5: not UTF-8 text", ["GB18030"])


def test_site_url_option_must_be_http(site):
    result = build(site, "--site-url", "javascript:alert(1)")
    assert_refused(result, "command line: '--site-url' must be an absolute http(s) URL", ["javascript:alert(1)"])


def test_every_bad_file_name_is_reported(site):
    for name in ("新闻 一.md", "b@d.md", "ok.md"):
        (site / "content" / name).write_text(ARTICLE, encoding="utf-8")
    result = build(site)
    assert result.returncode == 1
    assert "content/新闻 一.md: file name '新闻 一' cannot be a URL" in result.stderr
    assert "content/b@d.md: file name 'b@d' cannot be a URL" in result.stderr
    assert "ok.md" not in result.stderr


def test_alias_claimed_by_two_entries_is_a_warning_naming_both_lines(site):
    (site / "content" / "glossary.yaml").write_text(
        "entities:\n  - name: 青山公司\n    type: org\n    aliases: [青山]\n"
        "  - name: 青山集团\n    type: org\n    aliases: [绿水, 青山]\n", encoding="utf-8")
    result = build(site)
    assert result.returncode == 0, result.stderr
    assert ("warning: content/glossary.yaml:7: '青山' is claimed by '青山公司' (line 4) and by '青山集团'; "
            "the first entry is used") in result.stderr


def test_one_name_with_two_types_is_a_warning_naming_both_lines(site):
    (site / "content" / "glossary.yaml").write_text(
        "entities:\n  - name: 青山公司\n    type: org\n  - name: 青山公司\n    type: place\n", encoding="utf-8")
    result = build(site)
    assert result.returncode == 0, result.stderr
    assert ("warning: content/glossary.yaml:4: '青山公司' has two types: org (line 2) and place; "
            "the first entry is used") in result.stderr


def test_allowed_links_are_published_trimmed(site):
    (site / "content" / "a.md").write_text(article('source: " https://example.org/原文 "'), encoding="utf-8")
    (site / "content" / "glossary.yaml").write_text(glossary_with("link: mailto:desk@example.org"), encoding="utf-8")
    result = build(site)
    assert result.returncode == 0, result.stderr
    page = (site / "_site" / "articles" / "a" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/原文"' in page
    assert 'href="mailto:desk@example.org"' in page


def test_no_script_link_from_markdown_reaches_a_page(site):
    """Markdown's own links (body and glossary notes) pass markdown-it's link check: a guard that the
    written pages, scanned as a browser reads them, hold no script URL."""
    body = ("王小明在青山公司工作。[点我](javascript:alert(1)) [再点](JAVA\tSCRIPT:alert(1))\n\n"
            "[引用][r] <javascript:alert(1)> <a href=\"javascript:alert(1)\">原始</a>\n\n"
            "![图](javascript:alert(1)) [实体](&#106;avascript:alert(1))\n\n[r]: vbscript:msgbox(1)\n")
    (site / "content" / "a.md").write_text(article(body=body), encoding="utf-8")
    (site / "content" / "glossary.yaml").write_text(
        GLOSSARY.replace("小城的一家公司。", "见[官网](javascript:alert(1))。"), encoding="utf-8")
    result = build(site)
    assert result.returncode == 0, result.stderr
    assert (site / "_site" / "articles" / "a" / "index.html").exists()
    assert script_links(site) == []
