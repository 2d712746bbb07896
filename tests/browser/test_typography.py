"""Typography and colour of the reader page, measured in Chromium: Chinese text justified without
spreading Latin words, one CJK face (with its own Latin) for mixed text, WCAG AA contrast of badges,
the quote marker and mark lines in light and dark, a dark hover note set apart from the page, and a
hover note that covers whole lines of text, never half of one."""
from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

ARTICLE = "articles/openai-losses/"
SCHEMES = ["light", "dark"]
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
CJK_FACES = ("Noto Sans CJK", "Source Han Sans", "PingFang", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans SC",
             "WenQuanYi")

# Each Latin word of 4+ letters inside a justified line of the article body (not a paragraph's last
# line, which is not stretched): its width as laid out, and with the paragraph set ragged.
LATIN_WIDTHS = """() => {
  const found = [];
  for (const p of document.querySelectorAll(".article-body p")) {
    const lastTop = p.getBoundingClientRect().bottom - parseFloat(getComputedStyle(p).lineHeight);
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
      for (const m of node.data.matchAll(/[A-Za-z]{4,}/g)) {
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        const rects = range.getClientRects();
        if (rects.length === 1 && rects[0].bottom < lastTop) found.push({p, range, word: m[0], justified: rects[0].width});
      }
    }
  }
  for (const f of found) f.p.style.textAlign = "start";
  const out = found.map(f => ({word: f.word, justified: f.justified, ragged: f.range.getClientRects()[0].width}));
  for (const f of found) f.p.style.textAlign = "";
  return out;
}"""

# Colours up the tree from an element: its colour and the background layers to compose under it.
COLOURS = """e => {
  const layers = [];
  for (let n = e; n; n = n.parentElement) {
    const bg = getComputedStyle(n).backgroundColor;
    layers.push(bg);
    if (bg.startsWith("rgb(")) break;  // opaque: nothing under it shows
  }
  const s = getComputedStyle(e);
  return {color: s.color, line: s.textDecorationColor, border: s.borderLeftColor, layers};
}"""

# Glyph boxes of every line of text on the page (its sidebar, timeline and endnotes too), outside the open note.
TEXT_LINES = """() => {
  const out = [], walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    if (!node.data.trim() || node.parentElement.closest(".pz-pop")) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) out.push({left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: node.data.slice(0, 12)});
  }
  return out;
}"""


def rgba(css: str) -> tuple[float, ...]:
    parts = [float(x) for x in re.findall(r"[\d.]+", css)]
    return tuple(parts[:3]) + ((parts[3],) if len(parts) > 3 else (1.0,))


def over(top: tuple, under: tuple) -> tuple:
    a = top[3]
    return tuple(top[i] * a + under[i] * (1 - a) for i in range(3)) + (1.0,)


def luminance(c: tuple) -> float:
    lin = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in (x / 255 for x in c[:3])]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: tuple, b: tuple) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def colours(locator) -> dict:
    """The element's text, underline and left border colours, and its background as painted."""
    found = locator.evaluate(COLOURS)
    background = (255.0, 255.0, 255.0, 1.0)
    for layer in reversed(found["layers"]):
        background = over(rgba(layer), background)
    return {"background": background, **{k: over(rgba(found[k]), background) for k in ("color", "line", "border")}}


def page_background(page) -> tuple:
    return colours(page.locator("body"))["background"]


def test_chinese_body_is_justified_without_spreading_latin_words(open_page):
    page = open_page(ARTICLE)
    style = page.locator(".article-body p").first.evaluate(
        "p => { const s = getComputedStyle(p); return [s.textAlign, s.textJustify, s.textAutospace]; }")
    assert style[0] == "justify" and style[1] != "inter-character", style
    assert style[2] == "normal", "no ⅛ em between Han and Latin letters or digits (text-autospace)"
    widths = page.evaluate(LATIN_WIDTHS)
    assert len(widths) >= 5, widths
    spread = [w for w in widths if w["justified"] - w["ragged"] > 0.5]
    assert not spread, f"Latin words spaced out by justification: {spread[:5]}"


def test_a_cjk_face_comes_first_and_draws_the_latin_letters_too(open_page):
    page = open_page(ARTICLE)
    families = [f.strip().strip('"') for f in
                page.evaluate("getComputedStyle(document.querySelector('.article-body p')).fontFamily").split(",")]
    assert families[0].startswith(CJK_FACES), families
    assert "system-ui" not in families and families[-1] == "sans-serif", families
    # the fonts Chromium really used for a paragraph of Han mixed with Latin words and digits
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    paragraphs = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": ".article-body p"})["nodeIds"]
    used = {font["familyName"] for node in paragraphs[:6]
            for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]}
    assert len(used) == 1 and next(iter(used)).startswith(CJK_FACES), \
        f"Han and Latin drawn in different faces: {sorted(used)}"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_badges_and_the_quote_marker_reach_aa_contrast(open_page, scheme):
    article = open_page(ARTICLE, color_scheme=scheme)
    badges = {"quote marker": article.locator(".article-body a.qm").first}
    for kind in ("e", "q"):  # entity and quote endnotes; dates carry no note (they are plain <time> in the text)
        badges[f"{kind} note badge"] = article.locator(f".endnotes li.{kind} > b").first
    article.locator(".article-body a.f").first.focus()  # a figure's note (from its sidebar row) opens
    badges["figure note badge"] = article.locator(".pz-pop-figure:not([hidden]) .note-card > b").first
    entities = open_page("entities/", color_scheme=scheme)
    for badge in entities.locator(".type-badge").all():
        badges[f"type badge {badge.inner_text()}"] = badge
    low = {name: round(contrast(c["color"], c["background"]), 2)
           for name, c in ((name, colours(b)) for name, b in badges.items())}
    assert len(low) >= 7, low
    assert all(ratio >= 4.5 for ratio in low.values()), low


@pytest.mark.parametrize("scheme", SCHEMES)
def test_mark_lines_reach_3_to_1_against_the_page(open_page, scheme):
    """WCAG 1.4.11: an underline is the only sign that a word opens a note (axe does not check it)."""
    page = open_page(ARTICLE, color_scheme=scheme)
    background = page_background(page)
    ratios = {kind: round(contrast(colours(page.locator(f".article-body a.{kind}").first)["line"], background), 2)
              for kind in ("e", "f")}
    assert all(r >= 3 for r in ratios.values()), ratios


def test_a_dark_hover_note_stands_apart_from_the_page(open_page):
    page = open_page(ARTICLE, color_scheme="dark")
    trigger = page.locator(".article-body a.f[data-note]").first  # a note with muted labels (数值, 换算 …)
    trigger.focus()
    pop = page.locator(f"#pop-{trigger.get_attribute('data-note')}")
    pop.wait_for(state="visible")
    background, card = page_background(page), colours(pop)
    assert luminance(card["background"]) > luminance(background) * 1.2, "the note's surface is the page's"
    assert contrast(card["border"], background) >= 3, "the note's border does not show on the page"
    text = colours(pop.locator(".note-card dt").first)
    assert contrast(text["color"], text["background"]) >= 4.5


def open_notes(page, count: int = 12) -> Iterator[tuple]:
    """Open the notes of about `count` marks spread over the article, one at a time (by focus), every
    other one with its mark at the foot of the window (so that it opens above); yields each."""
    marks = page.locator(".article-body :is(a.e, a.f, a.qm)[data-note]")
    total = marks.count()
    for n, i in enumerate([*range(0, total, max(1, total // count)), total - 1]):
        trigger = marks.nth(i)
        trigger.evaluate("(e, end) => e.scrollIntoView({block: end ? 'end' : 'center'})", n % 2)
        trigger.focus()
        pop = page.locator(f"#pop-{trigger.get_attribute('data-note')}")
        pop.wait_for(state="visible")
        yield trigger, pop


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_hover_note_covers_whole_lines_of_text_never_half_of_one(open_page, device):
    page = open_page(ARTICLE, **(PHONE if device == "phone" else {}))
    sides = []
    for trigger, pop in open_notes(page):
        box = pop.bounding_box()
        top, bottom, left, right = box["y"], box["y"] + box["height"], box["x"], box["x"] + box["width"]
        cut = [line for line in page.evaluate(TEXT_LINES)
               if line["left"] < right and line["right"] > left
               and (line["top"] + 1 < top < line["bottom"] - 1 or line["top"] + 1 < bottom < line["bottom"] - 1)]
        assert not cut, f"the note of {trigger.inner_text()!r} ({top:.1f}–{bottom:.1f}) cuts through {cut[:3]}"
        if device == "desktop":
            panel = page.locator(".figures-panel").bounding_box()
            assert right <= panel["x"], f"the note of {trigger.inner_text()!r} covers the figures sidebar"
        sides.append(pop.get_attribute("data-side"))
    assert len(sides) >= 8 and {"above", "below"} <= set(sides), sides


def test_in_forced_colours_every_kind_of_mark_keeps_a_line(open_page):
    """High-contrast modes drop tints: a quote, marked by its tint, needs a line of its own there."""
    page = open_page(ARTICLE, forced_colors="active")
    for kind in ("a.e", "a.f", "q"):  # entity, figure, quote
        line = page.locator(f".article-body {kind}").first.evaluate(
            "e => getComputedStyle(e).textDecorationLine")
        assert "underline" in line, (kind, line)
