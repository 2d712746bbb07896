"""The short markup of a light article page (issue 11) in Chromium: what the page no longer repeats per
item is still said once and reaches the reader. A quote (a <q>) is tinted, never underlined; the 引
marker and the endnotes' links back are named for screen readers by the script (not by an attribute
on each); a figure row gives its qualifier's short form, which the panel's legend explains once and
the figure's hover note spells out; a bar is drawn from its row's style."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_a_quote_is_tinted_and_never_underlined(open_page):
    page = open_page()
    style = page.locator(".article-body q").first.evaluate(
        "q => [getComputedStyle(q).textDecorationLine, getComputedStyle(q).backgroundColor]")
    assert style[0] == "none" and style[1] not in ("rgba(0, 0, 0, 0)", "transparent"), style
    # and its text has its own quotation marks: the <q> adds none
    assert page.locator(".article-body q").first.evaluate("q => getComputedStyle(q).quotes") == "none"


def test_the_quote_marker_and_the_links_back_are_named_for_screen_readers(open_page):
    page = open_page()
    marker = page.locator(".article-body a.qm").first
    note = page.locator(marker.get_attribute("href"))
    assert marker.get_attribute("aria-label") == "引语注释：" + note.locator(":scope > strong").inner_text()
    single = page.locator(".endnotes li > a:first-child")
    assert single.count() >= 1 and set(single.evaluate_all("as => as.map(a => a.getAttribute('aria-label'))")) == {"回到正文"}
    numbered = page.locator(".endnotes .br a").evaluate_all(
        "as => as.map(a => [a.textContent, a.getAttribute('aria-label')])")
    assert numbered and all(label == f"回到正文第 {num} 处" for num, label in numbered)


def test_a_qualifier_is_short_in_its_row_explained_once_and_spelled_out_in_the_note(open_page):
    page = open_page()
    panel = page.locator(".figures-panel")
    shown = set(panel.locator(".fig-list abbr").all_inner_texts())
    legend = dict(zip(panel.locator(".fig-legend dt").all_inner_texts(), panel.locator(".fig-legend dd").all_inner_texts()))
    assert shown and set(legend) == shown  # the legend explains exactly the short forms the rows use
    row = panel.locator(".fig-list > li:has(abbr)").first
    short = row.locator("abbr").inner_text()
    mark = page.locator(f".article-body a.f[href='#{row.get_attribute('id')}']").first
    mark.focus()  # its hover note, made from the row
    card = page.locator(f"#pop-{row.get_attribute('id')}")
    card.wait_for(state="visible")
    assert f"{short}（{legend[short]}）" in card.inner_text()


def test_a_bar_is_drawn_from_its_rows_style(open_page):
    page = open_page()
    rows = page.locator(".fig-list > li[style]")
    assert rows.count() > 5
    bar = rows.first.evaluate("""r => { const s = getComputedStyle(r, '::after');
        return [s.height, s.backgroundImage, r.getAttribute('style')]; }""")
    assert bar[0] == "6px" and bar[1].startswith("linear-gradient") and re.fullmatch(r"--w:[\d.]+%(;--r:[\d.]+%)?", bar[2])
