"""`build.py serve`: build, serve the output on loopback, rebuild and reload on every change."""
from __future__ import annotations

import sys

from livereload import Server

from .builder import build_site
from .config import SiteConfig
from .errors import BuildError, BuildErrors


def serve(config: SiteConfig, *, host: str = "127.0.0.1", port: int = 8000) -> int:
    def rebuild() -> None:
        try:
            print(build_site(config).summary())
        except (BuildError, BuildErrors) as exc:
            print(f"error: {exc}", file=sys.stderr)

    rebuild()
    server = Server()
    for folder in (config.content_dir, config.templates_dir, config.static_dir):
        server.watch(str(config.path(folder)), rebuild)
    server.watch(str(config.root / "site.yaml"), rebuild)
    server.serve(host=host, port=port, root=str(config.path(config.output_dir)))
    return 0
