from speechparse.noise import NoiseSpan, cut, find_inline, mask
from speechparse.normalize import normalize


def kinds(text):
    return [(text[n.start : n.end], n.kind) for n in find_inline(normalize(text))]


def test_paywall_markers_inline_and_alone():
    assert kinds("##paidbegin##赢得了赞誉。\n##paidend##") == [
        ("##paidbegin##", "paywall_marker"),
        ("##paidend##", "paywall_marker"),
    ]


def test_truncation_notice_with_its_ellipses():
    text = "组织职工……（此处省略2300字，正式会员可完整阅读）……"
    assert kinds(text) == [("……（此处省略2300字，正式会员可完整阅读）……", "truncation")]


def test_banner_takes_the_words_around_the_address():
    assert kinds("风尚。更多范文请访问 www.example.com 免费下载\n") == [
        ("更多范文请访问 www.example.com 免费下载", "banner")
    ]


def test_pinyin_annotation_after_a_character_only():
    assert kinds("領(lǐng)導和(县)") == [("(lǐng)", "annotation")]


def test_mask_and_cut_remove_noise_and_keep_offsets():
    text = "甲##paidbegin##乙"
    spans = find_inline(text)
    assert mask(text, spans) == "甲" + " " * 13 + "乙"
    assert cut(text, 0, len(text), spans) == "甲乙"
    assert cut(text, 1, 14, spans) == ""
    assert cut("甲乙丙", 0, 3, [NoiseSpan(1, 2, "other")]) == "甲丙"


def test_invisible_characters_are_noise():
    assert kinds("\ufeff同志们\u200b：") == [("\ufeff", "other"), ("\u200b", "other")]
