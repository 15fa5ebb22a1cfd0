"""Numbers, dates and ordinals as the genre writes them, read into numbers.

Speeches write numbers three ways: Arabic digits (half- or full-width), Chinese digits read
one by one (二〇二四年), and Chinese numerals with units (十四届, 二十三日). A date may be
left as a template's placeholder (20**年, 三月   日); it is then read as far as it is known.
These readers work on any text, normalised or not, and keep offsets into it.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

#: Chinese digits, and the zeros typists use for 〇 (○, O, 0 in 二00九).
_DIGITS = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "O": 0,
    "o": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}

#: One digit of any kind: ASCII, full-width, or Chinese (for digit-by-digit years).
_D = r"[0-9０-９〇零○一二三四五六七八九]"
#: A numeral with units (十四, 二十三, 一百零五) or a run of digits.
NUMERAL = r"(?:[0-9０-９]+|[〇零○一二三四五六七八九两十百千]+)"
#: A placeholder a template leaves for a number (X, *, ×, x, 某).
PLACEHOLDER = r"[Xx×*＊Ｘｘ某]+"

_YEAR = rf"(?:{_D}{{4}}|{_D}{{2}}(?:[Xx×*＊Ｘｘ]{{2}})|[Xx×*＊Ｘｘ]{{4}}|20{_D}?[Xx×*＊Ｘｘ]+)"
_MONTH = (
    r"(?:1[0-2]|0?[1-9]|１[０-２]|０?[１-９]|十[一二]?|[一二三四五六七八九]|正"
    r"|[Xx×*＊Ｘｘ]{1,2})"
)
_DAY = (
    r"(?:3[01]|[12][0-9]|0?[1-9]|[１２][０-９]|３[０１]|０?[１-９]"
    r"|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
    r"|[Xx×*＊Ｘｘ]{1,2})"
)
#: 2023年3月15日, 二〇二四年五月一日, 2019年5月 (日 left blank), 20**年8月9日.
CN_DATE = re.compile(
    rf"(?P<y>{_YEAR})\s*年\s*(?:(?P<m>{_MONTH})\s*月(?:(?:\s*(?P<d>{_DAY}))?\s*[日号])?)?"
)
#: 2019.05.14, 2019-05-14, 2019/5/14, 2019.05 (a four-digit year, then one separator).
NUMERIC_DATE = re.compile(
    r"(?<![0-9０-９.])(?P<y>(?:19|20)[0-9]{2})(?P<sep>[.\-/．－／])(?P<m>1[0-2]|0?[1-9])"
    r"(?:(?P=sep)(?P<d>3[01]|[12][0-9]|0?[1-9]))?(?![0-9０-９])"
)
#: 第五次, 第十四届, 十四届二次, 第X次, 首届; group "a" the first number, "b" the second.
ORDINAL = re.compile(
    rf"(?:第(?P<a>{NUMERAL}|{PLACEHOLDER})(?P<u>届|次)|(?P<a2>{NUMERAL}|{PLACEHOLDER})届"
    rf"|(?P<first>首)(?:届|次))(?:第?(?P<b>{NUMERAL}|{PLACEHOLDER})次)?"
)


def cn_int(s: str) -> int | None:
    """The number a numeral writes: 十四 -> 14, 二〇二四 -> 2024, １２ -> 12, 两 -> 2; None
    for what is no number (a placeholder, 十十)."""
    if not s:
        return None
    if all(_digit(ch) is not None for ch in s):  # digit by digit: 2024, 二〇二四, 二00九
        value = 0
        for ch in s:
            value = value * 10 + (_digit(ch) or 0)
        return value
    total, digit, last_unit = 0, None, 10_000
    for ch in s:
        if ch in _UNITS:
            unit = _UNITS[ch]
            if unit >= last_unit:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        elif (d := _digit(ch)) is not None:
            if digit is not None and d != 0 and digit != 0:
                return None
            digit = d
        else:
            return None
    return total + (digit or 0)


def _digit(ch: str) -> int | None:
    if ch in _DIGITS:
        return _DIGITS[ch]
    if ch.isdigit():
        return unicodedata.digit(ch, None)
    return None


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a text: where, as written, and in ISO form as far as it is known."""

    start: int
    end: int
    text: str
    iso: str | None


def iso_date(year: str | None, month: str | None, day: str | None) -> str | None:
    """The ISO form of a date's parts as far as they are known: 2024, 2024-05, 2024-05-01;
    None when the year is a placeholder. A part that is no valid date ends the form there
    (2月30日 gives 2023-02)."""
    y = cn_int(year) if year else None
    if y is None or not 1000 <= y <= 9999:
        return None
    m = 1 if month == "正" else cn_int(month) if month else None
    if m is None or not 1 <= m <= 12:
        return f"{y:04d}"
    d = cn_int(day) if day else None
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        datetime.date(y, m, d)
    except ValueError:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def find_dates(text: str, *, year_only: bool = False) -> list[DateMatch]:
    """Every date in ``text``, in order. A year alone (2024年) counts only with
    ``year_only``: in a title it dates the meeting; elsewhere it is mostly a year talked of."""
    found: list[DateMatch] = []
    # (every date in words has 年, and one with a month 月: a fast test)
    words = "年" in text and (year_only or "月" in text)
    for m in CN_DATE.finditer(text) if words else ():
        if m.group("m") is None and not year_only:
            continue
        end = m.end()
        while end > m.start() and text[end - 1].isspace():
            end -= 1
        iso = iso_date(m.group("y"), m.group("m"), m.group("d"))
        found.append(DateMatch(m.start(), end, text[m.start() : end], iso))
    for m in NUMERIC_DATE.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        iso = iso_date(m.group("y"), m.group("m"), m.group("d"))
        found.append(DateMatch(m.start(), m.end(), m.group(), iso))
    return sorted(found, key=lambda f: f.start)


@dataclass(frozen=True, slots=True)
class OrdinalMatch:
    """An ordinal of a meeting: where, as written, and its numbers ([] for a placeholder)."""

    start: int
    end: int
    text: str
    numbers: list[int]


def find_ordinal(text: str) -> OrdinalMatch | None:
    """The first ordinal in ``text``: 第五次 -> [5], 十四届二次 -> [14, 2], 首届 -> [1];
    第X次 -> [] (a placeholder has no number)."""
    m = ORDINAL.search(text)
    if m is None:
        return None
    parts = [m.group("a") or m.group("a2")] if not m.group("first") else []
    if m.group("b"):
        parts.append(m.group("b"))
    numbers = [cn_int(p) for p in parts]
    known = [n for n in numbers if n is not None]
    if m.group("first"):
        known = [1, *known]
    elif len(known) != len(numbers):
        known = []
    return OrdinalMatch(m.start(), m.end(), m.group(), known)


__all__ = ["DateMatch", "OrdinalMatch", "cn_int", "find_dates", "find_ordinal", "iso_date"]
