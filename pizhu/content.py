"""Reading content/: articles (Markdown with YAML front matter) and the glossary."""
from __future__ import annotations

import datetime as dt
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from annotator import Glossary, GlossaryEntry

from .errors import BuildError, BuildErrors
from .yamlfile import load_mapping

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_SLUG_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
ENTITY_TYPES = ("person", "org", "product", "place")


@dataclass
class Article:
    """One article: its front matter as typed fields, its Markdown body and where the body starts."""
    source: Path  # path as given (relative to the site root when read by the builder)
    slug: str  # content path without ".md", "/"-separated
    title: str
    date: dt.date
    body: str
    body_line: int  # file line where the body starts
    lang: str
    author: str | None = None
    editor: str | None = None
    source_url: str | None = None
    image_credit: str | None = None
    tags: list[str] = field(default_factory=list)
    draft: bool = False
    summary: str | None = None
    extra: dict = field(default_factory=dict)  # unknown front-matter keys, passed to templates


def split_front_matter(text: str, path: str | Path) -> tuple[str, str, int]:
    """(front matter, body, body's first file line); the front matter must open the file."""
    text = text.lstrip("\ufeff")
    match = _FRONT_MATTER.match(text)
    if not match:
        raise BuildError(path, 1, "missing front matter: the file must start with '---', YAML keys "
                                  "(title, date) and a closing '---'")
    front = match.group(1) or ""
    return front, text[match.end():], match.group(0).count("\n") + 1


def read_article(path: Path, slug: str, *, default_lang: str) -> Article:
    front, body, body_line = split_front_matter(path.read_text(encoding="utf-8"), path)
    meta = load_mapping(front, path, first_line=2, what="front matter")
    data = dict(meta.data)

    def need_str(key: str, required: bool = False) -> str | None:
        value = data.pop(key, None)
        if value is None:
            if required:
                raise BuildError(path, meta.first_line, f"front matter lacks '{key}'")
            return None
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise BuildError(path, meta.line_of(key), f"'{key}' must be text, got {type(value).__name__}")
        return str(value)

    title = need_str("title", required=True)
    date = _parse_date(data.pop("date", None), path, meta.line_of("date") if "date" in meta.data else 1)
    tags = data.pop("tags", None) or []
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",") if t.strip()]
    if not isinstance(tags, list) or not all(isinstance(t, (str, int)) for t in tags):
        raise BuildError(path, meta.line_of("tags"), "'tags' must be a list of words")
    draft = data.pop("draft", False)
    if not isinstance(draft, bool):
        raise BuildError(path, meta.line_of("draft"), "'draft' must be true or false")
    return Article(
        source=path, slug=slug, title=title, date=date, body=body, body_line=body_line,
        lang=need_str("lang") or default_lang, author=need_str("author"), editor=need_str("editor"),
        source_url=need_str("source"), image_credit=need_str("image_credit"), tags=[str(t) for t in tags],
        draft=draft, summary=need_str("summary"), extra=data,
    )


def _parse_date(value, path, line) -> dt.date:
    if value is None:
        raise BuildError(path, 1, "front matter lacks 'date' (YYYY-MM-DD)")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise BuildError(path, line, f"'date' must be YYYY-MM-DD, got {value!r}") from None


def _markdown_files(folder: Path) -> list[tuple[Path, tuple[str, ...]]]:
    """(path, path parts below `folder`) of every *.md file, sorted as paths sort (os.walk: a serve
    rebuild lists the folder every time, and pathlib's rglob and relative_to cost ten times more)."""
    found = []
    root = str(folder)
    for here, _dirs, names in os.walk(root):
        rel = os.path.relpath(here, root)
        prefix = () if rel == "." else tuple(Path(rel).parts)
        found += [(Path(here, name), (*prefix, name)) for name in names if name.endswith(".md")]
    return sorted(found, key=lambda pair: pair[1])


def find_articles(content_dir: Path, exclude: set[Path] = frozenset(), *,
                  site_root: Path | None = None) -> list[tuple[Path, str]]:
    """(path, slug) of every .md file under content_dir, sorted for deterministic builds; links to
    files outside the site folder (and content_dir) are skipped with a warning."""
    found = []
    inside = _real_folders(content_dir, site_root)
    for path, rel in _markdown_files(content_dir):
        if (exclude and path in exclude) or any(p.startswith((".", "_")) for p in rel):
            continue
        if os.path.islink(path) and not _links_inside(path, inside):
            continue
        parts = (*rel[:-1], rel[-1][:-len(".md")])
        bad = next((p for p in parts if not _SLUG_PART.match(p)), None)
        if bad is not None:
            raise BuildError(path, None, f"file name '{bad}' cannot be a URL: use ASCII letters, digits, '-', "
                                         "'_' or '.' (build.py import picks such a name)")
        found.append((path, "/".join(parts)))
    return found


def read_articles(content_dir: Path, *, default_lang: str) -> list[Article]:
    """Every article, newest first; all broken files are reported together."""
    articles, errors = [], []
    for path, slug in find_articles(content_dir):
        try:
            articles.append(read_article(path, slug, default_lang=default_lang))
        except BuildError as exc:
            errors.append(exc)
    if errors:
        raise BuildErrors(errors)
    return sorted(articles, key=lambda a: (a.date, a.slug), reverse=True)


def load_glossary(path: Path) -> Glossary:
    """content/glossary.yaml: `entities:` (name, type, aliases, note, link) and `ignore:` (surfaces)."""
    if not path.exists():
        return Glossary()
    meta = load_mapping(path.read_text(encoding="utf-8"), path, what="glossary")
    unknown = set(meta.data) - {"entities", "ignore"}
    if unknown:
        key = sorted(unknown)[0]
        raise BuildError(path, meta.line_of(key), f"unknown glossary key '{key}' (use 'entities' and 'ignore')")
    entries = tuple(_glossary_entry(item, path, meta.line_of_item("entities", i), i)
                    for i, item in enumerate(meta.data.get("entities") or []))
    ignore = meta.data.get("ignore") or []
    if not isinstance(ignore, list) or not all(isinstance(s, str) for s in ignore):
        raise BuildError(path, meta.line_of("ignore"), "'ignore' must be a list of names")
    return Glossary(entries, frozenset(ignore))


def _glossary_entry(item, path: Path, line: int, index: int) -> GlossaryEntry:
    where = f"entity #{index + 1}"
    if not isinstance(item, dict):
        raise BuildError(path, line, f"{where} must be a mapping with name and type")
    name, kind = item.get("name"), item.get("type")
    if not isinstance(name, str) or not name.strip():
        raise BuildError(path, line, f"{where} lacks 'name'")
    if kind not in ENTITY_TYPES:
        raise BuildError(path, line, f"{where} ({name}): 'type' must be one of {', '.join(ENTITY_TYPES)}")
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise BuildError(path, line, f"{where} ({name}): 'aliases' must be a list of names")
    unknown = set(item) - {"name", "type", "aliases", "note", "link"}
    if unknown:
        raise BuildError(path, line, f"{where} ({name}): unknown key '{sorted(unknown)[0]}'")
    return GlossaryEntry(name.strip(), kind, tuple(aliases), item.get("note"), item.get("link"))


def _real_folders(*folders: Path | None) -> tuple[str, ...]:
    return tuple(os.path.join(os.path.realpath(f), "") for f in folders if f is not None)


def _links_inside(link: Path, folders: tuple[str, ...]) -> bool:
    """Whether a link in content/ leads into one of `folders`; if not, say that it is skipped. A link
    committed to a repository would otherwise publish whatever it reaches on the machine that builds."""
    target = os.path.realpath(link)
    if target.startswith(folders):
        return True
    print(f"warning: {link}: skipped: a link to {target}, outside the site folder (copy the file in instead)",
          file=sys.stderr)
    return False


def is_slug(slug: str) -> bool:
    """Whether `slug` names an article under content/: names of ASCII letters, digits, '-', '_' and
    '.' (not starting with '.'), sub-folders separated by '/'; never an absolute path or '..'."""
    return all(_SLUG_PART.fullmatch(part) for part in slug.split("/"))
