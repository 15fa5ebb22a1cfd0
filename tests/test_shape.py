import pytest

from speechparse.normalize import normalize
from speechparse.shape import shape


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
