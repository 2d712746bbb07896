"""The command-line commands, each a plain function of parsed arguments (build.py only parses)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

import annotator

from .builder import build_site
from .config import SiteConfig, load_config
from .content import is_slug, load_glossary, read_article
from .errors import BuildError
from .textfile import read_text
from .workers import annotate_article


def _config(args) -> SiteConfig:
    return load_config(args.config)


def build(args) -> int:
    config = _config(args).with_overrides(base_url=args.base_url, url=args.site_url and args.site_url.rstrip("/"))
    if args.base_url and config.base_url != "/" and not args.site_url and _is_local(config.url):
        print(f"warning: --base-url {args.base_url} without --site-url: the feed and sitemap will point at "
              f"{config.url} (site.yaml's url); pass --site-url https://<host> when building for a host",
              file=sys.stderr)
    report = build_site(config, out=args.out, use_cache=not args.no_cache, jobs=args.jobs, force=args.force)
    print(report.summary())
    if os.environ.get("PIZHU_TIMINGS") and report.phases:
        print(report.timings(), file=sys.stderr)
    return 0


def _is_local(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return host in ("localhost", "::1") or host.startswith("127.")


def serve(args) -> int:
    from .serve import serve as run_server
    return run_server(_config(args), host=args.host, port=args.port, config_path=Path(args.config), force=args.force)


def annotate(args) -> int:
    path: Path = args.file
    if not path.exists():
        raise BuildError(path, None, "file not found")
    text = read_text(path)
    glossary = None
    if not args.no_glossary and Path(args.config).exists():
        config = _config(args)
        glossary = load_glossary(config.path(config.glossary))
    if text.lstrip("\ufeff").startswith("---"):
        article = read_article(path, path.stem, default_lang="zh")
        if args.date:
            article = dataclasses.replace(article, date=_date(args.date, path))
        result = annotate_article(article, glossary or annotator.Glossary())  # as the build annotates it
    else:
        if not args.date:
            raise BuildError(path, None, "plain text has no front matter: pass --date YYYY-MM-DD")
        annotator.prepare()
        result = annotator.annotate(text, date=_date(args.date, path), glossary=glossary, path=str(path))
    json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


def import_article(args) -> int:
    config = _config(args) if Path(args.config).exists() else SiteConfig()
    date = _date(args.date, args.raw) if args.date else None
    if not args.raw.exists():
        raise BuildError(args.raw, None, "file not found")
    from .importer import convert, slug_for  # only this command needs it

    try:
        article = convert(read_text(args.raw), date=date)
    except ValueError as exc:
        raise BuildError(args.raw, None, str(exc)) from None
    if "date" not in article.meta:
        raise BuildError(args.raw, None, "no dateline (such as 2024-03-12 09:30 or 2024年3月12日) in the lines "
                                         "below the title: pass the article's date with --date YYYY-MM-DD")
    slug = args.slug.removesuffix(".md") if args.slug else slug_for(article.title)
    content = config.path(config.content_dir)
    target = content / f"{slug}.md"
    if not is_slug(slug) or content.resolve() not in target.resolve().parents:
        raise BuildError(args.raw, None, f"--slug must name a file under {content}/: ASCII letters, digits, "
                                         f"'-', '_' or '.', sub-folders with '/', got {args.slug!r}")
    if target.exists() and not args.force:
        raise BuildError(target, None, "already exists (pass --force to overwrite, or --slug to pick another name)")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(article.to_markdown(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


STARTER = Path(__file__).with_name("starter")  # a starter site; "dot-x" there is ".x" in the new site


def new_site(args) -> int:
    """Copy the starter site into args.dir, which must be new or empty."""
    target: Path = args.dir
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BuildError(target, None, "already exists and is not an empty folder: name a new one")
    for source in sorted(STARTER.rglob("*")):
        if source.is_file() and "__pycache__" not in source.parts:
            parts = [("." + p.removeprefix("dot-")) if p.startswith("dot-") else p
                     for p in source.relative_to(STARTER).parts]
            dest = target.joinpath(*parts)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(source.read_bytes())
    print(f"created a site in {target}: `cd {target}` then `pizhu serve` to preview it, `pizhu build` to write it.\n"
          "To publish on GitHub Pages, set PIZHU in .github/workflows/pages.yml to where pip finds Pizhu.")
    return 0


def _date(value: str, path) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BuildError(path, None, f"--date must be YYYY-MM-DD, got {value!r}") from None

