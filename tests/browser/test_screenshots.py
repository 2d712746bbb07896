"""What scripts/screenshots.py's pictures show, asserted: each open note whole on its screen, no
sideways scrolling on a phone, a dark note card set off from the dark page; and the script still
takes the README's picture."""
from __future__ import annotations

import struct

import pytest

import screenshots
from screenshots import ARTICLE, PHONE, README_SHOT, SHOTS

NOTE_SHOTS = [name for name, (_, _, _, note) in SHOTS.items() if note]


def background(locator) -> str:
    return locator.evaluate("e => getComputedStyle(e).backgroundColor")


@pytest.mark.parametrize("name", NOTE_SHOTS)
def test_an_open_note_is_whole_on_the_screen(open_page, name):
    path, options, _, note = SHOTS[name]
    page = open_page(path, **options)
    box = screenshots.open_note(page, *note).bounding_box()
    width, height = options["viewport"]["width"], options["viewport"]["height"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    assert box["y"] >= 0 and box["y"] + box["height"] <= height, box


def test_a_360px_phone_never_scrolls_sideways(open_page):
    page = open_page(ARTICLE, **PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_dark_note_card_stands_out_from_the_dark_page(open_page):
    path, options, _, note = SHOTS["note-open-dark"]
    page = open_page(path, **options)
    card = screenshots.open_note(page, *note)
    assert background(card) != background(page.locator("body"))
    assert card.evaluate("e => getComputedStyle(e).color") != background(card)


def test_the_script_takes_the_readme_picture(browser, server, tmp_path):
    [png] = screenshots.shoot(browser, server, tmp_path, [README_SHOT])
    head = png.read_bytes()[:24]
    assert head.startswith(b"\x89PNG") and struct.unpack(">II", head[16:24]) == (1280, 900)
