"""Speakers on real-news shapes, second round (issue 10): one test per kind of failure, invented sentences."""
from __future__ import annotations

import annotator


def ann(text: str):
    return annotator.annotate(text, date="2024-03-01")


def quote_with(a, fragment: str):
    return next((q for q in a.quotes if fragment in q.text), None)


# --- kinds fixed in this round ---------------------------------------------------------------------

def test_long_speaker_phrase_with_a_venue_and_an_occasion_after_a_quote():
    a = ann("“我们将继续支持这一进程，直到各方达成协议，”欧盟驻东盟大使马丁·罗森（Martin Rosen）"
            "在雅加达举行的东盟与欧盟部长级会议闭幕式上代表欧盟二十七个成员国接受多家媒体联合采访时说。")
    q = quote_with(a, "我们将继续支持这一进程")
    assert q is not None and q.speaker is not None and "罗森" in q.speaker


def test_dotted_name_whose_given_name_the_entity_finder_left_out_still_speaks():
    a = ann("澳大利亚外交部长苏珊·哈特（Susan Hart）周三在社交媒体上发文，称“这一决定令人失望，我们将与盟友保持沟通。”")
    q = quote_with(a, "这一决定令人失望")
    assert q is not None and q.speaker is not None and "哈特" in q.speaker


def test_name_after_an_object_marker_and_a_verb_is_a_subject_for_a_later_pronoun():
    a = ann("“今年的订单已经排满了，”王芳说。与王芳一同出席发布会的还有公司首席技术官李强。他说，新产品将在明年上半年上市。")
    q = quote_with(a, "新产品将在明年上半年上市")
    assert q is not None and q.speaker == "李强"


def test_reference_description_holding_a_place_name_is_the_person_named_before():
    a = ann("中国驻法国大使李伟昨天出席了招待会。“两国的合作潜力巨大，前景十分光明，”这位中国外交官说。")
    q = quote_with(a, "两国的合作潜力巨大")
    assert q is not None and q.speaker == "李伟"


def test_name_right_after_a_verb_is_its_object_not_an_antecedent():
    a = ann("外交部长张伟在会上发言。张伟还抨击王强一再制造事端。“这种做法只会损害两国关系，”这位外交官说。")
    q = quote_with(a, "这种做法只会损害两国关系")
    assert q is not None and q.speaker == "张伟"


def test_long_description_after_a_reference_word_is_no_speaker_label():
    a = ann("“我们今天输得心服口服，没有任何借口，”这位在过去十年里带领球队三次夺得联赛冠军、两次打进洲际比赛决赛"
            "并被球迷们亲切地称为老爷子的主教练在赛后的新闻发布会上说。")
    q = quote_with(a, "我们今天输得心服口服")
    assert q is not None and q.speaker is None and q.confidence < 0.5


def test_possessor_opening_the_sentence_is_the_antecedent_of_a_pronoun():
    a = ann("“我们已经尽力了，”王强说。澳大利亚游泳运动员马克·琼斯的团队未能进入决赛，他在赛后表示，比赛的组织存在严重问题。")
    q = quote_with(a, "比赛的组织存在严重问题")
    assert q is not None and q.speaker == "马克·琼斯"


def test_pronoun_after_a_persons_relative_is_not_that_person():
    a = ann("“今年的销量会翻番，”王芳说。林小东的父亲也是一名企业家，他表示，家族企业的传承并不容易。")
    q = quote_with(a, "家族企业的传承并不容易")
    assert q is not None and q.speaker not in ("林小东", "王芳") and q.confidence < 0.5


def test_relative_of_a_named_person_speaks_as_a_description():
    a = ann("李明的父亲表示，儿子的选择让全家人都很意外。")
    q = quote_with(a, "儿子的选择让全家人都很意外")
    assert q is not None and q.speaker == "李明的父亲" and q.speaker_entity is None


def test_time_adverbial_set_off_by_a_comma_keeps_the_sentences_subject():
    a = ann("远山科技副总裁李强，日前在深圳举办的行业论坛上表示，人工智能的应用正在加速落地。")
    q = quote_with(a, "人工智能的应用正在加速落地")
    assert q is not None and q.speaker == "李强"
    a = ann("周三，远山集团董事长王海，在股东大会上表示，集团将继续推进数字化转型。")
    q = quote_with(a, "集团将继续推进数字化转型")
    assert q is not None and q.speaker == "王海"


def test_organisation_modifying_a_noun_is_no_subject_for_a_later_verb():
    a = ann("远山集团子公司去年亏损三亿元，也表示今年将努力实现扭亏为盈。")
    assert all(q.speaker != "远山集团" for q in a.quotes)


def test_venue_phrase_after_a_comma_is_no_speaker_fragment():
    a = ann("远山科技董事长李明周二出席了全球数字经济峰会，在峰会上表示，数据安全是行业发展的底线。"
            "在本周举行的另一场论坛上表示，行业需要统一的标准。")
    q = quote_with(a, "数据安全是行业发展的底线")
    assert q is not None and q.speaker == "李明"
    assert all(q.speaker not in ("上", "峰会上", "论坛上") for q in a.quotes)


def test_negated_verb_with_an_adverb_between_says_nothing():
    a = ann("尽管收购价格未有正式披露，这笔交易的规模估计超过十亿元。双方的分歧没有公开透露，谈判将在下月继续。")
    assert a.quotes == []


def test_topic_noun_phrase_of_the_sentence_speaks_for_a_verb_without_subject():
    a = ann("此外，华信控股旗下的华信期货，尽管融资规模有限，也表示会为受影响的客户承担全部利息。")
    q = quote_with(a, "会为受影响的客户承担全部利息")
    assert q is not None and q.speaker is not None and q.speaker.endswith("华信期货")


def test_pronoun_after_a_name_the_entity_finder_missed_is_not_given_to_the_last_speaker():
    a = ann("“市场会慢慢恢复的，”一位基金经理说。\n\n很多人还记得当年何志远发表的一篇文章，他写道：“我们终将胜利，只是需要时间。”")
    q = quote_with(a, "我们终将胜利")
    assert q is not None and q.speaker in (None, "何志远")
    assert q.speaker is not None or q.confidence < 0.5


def test_given_name_glued_to_the_verb_by_the_segmenter():
    a = ann("周明说，公司今年将继续扩张，明年可能会考虑在香港上市。")
    q = quote_with(a, "公司今年将继续扩张")
    assert q is not None and q.speaker == "周明"


# --- the listed kinds that had no test of their own ------------------------------------------

def test_source_told_the_reporter_with_words_between():
    a = ann("据知情人士日前向本报记者详细介绍，这家公司计划明年在成都设立研发中心。")
    q = quote_with(a, "这家公司计划明年在成都设立研发中心")
    assert q is not None and q.speaker == "知情人士"


def test_unnamed_official_keeps_the_description():
    a = ann("一位匿名官员说，双方的谈判已经陷入僵局。")
    q = quote_with(a, "双方的谈判已经陷入僵局")
    assert q is not None and q.speaker == "一位匿名官员" and q.speaker_entity is None


def test_written_statement_is_a_reported_quote():
    a = ann("李明在个人博客中写道，这次失败让他学到了很多。")
    q = quote_with(a, "这次失败让他学到了很多")
    assert q is not None and not q.direct and q.speaker == "李明"


def test_quoted_slogan_used_as_a_label_is_no_quote():
    a = ann("今年夏天，不少城市推出了“夜间经济”活动，“报复性旅游”却没有如期出现。")
    assert a.quotes == []
