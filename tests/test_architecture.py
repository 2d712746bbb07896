"""The import graph of annotator/ and pizhu/, read from the source (nothing is executed): no module imports
itself back through others, the annotator knows nothing of pizhu, pizhu nothing of jieba. Every import
counts, including those inside functions and under TYPE_CHECKING: a cycle there is a cycle to a reader."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("annotator", "pizhu")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path, name: str) -> set[str]:
    """Every module `path` (module `name`) imports, absolute, as written (a package or a module in it)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            base = (f"{base}.{node.module}" if node.module else base) if node.level else node.module or ""
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # `from . import x` names module x
    return found


def import_graph() -> dict[str, set[str]]:
    """Each module of annotator/ and pizhu/ → the modules of annotator/ and pizhu/ it imports, plus every
    outside module it imports (kept, for the rules on jieba)."""
    files = {module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")
             if "__pycache__" not in p.parts and "starter" not in p.relative_to(ROOT).parts}
    graph = {}
    for name, path in files.items():
        targets = set()
        for target in imported(path, name):
            if target in files:
                targets.add(target)
            elif target.rpartition(".")[0] in files and target.split(".")[0] in PACKAGES:
                continue  # `from .x import name`: the module .x is listed on its own
            else:
                targets.add(target)
        targets.discard(name)
        graph[name] = targets
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle among the graph's own modules, as the path round it, or None."""
    done: set[str] = set()
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        if node in path:
            return path[path.index(node):] + [node]
        if node in done:
            return None
        path.append(node)
        for target in sorted(graph[node] & graph.keys()):
            if not _package_of(node, target) and (cycle := visit(target)):
                return cycle
        path.pop()
        done.add(node)
        return None

    for node in sorted(graph):
        if cycle := visit(node):
            return cycle
    return None


def _package_of(node: str, target: str) -> bool:
    """A module importing its own package's __init__ (`from . import x` resolves there first): not an edge
    back, the __init__ is named only to reach x."""
    return node.startswith(target + ".")


def test_the_graph_is_read():
    graph = import_graph()
    assert "pizhu.builder" in graph and "annotator" in graph["pizhu.builder"]
    assert "watchfiles" in graph["pizhu.serve"]  # imported inside a function: it counts


def test_no_import_cycle():
    cycle = find_cycle(import_graph())
    assert cycle is None, " → ".join(cycle or [])


def test_a_cycle_is_found():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_the_annotator_never_imports_pizhu():
    graph = import_graph()
    offenders = {name: sorted(t for t in targets if t.split(".")[0] == "pizhu")
                 for name, targets in graph.items() if name.split(".")[0] == "annotator"}
    assert not {k: v for k, v in offenders.items() if v}


def test_pizhu_never_imports_jieba():
    graph = import_graph()
    offenders = {name: sorted(t for t in targets if t.split(".")[0] == "jieba")
                 for name, targets in graph.items() if name.split(".")[0] == "pizhu"}
    assert not {k: v for k, v in offenders.items() if v}
