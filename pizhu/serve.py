"""`build.py serve`: build, serve the output on loopback, rebuild what a change affects, reload the browser.

- Change detection is watchfiles (inotify, one debounced event per burst of saves), not livereload's
  800 ms polling: `WatchfilesWatcher` implements livereload's watcher interface (`watch`, `start`,
  `examine`), so livereload's own polling never starts; a build thread rebuilds (incrementally, with
  one `Builder` kept in memory) and then tells the browsers through livereload's
  `LiveReloadHandler.reload_waiters`, on the IOLoop. A stylesheet-only change sends the CSS path, and
  livereload.js swaps the stylesheet without reloading the page.
- The edited article's page is written, and the browser reloaded, before the pages built from every
  article (index, entity pages …) are rendered; those follow with a second reload (Hugo's "fast
  render" idea), so the page being edited does not wait for site-wide pages.
- Pages are served by `SiteHandler` (livereload's Server takes it as its static-file handler, and its
  transform still injects livereload.js). While a build runs, requests wait for it (MkDocs' barrier):
  no half-built page is ever served; each output file is also replaced atomically.
- A failed build (bad front matter, template error …) is printed in the terminal and shown in the
  browser: every HTML page gets an overlay naming file, line and message with the lines around it,
  over the last good pages, which keep being served; a page that has no good version yet is an error
  page (HTTP 500). The next good build clears it and reloads the browser (as Zola does).
"""
from __future__ import annotations

import asyncio
import gc
import html
import ipaddress
import mimetypes
import os
import queue
import sys
import threading
import time
import traceback
import warnings
from pathlib import Path
from urllib.parse import urlsplit

warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"(livereload|tornado)(\..*)?$")

import livereload.server  # noqa: E402
from livereload import Server  # noqa: E402
from livereload.handlers import ForceReloadHandler, LiveReloadHandler, LiveReloadJSHandler  # noqa: E402
from tornado import ioloop, web  # noqa: E402

from .builder import Builder  # noqa: E402
from .config import SiteConfig, load_config  # noqa: E402
from .errors import BuildError, BuildErrors  # noqa: E402

SETTLE = 0.05  # seconds without a new change before a burst counts as finished
MAX_WAIT = 120.0  # a request waits at most this long for a running build


class ServeState:
    """The site being served: its builder, whether a build runs, and the errors of the last one."""

    def __init__(self, config: SiteConfig, config_path: Path | None = None, *, force: bool = False):
        self.config = config
        self.config_path = config_path or config.root / "site.yaml"
        self.builder = Builder(config, progress_stream=sys.stderr, force=force)
        self.out = self.builder.out
        self.building = False
        self.errors: list[dict] | None = None
        self.lock = threading.Lock()

    def rebuild(self, reload_config: bool = False, on_articles=None) -> bool:
        """One build; `on_articles()` runs once changed article pages are written, before the pages
        built from every article (entity pages, index …), which can take much longer."""
        def articles_first(written: int) -> None:
            self.building = False  # those pages are complete: let requests through
            self.errors = None
            if on_articles is not None:
                on_articles()

        with self.lock:
            self.building = True
            try:
                if reload_config:
                    self.config = load_config(self.config_path)
                    self.builder.config = self.config
                report = self.builder.build(articles_first=articles_first)
            except (BuildError, BuildErrors) as exc:
                self.errors = describe(exc)
                print(f"error: {exc}".replace("\n", "\nerror: "), file=sys.stderr, flush=True)
                return False
            except Exception as exc:  # a bug: show it too, keep serving
                self.errors = [{"path": None, "line": None, "message": f"{type(exc).__name__}: {exc}",
                                "context": [], "trace": traceback.format_exc()}]
                traceback.print_exc()
                return False
            finally:
                self.building = False
            self.errors = None
            settle_heap()
            print(report.summary(), file=sys.stderr, flush=True)
            if os.environ.get("PIZHU_TIMINGS") and report.phases:
                print(report.timings(), file=sys.stderr)
            return True

    async def wait_idle(self) -> None:
        deadline = time.monotonic() + MAX_WAIT
        while self.building and time.monotonic() < deadline:
            await asyncio.sleep(0.02)


def settle_heap() -> None:
    """Collect this build's garbage, then move what survives out of the garbage collector's sight:
    serve keeps every article's parts in memory (hundreds of thousands of tuples), and the
    collector's full passes over them otherwise land in the middle of the next rebuild."""
    gc.collect()
    gc.freeze()


def describe(exc: BuildError | BuildErrors) -> list[dict]:
    errors = exc.errors if isinstance(exc, BuildErrors) else [exc]
    return [{"path": e.path, "line": e.line, "message": e.message, "context": _context(e.path, e.line)}
            for e in errors]


def _context(path: str | None, line: int | None, around: int = 2) -> list[tuple[int, str]]:
    if not path or not line:
        return []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    first = max(1, line - around)
    return [(n, lines[n - 1]) for n in range(first, min(len(lines), line + around) + 1)]


def error_html(errors: list[dict]) -> str:
    """The overlay: every error as `path:line: message` with the lines around it."""
    parts = ['<div id="pizhu-build-error" role="alert" style="position:fixed;left:0;right:0;bottom:0;'
             'z-index:2147483647;max-height:70vh;overflow:auto;margin:0;padding:1em 1.5em;background:#fff4f4;'
             'color:#5c0000;border-top:4px solid #c00;font:14px/1.5 ui-monospace,monospace;text-align:left">',
             '<strong>Build failed</strong> — the last good pages are shown; save a fix to clear this.']
    for e in errors:
        where = html.escape(e["path"] or "<build>") + (f":{e['line']}" if e["line"] else "")
        parts.append(f'<p style="margin:.8em 0 .2em"><b class="pizhu-error-where">{where}</b>: '
                     f'{html.escape(e["message"])}</p>')
        if e.get("context"):
            rows = []
            for n, text in e["context"]:
                mark = "background:#ffd6d6;font-weight:bold;" if n == e["line"] else ""
                rows.append(f'<span style="display:block;{mark}">{n:>5} | {html.escape(text)}</span>')
            parts.append('<pre style="margin:0;white-space:pre-wrap">' + "".join(rows) + "</pre>")
        if e.get("trace"):
            parts.append(f'<pre style="margin:0;white-space:pre-wrap">{html.escape(e["trace"])}</pre>')
    parts.append("</div>")
    return "".join(parts)


def error_page(errors: list[dict]) -> str:
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Build failed — Pizhu</title>'
            f'</head><body>{error_html(errors)}</body></html>')


def is_own_host(header: str, host: str, port: int) -> bool:
    """Whether a request's Host header names this server: localhost, the --host name or an IP address,
    with its port. A web page that rebinds its domain name to 127.0.0.1 (DNS rebinding) to read the
    site sends that domain name, and is refused; an IP address cannot be rebound."""
    name, _, their_port = header.rpartition(":")
    if their_port != str(port):
        return False
    name = name.lower()
    if name in ("localhost", host.lower()):
        return True
    try:
        ipaddress.ip_address(name[1:-1] if name.startswith("[") and name.endswith("]") else name)
        return True
    except ValueError:
        return False


def _is_clean_path(path: str) -> bool:
    """No NUL (the filesystem calls would raise) and only UTF-8 (`decode_argument` keeps other bytes
    as lone surrogates): no output file has such a name."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in path


class OwnHostOnly(web.RequestHandler):
    """A handler that answers only requests addressed to this server (`is_own_host`), else 403."""

    host: str = "127.0.0.1"  # the address `serve` listens on, set by `serve`
    port: int = 8000

    def prepare(self) -> None:
        header = self.request.headers.get("Host", "")
        if not is_own_host(header, self.host, self.port):
            self.set_status(403)
            self.set_header("Content-Type", "text/plain; charset=utf-8")
            self.finish(f"403: this server answers to http://{self.host}:{self.port}/, not to Host {header!r}\n")


class SiteHandler(OwnHostOnly):
    """The output folder, under the site's base path, waiting for running builds; with the error overlay."""

    state: ServeState  # set by `serve`

    def initialize(self, path: str, default_filename: str | None = None) -> None:
        self.root = Path(path).resolve()

    def decode_argument(self, value: bytes, name: str | None = None) -> str:
        return value.decode("utf-8", "surrogateescape")  # a path that is not UTF-8 is a missing page

    def compute_etag(self):
        return None

    async def head(self, path: str) -> None:
        await self.get(path, include_body=False)

    async def get(self, path: str, include_body: bool = True) -> None:
        state = self.state
        await state.wait_idle()
        self.set_header("Cache-Control", "no-store")
        base = state.config.base_url
        url = "/" + path
        if not _is_clean_path(path):
            return self._not_found(include_body)
        if not url.startswith(base):
            if url in ("/", base.rstrip("/")):
                return self.redirect(base)
            return self._not_found(include_body)
        rel = url[len(base):]
        target = (self.root / rel).resolve()
        if target != self.root and self.root not in target.parents:
            return self._not_found(include_body)
        if target.is_dir():
            if rel and not rel.endswith("/"):
                query = f"?{self.request.query}" if self.request.query else ""
                return self.redirect(url + "/" + query)
            target = target / "index.html"
        if not target.is_file():
            return self._not_found(include_body)
        self._send(target.read_bytes(), target.name, 200, include_body)

    def _not_found(self, include_body: bool) -> None:
        if self.state.errors:  # e.g. a new article that never built: show why
            return self._send(error_page(self.state.errors).encode("utf-8"), "error.html", 500, include_body)
        page = self.root / "404.html"
        body = page.read_bytes() if page.is_file() else b"<!doctype html><title>404</title><h1>404</h1>"
        self._send(body, "404.html", 404, include_body)

    def _send(self, body: bytes, name: str, status: int, include_body: bool) -> None:
        ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/xml",
                                                  "application/json", "image/svg+xml"):
            ctype += "; charset=utf-8"
        if ctype.startswith("text/html") and self.state.errors and status != 500:
            body = _inject_overlay(body, error_html(self.state.errors).encode("utf-8"))
        self.set_status(status)
        self.set_header("Content-Type", ctype)
        if include_body:
            self.finish(body)
        else:
            self.set_header("Content-Length", str(len(body)))
            self.finish()


class GuardedLiveReload(OwnHostOnly, LiveReloadHandler):  # type: ignore[misc]
    """livereload's WebSocket, for this server's own pages only: livereload accepts any Origin, so a page of
    another site could listen to which files change (their paths) as the author saves them."""

    def check_origin(self, origin: str) -> bool:
        return is_own_host(urlsplit(origin).netloc, self.host, self.port)


class GuardedForceReload(OwnHostOnly, ForceReloadHandler):  # type: ignore[misc]
    """livereload's /forcereload (GET), which another site could otherwise call to reload the preview."""

    def get(self) -> None:  # livereload's own calls the unguarded class, which `serve` no longer sets up
        GuardedLiveReload.reload_waiters(self.get_argument("path", default=None) or "*")
        self.write("ok")


class GuardedLiveReloadJS(OwnHostOnly, LiveReloadJSHandler):  # type: ignore[misc]
    pass


def _guard_livereload(host: str, port: int) -> None:
    """Put the Host check in front of livereload's own endpoints too. livereload builds its handler list
    inside `Server.application` from its module's names, so the guarded classes replace those names."""
    OwnHostOnly.host, OwnHostOnly.port = host, port
    livereload.server.LiveReloadHandler = GuardedLiveReload  # type: ignore[misc]
    livereload.server.ForceReloadHandler = GuardedForceReload  # type: ignore[misc]
    livereload.server.LiveReloadJSHandler = GuardedLiveReloadJS  # type: ignore[misc]


def _inject_overlay(page: bytes, overlay: bytes) -> bytes:
    at = page.rfind(b"</body>")
    if at < 0:
        return page + overlay
    return page[:at] + overlay + page[at:]


class WatchfilesWatcher:
    """livereload's watcher interface, backed by watchfiles and a build thread.

    livereload calls `start(callback)` when it starts serving; returning True tells it not to poll.
    Each burst of saves gives one rebuild, then one reload message (CSS-only changes swap the
    stylesheet in place).
    """

    def __init__(self, state: ServeState):
        self.state = state
        self._tasks: dict = {}  # read by livereload's LiveReloadHandler.start_tasks (empty: it watches the cwd)
        self._changes: list = []  # livereload's Server.serve appends its start-up reload here
        self.filepath: str | None = None
        self._queue: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        self._loop: ioloop.IOLoop | None = None
        self.started = threading.Event()
        config = state.config
        self.folders = [config.path(d) for d in (config.content_dir, config.templates_dir, config.static_dir)]
        self.files = [state.config_path, config.path(config.glossary)]
        for path in self.folders + self.files:  # what livereload's log and start_tasks see
            self.watch(str(path))

    # livereload's interface
    def watch(self, path, func=None, delay=None, ignore=None) -> None:
        self._tasks[path] = {"func": func, "delay": delay, "ignore": ignore, "mtimes": {}}

    def examine(self):
        return None, None

    def start(self, callback) -> bool:
        self._loop = ioloop.IOLoop.current()
        folders = [str(f) for f in self.folders if f.is_dir()]
        files = {str(p.resolve()) for p in self.files}
        parents = sorted({str(Path(f).parent) for f in files if Path(f).parent.is_dir()})
        threading.Thread(target=self._watch, args=(folders, True, None), daemon=True, name="watch-dirs").start()
        threading.Thread(target=self._watch, args=(parents, False, files), daemon=True, name="watch-files").start()
        threading.Thread(target=self._build_loop, daemon=True, name="rebuild").start()
        return True

    def stop(self) -> None:
        self._stop.set()

    # threads
    def _watch(self, paths: list[str], recursive: bool, only: set[str] | None) -> None:
        import watchfiles
        if not paths:
            return
        keep = watchfiles.DefaultFilter()

        def wanted(change, path: str) -> bool:
            if only is not None:
                return str(Path(path).resolve()) in only
            return keep(change, path) and not path.endswith(".tmp")

        self.started.set()
        for changes in watchfiles.watch(*paths, watch_filter=wanted, recursive=recursive, debounce=1600,
                                        step=50, stop_event=self._stop, raise_interrupt=False):
            self._queue.put({path for _, path in changes})

    def _build_loop(self) -> None:
        _warm_up()
        with self.state.lock:
            self.state.builder.warm()
            settle_heap()
        while not self._stop.is_set():
            changed = set(self._queue.get())
            while True:  # one rebuild per burst
                try:
                    changed |= self._queue.get(timeout=SETTLE)
                except queue.Empty:
                    break
            config_changed = str(self.state.config_path.resolve()) in {str(Path(p).resolve()) for p in changed}
            path = self._reload_path(changed)
            ok = self.state.rebuild(reload_config=config_changed, on_articles=lambda: self._reload(path))
            self._reload(path if ok else "*")

    def _reload_path(self, changed: set[str]) -> str:
        static = self.state.config.path(self.state.config.static_dir).resolve()
        paths = [Path(p).resolve() for p in changed]
        if paths and all(p.suffix == ".css" and static in p.parents for p in paths) and len(paths) == 1:
            return "static/" + paths[0].relative_to(static).as_posix()
        return "*"

    def _reload(self, path: str) -> None:
        self.filepath = path
        if self._loop is not None:
            self._loop.add_callback(GuardedLiveReload.reload_waiters, path)


def _warm_up() -> None:
    """Load the annotator's dictionaries now, so the first edit is not the one that pays for it."""
    try:
        import annotator
        annotator.prepare()
        annotator.annotate("张伟表示，公司2023年营收增长5%。", date="2023-01-01")
    except Exception:
        pass


def serve(config: SiteConfig, *, host: str = "127.0.0.1", port: int = 8000,
          config_path: Path | None = None, force: bool = False) -> int:
    state = ServeState(config, config_path, force=force)
    state.rebuild()
    watcher = WatchfilesWatcher(state)
    SiteHandler.state = state
    _guard_livereload(host, port)
    server = Server(watcher=watcher)
    server.SFH = SiteHandler
    print(f"serving {state.out} at http://{host}:{port}{config.base_url} (Ctrl-C to stop)", file=sys.stderr, flush=True)
    try:
        server.serve(port=port, host=host, root=str(state.out), live_css=True)
    except OSError as exc:
        raise BuildError(None, None, f"cannot listen on {host}:{port}: {exc.strerror or exc} "
                                     "(pass --port to pick another)") from None
    finally:
        watcher.stop()
    return 0
