"""Reading content/: articles (Markdown with YAML front matter) and the glossary."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator import Glossary, GlossaryEntry

from .errors import BuildError, BuildErrors
from .textfile import read_text
from .urls import checked_url
from .yamlfile import LocatedMapping, load_mapping

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_SLUG_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_DATE_SHAPE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")  # looks like a date: say what is wrong with it
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
    # Set when the builder keeps the article without its body (`without_body`): the body's digest
    # and length; `with_body` reads it again from the file.
    body_digest: str = ""
    body_chars: int = 0

    @property
    def chars(self) -> int:
        """The body's length in characters (kept when the body is not)."""
        return self.body_chars or len(self.body)


def body_digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def without_body(article: Article, summary: str) -> Article:
    """The article as the builder keeps it between reading it and rendering it: its body dropped
    (a 50,000-article archive's bodies are ~0.5 GB, and every worker process forked from the builder
    would hold them too), its digest, length and `summary` (what the index shows) kept instead."""
    return replace(article, body="", body_digest=body_digest(article.body), body_chars=len(article.body),
                   summary=summary)


def with_body(article: Article) -> Article:
    """The article with its body, read again from its file if the builder dropped it; the file must
    still say what it said when the build read it."""
    if not article.body_digest or article.body:
        return article
    try:
        _, body, _ = split_front_matter(read_text(article.source), article.source)
    except OSError as exc:
        raise BuildError(article.source, None, f"cannot read: {exc.strerror or exc} (was it moved while "
                                               "the site was being built? build again)") from None
    if body_digest(body) != article.body_digest:
        raise BuildError(article.source, None, "changed while the site was being built: build again")
    return replace(article, body=body)


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
    front, body, body_line = split_front_matter(read_text(path), path)
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
    assert title is not None  # need_str raised
    date = _parse_date(data.pop("date", None), path, meta.line_of("date") if "date" in meta.data else 1)
    tags = data.pop("tags", None) or []
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",") if t.strip()]
    if not isinstance(tags, list) or not all(isinstance(t, (str, int)) for t in tags):
        raise BuildError(path, meta.line_of("tags"), "'tags' must be a list of words")
    draft = data.pop("draft", False)
    if not isinstance(draft, bool):
        raise BuildError(path, meta.line_of("draft"), "'draft' must be true or false")
    source_url = need_str("source")
    if source_url is not None:
        source_url = checked_url(source_url, path, meta.line_of("source"), "source")
    return Article(
        source=path, slug=slug, title=title, date=date, body=body, body_line=body_line,
        lang=need_str("lang") or default_lang, author=need_str("author"), editor=need_str("editor"),
        source_url=source_url, image_credit=need_str("image_credit"), tags=[str(t) for t in tags],
        draft=draft, summary=need_str("summary"), extra=data,
    )


def _parse_date(value, path, line) -> dt.date:
    if value is None:
        raise BuildError(path, 1, "front matter lacks 'date' (YYYY-MM-DD)")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.datetime.fromisoformat(text).date()  # YYYY-MM-DD, or a date and time
    except ValueError as exc:
        why = f" ({exc})" if _DATE_SHAPE.match(text) else ""  # 2023-02-30: day is out of range for month
        raise BuildError(path, line, f"'date' must be YYYY-MM-DD, got {value!r}{why}") from None


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


def find_articles(content_dir: Path, exclude: frozenset[Path] | set[Path] = frozenset(), *,
                  site_root: Path | None = None) -> list[tuple[Path, str]]:
    """(path, slug) of every .md file under content_dir, sorted for deterministic builds; links to
    files outside the site folder (and content_dir) are skipped with a warning; every bad file name
    is reported."""
    found, errors = [], []
    inside = _real_folders(content_dir, site_root)
    for path, rel in _markdown_files(content_dir):
        if (exclude and path in exclude) or any(p.startswith((".", "_")) for p in rel):
            continue
        if os.path.islink(path) and not _links_inside(path, inside):
            continue
        parts = (*rel[:-1], rel[-1][:-len(".md")])
        bad = next((p for p in parts if not _SLUG_PART.fullmatch(p)), None)
        if bad is not None:
            errors.append(BuildError(path, None, f"file name '{bad}' cannot be a URL: use ASCII letters, digits, "
                                                 "'-', '_' or '.' (build.py import picks such a name)"))
        found.append((path, "/".join(parts)))
    if errors:
        raise BuildErrors(errors) if len(errors) > 1 else errors[0]
    return found


def load_glossary(path: Path) -> Glossary:
    """content/glossary.yaml: `entities:` (name, type, aliases, note, link) and `ignore:` (surfaces).
    Every broken entry is reported at once; names claimed twice are warnings (the first entry wins)."""
    if not path.exists():
        return Glossary()
    meta = load_mapping(read_text(path), path, what="glossary")
    unknown = set(meta.data) - {"entities", "ignore"}
    if unknown:
        key = sorted(unknown)[0]
        raise BuildError(path, meta.line_of(key), f"unknown glossary key '{key}' (use 'entities' and 'ignore')")
    items = meta.data.get("entities")
    if not isinstance(items, (list, type(None))):
        raise BuildError(path, meta.line_of("entities"),
                         f"'entities' must be a list of entries (name, type, …), got {type(items).__name__}")
    entries, errors = [], []
    for index, item in enumerate(items or []):
        try:
            entries.append(_glossary_entry(item, meta, index))
        except BuildError as exc:
            errors.append(exc)
    ignore = meta.data.get("ignore") or []
    if not isinstance(ignore, list) or not all(isinstance(s, str) for s in ignore):
        errors.append(BuildError(path, meta.line_of("ignore"), "'ignore' must be a list of names"))
    if errors:
        raise BuildErrors(errors) if len(errors) > 1 else errors[0]
    _warn_names_claimed_twice(entries, meta)
    return Glossary(tuple(entries), frozenset(ignore))


def _glossary_entry(item, meta: LocatedMapping, index: int) -> GlossaryEntry:
    path, where = meta.path, f"entity #{index + 1}"
    line = meta.line_of_item("entities", index)
    if not isinstance(item, dict):
        raise BuildError(path, line, f"{where} must be a mapping with name and type")
    name, kind = item.get("name"), item.get("type")
    if not isinstance(name, str) or not name.strip():
        raise BuildError(path, line, f"{where} lacks 'name' (text)")
    where = f"{where} ({name})"

    def at(key: str) -> int:
        return meta.line_in_item("entities", index, key)

    if kind not in ENTITY_TYPES:
        raise BuildError(path, at("type"), f"{where}: 'type' must be one of {', '.join(ENTITY_TYPES)}")
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise BuildError(path, at("aliases"), f"{where}: 'aliases' must be a list of names")
    unknown = set(item) - {"name", "type", "aliases", "note", "link"}
    if unknown:
        key = sorted(unknown, key=str)[0]
        raise BuildError(path, at(key), f"{where}: unknown key '{key}'")
    note, link = item.get("note"), item.get("link")
    if note is not None and not isinstance(note, str):
        raise BuildError(path, at("note"), f"{where}: 'note' must be text (Markdown), got {type(note).__name__}")
    if link is not None:
        link = checked_url(link, path, at("link"), "link")
    return GlossaryEntry(name.strip(), kind, tuple(aliases), note, link)


def _warn_names_claimed_twice(entries: list[GlossaryEntry], meta: LocatedMapping) -> None:
    """A name or alias two entries claim (letter case aside) goes to the first: say so, with both lines."""
    claimed: dict[str, tuple[GlossaryEntry, int]] = {}  # casefolded surface -> first entry, its line
    for index, entry in enumerate(entries):
        for surface in entry.surfaces:
            line = meta.line_in_item("entities", index, "name" if surface == entry.name else "aliases")
            first, first_line = claimed.setdefault(surface.casefold(), (entry, line))
            if first is entry:
                continue
            if surface == entry.name and first.name.casefold() == surface.casefold() and first.type != entry.type:
                problem = f"'{surface}' has two types: {first.type} (line {first_line}) and {entry.type}"
            else:
                problem = f"'{surface}' is claimed by '{first.name}' (line {first_line}) and by '{entry.name}'"
            print(f"warning: {meta.path}:{line}: {problem}; the first entry is used", file=sys.stderr)


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
