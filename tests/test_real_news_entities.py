"""Entity failures seen on real news, one test per kind, on invented sentences (issue 10)."""
from __future__ import annotations

import annotator


def ann(text: str):
    return annotator.annotate(text, date="2024-03-01")


def names(text: str) -> dict[str, str]:
    """Every mention's text -> its entity's type."""
    return {m.text: e.type for e in ann(text).entities for m in e.mentions}


def by_surface(a, surface: str):
    for e in a.entities:
        if any(m.text == surface for m in e.mentions):
            return e
    return None


def test_verbs_and_generic_place_words_are_not_places():
    found = names("这家公司计划明年在香港上市，城镇居民的收入也在增长。")
    assert found == {"香港": "place"}


def test_conjunction_he_is_not_a_surname():
    found = names("王涛和林静出席了会议。")
    assert found.get("林静") == "person" and "和林静" not in found and "和林" not in found


def test_org_word_inside_a_persons_name_does_not_make_an_org():
    found = names("远山科技王建军表示，公司将继续投入研发。")
    assert found.get("王建军") == "person"
    assert all("王建军" not in m or m == "王建军" for m in found)


def test_kinds_of_bodies_are_not_names():
    assert names("他们计划登陆交易所，目前已取得新进展。") == {}


def test_city_is_a_club_only_next_to_a_match_word():
    assert names("罗马主场2比1战胜米兰。") == {"罗马": "org", "米兰": "org"}
    assert names("在伦敦举行的田径比赛中，他夺得金牌。") == {"伦敦": "place"}


def test_transliterated_name_is_whole_across_its_middle_dot():
    a = ann("彼得·皮尔斯和亚当·斯密也会到场。斯密说，他很期待。")
    assert by_surface(a, "彼得·皮尔斯").type == "person"
    adam = by_surface(a, "亚当·斯密")
    assert adam is not None and adam.type == "person" and by_surface(a, "斯密") is adam
    assert by_surface(a, "亚当") is None


def test_brand_plus_industry_word_is_an_org():
    found = names("远山矿业、华信期货和恒通证券的股价均上涨。")
    assert found == {"远山矿业": "org", "华信期货": "org", "恒通证券": "org"}


def test_country_plus_industry_word_is_not_a_company():
    assert "中国电动汽车" not in names("中国电动汽车市场竞争激烈。")


def test_holding_verb_is_not_swallowed_into_the_name():
    found = names("华润控股三家公司。")
    assert found == {"华润": "org"}
    assert names("远山控股发布公告。") == {"远山控股": "org"}


def test_surname_and_jun_is_a_person_not_an_army():
    found = names("华为孔军表示，公司将继续投入。")
    assert found.get("孔军") == "person" and "华为孔军" not in found


def test_generic_landform_word_is_not_a_place():
    assert "海洋" not in names("比赛中林海洋游出了好成绩。")


def test_verb_after_a_given_name_stays_out_of_it():
    a = ann("那时王斌坐着没动。王斌表示很好。")
    assert by_surface(a, "王斌").type == "person"
    assert by_surface(a, "王斌坐") is None


def test_surname_of_a_foreign_person_named_in_full_joins_them():
    a = ann("迈克尔·诺尔普斯说，诺尔普斯很强。")
    e = by_surface(a, "迈克尔·诺尔普斯")
    assert e is not None and by_surface(a, "诺尔普斯") is e


def test_person_with_english_name_in_brackets_is_a_person():
    a = ann("安娜（Anna）说她很高兴。")
    e = by_surface(a, "安娜")
    assert e.type == "person" and by_surface(a, "Anna") is e


def test_variants_of_one_name_are_one_entity():
    a = ann("路透社报道称，路透获得了文件。中国人民银行表示，人民银行将加强监管。苹果发布iPhone 15，iPhone15的销量很好。")
    assert by_surface(a, "路透") is by_surface(a, "路透社") is not None
    assert by_surface(a, "人民银行") is by_surface(a, "中国人民银行") is not None
    assert by_surface(a, "iPhone15") is by_surface(a, "iPhone 15") is not None


def test_programming_language_ids_differ():
    from annotator.entities import slug
    assert len({slug("C"), slug("C#"), slug("C++")}) == 3


def test_confidence_follows_the_evidence():
    from annotator import Glossary, GlossaryEntry
    glossary = Glossary(entries=(GlossaryEntry(name="星河资本", type="org"),))
    a = annotator.annotate("星河资本投资了远山矿业，微软也参与了。王涛和林静出席了会议。", date="2024-03-01", glossary=glossary)
    conf = {e.name: e.confidence for e in a.entities}
    assert conf["星河资本"] > conf["微软"] > conf["远山矿业"] > conf["林静"]
    assert all(0 <= c <= 1 for c in conf.values())


def test_government_bodies_beyond_the_dictionary():
    found = names("国家能源局和卫生部联合发文，联邦议会也通过了法案。")
    assert found == {"国家能源局": "org", "卫生部": "org", "联邦议会": "org"}


def test_club_named_by_a_common_word_or_city_needs_a_sport_context():
    assert names("他是一名勇敢的骑士，还吃了一个汉堡。") == {}
    assert names("他在马赛和里昂之间往返。") == {"马赛": "place", "里昂": "place"}
    assert names("骑士主场战胜勇士。") == {"骑士": "org", "勇士": "org"}
    assert names("本赛季马赛在联赛中表现出色。") == {"马赛": "org"}


def test_unknown_item_in_a_list_of_organisations_is_an_organisation():
    assert names("投资方包括红杉资本、星河、远望等知名机构。").get("星河") == "org"
    assert names("苹果、香蕉、橘子都很好吃。") == {}


def test_title_surname_and_speech_verb_frame_a_person():
    assert names("首席经济学家周彬认为，经济将回升。") == {"周彬": "person"}
    assert names("董事长何小米表示，公司将继续投入。") == {"何小米": "person"}


def test_foreign_surname_alone_with_a_common_character_inside():
    assert names("诺尔普斯说，他很强。") == {"诺尔普斯": "person"}


def test_countries_and_foreign_cities_are_places_not_people():
    found = names("阿尔巴尼亚、安道尔和白俄罗斯的代表出席。他从布拉格飞往约翰内斯堡，再去乌兰巴托。")
    assert found == {"阿尔巴尼亚": "place", "安道尔": "place", "白俄罗斯": "place",
                     "布拉格": "place", "约翰内斯堡": "place", "乌兰巴托": "place"}


def test_foreign_name_after_a_title_is_whole():
    found = names("乌克兰总统泽连斯基之间的谈判陷入僵局。欧盟委员会主席冯德莱恩表示反对。")
    assert found.get("泽连斯基") == "person" and found.get("冯德莱恩") == "person"
    assert not {"连斯基", "冯德", "莱恩", "陷入僵局"} & set(found)


def test_newspaper_named_after_a_city_is_an_org():
    assert names("华盛顿邮报援引一位匿名官员的话说。") == {"华盛顿邮报": "org"}


def test_last_list_item_after_the_conjunction_and_industry_names_in_lists():
    found = names("该公司的竞争对手包括腾讯科技、星澜科技和远帆科技。")
    assert found.get("星澜科技") == "org" and found.get("远帆科技") == "org"


def test_index_named_after_an_industry_is_not_an_org():
    found = names("恒生指数当日下跌，恒生科技指数也下跌了。联合国人权理事会举行会议。")
    assert "恒生科技" not in found and found.get("联合国人权理事会") == "org"


def test_zero_width_characters_do_not_split_names():
    text = "华\u200b为和微\u200d软发布了新产品，华为表示很满意。"
    a = ann(text)
    huawei = by_surface(a, "华为")
    assert huawei is not None and huawei.name == "华为" and by_surface(a, "华\u200b为") is huawei
    assert by_surface(a, "微\u200d软").name == "微软"
    assert all(text[m.start:m.end] == m.text for e in a.entities for m in e.mentions)


def test_company_name_used_as_the_common_word_is_not_the_company():
    assert names("他买了一斤小米，这让人联想到过去，风景很美的。") == {}
    assert names("小米发布了新手机，联想和美的也公布了财报。") == {"小米": "org", "联想": "org", "美的": "org"}


def test_surname_given_name_and_speech_verb_at_a_clause_start():
    assert names("会上，钱明远表示同意。") == {"钱明远": "person"}
    assert names("会上钱明远表示，公司将继续投入。") == {"钱明远": "person"}
    assert names("对此，高管表示不满，高层认为没问题。") == {}


def test_stock_code_is_not_an_org_and_guoji_is_part_of_a_company_name():
    found = names("股票代码为0020.HK。基石投资者包括上海国际集团。")
    assert "0020.HK" not in found and found.get("上海国际集团") == "org"


def test_preposition_phrases_and_partial_bodies_are_not_orgs():
    assert names("美国企业对华投资持续增长。") == {"美国": "place"}
    assert "全国委员会" not in names("美中贸易全国委员会的一份报告显示。")
    assert names("中国驻美国大使馆也回应了此事。") == {"中国驻美国大使馆": "org"}


def test_newspaper_names_and_city_governments():
    found = names("经济日报和法制晚报也有报道。苏州市政府表示支持。")
    assert found == {"经济日报": "org", "法制晚报": "org", "苏州市政府": "org"}


def test_short_form_joins_the_full_name_the_article_uses_most():
    a = ann("远山汽车发布财报，远山汽车股价上涨，远山资本也参与投资，远山表示满意。")
    assert by_surface(a, "远山") is by_surface(a, "远山汽车") is not by_surface(a, "远山资本")


def test_latin_company_with_and_without_its_legal_form_is_one_org():
    a = ann("据Acme Holdings披露，Acme将在年底前完成交易。Morrow Hollis&Co参与投资，Morrow Hollis表示看好。")
    assert by_surface(a, "Acme") is by_surface(a, "Acme Holdings") is not None
    mh = by_surface(a, "Morrow Hollis&Co")
    assert mh.type == "org" and by_surface(a, "Morrow Hollis") is mh


def test_short_parent_names_in_a_list():
    assert names("中化、华润等央企参与了投资。") == {"中化": "org", "华润": "org"}


def test_national_body_and_its_short_name_are_one_org():
    a = ann("国家发改委表示，将继续推动能源结构转型。发改委还说，要加快进度。")
    e = by_surface(a, "国家发改委")
    assert e is not None and e.type == "org" and by_surface(a, "发改委") is e


def test_romanised_chinese_name_is_referred_to_by_its_first_part():
    a = ann("该公司CEO Xu Li在内部信中称，公司将配合监管。Xu表示，公司业务不受影响。")
    e = by_surface(a, "Xu Li")
    assert e.type == "person" and by_surface(a, "Xu") is e


def test_items_of_a_list_of_people_are_people():
    found = names("比赛中，张伟、汪明和覃海生都游出了好成绩。")
    assert found == {"张伟": "person", "汪明": "person", "覃海生": "person"}


def test_guessed_person_that_lists_on_a_market_is_an_org():
    assert names("分拆出来的高鑫上市后，股价大涨。") == {"高鑫": "org"}


def test_investing_verb_before_its_object_is_not_an_org_suffix():
    found = names("一则传闻便是王志东投资远山的过程。")
    assert found.get("王志东") == "person" and "王志东投资" not in found


def test_quoted_english_interjection_is_not_a_name():
    assert names("他只说了一句“Hello。”") == {}


def test_latin_brand_with_a_name_part_word_and_rare_brands_in_lists():
    found = names("投资方包括红杉资本、星河投资、ABC资本等。他创办了K2公司。")
    assert found.get("星河投资") == "org" and found.get("ABC资本") == "org" and found.get("K2") == "org"


def test_university_inside_its_department_word():
    assert names("他本科就读于北京师范大学中文系。") == {"北京师范大学": "org"}


def test_rare_word_plus_industry_word_is_a_company_but_an_industry_plus_one_is_not():
    assert names("其主体星河汽车也被曝正式启动港股上市。") == {"星河汽车": "org"}
    assert names("燃油汽车和新能源汽车的销量都在增长。") == {}


def test_body_named_before_its_acronym_in_brackets():
    a = ann("世界反洗钱组织（WAMO）表示关切。")
    e = by_surface(a, "世界反洗钱组织")
    assert e is not None and e.type == "org" and by_surface(a, "WAMO") is e


def test_place_plus_known_body_and_two_character_brands_are_whole():
    assert names("香港证监会和港交所均未对此发表评论。").get("香港证监会") == "org"
    found = names("股东包括软银集团、银湖资本和春华资本。")
    assert found.get("银湖资本") == "org" and "湖资本" not in found


def test_diplomatic_titles_cue_the_name_after_them():
    assert names("常驻联合国副代表耿明在会上发言。").get("耿明") == "person"


def test_model_edition_words_belong_to_the_product_and_repeated_abbreviations_are_no_pair():
    found = names("苹果发布了iPhone 15 Pro Max，华为则推出了Mate 60 Pro。")
    assert found.get("iPhone 15 Pro Max") == "product" and found.get("Mate 60 Pro") == "product"
    assert "日" not in names("该公司推出了大模型产品日日新。")


def test_preposition_and_time_word_are_not_a_name():
    assert "于本周" not in names("该公司原定于本周五挂牌。")


def test_name_apposed_to_a_class_noun_is_an_org():
    assert names("人工智能公司远见科技原定于本周五挂牌。") == {"远见科技": "org"}
    assert names("芯片企业光明半导体发布财报。") == {"光明半导体": "org"}
