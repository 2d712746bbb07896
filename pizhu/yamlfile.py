"""YAML mappings that remember the line of each top-level key, for error messages."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import BuildError


@dataclass
class LocatedMapping:
    data: dict
    path: str
    first_line: int  # file line of the mapping's first line (1-based)
    lines: dict = field(default_factory=dict)  # key -> 1-based file line
    item_lines: dict = field(default_factory=dict)  # key of a list -> file line of each item

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.first_line)

    def line_of_item(self, key: str, index: int) -> int:
        items = self.item_lines.get(key, [])
        return items[index] if index < len(items) else self.line_of(key)


def load_mapping(text: str, path: str | Path, *, first_line: int = 1, what: str = "YAML") -> LocatedMapping:
    """Parse `text` as a YAML mapping; errors carry the file line (text starts at `first_line`)."""
    loader = _Loader(text)
    try:  # parsed once: the node tree gives the lines, the same tree the data
        node = loader.get_single_node()
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
    lines, item_lines = {}, {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            lines[key_node.value] = first_line + key_node.start_mark.line
            if isinstance(value_node, yaml.SequenceNode):
                item_lines[key_node.value] = [first_line + n.start_mark.line for n in value_node.value]
    return LocatedMapping(data, str(path), first_line, lines, item_lines)


# libyaml's parser when PyYAML was built with it (its wheels are): front matter of a thousand articles
# parses in a tenth of the time.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
