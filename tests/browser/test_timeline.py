"""The timelines in the browser (issue 11): one entry per event with its phrase, forecasts labelled in
words and drawn apart, links that reach the sentence; on the site timeline, an event two articles tell
is one entry linking both. Expectations come from the annotation JSON, not from today's annotator."""
from __future__ import annotations

RANK = {"year": 1, "month": 2, "day": 3}


def chosen_events(annotation: dict) -> list[dict]:
    """The events the article timeline lists: per sentence, its most precise date that is no reference."""
    chosen: list[dict] = []
    for e in annotation["events"]:
        if e["role"] == "reference":
            continue
        if chosen and chosen[-1]["sentence"] == e["sentence"]:
            if RANK[e["precision"]] > RANK[chosen[-1]["precision"]]:
                chosen[-1] = e
            continue
        chosen.append(e)
    return chosen


def datetime_of(event: dict) -> str:
    return "-".join(event["date"].split("-")[:RANK[event["precision"]]])


ENTRIES = """items => items.map(li => ({
    datetime: li.querySelector('time').getAttribute('datetime'),
    text: li.textContent,
    badge: li.querySelector('.tl-badge') ? li.querySelector('.tl-badge').textContent : '',
    what: (li.querySelector('.tl-what') || li.lastElementChild).textContent,
    href: li.querySelector(':scope > a') ? li.querySelector(':scope > a').getAttribute('href') : null,
    links: [...li.querySelectorAll('a.tl-article')].map(a => a.getAttribute('href')),
    marker: getComputedStyle(li, '::before').borderTopStyle + ' ' + getComputedStyle(li, '::before').backgroundColor,
    colour: getComputedStyle(li).color}))"""


def test_article_timeline_lists_each_event_once_with_its_phrase(open_page, built):
    page = open_page()
    entries = page.locator(".timeline .tl-list > li").evaluate_all(ENTRIES)
    chosen = chosen_events(built["annotation"])
    assert len(entries) == len(chosen) < len(built["annotation"]["events"])  # repeats and references gone
    assert sorted(e["datetime"] for e in entries) == sorted(datetime_of(e) for e in chosen)
    shown = {e["what"] for e in entries}
    assert all(e["phrase"] in shown for e in chosen if e["phrase"])
    assert all(e["what"].strip() and len(e["what"]) <= 41 for e in entries)
    assert not any("原文“" in e["text"] or "精确到" in e["text"] for e in entries)


def test_article_timeline_forecasts_are_labelled_and_drawn_apart(open_page, built):
    page = open_page()
    entries = page.locator(".timeline .tl-list > li").evaluate_all(ENTRIES)
    forecasts = {datetime_of(e) for e in chosen_events(built["annotation"]) if e["role"] == "forecast"}
    assert forecasts, "the example states forecasts (有望, a year after the article's date)"
    labelled = [e for e in entries if e["badge"]]
    assert {e["datetime"] for e in labelled} == forecasts and all(e["badge"] == "预计" for e in labelled)
    plain = [e for e in entries if not e["badge"]]
    assert plain and {e["marker"] for e in labelled}.isdisjoint({e["marker"] for e in plain})
    assert {e["colour"] for e in labelled}.isdisjoint({e["colour"] for e in plain})


def test_article_timeline_links_reach_the_sentence(open_page, built):
    page = open_page()
    entries = page.locator(".timeline .tl-list > li").evaluate_all(ENTRIES)
    written = {datetime_of(e): set() for e in built["annotation"]["events"]}
    for e in built["annotation"]["events"]:
        written[datetime_of(e)].add(e["text"])
    for entry in entries:
        assert entry["href"] and entry["href"].startswith("#rt")
        target = page.locator(f"[id='{entry['href'][1:]}']")
        assert target.count() == 1 and target.text_content() in written[entry["datetime"]]
    # following one scrolls the sentence into view
    link = page.locator(".timeline .tl-list a").last
    link.click()
    target = page.locator(f"[id='{link.get_attribute('href')[1:]}']")
    box, height = target.bounding_box(), page.viewport_size["height"]
    assert box and -box["height"] < box["y"] < height


def test_site_timeline_tells_an_event_of_two_articles_once(open_page, timeline_two_articles):
    page = open_page("timeline/", site=timeline_two_articles)
    entries = page.locator(".tl-site .tl-item").evaluate_all(ENTRIES)
    financing = [e for e in entries if e["datetime"] == "2024-03-11"]  # both articles tell 3月11日's financing
    assert len(financing) == 1
    links = financing[0]["links"]
    assert sorted(link.split("#")[0] for link in links) == ["/pizhu/articles/xinghe-funding/",
                                                            "/pizhu/articles/xinghe-plant/"]
    assert "2 篇报道" in financing[0]["text"]
    assert page.locator("#pz-tl-count").text_content() == f"共 {len(entries)} 条"
    # each link reaches the sentence in its article
    for link in links:
        article = open_page(link.removeprefix("/pizhu/"), site=timeline_two_articles)
        target = article.locator(f"[id='{link.split('#')[1]}']")
        assert target.count() == 1 and "3月11日" in target.text_content()
        box = target.bounding_box()
        assert box and -box["height"] < box["y"] < article.viewport_size["height"]


def test_site_timeline_forecasts_are_labelled_and_drawn_apart(open_page, timeline_two_articles):
    page = open_page("timeline/", site=timeline_two_articles)
    entries = page.locator(".tl-site .tl-item").evaluate_all(ENTRIES)
    labelled = [e for e in entries if e["badge"]]
    plain = [e for e in entries if not e["badge"]]
    assert labelled and plain and all(e["badge"] == "预计" for e in labelled)
    assert {e["marker"] for e in labelled}.isdisjoint({e["marker"] for e in plain})
    # 2025年赴港上市 is put ahead by the article (预计将于): labelled, not told as the past
    assert any(e["datetime"] == "2025" for e in labelled)
