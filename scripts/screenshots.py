#!/usr/bin/env python3
"""Screenshots of the bundled example site: the README's picture, and pages to look at after a change.

    python3 run.py screenshots [--out DIR]   PNGs in test-artifacts/ (default)
    python3 run.py screenshots --readme      the same, and docs/screenshot.png (the README's picture)

Builds the example into a temporary folder, serves it on 127.0.0.1 and photographs it with Debian's
Chromium (/usr/bin/chromium) through Playwright, from requirements-dev.txt; tests/browser/ checks
what the pictures show.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
ARTICLE = "articles/openai-losses/"
ENTITY = ".article-body a.e[id]"
FIGURE = ".article-body a.f[id]"
QUOTE = ".article-body a.qm"

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
DARK = {**DESKTOP, "color_scheme": "dark"}
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
PHONE_DARK = {**PHONE, "color_scheme": "dark"}

# name: (page, browser context, what to photograph: the whole page (True), the viewport (False) or the
# element a CSS selector names; the note to open first: (how, marks, which))
SHOTS = {
    "article-desktop-1280": (ARTICLE, DESKTOP, True, None),
    "article-mobile-360": (ARTICLE, PHONE, False, None),
    "article-mobile-360-full": (ARTICLE, PHONE, True, None),
    "article-mobile-360-dark": (ARTICLE, PHONE_DARK, False, None),
    "article-dark": (ARTICLE, DARK, False, None),
    "sidebar": (ARTICLE, DESKTOP, ".figures-panel", None),
    "sidebar-dark": (ARTICLE, DARK, ".figures-panel", None),
    "article-timeline": (ARTICLE, DESKTOP, ".timeline", None),
    "article-timeline-dark": (ARTICLE, DARK, ".timeline", None),
    "timeline": ("timeline/", DESKTOP, True, None),
    "timeline-dark": ("timeline/", DARK, False, None),
    "index": ("", DESKTOP, True, None),
    "index-dark": ("", DARK, False, None),
    "entities": ("entities/", DESKTOP, True, None),
    "entity-openai": ("entities/openai/", DESKTOP, True, None),
    "entity-openai-dark": ("entities/openai/", DARK, False, None),
    "index-mobile-360": ("", PHONE, True, None),
    "note-open-desktop": (ARTICLE, DESKTOP, False, ("hover", ENTITY, 1)),
    "note-figure": (ARTICLE, DESKTOP, False, ("focus", FIGURE, 2)),
    "note-quote": (ARTICLE, DESKTOP, False, ("focus", QUOTE, 1)),
    "note-open-mobile": (ARTICLE, PHONE, False, ("tap", ENTITY, 1)),
    "note-open-mobile-dark": (ARTICLE, PHONE_DARK, False, ("tap", FIGURE, 1)),
    "note-open-dark": (ARTICLE, DARK, False, ("focus", FIGURE, 0)),
    "note-entity-dark": (ARTICLE, DARK, False, ("hover", ENTITY, 3)),
    "note-quote-dark": (ARTICLE, DARK, False, ("focus", QUOTE, 0)),
}
README_SHOT = "note-open-desktop"


def open_note(page, how: str, selector: str, which: int):
    """Open one mark's note as a reader would; returns the note card once it shows."""
    trigger = page.locator(selector).nth(which)
    trigger.scroll_into_view_if_needed()
    getattr(trigger, how)()
    card = page.locator(f"#pop-{trigger.get_attribute('data-note')}")
    card.wait_for(state="visible")
    return card


def shoot(browser, site_url: str, out: Path, names=tuple(SHOTS)) -> list[Path]:
    """The shots `names` (all by default) as out/<name>.png, taken from the site served at `site_url`."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in names:
        path, options, what, note = SHOTS[name]
        context = browser.new_context(**options)
        try:
            page = context.new_page()
            page.goto(site_url + path)
            page.wait_for_load_state("load")
            if note:
                open_note(page, *note)
            if isinstance(what, str):
                page.locator(what).first.screenshot(path=str(out / f"{name}.png"))
            else:
                page.screenshot(path=str(out / f"{name}.png"), full_page=what)
        finally:
            context.close()
        written.append(out / f"{name}.png")
    return written


def build_example(folder: Path) -> Path:
    """The bundled example site built in `folder`; returns its output folder."""
    for name in ("content", "templates", "static"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copy(ROOT / "site.yaml", folder / "site.yaml")
    subprocess.run([sys.executable, str(ROOT / "build.py"), "build"], cwd=folder, check=True, stdout=subprocess.DEVNULL)
    return folder / "_site"


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """`site` served on a free port of 127.0.0.1; yields its URL."""
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "test-artifacts", help="folder for the PNGs")
    ap.add_argument("--readme", action="store_true", help="also replace docs/screenshot.png")
    args = ap.parse_args()
    if not CHROMIUM.exists():
        print(f"error: {CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, serve(build_example(Path(tmp))) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        written = shoot(browser, url, args.out)
        browser.close()
    if args.readme:
        shutil.copy(args.out / f"{README_SHOT}.png", ROOT / "docs" / "screenshot.png")
        written.append(ROOT / "docs" / "screenshot.png")
    print("\n".join(map(str, written)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
