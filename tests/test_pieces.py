"""pieces.py tests a character or word that every match of a pattern has before running
the pattern: where the test says no, the pattern finds nothing."""

import random

from helpers import CORPUS, SAMPLES, WEB
from speechparse import cues, pieces
from speechparse.api import clean_view
from speechparse.decode import decode
from speechparse.salutation import TITLE_END, salutation_at
from speechparse.segment import Line, lines

#: Characters and words of the patterns the fast tests stand before.
_ALPHABET = [
    *"篇【】[]()—-|›»>·:!,。.…… 一二1年讲话致辞同志们各位上下相关文章",
    "相关文章",
    "上一篇",
    "THE END",
    "同志们:",
    "讲话",
    "篇一",
    "第二篇:",
    "(三)",
    "...",
    "。。。",
]


def _texts() -> list[tuple[str, Line]]:
    """Every line of every sample and corpus page, and lines drawn from the patterns'
    characters and words, each with its text."""
    rng = random.Random(24)
    found = []
    for _ in range(4000):
        size = rng.choice((1, 2, 5, 9, 14, 30, 61, 120))
        text = "".join(rng.choice(_ALPHABET) for _ in range(size))
        found.append((text, Line(0, 0, len(text))))
    for path in [*SAMPLES, *CORPUS, *WEB]:
        clean = clean_view(decode(path.read_bytes())[0])[0].text
        found += [(clean, line) for line in lines(clean)]
    return found


def test_the_fast_tests_say_no_only_where_the_patterns_find_nothing() -> None:
    for clean, line in _texts():
        text = clean[line.start : line.end]
        if pieces._BACK_WORDS.search(text) is None:
            assert cues.INLINE_BACK.search(text) is None, text
        last = pieces._last(clean, line.start, line.end)
        assert last == (text.rstrip()[-1:]), text
        if not text.rstrip().endswith(pieces._CUT_ENDS):
            assert pieces._CUT.search(text, max(0, len(text) - 40)) is None, text
        if last not in pieces._SEPARATOR_LAST:
            assert pieces._TRAILING_SEPARATORS.search(text) is None, text
        if not any(mark in text[:11] for mark in pieces._PREFIX_MARKS):
            assert pieces._PREFIX.match(text) is None, text
        if "篇" not in text and "【" not in text:
            item = cues.COLLECTION_ITEM.match(text)
            assert item is None or not item["title"], text
        if "篇" not in text and "(" not in text:
            assert pieces._PIECE_LABEL.search(text) is None, text
        reach = min(line.end, line.start + pieces._REACH)
        if not pieces._salutation_may_follow(clean, line, line.start, reach):
            for m in TITLE_END.finditer(clean, line.start, reach):
                end = min(line.end, m.end() + pieces._SALUTATION_MAX)
                assert salutation_at(clean, Line(line.index, m.end(), end)) is None, text


def test_a_line_the_fast_tests_pass_over_gets_the_cuts_it_would_get() -> None:
    """_salutation_cuts and _title_cuts skip a line without a colon (or the ! or , that ends
    a short salutation) and without a title word: their full reading cuts it as they do."""
    rng = random.Random(25)
    words = [*_ALPHABET, "在", "上的", "开 幕 词", "讲 话", "主持词", "首页>>", "【讲话】"]
    drawn = []
    for _ in range(3000):
        text = "".join(rng.choice(words) for _ in range(rng.choice((2, 6, 12, 25, 50))))
        drawn.append((text, Line(0, 0, len(text))))
    for clean, line in [*_texts(), *drawn]:
        text = clean[line.start : line.end]
        if not pieces._may_address(text):
            assert pieces._addressed_cuts(clean, line) == [], text
        if not pieces._may_title(text):
            want = pieces._titled_cuts(clean, line, text)
            assert pieces._separator_cuts(text, line.start) == want, text
        if "(" not in text or "年" not in text:
            assert pieces._BRACKET_DATE.search(text) is None, text


def test_spaced_out_title_words_are_seen_by_the_fast_test() -> None:
    for text in ("开  幕  词", "在大会上的讲 话", "讲\t 话", "致辞"):
        assert pieces._may_title(text), text
    assert not pieces._may_title("今天，大会隆重召开。")
