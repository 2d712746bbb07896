"""The Jinja environment: autoescaped templates looked up in the site's templates/ then the bundled
theme, URL helpers, template errors with their line, and shapes (macros rendered once with stand-ins)."""
from __future__ import annotations

import contextlib
import re
import sys
from pathlib import Path
from types import FrameType

import jinja2
from markupsafe import escape

from .config import SiteConfig
from .errors import BuildError
from .theme import template_dirs


_SPECIAL = re.compile(r"[&<>\"']")  # what markupsafe's escape replaces


def escape_text(text: str) -> str:
    """`text` escaped as autoescaped templates print it, as a plain str: shapes are filled with
    str.format, and a Markup would escape whatever is added to it. Most text has nothing to escape:
    returned as it is, without making a Markup (a build escapes ~4,000 fields per article)."""
    return str(escape(text)) if _SPECIAL.search(text) else text


def make_environment(config: SiteConfig, compiled: Path | None = None) -> jinja2.Environment:
    """The templates' environment; with `compiled`, Jinja keeps each template's compiled code there
    (checked against the template's source), so a new process does not compile them again."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(folder) for folder in template_dirs(config)]),
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


# A stand-in is a field's name between private-use characters. The other stand-in, used to check a
# shape, differs in every way a template could notice: letter case, length and characters.
_STAND_IN = re.compile("\ue000([a-z0-9_]+)\ue001")
_PAD = "\ue011" * 64
_OTHER = re.compile(f"\ue010([A-Z0-9_]+){_PAD}\ue012")
_PRIVATE = re.compile("[\ue000-\ue012]")
_EVERY_READ = -1


class StandIns:
    """Stands in for a note (a row, an entry) while a shape is rendered: each attribute read gives
    a stand-in, filled in per item afterwards. `kind` and `pattern` are real values, and the fields
    in `empty` are "" (a shape per combination of empty fields), so templates may test those."""

    def __init__(self, kind: str = "", pattern: str = "", empty: frozenset[str] = frozenset(),
                 other: int | None = None):
        self.kind, self.pattern, self._empty = kind, pattern, empty
        self._other = other  # which read gets the other stand-in (_EVERY_READ: all), when checking
        self._reads: list[tuple[str, str | None, int | None]] = []  # (name, template file, line)

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._empty:
            return ""
        self._reads.append((name, *_template_line()))
        if self._other in (_EVERY_READ, len(self._reads) - 1):
            return f"\ue010{name.upper()}{_PAD}\ue012"
        return f"\ue000{name}\ue001"

    def _with_other(self, other: int | None) -> "StandIns":
        """The same stand-ins, giving the other stand-in at read number `other` (or every read)."""
        return StandIns(self.kind, self.pattern, self._empty, other)


def _template_line() -> tuple[str | None, int | None]:
    """The template file and line of the caller that is a template (an attribute read)."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            return template.filename, template.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back
    return None, None


class Shape:
    """A macro rendered once with stand-ins, as a str.format template and the names of its slots."""

    def __init__(self, html: str, macro: str = "", reads: dict[str, tuple[str | None, int | None]] | None = None):
        self.names = tuple(dict.fromkeys(_STAND_IN.findall(html)))
        self.text = _STAND_IN.sub(r"{\1}", html.replace("{", "{{").replace("}", "}}"))
        self.macro, self.reads = macro, reads or {}  # field → (template file, line) where the macro reads it

    def fill(self, values: dict[str, str]) -> str:
        """The shape with each slot replaced by its value (escaped HTML)."""
        try:
            return self.text.format_map(values)
        except KeyError as exc:  # a theme's template from another version of Pizhu
            field = str(exc.args[0])
            path, line = self.reads.get(field, (None, None))
            raise BuildError(path or "templates", line, (
                f"template error: macro '{self.macro}' prints '{field}', which Pizhu does not give it "
                f"(it gives: {', '.join(sorted(values))}); was the template copied from another version "
                "of Pizhu? Compare it with the bundled one")) from None


def shape(env: jinja2.Environment, name: str, macro: str, stand_ins: StandIns, *args) -> Shape:
    """Template `name`'s `macro` rendered with `stand_ins` (and `args`), to be filled per item.

    It is rendered a second time with other stand-ins: a template that transforms a stand-in (a
    filter) or tests it (a comparison, its length) renders differently, which would be wrong for
    every real value, so that is a build error naming the template line."""
    html = call_macro(env, name, macro, stand_ins, *args)
    if _PRIVATE.search(_STAND_IN.sub("", html)) or _with_first_stand_ins(
            call_macro(env, name, macro, stand_ins._with_other(_EVERY_READ), *args)) != html:
        raise _misused(env, name, macro, stand_ins, args, html)
    return Shape(html, macro, {field: (path or name, line) for field, path, line in reversed(stand_ins._reads)})


def _with_first_stand_ins(html: str) -> str:
    """`html` rendered with other stand-ins, written with the first ones (equal when nothing changed them)."""
    return _OTHER.sub(lambda m: f"\ue000{m[1].lower()}\ue001", html)


def _misused(env: jinja2.Environment, name: str, macro: str, stand_ins: StandIns, args: tuple,
             html: str) -> BuildError:
    """The error for a shape that does not print its stand-ins as they are, at the first attribute
    read whose other stand-in changes what the macro renders."""
    for number, (field, path, line) in enumerate(stand_ins._reads):
        if _with_first_stand_ins(call_macro(env, name, macro, stand_ins._with_other(number), *args)) != html:
            return BuildError(path or name, line, (
                f"template error: macro '{macro}' filters or tests '{field}', a stand-in filled in per item "
                "after the macro is rendered once: print it as it is, with no filter, comparison or length "
                "(see the comment at the top of the file)"))
    return BuildError(name, None, f"template error: macro '{macro}' changes its stand-ins (print each as it is)")
