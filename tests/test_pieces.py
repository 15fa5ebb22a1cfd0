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
