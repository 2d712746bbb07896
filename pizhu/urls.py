"""The one allow-list every URL from the user's data passes before it can become a link.

A link may be http(s), mailto or a path on the site; anything else (javascript:, data:, vbscript:, …)
could run a script when a reader clicks it. The scheme is judged as a browser reads it (WHATWG URL):
surrounding spaces are cut, and control characters, which browsers drop from inside a scheme
(`java\tscript:`), are refused. The HTML-entity-decoded form is judged too, in case a template
prints the value unescaped (`java&#x09;script:`).
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from .errors import BuildError

LINK_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")  # a URL's scheme, as browsers parse it
_HOST = re.compile(r"//[^/?#\s]")  # what follows http(s): in an absolute URL
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_WANTED = {False: "an http(s) or mailto: URL or a path on the site",
           True: "an absolute http(s) URL such as https://example.org"}


def checked_url(value, path: str | Path, line: int | None, key: str, *, web_only: bool = False) -> str:
    """`value` without surrounding spaces if it may be published as a link, else an error naming the
    file, line and key. `web_only`: only an absolute http(s) URL (a site's origin) will do."""
    if not isinstance(value, str):
        raise BuildError(path, line, f"'{key}' must be a URL, got {type(value).__name__}")
    url = value.strip()
    if not all(_allowed(form, web_only) for form in (url, html.unescape(url))):
        raise BuildError(path, line, f"'{key}' must be {_WANTED[web_only]}, got {value!r}")
    return url


def _allowed(url: str, web_only: bool) -> bool:
    if _CONTROL.search(url):
        return False
    scheme = _SCHEME.match(url)
    if web_only:
        return scheme is not None and scheme.group(1).lower() in ("http", "https") and bool(_HOST.match(url, scheme.end()))
    return scheme is None or scheme.group(1).lower() in LINK_SCHEMES
