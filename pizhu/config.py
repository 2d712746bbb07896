"""site.yaml: one schema, validated at load time, every error with its line."""
from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path

from .errors import BuildError, BuildErrors
from .textfile import read_text
from .urls import checked_url
from .yamlfile import load_mapping


@dataclass(frozen=True)
class SiteConfig:
    """Site settings; each field is a site.yaml key (see README, "site.yaml")."""
    title: str = "Pizhu"
    description: str = ""
    url: str = "http://127.0.0.1:8000"  # absolute origin for the feed and sitemap
    base_url: str = "/"  # path the site is served under: "/" or "/<repo>/" on GitHub Pages
    lang: str = "zh"
    author: str = ""
    content_dir: str = "content"
    glossary: str = "content/glossary.yaml"
    templates_dir: str = "templates"
    static_dir: str = "static"
    output_dir: str = "_site"
    feed_size: int = 20
    timeline_page_size: int = 1000  # entries the site timeline shows on one page; above, one page per year
    min_confidence: float = 0.6  # marks the annotator is less sure of are not shown (README, "Accuracy")
    root: Path = Path(".")  # folder of site.yaml; relative paths above are resolved against it
    source: Path | None = field(default=None, repr=False, compare=False)  # site.yaml, for error messages
    lines: dict = field(default_factory=dict, repr=False, compare=False)  # key → its line in site.yaml

    def path(self, relative: str) -> Path:
        return self.root / relative

    def line_of(self, key: str) -> int | None:
        """site.yaml's line that sets `key` (None: the default is used)."""
        return self.lines.get(key)

    def with_overrides(self, **changes) -> "SiteConfig":
        changes = {k: v for k, v in changes.items() if v is not None}
        if "url" in changes:
            changes["url"] = checked_url(changes["url"], "command line", None, "--site-url", web_only=True)
        if "base_url" in changes:
            changes["base_url"] = normalise_base_url(changes["base_url"])
        return dataclasses.replace(self, **changes)


def normalise_base_url(value: str) -> str:
    """'', '/', 'pizhu', '/pizhu' and '/pizhu/' all become '/' or '/pizhu/'."""
    value = value.strip().strip("/")
    return f"/{value}/" if value else "/"


_KEYS = {f.name: f for f in fields(SiteConfig) if f.name not in ("root", "source", "lines")}


def load_config(path: str | Path = "site.yaml") -> SiteConfig:
    """Read and validate site.yaml. All errors are reported together; unknown keys only warn."""
    path = Path(path)
    if not path.exists():
        raise BuildError(path, None, "site configuration not found (run from the site's folder or pass --config)")
    mapping = load_mapping(read_text(path), path, what="site configuration")
    values, errors = {}, []
    for key, value in mapping.data.items():
        field = _KEYS.get(key)
        if field is None:
            print(f"warning: {path}:{mapping.line_of(key)}: unknown key '{key}' (known: {', '.join(_KEYS)})",
                  file=sys.stderr)
            continue
        try:
            values[key] = _checked(key, value, field, path, mapping.line_of(key))
        except BuildError as exc:
            errors.append(exc)
    if errors:
        raise BuildErrors(errors)
    if "base_url" in values:
        values["base_url"] = normalise_base_url(values["base_url"])
    values["url"] = values.get("url", SiteConfig.url).rstrip("/")
    return SiteConfig(**values, root=path.parent, source=path, lines={k: mapping.line_of(k) for k in values})


def _checked(key: str, value, field, path: Path, line: int):
    """A site.yaml value of the right type and range, or a BuildError naming its line."""
    if field.type == "float":
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 1:
            raise BuildError(path, line, f"'{key}' must be a number from 0 to 1, got {value!r}")
        return float(value)
    expected = int if field.type == "int" else str
    if not isinstance(value, expected) or isinstance(value, bool):
        raise BuildError(path, line, f"'{key}' must be {expected.__name__}, got {type(value).__name__}")
    if isinstance(value, int) and value < 1:
        raise BuildError(path, line, f"'{key}' must be a whole number of at least 1, got {value}")
    if key == "url":
        return checked_url(value, path, line, key, web_only=True)
    if key == "glossary" and path.parent.joinpath(str(value)).is_dir():
        raise BuildError(path, line, f"'glossary' must name a YAML file, but {value!r} is a folder")
    return value
