import random
import re

import pytest

from helpers import CORPUS, SAMPLES, WEB
from speechparse import cues
from speechparse.api import clean_view
from speechparse.decode import decode
from speechparse.features import _DATE, _DIGIT, _URL, _marks
from speechparse.normalize import normalize
from speechparse.pieces import pieces
from speechparse.salutation import TITLE_END
from speechparse.segment import lines
from speechparse.shape import (
    byline,
    collection_name,
    has_title,
    is_meta,
    is_site,
    noise_kind,
    shape,
    site_class,
)


@pytest.mark.parametrize(
    "line",
    [
        "• 格式:PDF",  # a bullet and a key-value pair
        "上传时间:2023-05-06",
        "文件大小:32.5KB",
        "¥9.9",
        "| |",
        "浏览 12 次 / 共 8 页",
        "第五次代表大会讲话_2.docx",
        "Comrades, today we gather for the opening of the congress.",
        "（请认真核对后使用）",
        "12345",
    ],
)
def test_site_shapes(line):
    assert shape(normalize(line)) == "site"


@pytest.mark.parametrize("line", ["第一点：抓好安全生产", "二要：守住底线", "（三）：强化服务"])
def test_a_demands_marker_before_a_colon_is_no_key_of_a_key_value_pair(line):
    assert noise_kind(normalize(line)) is None
    assert noise_kind(normalize("关键词：安全生产")) == "other"  # a field still is


@pytest.mark.parametrize(
    "line",
    [
        "今天，我们在这里召开全镇职工代表大会，这是全镇职工政治生活中的一件大事。",
        "同志们：",  # a cue of the genre, however short
        "谢谢大家！",
        "让我们携起手来，共创美好明天！",
        "工会组织要把维护职工合法权益作为基本职责，切实为职工办实事。",
    ],
)
def test_speech_shapes(line):
    assert shape(normalize(line)) == "speech"


@pytest.mark.parametrize(
    "line",
    [
        "一、加强组织领导",
        "在县总工会代表大会上的讲话",
        "在第3次职工代表大会上的讲话",
        "附件",
        "工人先锋号",
        "希望大家做到：",
    ],
)
def test_headings_titles_and_keywords_are_uncertain(line):
    assert shape(normalize(line)) == "uncertain"


#: Words and characters of the patterns the fast tests stand before, to draw texts from.
_HINTS = (
    "首页 > 讲话|来源:阅读 12 次【收藏】2023年3月15日第一篇:篇一【篇二】致辞(1)范文精选"
    "www.x.cn http:同志们:各位代表,在大会上的讲话稿县委书记 XXX ×○—-相关文章目录导读:"
    "今天我们隆重召开讲三点意见希望各级党委让我们祝大家健康党委将加强取得了成绩。!?abc"
    "仅供大家学习参考〇一二年1234-56县委副书记董事长  ×××XXX"
)


def _piece_texts() -> list[str]:
    """Every piece of every sample and corpus page, and texts drawn from the patterns' words
    and characters."""
    rng = random.Random(15)
    texts = ["首页 > 新闻", "阅读 3 次", "【收藏】", "(2023年3月5日)", "在大会上的讲话", "讲话 时"]
    for _ in range(3000):
        size = rng.choice((1, 3, 8, 12, 30, 61, 81, 161, 300))
        text = "".join(rng.choice(_HINTS) for _ in range(size)).strip()
        texts.append(text or "x")
    for path in [*SAMPLES, *CORPUS, *WEB]:
        clean = clean_view(decode(path.read_bytes())[0])[0].text
        texts += [clean[p.start : p.end] for p in pieces(clean, lines(clean))]
    return texts


def test_the_fast_tests_answer_as_the_patterns_do() -> None:
    """has_title, is_meta, collection_name, site_class and cues.found test a character or
    word every match has before the pattern, and read a line's shape and cues once: the
    answers are the patterns' own."""
    for text in _piece_texts():
        assert has_title(text) == (cues.TITLE.search(text) is not None), text
        assert is_meta(text) == (cues.META.search(text) is not None), text
        assert collection_name(text) == (cues.COLLECTION.search(text) is not None), text
        kind, shaped, plain = site_class(text)
        assert kind == noise_kind(text), text
        assert shaped == (kind is None and is_site(text)), text
        if plain:  # read whole, and nothing found
            assert not (is_site(text) or is_meta(text) or collection_name(text)), text
        for cue, pattern in cues.speech._PATTERNS.items():  # after NEEDS, HINTS and ALSO
            assert cues.found(cue, text) == (pattern.search(text) is not None), (cue, text)


def test_a_pieces_site_marks_are_the_patterns_own() -> None:
    """features reads the site marks first, each after a fast test: they are what the
    patterns say (the features before the marks were read first)."""
    for text in _piece_texts():
        marks, kind = _marks(text), noise_kind(text)
        site = f"site_cue={kind}" if kind else "site_shape" if is_site(text) else None
        assert marks.site == site, text
        assert marks.url == (_URL.search(text) is not None), text
        assert marks.meta == (cues.META.search(text) is not None), text
        assert marks.back_matter == (cues.BACK_MATTER.match(text) is not None), text
        collection = cues.COLLECTION.search(text) or cues.COLLECTION_ITEM.match(text)
        assert marks.collection == (collection is not None), text


def test_the_fast_tests_of_bylines_dates_and_notices_answer_as_the_patterns_do() -> None:
    """A byline is at most 24 characters long; a date needs four digits or 年; SITE_NOTICE's
    仅供/供 branches (split for speed) find what 仅?供 finds."""
    split = "仅供(?:大家|您)?(?:学习)?参考|供"
    notice = re.compile(cues.SITE_NOTICE.pattern.replace(split, "仅?供"))
    assert notice.pattern != cues.SITE_NOTICE.pattern
    longest = "一" * 12 + "董事长" + " " * 4 + "XXXX"
    texts = [*_piece_texts(), longest, longest + "\n", "仅供参考", "供大家学习参考", "仅供您参考"]
    for text in texts:
        raw = cues.BYLINE.match(text) is not None and TITLE_END.search(text) is None
        assert byline(text) == raw, text
        if len(_DIGIT.findall(text)) < 4 and "年" not in text:
            assert _DATE.search(text) is None, text
        found, old = cues.SITE_NOTICE.search(text), notice.search(text)
        assert (found and found.span()) == (old and old.span()), text


def test_a_hope_or_pledge_is_looked_for_where_it_can_start() -> None:
    """at_clause_start matches HOPE and PLEDGE only at the text's start and at its commas:
    it finds the match their search finds (the same span and groups)."""
    rng = random.Random(25)
    words = [
        *",,。希望各级党委政府要应请领导同志也同时还并将进一步加强支持",
        "我们将",
        "党工委",
        "部门",
    ]
    drawn = ["".join(rng.choice(words) for _ in range(rng.randrange(1, 40))) for _ in range(3000)]
    for text in [*_piece_texts(), *drawn, "", ",", ",希望各级党委", "希望各级党委"]:
        for pattern in (cues.HOPE, cues.PLEDGE):
            found, want = cues.at_clause_start(pattern, text), pattern.search(text)
            assert (found and (found.span(), found.groups())) == (
                want and (want.span(), want.groups())
            ), text
