"""Numbers, dates and ordinals as the genre writes them (dates.py)."""

import datetime
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speechparse.dates import DateMatch, OrdinalMatch, cn_int, find_dates, find_ordinal, iso_date
from speechparse.strategies import numeral


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("五", 5),
        ("十", 10),
        ("十四", 14),
        ("二十", 20),
        ("二十三", 23),
        ("一百零五", 105),
        ("两", 2),
        ("二〇二四", 2024),
        ("一九五○", 1950),
        ("二00九", 2009),
        ("１２", 12),
        ("2019", 2019),
    ],
)
def test_a_numeral_reads_as_its_number(text, number):
    assert cn_int(text) == number


@pytest.mark.parametrize("text", ["", "X", "**", "十十", "二二十", "届"])
def test_what_is_no_number_reads_as_none(text):
    assert cn_int(text) is None


@given(st.integers(1, 99))
def test_every_numeral_the_writer_writes_reads_back(n):
    assert cn_int(numeral(n)) == n


@given(st.integers(0, 9999))
def test_digit_by_digit_years_read_back(n):
    digits = "〇一二三四五六七八九"
    assert cn_int("".join(digits[int(c)] for c in str(n))) == n


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("2023年3月15日", DateMatch(0, 10, "2023年3月15日", "2023-03-15")),
        ("（二〇二四年五月一日）", DateMatch(1, 10, "二〇二四年五月一日", "2024-05-01")),
        ("２０２２年１０月８日", DateMatch(0, 10, "２０２２年１０月８日", "2022-10-08")),
        ("2019.05.14 发布", DateMatch(0, 10, "2019.05.14", "2019-05-14")),
        ("2019-05-14", DateMatch(0, 10, "2019-05-14", "2019-05-14")),
        ("(二〇〇九年三月  日)", DateMatch(1, 11, "二〇〇九年三月  日", "2009-03")),
        ("2018年6月", DateMatch(0, 7, "2018年6月", "2018-06")),
        ("(20**年8月9日)", DateMatch(1, 10, "20**年8月9日", None)),
        ("二〇二一年二月三十日", DateMatch(0, 10, "二〇二一年二月三十日", "2021-02")),
        ("一九九八年十二月二十一日", DateMatch(0, 12, "一九九八年十二月二十一日", "1998-12-21")),
    ],
)
def test_a_date_is_read_as_written_and_as_far_as_it_is_known(text, found):
    assert find_dates(text) == [found]


def test_a_year_alone_counts_only_when_asked():
    assert find_dates("在2024年总结表彰大会上的讲话") == []
    assert find_dates("在2024年总结表彰大会上的讲话", year_only=True) == [
        DateMatch(1, 6, "2024年", "2024")
    ]


def test_no_date_in_plain_numbers():
    assert find_dates("第1.2.3条，共15人，增长3.5%") == []


_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@given(st.dates(datetime.date(1000, 1, 1)), st.sampled_from(["cn", "dot", "dash", "han"]))
def test_every_date_reads_back_to_its_iso_form(day, form):
    han = "〇一二三四五六七八九"
    text = {
        "cn": f"{day.year}年{day.month}月{day.day}日",
        "dot": f"{day.year:04d}.{day.month:02d}.{day.day:02d}",
        "dash": f"{day.year:04d}-{day.month:02d}-{day.day:02d}",
        "han": "".join(han[int(c)] for c in f"{day.year:04d}")
        + f"年{numeral(day.month)}月{numeral(day.day)}日",
    }[form]
    if form in ("dot", "dash") and not 1900 <= day.year < 2100:
        return  # a numeric date is read with a 19xx or 20xx year only
    assert [d.iso for d in find_dates(f"（{text}）")] == [day.isoformat()]


@given(st.text(alphabet="0123456789年月日.-/〇一二三四五六七八九十X* ", max_size=30))
def test_iso_is_always_a_valid_iso_date_prefix(text):
    for d in find_dates(text, year_only=True):
        assert text[d.start : d.end] == d.text
        if d.iso is not None:
            assert _ISO.match(d.iso)
            parts = [int(p) for p in d.iso.split("-")]
            datetime.date(*parts, *[1] * (3 - len(parts)))  # raises if not a real date


def test_iso_date_stops_where_the_parts_stop_being_known():
    assert iso_date("2024", "5", "1") == "2024-05-01"
    assert iso_date("2024", "5", None) == "2024-05"
    assert iso_date("2024", "X", None) == "2024"
    assert iso_date("20**", "5", "1") is None
    assert iso_date("二〇二四", "正", "十五") == "2024-01-15"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("XX区工会第五次代表大会", OrdinalMatch(5, 8, "第五次", [5])),
        ("市总工会十四届二次全委会议", OrdinalMatch(4, 9, "十四届二次", [14, 2])),
        ("县工会第十四届第二次全委会", OrdinalMatch(3, 10, "第十四届第二次", [14, 2])),
        ("公司第35届职工运动会", OrdinalMatch(2, 6, "第35届", [35])),
        ("镇总工会首届会员代表大会", OrdinalMatch(4, 6, "首届", [1])),
        ("*市工会第*次代表大会", OrdinalMatch(4, 7, "第*次", [])),
        ("总工会X届X次全委会议", OrdinalMatch(3, 7, "X届X次", [])),
    ],
)
def test_an_ordinal_is_read_as_written_and_as_numbers(text, found):
    assert find_ordinal(text) == found


def test_a_count_is_no_ordinal():
    assert find_ordinal("全年召开三次会议") is None
