from hypothesis import given
from hypothesis import strategies as st

from speechparse.normalize import normalize


def test_folds_full_width_punctuation_and_digits():
    assert normalize("同志们：（一）１．！？；，") == "同志们:(一)1.!?;,"


def test_keeps_chinese_punctuation_without_half_width_form():
    assert normalize("一、二。“三”…") == "一、二。“三”…"


def test_odd_whitespace_becomes_plain_space():
    assert normalize("甲\u3000乙\u2002丙\r\n\t丁") == "甲 乙 丙 \n 丁"


def test_invisible_characters_are_left_to_the_noise_stage():
    assert normalize("\ufeff甲\u200b乙") == "\ufeff甲\u200b乙"


@given(st.text())
def test_length_is_preserved_so_offsets_are_shared(text):
    assert len(normalize(text)) == len(text)


def test_traditional_characters_are_simplified_one_for_one():
    text = "各位代表、同志們：今天，我們在這裡隆重集會。"
    assert normalize(text) == "各位代表、同志们:今天,我们在这里隆重集会。"


def test_simplified_text_is_left_alone():
    text = "同志们：今天，大会隆重召开。"
    assert normalize(text) == "同志们:今天,大会隆重召开。"


def test_a_text_with_many_distinct_changed_characters_is_normalised_whole():
    # more distinct characters than are swapped one by one: one substitution does them all
    traditional = "國際勞動節會議開幕們說這經濟發展實現團結職業學習組織關係選舉與網絡電視"
    simplified = "国际劳动节会议开幕们说这经济发展实现团结职业学习组织关系选举与网络电视"
    assert len(set(traditional) - set(simplified)) > 24
    assert normalize(traditional * 3) == simplified * 3
