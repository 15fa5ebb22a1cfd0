import pytest

from helpers import CORPUS, SAMPLES, WEB
from speechparse import cues
from speechparse.api import clean_view
from speechparse.decode import decode
from speechparse.normalize import normalize
from speechparse.pieces import pieces
from speechparse.segment import lines
from speechparse.shape import (
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


def _piece_texts() -> list[str]:
    """Every piece of every sample and corpus page, and lines made to carry each hint."""
    texts = ["首页 > 新闻", "阅读 3 次", "【收藏】", "(2023年3月5日)", "在大会上的讲话", "讲话 时"]
    for path in [*SAMPLES, *CORPUS, *WEB]:
        clean = clean_view(decode(path.read_bytes())[0])[0].text
        texts += [clean[p.start : p.end] for p in pieces(clean, lines(clean))]
    return texts


def test_the_fast_tests_answer_as_the_patterns_do() -> None:
    """has_title, is_meta, collection_name and site_class test a character or word every
    match has before the pattern, and read a line's shape and cues once: the answers are
    the patterns' own."""
    for text in _piece_texts():
        assert has_title(text) == (cues.TITLE.search(text) is not None), text
        assert is_meta(text) == (cues.META.search(text) is not None), text
        assert collection_name(text) == (cues.COLLECTION.search(text) is not None), text
        kind, shaped, plain = site_class(text)
        assert kind == noise_kind(text), text
        assert shaped == (kind is None and is_site(text)), text
        if plain:  # read whole, and nothing found
            assert not (is_site(text) or is_meta(text) or collection_name(text)), text
