"""The figures sidebar and figure notes in Chromium, on the example and on the two-article fixture site:
rows say whose figure and what it measures, a figure given twice is one row linking to each mention,
bars compare (linear groups proportional, log groups with labelled ticks), and the panel never
scrolls inside the page. Expectations come from the annotation JSON, not from today's annotator."""
from __future__ import annotations

import pytest

MIN_CONFIDENCE = 0.6  # site.yaml's default: what the site shows
pytestmark = pytest.mark.browser


def shown_figures(data: dict) -> list[dict]:
    """The figures the page shows, in reading order, each with its entity's name when that is shown."""
    names = {e["id"]: e["name"] for e in data["entities"] if e["confidence"] >= MIN_CONFIDENCE}
    figures = sorted((f for f in data["figures"] if f["confidence"] >= MIN_CONFIDENCE), key=lambda f: f["start"])
    return [{**f, "entity_name": names.get(f["entity"])} for f in figures]


@pytest.fixture(scope="module")
def two_articles(two_articles_root):
    return two_articles_root


def sites(built, server, two_articles):
    """(site URL, article path, annotation) for the example and each fixture article."""
    yield server, "articles/openai-losses/", built["annotation"]
    url, articles = two_articles
    for slug, data in sorted(articles.items()):
        yield url, f"articles/{slug}/", data


def marks_and_figures(page, data: dict) -> list[tuple[str, dict]]:
    """(note id, figure) for every figure mark in the text, matched to the annotation in reading order."""
    marks = page.locator(".article-body a.f[id]").evaluate_all(
        "ms => ms.map(m => [m.getAttribute('href').slice(1), m.textContent])")
    figures = shown_figures(data)
    assert [text for _, text in marks] == [f["text"] for f in figures]
    return [(note_id, f) for (note_id, _), f in zip(marks, figures)]


def row_of(page, note_id: str):
    """The sidebar row that is the note `note_id` (its own row, or a row holding it as a mention link)."""
    return page.locator(f".fig-list > li:has(#{note_id}), .fig-list > li#{note_id}").first


def test_rows_say_whose_figure_and_what_it_measures(open_page, built, server, two_articles):
    checked = 0
    for site, path, data in sites(built, server, two_articles):
        page = open_page(path, site=site)
        for note_id, figure in marks_and_figures(page, data):
            line = row_of(page, note_id).locator(":scope > :first-child").inner_text()
            parts = line.split(" · ")
            if figure["label"]:
                assert f"{figure['period'] or ''}{figure['label']}" in parts, (line, figure)
                checked += 1
            if figure["entity_name"] and figure["label"]:
                assert parts[0] == figure["entity_name"], (line, figure)
    assert checked >= 10   # the example and the fixture label most of their figures


def test_example_row_reads_entity_label_value(open_page):
    page = open_page()
    lines = page.locator(".fig-list > li > :first-child").all_inner_texts()
    assert any(line.startswith("OpenAI · ") and "亏损" in line and line.endswith("5.4亿美元") for line in lines)


def test_a_figure_given_twice_is_one_row_linking_to_each_mention(open_page, built, server, two_articles):
    merged = 0
    for site, path, data in sites(built, server, two_articles):
        page = open_page(path, site=site)
        rows: dict[tuple, set[str]] = {}
        for note_id, f in marks_and_figures(page, data):
            key = (f["kind"], f["value"], f["value_max"], f["unit"], f["entity_name"], f["label"])
            rows.setdefault(key, set()).add(row_of(page, note_id).get_attribute("id"))
        for key, ids in rows.items():
            assert len(ids) == 1, f"{key} is on {len(ids)} rows"
        for item in page.locator(".fig-list > li:has(> p)").all():
            merged += 1
            links = item.locator(":scope > p a")
            assert links.count() >= 2
            targets = [links.nth(i).get_attribute("href")[1:] for i in range(links.count())]
            assert all(page.locator(f"#{t}").count() == 1 for t in targets)
            links.nth(1).click()
            page.wait_for_function(f"""() => {{ const r = document.getElementById('{targets[1]}')
                .getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }}""", timeout=3000)
        texts = page.locator(".figures-panel .fig-group").evaluate_all(
            "gs => gs.map(g => [...g.querySelectorAll('.fig-list > li > :first-child')].map(l => l.textContent))")
        assert all(len(set(group)) == len(group) for group in texts), texts
    assert merged >= 1   # the example gives one loss several times


def test_linear_bars_are_proportional_and_log_scales_have_labelled_ticks(open_page, built, server, two_articles):
    linear = log = 0
    for site, path, data in sites(built, server, two_articles):
        page = open_page(path, site=site)
        value = {note_id: f["value"] for note_id, f in marks_and_figures(page, data)}
        for group in page.locator(".figures-panel .fig-group:has(.fig-axis)").all():
            rows = group.locator(".fig-list > li")
            bars = []
            for i in range(rows.count()):
                row = rows.nth(i)
                # the bar drawn under the row, its fill the row's --w of the track
                share, drawn = row.evaluate("r => [parseFloat(getComputedStyle(r).getPropertyValue('--w')) / 100,"
                                            " getComputedStyle(r, '::after').height]")
                assert drawn == "6px"
                bars.append((value[row.get_attribute("id")], share))
            ticks = group.locator(".fig-axis > span").all_inner_texts()
            assert len(ticks) >= 2 and all(t.strip() for t in ticks)
            if group.locator(".fig-axis-log").count():
                log += 1
                assert ticks[0] in ("1", "10", "100") or ticks[0][0] == "1"   # decades: 1, 1万, 1亿…
                assert max(v for v, _ in bars) > 1000 * min(v for v, _ in bars if v > 0)
            else:
                linear += 1
                big = max(bars)
                for v, share in bars:
                    if v / big[0] > 0.03:   # below, the bar's minimum length shows instead
                        assert share / big[1] == pytest.approx(v / big[0], rel=0.03), (v, share, big)
    assert linear >= 1 and log >= 1


def test_panel_does_not_scroll_inside_the_page(open_page, built, server, two_articles):
    for site, path, _ in sites(built, server, two_articles):
        page = open_page(path, site=site, viewport={"width": 1280, "height": 900})
        panel = page.locator(".figures-panel")
        style = panel.evaluate("p => [getComputedStyle(p).overflowY, p.scrollHeight - p.clientHeight]")
        assert style[0] == "visible" and style[1] <= 1, style
        last = page.locator(".fig-list > li").last
        last.scroll_into_view_if_needed()
        assert last.is_visible()
        box = last.evaluate("e => e.getBoundingClientRect().bottom")
        assert box <= 900


def test_figure_note_says_what_and_gives_the_value_in_both_systems_once(open_page, built):
    page = open_page()
    figure = next(f for f in shown_figures(built["annotation"]) if f["label"] and f["kind"] == "money")
    mark = page.locator(".article-body a.f", has_text=figure["text"]).first
    mark.focus()  # its hover note, made from its sidebar row
    card = page.locator(f"#pop-{mark.get_attribute('href')[1:]}")
    text = card.inner_text()
    assert figure["label"] in card.locator(".note-card > strong").inner_text()
    assert "US$" in text and "亿美元" in text
    assert text.count("亿美元") == 1   # once in Chinese units, once (US$… million) in the other system
