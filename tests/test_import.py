"""`build.py import` turns a scraped page into a clean article with front matter."""
from support import SCRAPED_PAGE, run_cli

from pizhu.content import split_front_matter
from pizhu.importer import convert, slug_for


def imported(project):
    result = run_cli("import", str(SCRAPED_PAGE), "--date", "2024-04-02", "--slug", "imported", cwd=project)
    assert result.returncode == 0, result.stderr
    return (project / "content" / "imported.md").read_text(encoding="utf-8")


def test_import_takes_title_and_byline_into_front_matter(project):
    text = imported(project)
    front, body, _ = split_front_matter(text, "imported.md")
    assert "title: 青禾储能半年签下三笔大单,扩产计划提前一年" in front
    assert "date: 2024-04-02" in front
    assert "author: 林晓舟" in front and "editor: 许安然" in front
    assert "image_credit: 由青禾储能提供" in front
    assert "文|" not in body and "编辑|" not in body and "题图|" not in body


def test_import_drops_web_page_debris(project):
    text = imported(project)
    for debris in ("发表评论", "电子邮箱地址不会被公开", "reCAPTCHA", "Scroll to Top"):
        assert debris not in text
    assert text.rstrip().endswith("将是青禾储能接下来要回答的问题。")


def test_import_turns_short_unpunctuated_lines_into_headings(project):
    text = imported(project)
    assert "\n## 订单一面:三笔合同来自海外\n" in text
    assert "\n## 隐忧一面:毛利率连续两年下滑\n" in text
    assert "## 风光背后" not in text  # a sentence is never a heading


def test_import_marks_image_captions(project):
    text = imported(project)
    assert "{.caption}\n青禾储能位于苏州的第二工厂。图源:青禾储能官网" in text


def test_imported_article_builds_with_caption_class(project):
    imported(project)
    assert run_cli("build", cwd=project).returncode == 0
    html = (project / "_site" / "articles" / "imported" / "index.html").read_text(encoding="utf-8")
    assert '<p class="caption">' in html


def test_import_refuses_to_overwrite(project):
    imported(project)
    result = run_cli("import", str(SCRAPED_PAGE), "--date", "2024-04-02", "--slug", "imported", cwd=project)
    assert result.returncode == 1 and "already exists" in result.stderr


def test_general_debris_rules_apply_to_other_pages():
    raw = "标题在这里\n\n作者：张三\n\n第一段正文。\n\n分享到：微信 微博\n\n返回顶部\n\nLeave a Reply\n\n第二段正文。\n"
    article = convert(raw)
    assert article.title == "标题在这里" and article.meta["author"] == "张三"
    assert article.blocks == ["第一段正文。", "第二段正文。"]


def test_slug_of_chinese_title_is_ascii_readable_and_stable():
    slug = slug_for("疯狂亏损疯狂融资,OpenAI面临开源隐忧")
    assert slug == slug_for("疯狂亏损疯狂融资,OpenAI面临开源隐忧")
    assert slug.startswith("openai-") and slug.isascii()
    assert slug_for("纯中文标题").startswith("article-")
    assert slug_for("纯中文标题") != slug_for("另一个标题")
