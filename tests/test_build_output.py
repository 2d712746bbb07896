"""`build.py build` writes a complete, deterministic site that works at / and under a base path."""
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

from support import SCRAPED_PAGE, run_cli


def build(project, *args):
    result = run_cli("build", *args, cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "_site"


def test_build_writes_every_page(project):
    site = build(project)
    for rel in ("index.html", "404.html", "feed.xml", "sitemap.xml", ".nojekyll", "static/pizhu.css",
                "static/pizhu.js", "articles/openai-losses/index.html"):
        assert (site / rel).is_file(), rel
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "疯狂亏损疯狂融资" in index


def test_index_lists_articles_newest_first(project):
    for slug, date in (("older", "2020-01-02"), ("newer", "2024-03-04")):
        (project / "content" / f"{slug}.md").write_text(f"---\ntitle: T-{slug}\ndate: {date}\n---\n正文。\n",
                                                        encoding="utf-8")
    index = (build(project) / "index.html").read_text(encoding="utf-8")
    assert index.index("T-newer") < index.index("疯狂亏损") < index.index("T-older")


def test_drafts_are_not_published(project):
    (project / "content" / "wip.md").write_text("---\ntitle: 草稿\ndate: 2024-01-01\ndraft: true\n---\n正文\n",
                                                encoding="utf-8")
    site = build(project)
    assert not (site / "articles" / "wip").exists()


def test_article_page_has_marked_spans_with_endnotes(project):
    html = (build(project) / "articles/openai-losses/index.html").read_text(encoding="utf-8")
    marks = re.findall(r'<a class=([ef]) id=(r[\d-]+) href=#(n\d+)>', html)
    kinds = {kind for kind, _, _ in marks}
    assert {"e", "f"} <= kinds and '<time datetime=2023-05-04 id=rt' in html
    endnotes, sidebar = html.split('class="endnotes"')[1], html.split('class="figures-panel"')[1].split("</aside>")[0]
    for kind, anchor, note_id in marks:  # each mention opens its item's note (an entity's: its endnote;
        # a figure's: its sidebar row), which links back to it
        assert note_id in ids_of(endnotes if kind == "e" else sidebar) and re.search(f"href=#{anchor}[ >]", html)


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(project, tmp_path):
    build(project, "--out", str(tmp_path / "one"))
    build(project, "--out", str(tmp_path / "two"))
    first, second = tree_bytes(tmp_path / "one"), tree_bytes(tmp_path / "two")
    assert len(first) > 5 and first == second


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append(value)
            if name == "id" and value:
                self.ids.add(value)


def ids_of(html: str) -> set[str]:
    parser = _Links()
    parser.feed(html)
    return parser.ids


def test_site_under_base_path_has_no_broken_internal_link(project):
    site = build(project, "--base-url", "/pizhu/")
    checked = 0
    for page in site.rglob("*.html"):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        page_url = "/pizhu/" + page.relative_to(site).as_posix()
        for link in parser.urls:
            target = urlparse(urljoin(page_url, link))
            if target.scheme not in ("", "http", "https") or (target.netloc and target.netloc != ""):
                continue  # external
            assert target.path.startswith("/pizhu/"), f"{page}: {link} escapes the base path"
            rel = target.path[len("/pizhu/"):]
            file = site / rel
            if rel == "" or rel.endswith("/"):
                file = file / "index.html"
            assert file.is_file(), f"{page.relative_to(site)} links to missing {link}"
            if target.fragment and file.suffix == ".html":
                assert target.fragment in ids_of(file.read_text(encoding="utf-8")), link
            checked += 1
    assert checked > 20


def test_404_page_links_are_absolute_with_base_path(project):
    site = build(project, "--base-url", "/pizhu/")
    page = (site / "404.html").read_text(encoding="utf-8")
    parser = _Links()
    parser.feed(page)
    assert parser.urls and all(u.startswith("/pizhu/") for u in parser.urls)


def test_feed_and_sitemap_use_the_site_url(project):
    site = build(project, "--base-url", "/pizhu/", "--site-url", "https://reader.github.io")
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert "<id>https://reader.github.io/pizhu/articles/openai-losses/</id>" in feed
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://reader.github.io/pizhu/articles/openai-losses/</loc>" in sitemap


def test_annotate_prints_json_with_offsets_into_the_text(project):
    """The JSON the team's scorer reads (tests/test_accuracy.py runs the scorer on it)."""
    result = run_cli("annotate", str(SCRAPED_PAGE), "--date", "2024-04-02", "--no-glossary", cwd=project)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"article", "entities", "figures", "quotes", "events"}
    body = SCRAPED_PAGE.read_text(encoding="utf-8")
    spans = data["figures"] + data["events"] + data["quotes"]
    spans += [m for e in data["entities"] for m in e["mentions"]]
    assert len(spans) > 10
    for item in spans:
        assert body[item["start"]:item["end"]] == item["text"]


def test_annotate_markdown_uses_front_matter_date(project):
    result = run_cli("annotate", "content/openai-losses.md", cwd=project)
    data = json.loads(result.stdout)
    assert data["article"]["date"] == "2023-05-06"
    assert data["article"]["title"].startswith("疯狂亏损")


def test_annotate_plain_text_without_date_is_a_clear_error(project):
    result = run_cli("annotate", str(SCRAPED_PAGE), cwd=project)
    assert result.returncode == 1 and "--date" in result.stderr
