"""Entity finding: one test per phenomenon, on sentences written for the test (not the gold article)."""
from __future__ import annotations

import annotator
from annotator import Glossary, GlossaryEntry


def ann(text: str, glossary: Glossary | None = None):
    return annotator.annotate(text, date="2024-03-01", glossary=glossary)


def by_surface(a, surface: str):
    """The entity one of whose mentions is `surface`, or None."""
    for e in a.entities:
        if any(m.text == surface for m in e.mentions):
            return e
    return None


def test_offsets_slice_to_mention_text():
    text = "据Reuters报道，Satya Nadella表示微软将继续投资。Nadella还说，微软Azure增长强劲。"
    a = ann(text)
    assert a.entities
    for e in a.entities:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text


def test_latin_name_and_surname_merge():
    a = ann("Nvidia首席执行官Jensen Huang周二发表演讲。Huang表示，需求仍然强劲。")
    e = by_surface(a, "Jensen Huang")
    assert e is not None and e.type == "person"
    assert by_surface(a, "Huang") is e
    assert e.name == "Jensen Huang" and "Huang" in e.aliases


def test_translation_in_parentheses_is_one_entity():
    a = ann("投资方包括Lightspeed Ventures(光速创投)等机构，光速创投此前也投资过该公司。")
    e = by_surface(a, "Lightspeed Ventures")
    assert e is not None and e.type == "org"
    assert by_surface(a, "光速创投") is e
    assert len([m for m in e.mentions if m.text == "光速创投"]) == 2


def test_ceo_title_split_from_name():
    a = ann("据悉，Stripe CEO Patrick Collison也参与了这轮投资。")
    assert by_surface(a, "Stripe").type == "org"
    person = by_surface(a, "Patrick Collison")
    assert person is not None and person.type == "person"
    assert all("CEO" not in m.text for e in a.entities for m in e.mentions)


def test_org_suffix_makes_org():
    a = ann("星河资本与远望基金联合领投，北极光研究院提供技术支持。")
    for name in ("星河资本", "远望基金", "北极光研究院"):
        e = by_surface(a, name)
        assert e is not None and e.type == "org", name


def test_generic_words_are_not_entities():
    a = ann("AI大模型竞争激烈，多家初创公司的CEO和CFO在Q1都表示，风投公司仍看好开源模型。")
    surfaces = {m.text for e in a.entities for m in e.mentions}
    for word in ("AI", "CEO", "CFO", "Q1", "大模型", "初创公司", "风投公司", "开源"):
        assert word not in surfaces, word


def test_well_known_company_chinese_and_english_names_merge():
    a = ann("苹果公司与Google达成协议，谷歌将支付费用，Apple则提供入口。")
    google = by_surface(a, "谷歌")
    assert google is not None and by_surface(a, "Google") is google
    assert google.id == "google"
    assert by_surface(a, "Apple") is by_surface(a, "苹果公司")


def test_chinese_person_name_with_title():
    a = ann("中金公司首席经济学家彭文生认为，消费将回暖。")
    e = by_surface(a, "彭文生")
    assert e is not None and e.type == "person"
    assert by_surface(a, "中金公司").type == "org"


def test_transliterated_name_with_separator_is_a_person():
    a = ann("摩根士丹利分析师约瑟夫·摩尔表示，芯片需求回升。")
    e = by_surface(a, "约瑟夫·摩尔")
    assert e is not None and e.type == "person"


def test_company_with_model_number_is_a_product():
    a = ann("华为P60发布后，华为的市场份额回升。")
    assert by_surface(a, "华为P60").type == "product"
    assert by_surface(a, "华为").type == "org"


def test_product_cue_makes_product():
    a = ann("该公司推出了新一代大模型Orion，并计划开放Orion的接口。")
    e = by_surface(a, "Orion")
    assert e is not None and e.type == "product"


def test_country_and_place_names_are_places():
    a = ann("这家公司在德国和硅谷都设有办公室。")
    assert by_surface(a, "德国").type == "place"
    assert by_surface(a, "硅谷").type == "place"


def test_mentions_stay_out_of_figure_and_date_spans():
    text = "K2公司计划融资。"
    from annotator.entities import find_entities
    from annotator.text import Document
    ents = find_entities(Document(text), Glossary(), taken=[(0, 2)])
    assert all(m.end <= 0 or m.start >= 2 for e in ents for m in e.mentions)


def test_glossary_ignore_suppresses():
    text = "Thrive与Index一同参与了本轮融资。"
    assert by_surface(ann(text), "Index") is not None
    a = ann(text, Glossary(ignore=frozenset({"Index"})))
    assert by_surface(a, "Index") is None
    assert by_surface(a, "Thrive") is not None


def test_glossary_sets_type_and_note():
    g = Glossary(entries=(GlossaryEntry("Thrive Capital", "org", aliases=("Thrive",), note="美国风投机构",
                                        link="https://example.org/thrive"),))
    a = ann("Thrive领投了本轮融资，Thrive Capital此前也投资过该公司。", g)
    e = by_surface(a, "Thrive")
    assert e is not None and e.name == "Thrive Capital" and e.type == "org"
    assert e.note == "美国风投机构" and e.link == "https://example.org/thrive"
    assert by_surface(a, "Thrive Capital") is e


def test_glossary_fixes_wrong_type():
    g = Glossary(entries=(GlossaryEntry("Claude", "product"),))
    a = ann("Anthropic发布了Claude，Claude支持更长的上下文。", g)
    assert by_surface(a, "Claude").type == "product"


def test_ids_are_stable_ascii_slugs():
    text = "Sam Altman和微软的代表参加了会议，富国银行也派了人。"
    a1, a2 = ann(text), ann(text)
    assert [e.id for e in a1.entities] == [e.id for e in a2.entities]
    assert by_surface(a1, "Sam Altman").id == "sam-altman"
    assert by_surface(a1, "微软").id == "microsoft"
    assert all(e.id.isascii() for e in a1.entities)
    assert len({e.id for e in a1.entities}) == len(a1.entities)


def test_english_prose_is_not_a_run_of_names():
    a = ann("页面底部写着Scroll to Top和Read more。")
    surfaces = {m.text for e in a.entities for m in e.mentions}
    assert not surfaces & {"Scroll", "Top", "Read"}


def test_figure_is_linked_to_its_entity():
    a = ann("去年，宁德时代营收为4009亿元，同比增长22%。")
    figs = [f for f in a.figures if "4009" in f.text]
    assert figs and figs[0].entity == by_surface(a, "宁德时代").id


def test_model_names_with_number_or_letter_are_products():
    a = ann("特斯拉下调了Model 3和Model Y的售价。")
    assert by_surface(a, "Model 3").type == "product"
    assert by_surface(a, "Model Y").type == "product"


def test_adverb_after_name_is_not_part_of_it():
    a = ann("蔚来汽车创始人李斌则认为，价格战不可持续。")
    assert by_surface(a, "李斌") is not None and by_surface(a, "李斌则") is None


def test_product_and_its_version_merge():
    a = ann("Office 365的订阅收入增长，Office仍是微软的核心产品。")
    e = by_surface(a, "Office 365")
    assert e is not None and e.type == "product" and by_surface(a, "Office") is e


def test_name_after_title_is_a_person_even_if_the_dictionary_says_place():
    a = ann("俄罗斯总统普京当天会见了来访的客人。")
    assert by_surface(a, "普京").type == "person"
    assert by_surface(a, "俄罗斯").type == "place"


def test_org_with_and_without_suffix_merge():
    a = ann("瑞银集团同意收购对手。瑞银董事长表示交易有吸引力。")
    e = by_surface(a, "瑞银集团")
    assert e is not None and by_surface(a, "瑞银") is e


def test_chinese_name_before_original_in_parentheses_is_one_entity():
    a = ann("瑞银同意收购瑞士信贷（Credit Suisse），交易价格为30亿瑞郎。")
    e = by_surface(a, "Credit Suisse")
    assert e is not None and e.type == "org" and by_surface(a, "瑞士信贷") is e
    assert by_surface(a, "瑞士") is None


def test_glossary_company_with_model_number_is_still_a_product():
    g = Glossary(entries=(GlossaryEntry("华为", "org", aliases=("Huawei",)),))
    a = ann("华为P60发布后，华为的市场份额回升。", g)
    assert by_surface(a, "华为P60").type == "product"
    assert by_surface(a, "华为").name == "华为" and by_surface(a, "华为").type == "org"
