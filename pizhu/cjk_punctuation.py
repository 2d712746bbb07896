"""Half-width punctuation inside Chinese text, shown full-width: "的,近期" reads "的，近期".

Scraped and hand-typed Chinese often carries ASCII commas and colons between Han characters. Set in a
Chinese face they sit cramped against the previous character, and the browser's autospace (which puts
⅛ em between Han and Latin) spaces them as if they were Latin: "日 , 在". Readers expect the
full-width form, as clreq sets it. Only what is surely Chinese changes: a mark with a Han character
(or a closing quotation mark) before it and a Han character, a letter, a digit, an opening quotation
mark or the end of the text after it, or a letter or digit before it and a Han character after it, inside one text token;
"1,000", "OpenAI,Google", "a: b" and code are left as they are. One character
replaces one, so annotation offsets still land on the same text.

A markdown-it core rule, run after the marks are placed (`pizhu_marks`): plain text tokens and the text
pieces of marked ones are rewritten.
"""
from __future__ import annotations

import re

from markdown_it.rules_core import StateCore

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_BETWEEN = re.compile(rf"(?<=[{_HAN}”’」』）])[,;:?!](?=[{_HAN}A-Za-z0-9“‘「『（]|\Z)"
                      rf"|(?<=[A-Za-z0-9])[,;:?!](?=[{_HAN}])")


def full_width(text: str) -> str:
    """`text` with half-width punctuation between Chinese characters made full-width (same length)."""
    if not _BETWEEN.search(text):
        return text
    return _BETWEEN.sub(lambda m: FULL_WIDTH[m.group()], text)


def punctuation_rule(state: StateCore) -> None:
    for block in state.tokens:
        for token in block.children or ():
            if token.type == "text":
                token.content = full_width(token.content)
            elif token.type == "pz_marked":
                _respell(token)


def _respell(token) -> None:
    """The text pieces of a marked token, cut again from its respelled text (marks sit between them)."""
    fixed = full_width(token.content)
    if fixed is token.content:
        return
    pieces, pos = [], 0
    for piece in token.meta["pieces"]:
        if piece.__class__ is str:
            piece, pos = fixed[pos:pos + len(piece)], pos + len(piece)
        pieces.append(piece)
    token.meta["pieces"] = pieces
    token.content = fixed
