"""Markdown to HTML, with annotation marks inserted into text tokens only.

A markdown-it core rule (modelled on markdown-it's own linkify rule) runs after parsing: it finds
each text token's place in the Markdown source, then cuts its text where annotation marks begin and
end (one `pz_marked` token holds the pieces, rendered in one call). Code, URLs, attributes and link
text are never touched, so a mark can't break markup, and the annotator's offsets (into the
Markdown body) land exactly on the rendered text.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Callable, NamedTuple

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin

from .cjk_punctuation import punctuation_rule
from .errors import BuildError


class Mark(NamedTuple):  # a tuple, not a frozen dataclass: one per mention, about half the cost to build
    """A span of the Markdown body to wrap; `layer` 0 may contain layer-1 marks (a quote holds names).
    Marks with the same `item` are mentions of one thing: after the first in a paragraph, the others
    are rendered as repeats."""
    start: int
    end: int
    note_id: str  # the mark's own id (its anchor)
    kind: str
    layer: int = 1
    item: str = ""


_HTML_SPECIAL = re.compile('[&<>"]')  # what markdown-it's escapeHtml replaces
MarkRenderer = Callable[[Mark, bool, bool, bool], str]  # (mark, opening, first piece, repeat) -> HTML


def make_markdown(render_mark: MarkRenderer) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable(["table", "strikethrough"])
    md.use(attrs_block_plugin)
    md.core.ruler.push("pizhu_marks", _insert_marks)
    md.core.ruler.push("pizhu_cjk_punctuation", punctuation_rule)  # after the marks: offsets are the source's

    def render_marked(self, tokens, idx, options, env):
        token = tokens[idx]
        escape = escapeHtml if _HTML_SPECIAL.search(token.content) else str  # most text needs no escaping
        return "".join([escape(piece) if piece.__class__ is str else render_mark(*piece)
                        for piece in token.meta["pieces"]])

    md.add_render_rule("pz_marked", render_marked)
    return md


def render(md: MarkdownIt, body: str, marks: list[Mark]) -> Rendered:
    """HTML of `body` with `marks` (offsets into `body`) wrapped around their text."""
    placed: set[str] = set()
    env = {"pizhu_marks": _Layers(marks), "pizhu_placed": placed}
    return Rendered(md.render(body, env), frozenset(placed))


@dataclass(frozen=True)
class Rendered:
    html: str
    placed: frozenset[str]  # note ids whose mark made it into the text (its anchor exists: notes.anchor)


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
        seen: set[str] = set()  # the items already marked in this block (paragraph, heading, list item)
        block.children = _split_children(block.children, source, start, end, layers, state.env["pizhu_placed"], seen)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def _split_children(children: list[Token], source: str, cursor: int, limit: int, layers: _Layers,
                    placed: set[str], seen: set[str]) -> list[Token]:
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
        out.extend(_mark_text(token, pos, layers, placed, seen))
    return out


def _mark_text(token: Token, offset: int, layers: _Layers, placed: set[str], seen: set[str]) -> list[Token]:
    """One text token (at `offset` in the source) as a `pz_marked` token holding its pieces: text,
    and (mark, opening, first piece, repeat) where marks open and close (quotes outside inner marks);
    `repeat`: an earlier mark of the same item is in the block (`seen`)."""
    text = token.content
    end = offset + len(text)
    outer, inner = layers.within(offset, end)
    if not outer and not inner:
        return [token]
    # (position, order, mark): at one position closes come before opens, inner marks inside quotes
    events = [(m.start, 3, m) for m in inner] + [(m.end, 0, m) for m in inner]
    events += [(max(m.start, offset), 2, m) for m in outer] + [(min(m.end, end), 1, m) for m in outer]
    events.sort(key=lambda e: (e[0], e[1]))
    pieces: list = []
    pos, first, repeat = offset, {}, {}
    for at, order, mark in events:
        if at > pos:
            pieces.append(text[pos - offset:at - offset])
            pos = at
        if order >= 2:
            first[mark.note_id] = mark.note_id not in placed
            if first[mark.note_id]:
                repeat[mark.note_id] = bool(mark.item) and mark.item in seen
                seen.add(mark.item)
            placed.add(mark.note_id)
        pieces.append((mark, order >= 2, first[mark.note_id], repeat.get(mark.note_id, False)))
    if end > pos:
        pieces.append(text[pos - offset:])
    return [Token("pz_marked", "", 0, content=text, meta={"pieces": pieces})]


# --- what the annotator reads --------------------------------------------------------------------------

# Bodies with none of these have no code and cannot nest deep enough to lose text: no parse needed.
# (A backtick, a tilde fence, a line indented by four (after any quote markers: code, or a list nested
# by indentation), or a line opening with nine or more quote/list markers.)
_MAYBE_CODE_OR_DEEP = re.compile(r"`|~~~|^[ \t>]*(?: {4}|\t)|^(?:[ \t]*(?:>|[*+-][ \t]|\d{1,9}[.)][ \t])){9}", re.M)
_CONTAINERS = ("blockquote_open", "list_item_open")  # the block rules markdown-it nests into
# Markup that is never prose and never marked: link and image destinations (with their titles),
# reference definitions, autolinks, bare URLs and {attribute} lines. Left in, a URL's words become
# entities (a path like /2023-05-06/30-percent.html yields dates, figures and names).
_NOT_PROSE = re.compile(r"""(?<=\]\()[^()\s]+(?:\s+"[^"\n]*")?(?=\))
                          | ^[ ]{0,3}\[[^\]\n]+\]:[^\n]*$
                          | <[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>
                          | \b(?:https?|ftp)://[A-Za-z0-9_!#$%&*+,./:;=?@~-]+
                          | ^[ ]{0,3}\{[^}\n]*\}[ \t]*$""", re.M | re.X)


def annotatable_text(body: str, path=None, first_line: int = 1) -> str:
    """`body` as the annotator must read it: code (fenced, indented, inline) and link markup (see
    _NOT_PROSE) blanked out with spaces,
    same length and newlines, so offsets still point into `body`. Code is shown verbatim and never
    marked, so a figure or a name in it must not reach the sidebar, timeline or entity pages either.

    Raises BuildError (at `first_line` + the line in `body`) where quotes or lists nest so deep that
    markdown-it drops the text inside (its maxNesting guards its recursion)."""
    if _NOT_PROSE.search(body):
        chars = list(body)
        for m in _NOT_PROSE.finditer(body):
            _blank(chars, m.start(), m.end())
        body = "".join(chars)
    if not _MAYBE_CODE_OR_DEEP.search(body):
        return body
    md = _parser()
    lines = _line_starts(body)
    chars = list(body)
    for token in md.parse(body):
        if token.type in _CONTAINERS and token.level >= md.options.maxNesting - 1:
            raise BuildError(path, first_line + (token.map[0] if token.map else 0),
                             f"quotes or lists nest deeper than {md.options.maxNesting} levels here: "
                             "Markdown drops the text inside them; nest less")
        if token.type in ("fence", "code_block") and token.map:
            _blank(chars, lines[token.map[0]], _line_end(lines, token.map[1], len(body)))
        elif token.type == "inline" and token.children and token.map:
            start, end = lines[token.map[0]], _line_end(lines, token.map[1], len(body))
            for span in _code_spans(token.children, body, start, end):
                _blank(chars, *span)
    return "".join(chars)


@functools.cache
def _parser() -> MarkdownIt:
    return make_markdown(lambda *a: "")


def _line_end(line_starts: list[int], line: int, length: int) -> int:
    return line_starts[line] if line < len(line_starts) else length


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _code_spans(children: list[Token], source: str, cursor: int, limit: int):
    """(start, end) in `source` of each code span among an inline block's children, backticks included:
    found in order, as `_split_children` finds text, after the text before them."""
    for token in children:
        if token.type == "code_inline":
            opening = _backtick_run(source, token.markup, cursor, limit, escapable=True)
            closing = _backtick_run(source, token.markup, opening + len(token.markup), limit) if opening >= 0 else -1
            if closing >= 0:
                cursor = closing + len(token.markup)
                yield opening, cursor
        elif token.type == "text" and token.content:
            pos = source.find(token.content, cursor, limit)
            if pos >= 0:
                cursor = pos + len(token.content)


def _backtick_run(source: str, run: str, start: int, limit: int, escapable: bool = False) -> int:
    """Where a run of exactly len(run) backticks starts in source[start:limit] (-1: none); an opening
    run may not follow a backslash (an escaped backtick is text)."""
    before = r"(?<![`\\])" if escapable else "(?<!`)"
    found = re.compile(before + re.escape(run) + "(?!`)").search(source, start, limit)
    return found.start() if found else -1
