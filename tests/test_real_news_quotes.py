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
