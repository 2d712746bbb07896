"""The reader in a real browser: hover notes (WCAG 2.2 SC 1.4.13, APG tooltip and disclosure patterns),
the figures sidebar, timelines, endnotes without JavaScript."""
from __future__ import annotations

import re


ARTICLE = "articles/openai-losses/"

ENTITY = ".article-body a.e[id]"
FIGURE = ".article-body a.f[id]"
QUOTE = ".article-body a.qm"
FIRSTS = ".article-body :is(a.e, a.f)[id], .article-body a.qm"  # the first mention of an item in each paragraph
OPEN_POPS = ".pz-pop:not([hidden])"


def pop_for(page, trigger):
    return page.locator(f"#pop-{trigger.get_attribute('data-note')}")


def rect(locator) -> dict:
    return locator.evaluate("e => { const r = e.getBoundingClientRect();"
                            " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; }")


def overlaps(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def active_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def tab_to_first_trigger(page) -> str:
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches('{FIRSTS}')"):
            return active_id(page)
    raise AssertionError("no annotation trigger reachable with Tab")


def test_hover_shows_entity_note_after_a_delay_and_it_is_hoverable(open_page):
    page = open_page()
    trigger = page.locator(ENTITY).first
    pop = pop_for(page, trigger)
    assert pop.is_hidden()
    trigger.hover()
    assert pop.is_hidden(), "opened without the hover delay"
    pop.wait_for(state="visible", timeout=1000)
    text = pop.inner_text()
    assert "机构" in text or "人物" in text or "产品" in text or "地点" in text
    link = pop.locator("a[href*='/entities/']").first
    assert link.get_attribute("href").startswith("/pizhu/entities/")
    # hoverable: move onto the note across the gap, it stays open
    box = pop.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 10, steps=8)
    page.wait_for_timeout(700)
    assert pop.is_visible()
    # leaving both closes it, but not at once
    page.mouse.move(5, 5)
    page.wait_for_timeout(80)
    assert pop.is_visible(), "closed before the close delay"
    page.wait_for_timeout(600)
    assert pop.is_hidden()


def test_note_persists_while_hovered_or_focused(open_page):
    page = open_page()
    trigger = page.locator(FIGURE).first
    trigger.focus()
    pop = pop_for(page, trigger)
    assert pop.is_visible()
    box = pop.bounding_box()
    page.mouse.move(box["x"] + 10, box["y"] + 10)
    page.wait_for_timeout(2500)
    assert pop.is_visible()
    page.mouse.move(2, 2)
    page.wait_for_timeout(600)
    assert pop.is_visible(), "closed although its trigger still has focus"


def test_tab_focus_shows_note_escape_hides_it_and_focus_stays(open_page):
    page = open_page()
    ref = tab_to_first_trigger(page)
    trigger = page.locator(f"#{ref}")
    pop = pop_for(page, trigger)
    assert pop.is_visible()
    if trigger.get_attribute("aria-expanded") is not None:
        assert trigger.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert pop.is_hidden()
    assert active_id(page) == ref, "focus left the trigger on Escape"
    if trigger.get_attribute("aria-expanded") is not None:
        assert trigger.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert pop.is_visible()
    page.keyboard.press("Tab")  # moves on (into the note's links, or to the next trigger)
    page.keyboard.press("Escape")
    assert page.locator(OPEN_POPS).count() == 0


def test_enter_and_space_toggle_a_disclosure(open_page):
    page = open_page()
    trigger = page.locator(ENTITY).first
    trigger.focus()
    page.keyboard.press("Escape")
    assert trigger.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert trigger.get_attribute("aria-expanded") == "true"
    page.keyboard.press(" ")
    assert trigger.get_attribute("aria-expanded") == "false"
    page.keyboard.press(" ")
    assert trigger.get_attribute("aria-expanded") == "true"
    # the note's link is next in focus order, and the note stays open while focus is inside it
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.pz-pop') !== null")
    assert pop_for(page, trigger).is_visible()
    page.keyboard.press("Escape")
    assert active_id(page) == trigger.get_attribute("id")
    assert trigger.get_attribute("aria-expanded") == "false"


def test_aria_patterns(open_page):
    page = open_page()
    report = page.evaluate("""() => [...document.querySelectorAll('FIRSTS')].map(t => {
        const controls = t.getAttribute('aria-controls'), described = t.getAttribute('aria-describedby');
        const pop = document.getElementById(controls || described);
        return {id: t.id, pattern: t.dataset.pattern, role: t.getAttribute('role'), name: (t.getAttribute('aria-label') || t.textContent).trim(),
                expanded: t.getAttribute('aria-expanded'), controls, described,
                popRole: pop && pop.getAttribute('role'), popLinks: pop ? pop.querySelectorAll('a').length : -1,
                tabIndex: t.tabIndex};
    })""".replace("FIRSTS", FIRSTS))
    assert len(report) > 20
    patterns = {r["pattern"] for r in report}
    assert patterns == {"disclosure", "tooltip"}
    for r in report:
        assert r["role"] == "button" and r["name"] and r["tabIndex"] == 0, r
        if r["pattern"] == "disclosure":
            assert r["expanded"] == "false" and r["controls"] and not r["described"], r
            assert r["popRole"] != "tooltip" and r["popLinks"] > 0, r
        else:
            assert r["described"] and r["expanded"] is None and r["popRole"] == "tooltip", r
            assert r["popLinks"] == 0, "a tooltip must not hold links"


def test_notes_stay_inside_a_320px_viewport_and_never_cover_the_trigger(open_page):
    page = open_page(viewport={"width": 320, "height": 640})
    ids = page.evaluate("""() => {
        const all = [...document.querySelectorAll('FIRSTS')];
        const r = t => t.getBoundingClientRect();
        const left = all.filter(t => r(t).left < 40), right = all.filter(t => r(t).right > 260);
        return {left: left.slice(0, 4).map(t => t.id), right: right.slice(0, 4).map(t => t.id)};
    }""".replace("FIRSTS", FIRSTS))
    assert ids["left"] and ids["right"], ids
    checked = 0
    for side in ("left", "right"):
        for ref in ids[side]:
            for block in ("start", "center", "end"):
                trigger = page.locator(f"#{ref}")
                trigger.evaluate(f"e => {{ document.activeElement.blur(); e.scrollIntoView({{block: '{block}'}}); }}")
                trigger.focus()
                pop = pop_for(page, trigger)
                assert pop.is_visible()
                p, t = rect(pop), rect(trigger)
                assert p["left"] >= 0 and p["right"] <= 320 and p["top"] >= 0 and p["bottom"] <= 640, (ref, block, p)
                assert not overlaps(p, t), (ref, block, p, t)
                page.keyboard.press("Escape")
                checked += 1
    assert checked >= 6


def test_only_one_note_is_open_at_a_time(open_page):
    page = open_page()
    first, second = page.locator(ENTITY).nth(0), page.locator(FIGURE).nth(4)
    first.click()
    assert page.locator(OPEN_POPS).count() == 1
    second.hover()
    page.wait_for_timeout(450)
    assert page.locator(OPEN_POPS).count() == 1
    page.locator(QUOTE).first.focus()
    assert page.locator(OPEN_POPS).count() == 1
    assert pop_for(page, page.locator(QUOTE).first).is_visible()


def test_tap_opens_and_tap_elsewhere_closes(open_page):
    page = open_page(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    trigger = page.locator(ENTITY).nth(1)
    trigger.scroll_into_view_if_needed()
    trigger.tap()
    pop = pop_for(page, trigger)
    assert pop.is_visible()
    box = pop.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    page.locator("h1").first.tap()
    assert pop.is_hidden()
    assert page.locator(OPEN_POPS).count() == 0


def test_a_click_elsewhere_closes_a_pinned_note(open_page):
    page = open_page()
    trigger = page.locator(ENTITY).first
    trigger.click()
    assert pop_for(page, trigger).is_visible()
    page.mouse.move(1100, 850)
    page.wait_for_timeout(500)
    assert pop_for(page, trigger).is_visible(), "a clicked note closed by itself"
    page.locator("h1").first.click()
    assert page.locator(OPEN_POPS).count() == 0


def test_sidebar_figure_scrolls_to_its_span_and_highlights_it(open_page):
    page = open_page()
    links = page.locator(".fig-list a[href^='#r']")
    assert links.count() >= 5
    link = links.nth(links.count() - 1)
    target_id = link.get_attribute("href")[1:]
    target = page.locator(f"#{target_id}")
    assert not target.evaluate("e => e.getBoundingClientRect().top < innerHeight")
    link.click()
    page.wait_for_function(f"""() => {{ const r = document.getElementById('{target_id}').getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight; }}""", timeout=3000)
    assert "pz-selected" in target.get_attribute("class")
    assert active_id(page) == target_id
    assert page.locator(".fig-list li.is-selected").count() == 1
    # the figure's marks link to its sidebar row, which is its note
    note = target.get_attribute("href")
    assert page.locator(f".fig-list li.is-selected:is({note}, :has({note}))").count() == 1


def test_sidebar_shows_figures_with_bars(open_page):
    page = open_page()
    panel = page.locator(".figures-panel")
    assert panel.is_visible()
    money = panel.locator(".fig-money .fig-list > li")
    assert money.count() >= 3
    assert "亿美元" in panel.inner_text()   # the other unit system is in each figure's note
    widths = [float(w) for w in panel.locator(".fig-money .fig-list > li[style]").evaluate_all(
        "bs => bs.map(b => parseFloat(b.style.getPropertyValue('--w')))")]
    assert len(set(widths)) > 2 and all(0 < w <= 100 for w in widths)
    # beside the article on a wide screen, under it on a narrow one
    body = page.locator(".article-body")
    assert rect(panel)["left"] >= rect(body)["right"]
    narrow = page.context.new_page()
    narrow.set_viewport_size({"width": 360, "height": 740})
    narrow.goto(page.url)
    assert rect(narrow.locator(".figures-panel"))["top"] > rect(narrow.locator(".article-body"))["bottom"]


def _date_key(value: str) -> tuple:
    parts = [int(p) for p in value.split("-")]
    return tuple(parts + [0] * (3 - len(parts)))


def _timeline_dates(annotation: dict) -> list[str]:
    """The dates the timeline lists: one per sentence, its most precise date that is no reference."""
    rank = {"year": 1, "month": 2, "day": 3}
    chosen: list[dict] = []
    for e in annotation["events"]:
        if e["role"] == "reference":
            continue
        if chosen and chosen[-1]["sentence"] == e["sentence"]:
            if rank[e["precision"]] > rank[chosen[-1]["precision"]]:
                chosen[-1] = e
            continue
        chosen.append(e)
    return ["-".join(e["date"].split("-")[:rank[e["precision"]]]) for e in chosen]


def test_article_timeline_is_in_date_order_at_the_annotators_precision(open_page, built):
    page = open_page()
    items = page.locator(".timeline .tl-list > li > time").evaluate_all(
        "ts => ts.map(t => [t.getAttribute('datetime'), t.textContent])")
    expected = _timeline_dates(built["annotation"])
    assert len(items) == len(expected)
    datetimes = [d for d, _ in items]
    assert datetimes == sorted(datetimes, key=_date_key), "timeline is not in date order"
    assert sorted(datetimes) == sorted(expected)
    shapes = {1: r"^\d{4}年$", 2: r"^\d{4}年\d{1,2}月$", 3: r"^\d{4}年\d{1,2}月\d{1,2}日$"}
    for value, label in items:
        assert re.match(shapes[len(value.split("-"))], label), (value, label)
        y, *rest = value.split("-")
        assert label.startswith(f"{y}年")
    # each item links back to its place in the text
    backs = page.locator(".timeline .tl-list a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert backs and all(page.locator(h).count() == 1 for h in backs)


def test_site_timeline_filters_by_entity(open_page, built):
    page = open_page("timeline/")
    items = page.locator(".tl-site .tl-item")
    total = items.count()
    assert total == len(_timeline_dates(built["annotation"]))
    datetimes = page.locator(".tl-site time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
    assert datetimes == sorted(datetimes, key=_date_key)
    select = page.locator("#pz-tl-filter")
    assert select.is_visible()
    options = select.locator("option").evaluate_all("os => os.map(o => o.value).filter(Boolean)")
    assert options
    counts = {}
    for value in options:
        select.select_option(value)
        shown = page.locator(".tl-site .tl-item:not([hidden])")
        counts[value] = shown.count()
        assert 0 < counts[value] <= total
        assert all(value in e.split() for e in shown.evaluate_all("ls => ls.map(l => l.dataset.entities)"))
        assert f"entity={value}" in page.url
    assert min(counts.values()) < total
    select.select_option("")
    assert page.locator(".tl-site .tl-item:not([hidden])").count() == total
    # the filter can be linked to: ?entity=<id>
    value = min(counts, key=counts.get)
    again = open_page(f"timeline/?entity={value}")
    assert again.locator(".tl-site .tl-item:not([hidden])").count() == counts[value]


def test_a_long_site_timeline_has_a_page_per_year(open_page, paged_server, built):
    index = open_page("timeline/", site=paged_server)
    hrefs = index.locator(".tl-years a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    counts = index.locator(".tl-years .muted").evaluate_all("ns => ns.map(n => parseInt(n.textContent))")
    assert hrefs and sum(counts) == len(_timeline_dates(built["annotation"])) and index.locator(".tl-site").count() == 0
    seen = []
    for href, count in zip(hrefs, counts):
        page = open_page(href.removeprefix("/pizhu/"), site=paged_server)
        datetimes = page.locator(".tl-site time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
        assert len(datetimes) == count and all(d.startswith(href.strip("/")[-4:]) for d in datetimes)
        seen += datetimes
    assert seen == sorted(seen, key=_date_key)  # the year pages, in order, are the whole timeline
    # an entity page links to each year that names it, with the filter set to the entity
    entity = open_page("entities/openai/", site=paged_server)
    entity.locator(".entity-years a").last.click()
    entity.wait_for_load_state("load")
    assert entity.locator("#pz-tl-filter").input_value() == "openai"
    shown = entity.locator(".tl-site .tl-item:not([hidden])")
    assert shown.count() >= 1
    assert all("openai" in e.split() for e in shown.evaluate_all("ls => ls.map(l => l.dataset.entities)"))
    # the neighbouring years keep the filter
    assert entity.locator(".tl-year-nav a").count() >= 1
    assert all("entity=openai" in href for href in entity.locator(".tl-year-nav a").evaluate_all("as => as.map(a => a.href)"))
    entity.locator("#pz-tl-filter").select_option("")
    assert not any("entity=" in href for href in entity.locator(".tl-year-nav a").evaluate_all("as => as.map(a => a.href)"))


def test_without_javascript_notes_are_endnotes_linked_both_ways(open_page):
    page = open_page(java_script_enabled=False)
    assert page.locator(".pz-pop").count() == 0
    pairs = page.evaluate("""() => [...document.querySelectorAll('FIRSTS')].map(a =>
        [a.id, a.getAttribute('href'), !!document.querySelector('.endnotes ' + a.getAttribute('href'))])""".replace(
        "FIRSTS", FIRSTS))
    assert len(pairs) > 20
    for ref, href, endnote in pairs:  # each mention (r2, r2-2 …) links to its item's note n2 (an endnote,
        # or a figure's sidebar row), which links back
        note = page.locator(href)
        assert note.count() == 1 and href == "#n" + ref[1:].split("-")[0]
        if not endnote:  # its row (the row's own link, and its list of mentions when several)
            note = page.locator(f".fig-list > li{href}, .fig-list > li:has({href})")
        assert note.locator(f"a[href='#{ref}']").count() >= 1
    entities = [(ref, href) for ref, href, endnote in pairs if endnote]
    ref, href = entities[len(entities) // 2]
    page.locator(f"#{ref}").click()
    assert page.url.endswith(href)
    page.wait_for_function(f"""() => {{ const r = document.querySelector('{href}').getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight; }}""", timeout=3000)
    page.locator(f"{href} a[href='#{ref}']").click()
    assert page.url.endswith(f"#{ref}")
    # the hide switch works without JavaScript too
    page.locator("#pz-hide").check()
    assert page.locator(f"#{ref}").evaluate("e => getComputedStyle(e).textDecorationLine") == "none"


def test_print_hides_popovers_and_shows_endnotes(open_page):
    page = open_page()
    trigger = page.locator(ENTITY).first
    trigger.click()
    page.emulate_media(media="print")
    assert pop_for(page, trigger).evaluate("e => getComputedStyle(e).display") == "none"
    assert page.locator(".endnotes").is_visible()
    assert page.locator(".pz-legend").is_hidden()
    assert page.locator(".timeline .tl-list > li").first.is_visible()
    assert page.locator(".fig-list > li").first.is_visible()


def test_hide_annotations_switch(open_page):
    page = open_page()
    trigger = page.locator(ENTITY).first
    assert trigger.evaluate("e => getComputedStyle(e).textDecorationLine") == "underline"
    page.locator("label[for='pz-hide']").click()
    assert trigger.evaluate("e => getComputedStyle(e).textDecorationLine") == "none"
    trigger.hover()
    page.wait_for_timeout(450)
    assert page.locator(OPEN_POPS).count() == 0
    assert trigger.get_attribute("tabindex") == "-1"
    page.reload()
    assert page.locator("#pz-hide").is_checked(), "the choice is remembered"
    page.locator("label[for='pz-hide']").click()
    assert trigger.evaluate("e => getComputedStyle(e).textDecorationLine") == "underline"


def test_dark_scheme_changes_colours(open_page):
    light = open_page().evaluate("getComputedStyle(document.body).backgroundColor")
    dark = open_page(color_scheme="dark").evaluate("getComputedStyle(document.body).backgroundColor")
    assert light != dark


def test_entity_pages_and_index(open_page, built):
    page = open_page("entities/")
    groups = page.locator(".entity-group h2").all_inner_texts()
    assert groups and any("机构" in g for g in groups)
    page.locator(".entity-list a", has_text="OpenAI").first.click()
    assert page.url.endswith("/pizhu/entities/openai/")
    assert page.locator("h1").inner_text().startswith("OpenAI")
    rows = page.locator(".entity-articles > li")
    expected = next(len(e["mentions"]) for e in built["annotation"]["entities"] if e["id"] == "openai")
    assert rows.count() == 1 and f"{expected} 次" in rows.first.inner_text()  # one row per article
    assert rows.first.locator(".entity-context mark").count() >= 1  # with the sentence naming it
    page.locator(".snippet-mark").first.click()
    assert re.search(r"/pizhu/articles/openai-losses/#r\d", page.url)


def test_every_page_loads_without_errors_or_outside_requests(open_page, built):
    for path in ("", ARTICLE, "timeline/", "entities/", "entities/openai/", "404.html"):
        page = open_page(path)
        assert page.title()
    # the fixture checks console errors and request hosts when the test ends
