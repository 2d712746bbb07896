"""Markdown to HTML, with annotation marks inserted into text tokens only.

A markdown-it core rule (modelled on markdown-it's own linkify rule) runs after parsing: it finds
each text token's place in the Markdown source, then splits the token where annotation marks begin
and end. Code, URLs, attributes and link text are never touched, so a mark can't break markup, and
the annotator's offsets (into the Markdown body) land exactly on the rendered text.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin


@dataclass(frozen=True)
class Mark:
    """A span of the Markdown body to wrap; `layer` 0 may contain layer-1 marks (a quote holds names)."""
    start: int
    end: int
    note_id: str
    kind: str
    layer: int = 1


MarkRenderer = Callable[[Mark, bool, bool], str]  # (mark, opening, first piece) -> HTML


def make_markdown(render_mark: MarkRenderer) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable(["table", "strikethrough"])
    md.use(attrs_block_plugin)
    md.core.ruler.push("pizhu_marks", _insert_marks)

    def render_open(self, tokens, idx, options, env):
        token = tokens[idx]
        return render_mark(token.meta["mark"], True, token.meta["first"])

    def render_close(self, tokens, idx, options, env):
        token = tokens[idx]
        return render_mark(token.meta["mark"], False, token.meta["first"])

    md.add_render_rule("pz_mark_open", render_open)
    md.add_render_rule("pz_mark_close", render_close)
    return md


def render(md: MarkdownIt, body: str, marks: list[Mark]) -> Rendered:
    """HTML of `body` with `marks` (offsets into `body`) wrapped around their text."""
    env = {"pizhu_marks": _Layers(marks), "pizhu_placed": set()}
    return Rendered(md.render(body, env), frozenset(env["pizhu_placed"]))


def placed_marks(md: MarkdownIt, body: str, marks: list[Mark]) -> frozenset[str]:
    """The note ids `render` would place in the text, from parsing alone (no HTML)."""
    env = {"pizhu_marks": _Layers(marks), "pizhu_placed": set()}
    md.parse(body, env)
    return frozenset(env["pizhu_placed"])


@dataclass(frozen=True)
class Rendered:
    html: str
    placed: frozenset[str]  # note ids whose mark made it into the text (an anchor #ref-<id> exists)


class _Layers:
    """The marks to place: per layer sorted and non-overlapping; inner marks never cross a quote's edge."""

    def __init__(self, marks: list[Mark]):
        layers: dict[int, list[Mark]] = {0: [], 1: []}
        for mark in sorted(marks, key=lambda m: (m.layer, m.start, -(m.end - m.start))):
            kept = layers.setdefault(mark.layer, [])
            if mark.end > mark.start and (not kept or kept[-1].end <= mark.start):
                kept.append(mark)
        self.outer = layers[0]
        self.outer_ends = [m.end for m in self.outer]
        self.inner = [m for m in layers[1] if not self._crosses_outer(m)]
        self.inner_starts = [m.start for m in self.inner]

    def _crosses_outer(self, mark: Mark) -> bool:
        j = bisect.bisect_right(self.outer_ends, mark.start)
        while j < len(self.outer) and self.outer[j].start < mark.end:
            quote = self.outer[j]
            if mark.start < quote.start or mark.end > quote.end:
                return True
            j += 1
        return False

    def within(self, start: int, end: int) -> tuple[list[Mark], list[Mark]]:
        """(quotes overlapping [start, end), inner marks lying wholly inside it)."""
        outer = []
        j = bisect.bisect_right(self.outer_ends, start)
        while j < len(self.outer) and self.outer[j].start < end:
            outer.append(self.outer[j])
            j += 1
        lo, hi = bisect.bisect_left(self.inner_starts, start), bisect.bisect_left(self.inner_starts, end)
        return outer, [m for m in self.inner[lo:hi] if m.end <= end]


def _insert_marks(state: StateCore) -> None:
    layers: _Layers | None = state.env.get("pizhu_marks")
    if layers is None or not (layers.outer or layers.inner):
        return
    source = state.src
    line_starts = _line_starts(source)
    for block in state.tokens:
        if block.type != "inline" or not block.children or not block.map:
            continue
        start = line_starts[block.map[0]]
        end = line_starts[block.map[1]] if block.map[1] < len(line_starts) else len(source)
        block.children = _split_children(block.children, source, start, end, layers, state.env["pizhu_placed"])


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def _split_children(children: list[Token], source: str, cursor: int, limit: int, layers: _Layers,
                    placed: set[str]) -> list[Token]:
    out: list[Token] = []
    in_link = 0
    for token in children:
        if token.type in ("link_open", "link_close"):
            in_link += 1 if token.type == "link_open" else -1
        if token.type not in ("text", "code_inline") or not token.content:
            out.append(token)
            continue
        pos = source.find(token.content, cursor, limit)
        if pos < 0:  # an escape or entity changed the text: leave this token unmarked
            out.append(token)
            continue
        cursor = pos + len(token.content)
        if token.type == "code_inline" or in_link:
            out.append(token)
            continue
        out.extend(_mark_text(token, pos, layers, placed))
    return out


def _mark_text(token: Token, offset: int, layers: _Layers, placed: set[str]) -> list[Token]:
    """Split one text token (at `offset` in the source) into text and mark open/close tokens."""
    end = offset + len(token.content)
    outer, inner = layers.within(offset, end)
    if not outer and not inner:
        return [token]
    cuts = sorted({offset, end, *(max(m.start, offset) for m in outer), *(min(m.end, end) for m in outer),
                   *(m.start for m in inner), *(m.end for m in inner)})
    pieces: list[Token] = []
    piece_first: dict[Mark, bool] = {}
    for a, b in zip(cuts, cuts[1:]):
        o = next((m for m in outer if m.start <= a < m.end), None)
        i = next((m for m in inner if m.start <= a < m.end), None)
        for mark in (o, i):
            if mark is not None and a == max(mark.start, offset):
                first = piece_first[mark] = mark.note_id not in placed
                placed.add(mark.note_id)
                pieces.append(Token("pz_mark_open", "", 1, meta={"mark": mark, "first": first}))
        pieces.append(Token("text", "", 0, content=token.content[a - offset:b - offset]))
        for mark in (i, o):
            if mark is not None and b == min(mark.end, end):
                pieces.append(Token("pz_mark_close", "", -1, meta={"mark": mark, "first": piece_first[mark]}))
    return pieces
