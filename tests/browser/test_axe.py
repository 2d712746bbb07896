"""axe-core on every kind of page (index, article with a note open, entity list, an entity, site
timeline), light and dark, on the example site and on the two-article fixture site: no serious or
critical violation. axe 4.12 comes inside the axe-playwright-python wheel (requirements-dev.txt):
nothing is fetched at run time."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe


PAGES = ["index", "article", "entities", "entity", "timeline"]
SCHEMES = ["light", "dark"]
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def two_articles(two_articles_root):
    return two_articles_root[0]


def go_to(page, kind: str) -> None:
    """From the index, the page of `kind`, reached by the links a reader follows."""
    follow = {"article": ".article-list a", "entities": "nav.site-nav a[href$='entities/']",
              "timeline": "nav.site-nav a[href$='timeline/']"}
    if kind == "entity":
        go_to(page, "entities")
        follow["entity"] = ".entity-list a"
    if kind in follow:
        page.locator(follow[kind]).first.click()
        page.wait_for_load_state("load")
    if kind == "article":  # one note open, so that the hover card is checked too
        trigger = page.locator(".article-body :is(a.e, a.f)[data-note]").first
        trigger.focus()
        page.locator(f"#pop-{trigger.get_attribute('data-note')}").wait_for(state="visible")


def report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} element(s)")
        for node in v["nodes"][:5]:
            summary = " ".join(node["failureSummary"].split())
            lines.append(f"    {node['html'][:120]}\n      {summary[:300]}")
    return "\n".join(lines)


def check(page) -> None:
    violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in BLOCKING]
    assert not violations, f"axe on {page.url}:\n{report(violations)}"


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", PAGES)
def test_example_site_has_no_serious_axe_violation(open_page, kind, scheme):
    page = open_page("", color_scheme=scheme)
    go_to(page, kind)
    check(page)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", PAGES)
def test_two_article_site_has_no_serious_axe_violation(open_page, two_articles, kind, scheme):
    page = open_page("", site=two_articles, color_scheme=scheme)
    go_to(page, kind)
    check(page)
