"""The Jinja environment: autoescaped templates, URL helpers, and template errors with their line."""
from __future__ import annotations

import re
import sys
import traceback
from pathlib import Path

import jinja2

from .config import SiteConfig
from .errors import BuildError


_SPECIAL = re.compile(r"[&<>\"']")


def escape_text(text: str) -> str:
    """`markupsafe.escape(text)` as a plain string, byte for byte, without making a Markup object:
    the parts of site-wide pages escape hundreds of fields per article."""
    if not _SPECIAL.search(text):
        return text
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&#34;").replace("'", "&#39;"))


def make_environment(config: SiteConfig, compiled: Path | None = None) -> jinja2.Environment:
    """The templates' environment; with `compiled`, Jinja keeps each template's compiled code there
    (checked against the template's source), so a new process does not compile them again."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(config.path(config.templates_dir))),
        bytecode_cache=_bytecode_cache(compiled),
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    base = config.base_url
    env.globals.update(
        site=config,
        url=lambda path="": base + str(path).lstrip("/"),  # every internal link: absolute, with the base path
        absolute_url=lambda path="": config.url + base + str(path).lstrip("/"),
    )
    return env


def _bytecode_cache(folder: Path | None) -> jinja2.BytecodeCache | None:
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a cache that cannot be written only costs time
    return jinja2.FileSystemBytecodeCache(str(folder))


def render_template(env: jinja2.Environment, name: str, **context) -> str:
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise BuildError(exc.filename or name, exc.lineno, f"template syntax error: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise BuildError(name, None, f"template not found: {exc.name}") from None
    except Exception as exc:  # an error while rendering: point at the template line that raised it
        path, line = _template_frame(exc, env)
        raise BuildError(path or name, line, f"template error: {type(exc).__name__}: {exc}") from None


def _template_frame(exc: BaseException, env: jinja2.Environment) -> tuple[str | None, int | None]:
    """The innermost traceback frame inside a template file (Jinja rewrites these to template lines)."""
    roots = [Path(p).resolve() for p in env.loader.searchpath]  # type: ignore[union-attr]
    found = (None, None)
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename)
        if path.suffix in (".html", ".xml") and any(root in path.resolve().parents for root in roots):
            found = (frame.filename, frame.lineno)
    return found


def warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)
