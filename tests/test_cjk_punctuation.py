"""Half-width punctuation between Chinese characters is shown full-width (invented sentences)."""
from pizhu.cjk_punctuation import full_width
from pizhu.render import Mark, make_markdown, render


def show(mark, opening, first, repeat):
    return f"<{mark.note_id}>" if opening else f"</{mark.note_id}>"


def test_commas_and_colons_inside_chinese_become_full_width():
    assert full_width("湖畔的小镇,近来游客渐多") == "湖畔的小镇，近来游客渐多"
    assert full_width("据悉:2021年营收下滑") == "据悉：2021年营收下滑"
    assert full_width("真的吗?当然!") == "真的吗？当然！"
    assert full_width("“好”,她答道") == "“好”，她答道"
    assert full_width("融资,Acme随后宣布") == "融资，Acme随后宣布"


def test_numbers_latin_text_and_lengths_are_left_alone():
    for text in ("1,000元", "Acme,Globex", "ratio a: b", "Hi!", "v1.2,v1.3"):
        assert full_width(text) == text
    text = "小镇,近来;游客:渐多?"
    assert len(full_width(text)) == len(text)


def test_a_rendered_article_shows_full_width_commas_around_its_marks():
    body = "青川集团,近期宣布扩产。\n\n代码`a,b`不变,链接[甲,乙](https://example.org/a,b)也是。\n"
    start = body.index("青川集团")
    html = render(make_markdown(show), body, [Mark(start, start + 4, "n1", "entity")]).html
    assert "<n1>青川集团</n1>，近期宣布扩产" in html
    assert "<code>a,b</code>不变，链接" in html and 'href="https://example.org/a,b"' in html
