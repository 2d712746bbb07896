"""parse_number: the number a numeral means, Arabic, Chinese or mixed."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from annotator import parse_number


def test_arabic_with_thousands_separators_and_decimals():
    assert parse_number("1,200") == 1200
    assert parse_number("1,050,000,000") == 1050000000
    assert parse_number("10,000.233") == pytest.approx(10000.233)
    assert parse_number(".5") == 0.5


def test_fullwidth_digits():
    assert parse_number("１，１２３") == 1123
    assert parse_number("２．２亿") == 220000000


def test_chinese_numeral_with_magnitude():
    assert parse_number("三千万") == 30000000
    assert parse_number("两亿") == 200000000
    assert parse_number("四亿五千六百四十二万零一十五") == 456420015
    assert parse_number("四千五百六十九万八千三百一十一亿四千八百七十二万五千三百八十二") == 4569831148725382


def test_chinese_decimal_before_magnitude():
    assert parse_number("一点五亿") == 150000000
    assert parse_number("零点五") == 0.5
    assert parse_number("五十六点七") == pytest.approx(56.7)
    assert parse_number("两千万点五五四四") == pytest.approx(20000000.5544)


def test_arabic_with_chinese_magnitude_and_spaces():
    assert parse_number("3.5亿") == 350000000
    assert parse_number("1.2万") == 12000
    assert parse_number("1000 万") == 10000000
    assert parse_number("1000\u00a0万") == 10000000
    assert parse_number("4.78万亿") == pytest.approx(4.78e12)
    assert parse_number("3万4000") == 34000
    assert parse_number("2千零30万") == 20300000


def test_spoken_elisions():
    assert parse_number("两千四百五") == 2450
    assert parse_number("一万三") == 13000
    assert parse_number("百三") == 130
    assert parse_number("两千三点一") == pytest.approx(2300.1)


def test_zero_stops_elision():
    assert parse_number("一千零五") == 1005
    assert parse_number("五亿零六") == 500000006


def test_ten_thousand_ten_thousands_is_a_hundred_million():
    assert parse_number("四万万") == 400000000
    assert parse_number("10万万") == 1000000000


def test_financial_and_traditional_numerals():
    assert parse_number("肆佰陸拾") == 460
    assert parse_number("壹萬零肆拾") == 10040
    assert parse_number("五兆六十二億四萬五千二") == 5006200045200


def test_digit_names_in_a_row_read_positionally():
    assert parse_number("二零零四") == 2004
    assert parse_number("三六七") == 367


def test_adjacent_digits_before_a_unit_are_a_span_not_a_number():
    assert parse_number("二三十") is None


def test_negative_numbers():
    assert parse_number("负三十二") == -32
    assert parse_number("-10000") == -10000
    assert parse_number("负 1,200,000") == -1200000


def test_latin_magnitudes():
    assert parse_number("13B") == 13000000000
    assert parse_number("1.2M") == 1200000
    assert parse_number("40k") == 40000


def test_fractions():
    assert parse_number("五分之一") == pytest.approx(0.2)
    assert parse_number("百分之五") == pytest.approx(0.05)
    assert parse_number("负一又二分之一") == pytest.approx(-1.5)
    assert parse_number("3/5") == pytest.approx(0.6)


def test_approximate_numerals_keep_their_base():
    assert parse_number("十余万") == 100000
    assert parse_number("二十几万") == 200000
    assert parse_number("500余万") == 5000000


def test_dozens_pairs_and_halves():
    assert parse_number("五打") == 60
    assert parse_number("一对") == 2
    assert parse_number("一半") == 0.5
    assert parse_number("半百") == 50


def test_non_numerals_are_none():
    assert parse_number("") is None
    assert parse_number("美元") is None
    assert parse_number("abc") is None


@given(st.integers(min_value=0, max_value=10**12))
def test_arabic_integers_round_trip(n):
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


@given(st.text(alphabet="零一二两三四五六七八九十百千万亿点余多几负.,0123456789%分之又半个打", max_size=12))
def test_never_raises(s):
    v = parse_number(s)
    assert v is None or isinstance(v, (int, float))
