"""Notes that add meaning, in Chromium (issue 11), on the example and on the two-article fixture site:
one note per entity, figure and quote (counted from `build.py annotate`; a figure's is its sidebar row), every mention opening its
item's note, what entity, figure and quote notes say, a quote's note opening anywhere on its text,
later mentions quieter yet focusable, dates without notes, the quote marker's contrast."""
from __future__ import annotations

import pytest

MIN_CONFIDENCE = 0.6  # site.yaml's default: marks below it are not on the page
TRIGGERS = ".article-body :is(a.e, a.f, a.qm)"
# An endnote's card, as the hover note shows it: from its <b> badge on (before it: its links back, a quote's excerpt)
CARD_TEXT = "li => [...li.childNodes].slice([...li.childNodes].indexOf(li.querySelector(':scope > b'))).map(n => n.textContent).join('')"
KIND_LABELS = {"person": "人物", "org": "机构", "product": "产品", "place": "地点"}


def shown(annotation: dict) -> dict:
    """What the page shows of an annotation: the confident marks, figures and quotes losing links to
    entities left out (as Annotation.confident does)."""
    entities = [e for e in annotation["entities"] if e["confidence"] >= MIN_CONFIDENCE and e["mentions"]]
    kept = {e["id"] for e in entities}
    figures = [{**f, "entity": f["entity"] if f["entity"] in kept else None}
               for f in annotation["figures"] if f["confidence"] >= MIN_CONFIDENCE]
    quotes = [q for q in annotation["quotes"] if q["confidence"] >= MIN_CONFIDENCE]
    return {"entities": entities, "figures": figures, "quotes": quotes}


def same_figure(f: dict) -> tuple:
    return (f["kind"], f["value"], f["value_max"], f["unit"], f["entity"], f.get("label"))


@pytest.fixture(scope="module")
def two_articles(two_articles_root):
    """The two-article fixture site's URL, with what its articles show of their annotations."""
    url, annotations = two_articles_root
    return url, {slug: shown(ann) for slug, ann in annotations.items()}


@pytest.fixture(params=["example", "xinghe-funding", "xinghe-plant"])
def article(request, built, server, two_articles, open_page):
    """(page, annotation as shown) for each article under test."""
    if request.param == "example":
        return open_page(), shown(built["annotation"])
    site, annotations = two_articles
    return open_page(f"articles/{request.param}/", site=site), annotations[request.param]


def cards(page) -> dict:
    """Each endnote's id → (kind, title, card text)."""
    return page.evaluate(f"""() => Object.fromEntries([...document.querySelectorAll('.endnotes li')].map(li =>
        [li.id, [li.classList.contains('q') ? 'quote' : 'entity', li.querySelector(':scope > strong').textContent,
                 ({CARD_TEXT})(li)]]))""")


def figure_cards(page) -> dict:
    """Each figure note's id → (the text of its row in the figures sidebar (the row is its note), the
    text of its first mark)."""
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll(".article-body a.f")].map(a => {
        const at = document.getElementById(a.getAttribute('href').slice(1)), row = at && at.closest('.fig-list > li');
        return [a.getAttribute('href').slice(1), row ? [row.textContent, a.textContent] : null];
    }))""")


def note_of(href: str) -> str:
    return href.lstrip("#")


def test_one_note_per_entity_figure_and_quote(article):
    page, ann = article
    kinds = [kind for kind, _, _ in cards(page).values()]
    assert kinds.count("entity") == len(ann["entities"])
    assert kinds.count("quote") == len(ann["quotes"])
    assert len(kinds) == len(ann["entities"]) + len(ann["quotes"])  # endnotes: no figure, no date
    figures = figure_cards(page)  # a figure's note is its sidebar row: every figure mark reaches one
    assert len(figures) == len({same_figure(f) for f in ann["figures"]}) and None not in figures.values()


def test_every_mention_opens_its_items_note(article):
    page, ann = article
    # focus each trigger in turn: the one open note is its item's, showing the endnote's card
    report = page.evaluate(f"""() => [...document.querySelectorAll("{TRIGGERS}")].map(t => {{
        t.focus();
        const open = [...document.querySelectorAll('.pz-pop:not([hidden])')];
        const href = t.getAttribute('href'), note = href.slice(1), at = document.getElementById(note);
        const figure = !!at.closest('.figures-panel');
        const card = figure ? at.closest('li').querySelector(':scope > :first-child > b:last-child').textContent  // its value
                            : ({CARD_TEXT})(at);
        return {{id: t.id, text: t.textContent, note, open: open.map(p => p.id),
                 same: open.length === 1 && open[0].textContent.includes(card)
                       && (figure || open[0].textContent === card)}};
    }})""")
    mentions = sum(len(e["mentions"]) for e in ann["entities"])
    assert len([r for r in report if r["text"] != "引"]) >= mentions * 0.9  # (a mention inside a link is not marked)
    for r in report:
        assert r["open"] == ["pop-" + note_of(r["note"])] and r["same"], r
    # entity mentions open the note titled with the entity's name; all mentions of one entity, one note
    titles = {note: title for note, (kind, title, _) in cards(page).items() if kind == "entity"}
    for entity in ann["entities"]:
        notes = {note_of(r["note"]) for r in report if titles.get(note_of(r["note"])) == entity["name"]}
        assert len(notes) == 1, entity["name"]
    # and hover reaches the note too (a later mention: the same note as the first)
    again = page.locator(".article-body a.a").first
    if again.count():
        page.keyboard.press("Escape")
        page.mouse.move(1, 1)
        again.hover()
        pop = page.locator(f"#pop-{note_of(again.get_attribute('href'))}")
        pop.wait_for(state="visible", timeout=2000)


def test_entity_notes_say_what_it_is_where_it_is_named_and_link_its_page(article):
    page, ann = article
    by_title = {title: (note, text) for note, (kind, title, text) in cards(page).items() if kind == "entity"}
    for entity in ann["entities"]:
        note, text = by_title[entity["name"]]
        assert KIND_LABELS[entity["type"]] in text
        # its endnote links back to the first mention in each paragraph naming it, and each link lands on one
        back = page.evaluate(f"""() => [...document.querySelectorAll('#{note} a[href^="#r"]')].map(a =>
            (document.getElementById(a.getAttribute('href').slice(1)) || {{}}).textContent)""")
        assert 1 <= len(back) <= len(entity["mentions"]) and None not in back
        if not entity["note"] and entity["description"]:
            assert entity["description"] in text
        link = page.locator(f"#{note} > strong a[href*='/entities/']")  # its name links to its page
        assert link.inner_text() == entity["name"]
        assert "尚无" not in text


def test_the_fixture_entities_are_described_from_the_article(two_articles, open_page):
    """The invented articles give roles: 创始人兼首席执行官 (林若川), 分析师 (王涛), 合肥市副市长 (陈立新)."""
    site, annotations = two_articles
    described = [(slug, e["name"], e["description"]) for slug, ann in annotations.items()
                 for e in ann["entities"] if e["description"] and not e["note"]]
    assert len(described) >= 2
    for slug, name, description in described:
        page = open_page(f"articles/{slug}/", site=site)
        mark = page.locator(".article-body a.e", has_text=name).first
        mark.focus()
        pop = page.locator(f"#pop-{mark.get_attribute('href')[1:]}")
        assert pop.is_visible() and description in pop.inner_text()


def test_figure_notes_give_both_unit_systems_and_what_they_are_about(article):
    """Each figure's mark leads to a note that gives its value and, when known, whose it is (the figure
    as written is the marked text: the note does not repeat it)."""
    page, ann = article
    names = {e["id"]: e["name"] for e in ann["entities"]}
    rows = list(figure_cards(page).values())
    for figure in ann["figures"]:
        found = [row for row, marked in rows if marked == figure["text"]]
        assert found, figure["text"]
        if figure["kind"] == "money":  # the value in Chinese units and in the other system
            assert any(symbol in row for row in found for symbol in ("$", "¥", "€", "£")), found
        if figure["entity"] in names:
            assert any(names[figure["entity"]] in row for row in found), (figure["text"], found)


def test_quote_notes_name_the_speaker_and_open_anywhere_on_the_quote(article):
    page, ann = article
    quote_cards = {note: (title, text) for note, (kind, title, text) in cards(page).items() if kind == "quote"}
    names = {e["id"]: e["name"] for e in ann["entities"]}
    for quote in ann["quotes"]:
        speaker = names.get(quote["speaker_entity"]) or quote["speaker"] or "未注明"
        assert any(speaker in text for _, text in quote_cards.values()), quote
    if not quote_cards:
        pytest.skip("no quote in this article")
    # hover on the quoted text itself (a character that is no mark of its own) opens the quote's note
    point = page.evaluate("""() => {
        for (const span of document.querySelectorAll('.article-body q')) {
            const note = span.dataset.note || span.querySelector(':scope > a.qm').getAttribute('href').slice(1);
            const walker = document.createTreeWalker(span, NodeFilter.SHOW_TEXT);
            for (let node; (node = walker.nextNode());) {
                if (node.parentElement !== span || node.textContent.trim().length < 2) continue;
                const range = document.createRange(); range.setStart(node, 0); range.setEnd(node, 1);
                const r = range.getBoundingClientRect();
                return {note, x: r.left + r.width / 2, y: r.top + r.height / 2 + window.scrollY};
            }
        }
    }""")
    page.evaluate(f"window.scrollTo(0, {point['y']} - 300)")
    y = point["y"] - page.evaluate("window.scrollY")
    page.mouse.move(point["x"], y)
    pop = page.locator(f"#pop-{point['note']}")
    pop.wait_for(state="visible", timeout=2000)
    assert pop.locator("strong").inner_text() == quote_cards[point["note"]][0]
    # a name inside a quote keeps its own note: the innermost mark wins
    inner = page.locator(".article-body q a.e").first
    if inner.count():
        inner.hover()
        own = page.locator(f"#pop-{inner.get_attribute('href')[1:]}")
        own.wait_for(state="visible", timeout=2000)
        assert page.locator(".pz-pop:not([hidden])").count() == 1


def test_later_mentions_are_quieter_but_reachable(article):
    page, _ = article
    style = page.evaluate("""() => {
        const color = el => getComputedStyle(el).textDecorationColor;
        const again = [...document.querySelectorAll('.article-body a.a')];
        const first = [...document.querySelectorAll('.article-body a:is(.e, .f):not(.a)')];
        return {again: again.map(color), first: first.map(color), count: again.length};
    }""")
    if not style["count"]:
        pytest.skip("no item is named twice in one paragraph here")
    assert set(style["again"]) == {"rgba(0, 0, 0, 0)"}
    assert "rgba(0, 0, 0, 0)" not in style["first"]
    again = page.locator(".article-body a.a").first
    again.focus()
    assert page.evaluate("document.activeElement.classList.contains('a')")
    assert again.evaluate("e => getComputedStyle(e).textDecorationColor") != "rgba(0, 0, 0, 0)"
    assert again.get_attribute("role") == "button" and again.evaluate("e => e.tabIndex") == 0
    assert page.locator(f"#pop-{note_of(again.get_attribute('href'))}").is_visible()


def test_dates_are_quiet_time_elements_without_notes(article):
    page, _ = article
    dates = page.locator(".article-body time")
    if not dates.count():
        pytest.skip("no date in this article")
    assert dates.first.evaluate("e => e.tabIndex") == -1 and dates.first.get_attribute("datetime")
    assert page.locator(".endnotes li[id^='t'], .endnotes a[href^='#t']").count() == 0
    assert page.evaluate("getComputedStyle(document.querySelector('.article-body time')).textDecorationLine") == "none"


def _contrast(page) -> float:
    return page.evaluate("""() => {
        const m = document.querySelector('.article-body a.qm'), s = getComputedStyle(m);
        const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
        const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                           return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const [a, b] = [lum(s.color), lum(s.backgroundColor)].sort((x, y) => y - x);
        return (a + 0.05) / (b + 0.05);
    }""")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_quote_marker_text_contrast_is_at_least_4_5(open_page, scheme):
    page = open_page(color_scheme=scheme)
    assert _contrast(page) >= 4.5
