"""Site pages (issue 11) in Chromium, on the example and on the two-article fixture: index entries (date in
Chinese, byline, summary, the entities each article covers most), readable entity URLs that all answer
200 and lead to their entity, JSON-LD that parses in the page, Open Graph tags. What the index should
list is computed from the annotation JSON (`build.py annotate`), never hard-coded."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
BASE = "/pizhu/"  # conftest's: the sites are served as a project site
FIXTURE = ROOT / "tests" / "fixtures" / "two-articles"
MIN_CONFIDENCE = 0.6  # site.yaml's default min_confidence: marks below it are not shown
HASHED = re.compile(r"e[0-9a-f]{8,10}")  # how Chinese-only names were addressed before


def _front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def _expected(project: Path) -> dict[str, dict]:
    """{article slug: its front matter and the entities the index should name} from the annotation JSON."""
    found = {}
    for md in sorted((project / "content").glob("*.md")):
        run = subprocess.run([sys.executable, str(ROOT / "build.py"), "annotate", str(md.relative_to(project))],
                             cwd=project, capture_output=True, text=True, encoding="utf-8")
        assert run.returncode == 0, run.stderr
        shown = [e for e in json.loads(run.stdout)["entities"] if e["confidence"] >= MIN_CONFIDENCE]
        top = sorted(shown, key=lambda e: -len(e["mentions"]))[:5]
        found[md.stem] = {**_front_matter(md), "body": md.read_text(encoding="utf-8").split("---", 2)[2],
                          "top": [e["name"] for e in top]}
    return found


@pytest.fixture(scope="module", params=["example", "two-articles"])
def site(request, tmp_path_factory, site_pages_serve):
    """(base URL of the served site, expectations per article)."""
    project = tmp_path_factory.mktemp(request.param)
    source = ROOT if request.param == "example" else FIXTURE
    shutil.copytree(source / "content", project / "content")
    shutil.copy(source / "site.yaml", project / "site.yaml")
    run = subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--base-url", BASE], cwd=project,
                         capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 0, run.stderr
    expected = _expected(project)
    return site_pages_serve(project / "_site"), expected


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_index_lists_date_byline_summary_and_top_entities(site, page):
    url, expected = site
    page.goto(url)
    items = page.locator(".article-list > li")
    assert items.count() == len(expected)
    for i in range(items.count()):
        item = items.nth(i)
        slug = item.locator("h2 a").get_attribute("href").rstrip("/").rsplit("/", 1)[-1]
        want = expected[slug]
        date = want["date"]
        assert item.locator("time").inner_text() == f"{date.year}年{date.month}月{date.day}日"
        assert want["author"] in item.locator(".byline").inner_text()
        shown = item.locator(".article-item-summary").inner_text()
        if want.get("summary"):
            assert shown == want["summary"]
        else:  # the body's first sentence
            assert shown.endswith("。") and want["body"].strip().startswith(shown)
        covers = item.locator(".article-item-covers a")
        assert covers.all_inner_texts() == want["top"]


def _entity_hrefs(page) -> list[str]:
    return page.eval_on_selector_all(f'a[href^="{BASE}entities/"]', "as => as.map(a => a.getAttribute('href'))")


def test_entity_urls_are_readable_and_every_link_leads_to_its_entity(site, page):
    url, expected = site
    origin = url.removesuffix(BASE)
    page.goto(url + "entities/")
    listed = page.eval_on_selector_all(".entity-page a, main li a",
                                       "as => as.map(a => [a.getAttribute('href'), a.textContent.trim()])")
    hrefs = set()
    for path in ["", "entities/", *[f"articles/{slug}/" for slug in expected]]:
        page.goto(url + path)
        hrefs |= {h.split("#")[0].split("?")[0] for h in _entity_hrefs(page)}
    slugs = {h[len(BASE + "entities/"):].strip("/") for h in hrefs} - {""}
    assert slugs, "no entity links"
    for slug in slugs:
        assert re.fullmatch(r"[a-z0-9]+(?:[-.][a-z0-9]+)*", slug, re.I) and not HASHED.fullmatch(slug), slug
        assert page.request.get(origin + BASE + f"entities/{slug}/").status == 200, slug
    names = {}
    for href, name in listed:
        if href.startswith(BASE + "entities/") and href.rstrip("/") != BASE + "entities":
            names[href] = name
    for href, name in names.items():  # the list's link of each entity opens that entity's page
        page.goto(origin + href)
        assert page.locator("h1").inner_text().startswith(name), href


def test_json_ld_parses_and_names_the_article_and_its_main_entities(site, page):
    url, expected = site
    origin = url.removesuffix(BASE)
    for slug, want in expected.items():
        page.goto(url + f"articles/{slug}/")
        data = page.evaluate("JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
        assert data["@type"] == "NewsArticle" and data["headline"] == want["title"]
        assert data["datePublished"] == want["date"].isoformat() and data["author"]["name"] == want["author"]
        assert data["publisher"]["name"] and data["mainEntityOfPage"]["@id"].endswith(f"{BASE}articles/{slug}/")
        assert [m["name"] for m in data["mentions"]] == want["top"]
        for mention in data["mentions"]:
            assert mention["@type"] in ("Person", "Organization", "Place", "Product")
            assert page.request.get(origin + BASE + mention["url"].split(BASE, 1)[1]).status == 200


def test_open_graph_tags_on_index_entity_and_article_pages(site, page):
    url, expected = site
    slug = next(iter(expected))
    page.goto(url + f"articles/{slug}/")
    entity = page.eval_on_selector_all(f'a[href^="{BASE}entities/"]', "as => as.map(a => a.getAttribute('href'))")[0]
    for path, kind in [("", "website"), (entity.removeprefix(BASE), "website"), (f"articles/{slug}/", "article")]:
        page.goto(url + path)
        og = dict(page.eval_on_selector_all('meta[property]', "ms => ms.map(m => [m.getAttribute('property'), m.content])"))
        assert {"og:title", "og:url", "og:site_name", "og:locale"} <= og.keys(), path
        assert og["og:type"] == kind and og["og:url"].endswith(BASE + path)
        if kind == "article":
            assert og["og:description"] and og["og:title"] == expected[slug]["title"]
            assert og["article:published_time"] == expected[slug]["date"].isoformat()
            assert og["article:author"] == expected[slug]["author"]
