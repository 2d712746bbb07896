"""Entity failures seen on public NER sentences, fourth round: one test per kind, on invented sentences
(issue 10)."""
from __future__ import annotations

import annotator


def names(text: str) -> dict[str, str]:
    """Every mention's text -> its entity's type."""
    return {m.text: e.type for e in annotator.annotate(text, date="2024-03-01").entities for m in e.mentions}


def test_a_work_titled_with_a_name_is_the_work_not_the_name():
    # 《青州》 is a novel here, 《苏轼》 an opera: neither the city nor the poet is mentioned
    found = names("他最近读完了长篇小说《青州》，又去剧院看了歌剧《苏轼》。")
    assert "青州" not in found
    assert "苏轼" not in found


def test_a_newspaper_in_title_marks_is_still_an_organisation():
    found = names("据《远山日报》报道，该市地铁三号线将于年底开通。")
    assert found.get("远山日报") == "org"


def test_a_surname_character_beginning_a_palace_or_island_is_a_place():
    # jieba tags these as person names because 景 and 吕 are surnames
    found = names("游客从景仁宫出来后，又乘船去了吕宋岛。")
    assert found.get("景仁宫") == "place"
    assert found.get("吕宋岛") == "place"


def test_a_name_opening_an_interview_turn_is_a_person():
    # 海东 alone is a place's name; before the colon that opens a speaker's turn, 王海东 is the speaker
    found = names("主持人：下半年怎么看？\n王海东：今年的比赛很难踢，黄金：那是另一回事。")
    assert found.get("王海东") == "person"
    assert "海东" not in found and "主持人" not in found


def test_a_latin_original_title_after_a_work_is_no_organisation():
    found = names("两家公司将合作开发动作游戏《黑夜》(Nightfall)，明年上市。")
    assert "Nightfall" not in found


def test_a_latin_name_addressed_as_mister_is_a_person():
    found = names("记者：你好，Holm先生。这款游戏什么时候发售？")
    assert found.get("Holm") == "person"


def test_a_foreign_name_before_an_island_word_is_the_island():
    # 卡莱坦 alone reads as a foreign person's name; with 岛 after it, it is the island's name
    found = names("游客可以乘船登上卡莱坦岛，岛上没有汽车。")
    assert found.get("卡莱坦岛") == "place"
    assert "卡莱坦" not in found


def test_a_place_word_after_one_character_does_not_guess_where_the_name_starts():
    # 平 is a word of its own to the segmenter: the estate may be 平苑 or longer, but 苑小区 is no name
    found = names("他们一家住在平苑小区，离地铁站不远。")
    assert "苑小区" not in found


def test_a_short_name_defined_in_brackets_is_the_same_entity():
    a = annotator.annotate("青禾智能科技有限公司（以下简称“青禾智能”）成立于2015年。青禾智能主营巡检机器人。",
                           date="2024-03-01")
    company = next(e for e in a.entities if e.name == "青禾智能科技有限公司")
    assert [m.text for m in company.mentions].count("青禾智能") == 2
    assert len([e for e in a.entities if e.type == "org"]) == 1


def test_zhong_after_zai_is_not_china():
    # "in China" after 在 is written 在华; 在中端市场 is "in the mid-range market"
    found = names("这款手机定位在中端市场，售价不到两千元。")
    assert "中" not in found
