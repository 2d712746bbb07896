"""Entity failures of the second round on real news (issue 10), one test per kind, on invented sentences."""
from __future__ import annotations

import annotator


def names(text: str) -> dict[str, str]:
    """Every mention's text -> its entity's type."""
    a = annotator.annotate(text, date="2024-03-01")
    return {m.text: e.type for e in a.entities for m in e.mentions}


def test_describing_words_before_a_weak_org_word_make_no_name():
    # 明星 (a star) is tagged as a name by the dictionary; 创投 (venture) describes; 机构 is a kind of body
    found = names("据介绍，多家明星投资机构参与了融资，其中不乏知名的创投机构。")
    assert not any(t == "org" for t in found.values()), found


def test_a_post_ending_in_an_org_character_is_no_body():
    found = names("法国常驻联合国代表团临时代办乔纳森·布朗出席了会议。")
    assert not any(m.endswith("临时代办") for m in found), found
    assert found.get("乔纳森·布朗") == "person"


def test_a_dotted_name_with_its_latin_gloss_is_one_person():
    found = names("出席会议的还有法国常驻联合国代表团临时代办乔纳森·布朗（Jonathan Brown）。")
    assert found.get("乔纳森·布朗") == "person" and "乔纳森" not in found
    found = names("该组织的亚洲事务主任路易斯·马丁（Louis Martin）说，局势严峻。")
    assert found.get("路易斯·马丁") == "person" and "路易斯" not in found
