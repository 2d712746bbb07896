"""Quoted sources: one test per phenomenon, on sentences written for the test (not the gold article)."""
from __future__ import annotations

import annotator


def ann(text: str):
    return annotator.annotate(text, date="2024-03-01")


def quote_with(a, fragment: str):
    for q in a.quotes:
        if fragment in q.text:
            return q
    return None


def entity_id(a, surface: str):
    for e in a.entities:
        if any(m.text == surface for m in e.mentions):
            return e.id
    return None


def test_offsets_slice_to_quote_text():
    text = "张伟表示：“今年的目标是盈利。”随后他补充说，公司不会裁员。"
    a = ann(text)
    assert a.quotes
    for q in a.quotes:
        assert text[q.start:q.end] == q.text


def test_speaker_before_quote_with_colon():
    a = ann("英伟达首席执行官Jensen Huang表示：“我们正处在新一轮计算变革的起点。”")
    q = quote_with(a, "我们正处在新一轮计算变革的起点")
    assert q is not None and q.direct
    assert q.speaker == "Jensen Huang" and q.speaker_entity == entity_id(a, "Jensen Huang")


def test_speaker_after_quote():
    a = ann("“这不是一次简单的降价，而是一次结构调整。”李明说。")
    q = quote_with(a, "这不是一次简单的降价")
    assert q is not None and q.direct and q.speaker == "李明"


def test_speaker_after_quote_then_more_quote():
    a = ann("“需求已经见底。”摩根士丹利的报告写道，“下半年将迎来反弹。”")
    first, second = quote_with(a, "需求已经见底"), quote_with(a, "下半年将迎来反弹")
    assert first is not None and "摩根士丹利" in first.speaker
    assert second is not None and "摩根士丹利" in second.speaker
    assert first.speaker_entity == entity_id(a, "摩根士丹利")


def test_corner_bracket_quotes():
    a = ann("王芳坦言：「這次調整對行業影響很大，我們需要時間。」")
    q = quote_with(a, "我們需要時間")
    assert q is not None and q.direct and q.speaker == "王芳"


def test_speaker_through_pronoun():
    a = ann("分析师Mark Lipacis在报告中分析了市场。他认为，数据中心需求将持续增长到明年。")
    q = quote_with(a, "数据中心需求将持续增长")
    assert q is not None and not q.direct
    assert q.speaker == "Mark Lipacis" and q.speaker_entity == entity_id(a, "Mark Lipacis")


def test_speaker_through_reference_to_company():
    a = ann("研究机构Canalys发布了报告。该机构预计，今年全球手机出货量将小幅增长。")
    q = quote_with(a, "今年全球手机出货量将小幅增长")
    assert q is not None and q.speaker_entity == entity_id(a, "Canalys")


def test_document_named_before_speaks():
    a = ann("周一曝光的一份亚马逊内部备忘录引发热议。其中提到：“我们必须在三年内扭转局面，否则将被淘汰。”")
    q = quote_with(a, "我们必须在三年内扭转局面")
    assert q is not None and q.direct
    assert "备忘录" in q.speaker and q.speaker_entity == entity_id(a, "亚马逊")


def test_quote_over_several_sentences():
    a = ann("刘强表示：“市场在变。我们也要变。明年会更好。”")
    q = quote_with(a, "市场在变")
    assert q is not None and "明年会更好" in q.text


def test_unclosed_quote_ends_at_paragraph():
    text = "赵磊表示：“我们会坚持下去，直到找到答案。\n\n下一段与引语无关。"
    a = ann(text)
    q = quote_with(a, "我们会坚持下去")
    assert q is not None
    assert "下一段" not in q.text and q.end <= text.index("\n\n")


def test_reported_speech():
    a = ann("中金公司首席经济学家彭文生认为，今年消费将温和回暖，通胀保持低位。")
    q = quote_with(a, "今年消费将温和回暖")
    assert q is not None and not q.direct
    assert q.speaker == "彭文生"


def test_reported_speech_after_ju_bao_dao():
    a = ann("据Bloomberg报道，这家公司正在洽谈新一轮融资。")
    q = quote_with(a, "这家公司正在洽谈新一轮融资")
    assert q is not None and not q.direct and q.speaker == "Bloomberg"


def test_reported_speech_after_zheng_ru():
    a = ann("正如世界银行的报告指出的那样，全球经济增速正在放缓。")
    q = quote_with(a, "全球经济增速正在放缓")
    assert q is not None and "世界银行" in q.speaker


def test_anonymous_source_keeps_description():
    a = ann("两位接近交易的知情人士透露，双方已经签署了意向书。")
    q = quote_with(a, "双方已经签署了意向书")
    assert q is not None and q.speaker == "两位接近交易的知情人士" and q.speaker_entity is None


def test_scare_quotes_are_not_quotes():
    a = ann("这款产品被称为“性价比之王”，它的“护城河”正在变窄。")
    assert a.quotes == []


def test_speech_verb_as_noun_is_not_reported_speech():
    a = ann("这本小说的名称叫作未来，堪称年度最佳。")
    assert a.quotes == []


def test_quoted_term_inside_reported_speech_is_not_a_direct_quote():
    a = ann("张勇表示，阿里巴巴所有产品未来将接入“通义千问”大模型。")
    q = quote_with(a, "通义千问")
    assert q is not None and not q.direct and q.speaker == "张勇"
    assert q.text.startswith("阿里巴巴所有产品")


def test_reference_resolves_to_the_company_named_last():
    a = ann("据路透社报道，多家厂商在加大采购。AMD首席执行官苏姿丰表示，AMD将在年底推出新芯片。"
            "该公司认为，新芯片的需求将十分旺盛。")
    q = quote_with(a, "新芯片的需求将十分旺盛")
    assert q is not None and q.speaker_entity == entity_id(a, "AMD")


def test_two_speech_verbs_make_one_quote():
    a = ann("黄仁勋发表了演讲。他补充说，数据中心的需求正在快速增长。")
    qs = [q for q in a.quotes if "数据中心的需求" in q.text]
    assert len(qs) == 1 and qs[0].speaker == "黄仁勋"


def test_description_with_a_company_in_it_stays_a_description():
    a = ann("一位不愿具名的特斯拉车主对记者说：“我上个月刚提车，现在就降价了。”")
    q = quote_with(a, "我上个月刚提车")
    assert q is not None and q.speaker == "一位不愿具名的特斯拉车主" and q.speaker_entity is None


def test_company_side_speaks_for_the_company():
    a = ann("特斯拉方面回应称，价格调整是基于成本下降。")
    q = quote_with(a, "价格调整是基于成本下降")
    assert q is not None and q.speaker_entity == entity_id(a, "特斯拉")


def test_addressee_after_verb_is_not_part_of_the_statement():
    a = ann("王峰告诉记者，公司将在年底前完成上市。")
    q = quote_with(a, "公司将在年底前完成上市")
    assert q is not None and q.text == "公司将在年底前完成上市" and q.speaker == "王峰"


def test_verb_glued_to_previous_word_still_introduces_quote():
    a = ann("雷军在接受采访时说：“我们不会放弃。”")
    q = quote_with(a, "我们不会放弃")
    assert q is not None and q.direct and q.speaker == "雷军"


def test_source_cited_by_a_medium():
    a = ann("据彭博社援引知情人士的话说，苹果正在与OpenAI谈判。")
    q = quote_with(a, "苹果正在与OpenAI谈判")
    assert q is not None and not q.direct and q.speaker == "知情人士"
