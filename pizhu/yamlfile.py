"""YAML mappings that remember the line of each key, for error messages, and refuse what YAML lets
through silently: duplicate keys (the last would win), alias bombs and recursive aliases."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import BuildError

# Aliases may repeat at most this many nodes in all: a hand-written file needs a few, while a
# "billion laughs" document (aliases of aliases) would expand to millions downstream.
ALIAS_EXPANSION_LIMIT = 10_000


@dataclass
class LocatedMapping:
    data: dict
    path: str
    first_line: int  # file line of the mapping's first line (1-based)
    lines: dict = field(default_factory=dict)  # key -> 1-based file line
    item_lines: dict = field(default_factory=dict)  # key of a list -> file line of each item
    item_key_lines: dict = field(default_factory=dict)  # key of a list -> per item, {its key: file line}

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.first_line)

    def line_of_item(self, key: str, index: int) -> int:
        items = self.item_lines.get(key, [])
        return items[index] if index < len(items) else self.line_of(key)

    def line_in_item(self, key: str, index: int, item_key: str) -> int:
        """Line of `item_key` inside item `index` of the list under `key` (a list of mappings)."""
        items = self.item_key_lines.get(key, [])
        found = items[index].get(item_key) if index < len(items) else None
        return found or self.line_of_item(key, index)


def load_mapping(text: str, path: str | Path, *, first_line: int = 1, what: str = "YAML") -> LocatedMapping:
    """Parse `text` as a YAML mapping; errors carry the file line (text starts at `first_line`)."""
    loader = _Loader(text)
    try:  # parsed once: the node tree gives the lines, the same tree the data
        node = loader.get_single_node()
        if node is not None:
            _check_nodes(node, path, first_line, has_anchors="&" in text)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        problem = exc.problem or exc.context or "invalid YAML"
        raise BuildError(path, line, f"invalid {what}: {problem}") from None
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise BuildError(path, first_line, f"{what} must be a mapping of keys to values, got {type(data).__name__}")
    lines, item_lines, item_key_lines = {}, {}, {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            lines[key_node.value] = first_line + key_node.start_mark.line
            if isinstance(value_node, yaml.SequenceNode):
                item_lines[key_node.value] = [first_line + n.start_mark.line for n in value_node.value]
                item_key_lines[key_node.value] = [_key_lines(n, first_line) for n in value_node.value]
    return LocatedMapping(data, str(path), first_line, lines, item_lines, item_key_lines)


def _key_lines(node: yaml.Node, first_line: int) -> dict:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: first_line + k.start_mark.line for k, _ in node.value if isinstance(k, yaml.ScalarNode)}


def _check_nodes(root: yaml.Node, path: str | Path, first_line: int, *, has_anchors: bool) -> None:
    """Refuse duplicate keys, and alias bombs and recursive aliases, before anything is constructed.
    Without an anchor (`&name`) there can be no alias: most files skip that check."""
    if has_anchors:
        _refuse_alias_bombs(root, path, first_line)  # first: the walk below then repeats few nodes
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            _refuse_duplicate_keys(node, path, first_line)
        stack.extend(_children(node))


def _refuse_alias_bombs(root: yaml.Node, path: str | Path, first_line: int) -> None:
    """Depth first without recursion (YAML may nest a thousand levels): each node is entered once; a node
    met again is an alias, which adds its expanded size to the budget; a node met again while still
    open is one of its own ancestors (a recursive alias)."""
    size: dict[int, int | None] = {}  # id(node) -> its expanded node count; None while open
    repeated = 0
    stack: list[tuple[yaml.Node, yaml.Node | None, bool]] = [(root, None, False)]
    while stack:
        node, parent, leaving = stack.pop()
        children = _children(node)
        if leaving:
            size[id(node)] = 1 + sum(size[id(child)] or 0 for child in children)  # closed: never None
            continue
        if id(node) in size:
            where = first_line + (parent or node).start_mark.line
            known = size[id(node)]
            if known is None:
                raise BuildError(path, where, "a YAML alias refers to the list or mapping that contains it: "
                                              "write the value out")
            repeated += known
            if repeated > ALIAS_EXPANSION_LIMIT:
                raise BuildError(path, where, f"YAML aliases here repeat more than {ALIAS_EXPANSION_LIMIT:,} "
                                              "values (an alias bomb?): write the values out")
            continue
        size[id(node)] = None
        stack.append((node, parent, True))
        stack.extend((child, node, False) for child in reversed(children))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _refuse_duplicate_keys(node: yaml.MappingNode, path: str | Path, first_line: int) -> None:
    seen: dict[tuple[str, str], int] = {}  # (tag, text) of each plain key -> its file line
    for key_node, _value in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        key, line = (key_node.tag, key_node.value), first_line + key_node.start_mark.line
        if key in seen:
            raise BuildError(path, line, f"duplicate key '{key_node.value}' (first on line {seen[key]}): "
                                         "the later value would silently win; keep one")
        seen[key] = line


def _timestamp_or_text(loader: yaml.BaseLoader, node: yaml.ScalarNode):
    """An unquoted date that is not a real one (2023-02-30, hour 25) stays text, so the field that
    expects a date reports it with its line, instead of PyYAML failing with no line at all."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


# libyaml's parser when PyYAML was built with it (its wheels are): front matter of a thousand articles
# parses in a tenth of the time. A subclass, so that its timestamp constructor is only ours.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # chosen at run time
    pass


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)
