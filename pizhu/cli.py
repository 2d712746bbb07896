"""Pizhu's command line: create, import, annotate, build and serve an annotated-article site.

    pizhu new DIR
    pizhu build [--base-url /prefix/] [--out DIR]
    pizhu serve [--host 127.0.0.1] [--port 8000]
    pizhu annotate FILE [--date YYYY-MM-DD] [--no-glossary]
    pizhu import RAW.txt [--date YYYY-MM-DD] [--slug SLUG]

`pizhu` once installed (pip install .), `python build.py` in the repository: the same commands, run in
the folder holding the site's site.yaml. Each command is a function in pizhu.commands; this only parses.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import commands
from .errors import BuildError, BuildErrors

FORCE_HELP = "build into an output folder that holds files Pizhu did not write (they are kept)"

def main(argv: list[str] | None = None, prog: str = "pizhu") -> int:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n")[0])
    parser.add_argument("--config", default="site.yaml", help="site configuration (default: site.yaml)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="write the static site")
    p.set_defaults(run=commands.build)
    p.add_argument("--base-url", help="path the site is served under, e.g. /pizhu/ (default: site.yaml's)")
    p.add_argument("--site-url", help="absolute origin for feed and sitemap, e.g. https://you.github.io")
    p.add_argument("--out", type=Path, help="output folder (default: site.yaml's output_dir, _site)")
    p.add_argument("--jobs", type=int, help="worker processes for annotating (default: one per core)")
    p.add_argument("--no-cache", action="store_true", help="ignore and leave alone .pizhu-cache/")
    p.add_argument("--force", action="store_true", help=FORCE_HELP)

    p = sub.add_parser("serve", help="build, serve on loopback and reload the browser on every change")
    p.set_defaults(run=commands.serve)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--force", action="store_true", help=FORCE_HELP)

    p = sub.add_parser("annotate", help="print the annotation JSON of one article")
    p.set_defaults(run=commands.annotate)
    p.add_argument("file", type=Path, help="Markdown with front matter, or plain text with --date")
    p.add_argument("--date", help="article date YYYY-MM-DD (required for plain text)")
    p.add_argument("--no-glossary", action="store_true", help="annotate without the site's glossary")

    p = sub.add_parser("import", help="turn a scraped article into content/<slug>.md")
    p.set_defaults(run=commands.import_article)
    p.add_argument("raw", type=Path)
    p.add_argument("--date", help="article date YYYY-MM-DD (default: the dateline below the title)")
    p.add_argument("--slug", help="file name under content/ (default: from the title)")
    p.add_argument("--force", action="store_true", help="overwrite an existing article")

    p = sub.add_parser("new", help="create a starter site in a new or empty folder")
    p.set_defaults(run=commands.new_site)
    p.add_argument("dir", type=Path, help="the folder to create (it must not hold anything yet)")

    args = parser.parse_args(argv)
    try:
        status = args.run(args)
        sys.stdout.flush()  # here, not at exit, so that a closed pipe is caught below
        return status
    except (BuildError, BuildErrors) as exc:
        print(f"error: {exc}".replace("\n", "\nerror: "), file=sys.stderr)
        return 1
    except BrokenPipeError:  # `pizhu annotate FILE | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush at exit
        return 128 + 13  # as a shell reports a command ended by SIGPIPE
