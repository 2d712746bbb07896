"""Marks go into text only: never into code, URLs or attributes, and offsets land on the right text."""
from pizhu.render import Mark, make_markdown, render


def show(mark, opening, first, repeat):
    return f"[{mark.note_id}:" if opening else "]"


def html(body, marks):
    return render(make_markdown(show), body, marks).html


def span(body, text, note_id, layer=1, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return Mark(start, start + len(text), note_id, "entity", layer)


def test_mark_wraps_exactly_its_text():
    body = "第一段。\n\n微软向OpenAI投资了100亿美元。\n"
    out = html(body, [span(body, "OpenAI", "a"), span(body, "100亿美元", "b")])
    assert "<p>微软向[a:OpenAI]投资了[b:100亿美元]。</p>" in out


def test_code_and_link_urls_are_never_marked():
    body = "用 `OpenAI` 和 [OpenAI](https://openai.com/OpenAI) 以及 OpenAI。\n"
    marks = [span(body, "OpenAI", f"m{i}", nth=i) for i in range(4)]
    out = html(body, marks)
    assert "<code>OpenAI</code>" in out
    assert 'href="https://openai.com/OpenAI"' in out and ">OpenAI</a>" in out
    assert out.count("[") == 1 and "以及 [m3:OpenAI]" in out


def test_quote_layer_contains_inner_marks_and_spans_emphasis():
    body = "他说：“微软**很强**，谷歌也是。”\n"
    quote = Mark(body.index("微软"), body.index("。”") + 1, "q", "quote", layer=0)
    out = html(body, [quote, span(body, "微软", "e"), span(body, "谷歌", "g")])
    assert "[q:[e:微软]]<strong>[q:很强]</strong>[q:，[g:谷歌]也是。]" in out


def test_overlapping_marks_keep_the_first():
    body = "Sam Altman表示。\n"
    out = html(body, [span(body, "Sam Altman", "a"), span(body, "Altman", "b")])
    assert "[a:Sam Altman]表示" in out and "[b:" not in out


def test_headings_and_list_items_are_marked_at_their_offsets():
    body = "## OpenAI的一年\n\n- 微软加注\n- 谷歌追赶\n"
    out = html(body, [span(body, "OpenAI", "h"), span(body, "谷歌", "l")])
    assert "<h2>[h:OpenAI]的一年</h2>" in out and "<li>[l:谷歌]追赶</li>" in out


def test_html_in_markdown_is_escaped():
    body = "<script>alert(1)</script> OpenAI\n"
    out = html(body, [span(body, "OpenAI", "x")])
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_render_reports_which_marks_reached_the_text():
    body = "用 `OpenAI` 和 OpenAI。\n"
    marks = [span(body, "OpenAI", "in-code"), span(body, "OpenAI", "in-text", nth=1)]
    assert render(make_markdown(show), body, marks).placed == {"in-text"}
