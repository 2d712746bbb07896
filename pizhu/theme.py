"""The bundled theme and a site's own: templates and static files are looked up in the site's folders
first, then in the theme Pizhu ships, so a site overrides one file by copying it into its own folder.

The bundled theme is the project's top-level templates/ and static/. An installed package carries
them inside itself (pyproject.toml maps them to pizhu/templates and pizhu/static).
"""
from __future__ import annotations

from pathlib import Path

from .config import SiteConfig

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    installed = _PACKAGE / name
    return installed if installed.is_dir() else _PACKAGE.parent / name  # else: run from the repository


BUNDLED_TEMPLATES = _bundled("templates")
BUNDLED_STATIC = _bundled("static")


def _chain(own: Path, bundled: Path) -> list[Path]:
    """The site's folder, then the bundled one (once, when the site is the bundled example)."""
    return [own] if own.resolve() == bundled else [own, bundled]


def template_dirs(config: SiteConfig) -> list[Path]:
    """Where templates are looked up, first match wins. A missing site folder means the theme alone."""
    return _chain(config.path(config.templates_dir), BUNDLED_TEMPLATES)


def static_dirs(config: SiteConfig) -> list[Path]:
    return _chain(config.path(config.static_dir), BUNDLED_STATIC)


def static_files(config: SiteConfig) -> dict[str, Path]:
    """Every static file by its path under static/: the site's own replace the theme's of that name."""
    files: dict[str, Path] = {}
    for folder in reversed(static_dirs(config)):
        if folder.is_dir():
            files.update({p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()})
    return dict(sorted(files.items()))
