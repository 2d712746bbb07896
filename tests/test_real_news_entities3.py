"""Entity and speaker failures seen on real news, third round: one test per kind, on invented sentences
(issue 10)."""
from __future__ import annotations

import annotator


def ann(text: str):
    return annotator.annotate(text, date="2024-03-01")


def names(text: str) -> dict[str, str]:
    """Every mention's text -> its entity's type."""
    return {m.text: e.type for e in ann(text).entities for m in e.mentions}


def test_brand_first_character_cut_off_by_the_segmenter_stays_in_the_name():
    # the segmenter reads 依 as an adverb of its own: the brand is 依澜, not 澜
    found = names("红杉资本去年投资依澜科技，金额未披露。")
    assert found.get("依澜科技") == "org"
    assert "澜科技" not in found


def test_brand_plus_industry_word_is_an_organisation():
    # 储能 (energy storage) is a sector word that ends companies' names, like 科技 or 矿业
    found = names("储能电池厂商星河储能宣布完成新一轮融资。")
    assert found.get("星河储能") == "org"


def test_bare_company_source_is_not_the_firm_named_last():
    # 公司 alone is the article's company; the broker named once before is not the one that discloses
    a = ann("华信证券分析师此前给出买入评级。据公司披露，今年一季度营收同比增长两成。")
    quote = next(q for q in a.quotes if "营收" in q.text)
    broker = next(e for e in a.entities if e.name == "华信证券")
    assert quote.speaker_entity != broker.id
    assert quote.speaker in (None, "公司")


def test_bare_company_source_is_the_company_the_article_is_about():
    a = ann("远望集团今日发布年报。远望集团称将扩大产能。华信证券分析师给出买入评级。"
            "据公司披露，今年一季度营收同比增长两成。")
    quote = next(q for q in a.quotes if "营收" in q.text)
    company = next(e for e in a.entities if e.name == "远望集团")
    assert quote.speaker_entity == company.id
