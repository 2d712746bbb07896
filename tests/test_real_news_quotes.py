"""Speakers on real-news shapes (issue 10): one test per kind of failure, on invented sentences."""
from __future__ import annotations

import annotator


def ann(text: str):
    return annotator.annotate(text, date="2024-03-01")


def quote_with(a, fragment: str):
    return next((q for q in a.quotes if fragment in q.text), None)


def test_pronoun_goes_to_the_subject_not_to_a_name_in_the_object():
    a = ann("远方教育创始人周启明也是这家公司的股东，他与李明是大学同学。回忆起当年，他表示当时并不看好这个项目。")
    q = quote_with(a, "当时并不看好这个项目")
    assert q is not None and q.speaker == "周启明"


def test_pronoun_followed_by_adverbs_is_resolved():
    a = ann("李明在发布会上介绍了新车。他还特意强调，新车的电池可以在十分钟内充满。")
    q = quote_with(a, "新车的电池可以在十分钟内充满")
    assert q is not None and q.speaker == "李明"


def test_time_word_before_a_forecast_verb_is_no_speaker():
    a = ann("这家公司前三季度投入研发费用12亿元，全年预计投入20亿元用于研发新品。")
    assert all(q.speaker != "全年" for q in a.quotes)
    assert quote_with(a, "投入20亿元") is None


def test_negated_speech_verb_says_nothing():
    a = ann("公司材料已经获得受理。文件并未披露该公司选择的具体市场，但相关传闻早已流传。")
    assert quote_with(a, "该公司选择的具体市场") is None


def test_speech_verb_inside_a_description_is_not_a_cue():
    a = ann("会后，一名说粤语的本地记者建议这位选手，在被问到敏感问题时只需微笑回应即可。")
    q = quote_with(a, "在被问到敏感问题时")
    assert q is not None and q.speaker == "一名说粤语的本地记者"
    assert all(q.speaker != "一名" for q in a.quotes)


def test_description_with_a_reference_word_is_kept_as_the_speaker():
    a = ann("这位一向直言的议员表示，这项法案将损害中小企业的利益。")
    q = quote_with(a, "这项法案将损害中小企业的利益")
    assert q is not None and q.speaker == "这位一向直言的议员"


def test_quoted_event_name_is_part_of_the_reported_clause():
    a = ann("张伟表示，公司将参加“2031全球智能制造大会”。")
    assert [q.direct for q in a.quotes] == [False]
    assert a.quotes[0].text.startswith("公司将参加") and a.quotes[0].speaker == "张伟"


def test_scare_quoted_term_opening_a_reported_clause_is_no_quote():
    a = ann("不过，一些业内人士警告，“见顶”可能并不适合用来描述当前的市场。")
    assert all(q.text != "见顶" for q in a.quotes)
    q = quote_with(a, "可能并不适合用来描述当前的市场")
    assert q is not None and q.speaker == "一些业内人士"


def test_quoted_fragment_ending_a_reported_clause_stays_in_it():
    a = ann("王强甚至开玩笑称，开燃油车唯一的好处是“能闻到汽油味”。")
    q = quote_with(a, "开燃油车唯一的好处是")
    assert q is not None and q.speaker == "王强" and "能闻到汽油味" in q.text


def test_date_of_a_report_is_not_part_of_its_speaker():
    a = ann("中国钢铁工业协会10月12日发布的数据显示，9月粗钢产量同比下降。")
    q = quote_with(a, "9月粗钢产量同比下降")
    assert q is not None and "10月12日" not in q.speaker and "中国钢铁工业协会" in q.speaker


def test_verb_followed_by_wei_still_introduces_a_statement():
    a = ann("李明曾解释为何要再次融资：补充资金和人才储备，迎接明年的价格战。")
    q = quote_with(a, "补充资金和人才储备")
    assert q is not None and q.speaker == "李明"


def test_long_speaker_phrase_after_a_quote():
    a = ann("“我们做了所有能做的检查，”足协新闻官员李明在被问及球队是否存在违规行为时说。“没有人能做到百分之百。”")
    first, second = quote_with(a, "我们做了所有能做的检查"), quote_with(a, "没有人能做到百分之百")
    assert first is not None and first.speaker == "李明"
    assert second is not None and second.speaker == "李明"


def test_view_introduced_by_zai_kanlai():
    a = ann("在许多分析人士看来，这次延期对公司的影响有限。")
    q = quote_with(a, "这次延期对公司的影响有限")
    assert q is not None and q.speaker == "许多分析人士"


def test_urging_is_a_reported_statement():
    a = ann("外交部发言人李明敦促有关国家停止干涉别国内政。")
    q = quote_with(a, "有关国家停止干涉别国内政")
    assert q is not None and q.speaker == "李明"


def test_joint_statement_speaks():
    a = ann("联合声明称，各方对当地局势表示严重关切。")
    q = quote_with(a, "各方对当地局势表示严重关切")
    assert q is not None and q.speaker == "联合声明"


def test_reference_to_a_department_resolves_to_the_organisation():
    a = ann("美国商务部周五宣布了新的出口限制。该部门表示，这些措施是出于国家安全考虑。")
    q = quote_with(a, "这些措施是出于国家安全考虑")
    assert q is not None and q.speaker == "美国商务部"


def test_qi_as_a_subject_is_the_company_not_a_document_nearby():
    a = ann("宁德时代昨日向交易所提交了招股书。其表示，募集资金将主要用于研发。")
    q = quote_with(a, "募集资金将主要用于研发")
    assert q is not None and "宁德时代" in q.speaker


def test_qi_starting_another_word_is_not_a_pronoun():
    a = ann("王磊是这项研究的负责人。其他研究人员认为，这一结论还需要更多数据支持。")
    q = quote_with(a, "这一结论还需要更多数据支持")
    assert q is not None and q.speaker == "其他研究人员"


def test_unknown_name_after_a_title_speaks():
    a = ann("兴业银行首席研究员舒畅认为，从全年来看，消费增速与预期之间仍有差距。")
    q = quote_with(a, "消费增速与预期之间仍有差距")
    assert q is not None and q.speaker == "舒畅"


def test_appositive_titles_before_a_speaker():
    a = ann("赛后，游泳教练、前加拿大奥运选手约翰·史密斯在社交媒体上发视频表示，这样的成绩令人难以置信。")
    q = quote_with(a, "这样的成绩令人难以置信")
    assert q is not None and q.speaker == "约翰·史密斯"


def test_an_organisations_publication_forecasts():
    a = ann("世界银行最新发布的全球经济展望预测明年全球经济增长2.4%。")
    q = quote_with(a, "明年全球经济增长2.4%")
    assert q is not None and "世界银行" in q.speaker


def test_english_gloss_in_brackets_does_not_hide_the_speaker():
    a = ann("远山矿业集团（Yuanshan Mining）在公告中称，公司将推迟在香港的上市计划。")
    q = quote_with(a, "公司将推迟在香港的上市计划")
    assert q is not None and q.speaker is not None and "远山矿业集团" in q.speaker


def test_long_subject_of_a_diplomat():
    a = ann("挪威常驻联合国代表尼尔森在联合国大会第三委员会会议上代表二十多个国家发表联合声明说，各国对当地局势表示关切。")
    q = quote_with(a, "各国对当地局势表示关切")
    assert q is not None and q.speaker == "尼尔森"


def test_transliterated_name_after_a_title():
    a = ann("美国财政部长基纳德表示，美方将继续采取行动。")
    q = quote_with(a, "美方将继续采取行动")
    assert q is not None and q.speaker == "基纳德"


def test_name_and_colon_introduce_a_quote():
    a = ann("李明：“我们坚决反对把体育问题政治化。”")
    q = quote_with(a, "我们坚决反对把体育问题政治化")
    assert q is not None and q.direct and q.speaker == "李明"


def test_verb_without_subject_takes_the_sentences_subject():
    a = ann("中国常驻联合国代表李明当天代表七十个国家作共同发言，强调人权问题不应政治化。")
    q = quote_with(a, "人权问题不应政治化")
    assert q is not None and q.speaker == "李明"


def test_expected_without_subject_is_impersonal():
    a = ann("比亚迪已于去年12月发布这款车型，预计今年9月向用户交车。")
    assert quote_with(a, "今年9月向用户交车") is None


def test_adverb_between_speaker_and_verb_is_not_part_of_the_speaker():
    a = ann("业内人士普遍认为，人工智能企业上市仍面临诸多挑战。")
    q = quote_with(a, "人工智能企业上市仍面临诸多挑战")
    assert q is not None and q.speaker == "业内人士"


def test_unnamed_group_introduced_by_you():
    a = ann("有分析人士指出，此次延期对公司的融资计划影响有限。")
    q = quote_with(a, "此次延期对公司的融资计划影响有限")
    assert q is not None and q.speaker == "有分析人士"


def test_investment_disclaimer_is_no_quote():
    a = ann("免责声明：本文基于公开资料整理，仅供参考，不构成任何投资建议，据此操作风险自担。"
            "投资者据此分析操作，风险自担。")
    assert a.quotes == []


def test_ju_inside_a_clause_cites_no_source():
    a = ann("（本文数据据Wind统计，仅供参考，不构成投资建议。）")
    assert a.quotes == []


def test_ambassador_is_a_subject_for_a_later_pronoun():
    a = ann("美国驻日本大使张伟出席了招待会。他表示，两国的合作将进一步加深。")
    q = quote_with(a, "两国的合作将进一步加深")
    assert q is not None and q.speaker == "张伟"


def test_name_inside_the_quote_is_not_its_speaker():
    a = ann("王芳在会上发言。“李明完全说错了，我们不会接受，”她说。")
    q = quote_with(a, "李明完全说错了")
    assert q is not None and q.speaker == "王芳"


def test_quote_whose_cue_names_nobody_takes_the_paragraphs_speaker_with_low_confidence():
    a = ann("张伟表示，公司今年会扩大招聘。在谈到行业前景时则说：“明年会更好，我们很有信心。”")
    first, second = quote_with(a, "公司今年会扩大招聘"), quote_with(a, "明年会更好")
    assert second is not None and second.speaker == "张伟"
    assert second.confidence < first.confidence


def test_statement_ends_where_another_speakers_statement_starts():
    a = ann("张伟表示，公司今年的业绩好于预期，主要得益于海外市场的扩张，分析师李明则认为，公司明年的增长将放缓。")
    first = quote_with(a, "公司今年的业绩好于预期")
    assert first is not None and first.speaker == "张伟" and "李明" not in first.text
    assert [q.speaker for q in a.quotes if "明年的增长将放缓" in q.text] == ["李明"]


def test_name_ending_a_description_that_opens_with_gai_speaks():
    a = ann("该研究的第一作者、北京大学博士生王芳说：“我们花了五年时间收集数据。”")
    q = quote_with(a, "我们花了五年时间收集数据")
    assert q is not None and q.speaker == "王芳"


def test_group_of_people_speaks_as_a_description():
    a = ann("球迷们纷纷表示，这是他们见过的最精彩的比赛。")
    q = quote_with(a, "这是他们见过的最精彩的比赛")
    assert q is not None and q.speaker == "球迷们"


def test_commentary_published_by_a_paper_speaks():
    a = ann("《远东日报》发表评论称，任何企图干涉别国内政的图谋都不会得逞。")
    q = quote_with(a, "任何企图干涉别国内政的图谋都不会得逞")
    assert q is not None and q.speaker is not None and "远东日报" in q.speaker


def test_expressing_a_stance_is_no_statement():
    a = ann("中方对此表示强烈不满和坚决反对。")
    assert a.quotes == []


def test_transliterated_name_cut_short_by_the_entity_finder_is_spoken_whole():
    a = ann("联合国秘书长的发言人迪雅里克表示，秘书长对当地局势表示关注。")
    q = quote_with(a, "秘书长对当地局势表示关注")
    assert q is not None and q.speaker == "迪雅里克"


def test_statement_before_another_speakers_direct_quote_is_kept():
    a = ann("张伟表示，公司今年的业绩好于预期，分析师李明则说：“明年的增长将放缓，这是周期决定的。”")
    first, second = quote_with(a, "公司今年的业绩好于预期"), quote_with(a, "明年的增长将放缓")
    assert first is not None and first.speaker == "张伟" and "李明" not in first.text
    assert second is not None and second.direct and second.speaker == "李明"


def test_speech_verb_with_le_and_an_object_is_no_statement():
    a = ann("李明在会上介绍了公司的发展规划。")
    assert a.quotes == []
