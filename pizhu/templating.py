"""The Jinja environment: autoescaped templates, URL helpers, and template errors with their line."""
from __future__ import annotations

import contextlib
import re
import sys
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
    with template_errors(env, name):
        return env.get_template(name).render(**context)


def call_macro(env: jinja2.Environment, name: str, macro: str, *args) -> str:
    """Template `name`'s `macro` called with `args`, as a str; errors name the template file and line."""
    with template_errors(env, name):
        found = getattr(env.get_template(name).module, macro, None)
        if found is None:
            raise BuildError(name, None, f"template has no macro '{macro}' (Pizhu calls it; see the bundled templates/{name})")
        return str(found(*args))


@contextlib.contextmanager
def template_errors(env: jinja2.Environment, name: str):
    """Any error while loading or rendering template `name` as a BuildError naming the template
    file and line that raised it."""
    try:
        yield
    except BuildError:
        raise
    except jinja2.TemplateSyntaxError as exc:
        raise BuildError(exc.filename or name, exc.lineno, f"template syntax error: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise BuildError(name, None, f"template not found: {exc.name}") from None
    except Exception as exc:  # an error while rendering: point at the template line that raised it
        path, line = _template_frame(exc, env)
        raise BuildError(path or name, line, f"template error: {type(exc).__name__}: {exc}") from None


def _template_frame(exc: BaseException, env: jinja2.Environment) -> tuple[str | None, int | None]:
    """The innermost traceback frame inside a template file, as (file, template line). Jinja maps
    frames to template lines for `render`; a macro called from Python (the shapes pages.py fills)
    leaves compiled-code frames, mapped here through the template's debug info."""
    roots = [Path(p).resolve() for p in env.loader.searchpath]  # type: ignore[union-attr]
    found = (None, None)
    tb = exc.__traceback__
    while tb is not None:
        template = tb.tb_frame.f_globals.get("__jinja_template__")
        if template is not None:
            filename, line = template.filename, template.get_corresponding_lineno(tb.tb_lineno)
        else:
            filename, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
        path = Path(filename or "")
        if path.suffix in (".html", ".xml") and any(root in path.resolve().parents for root in roots):
            found = (filename, line)
        tb = tb.tb_next
    return found


def warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)
