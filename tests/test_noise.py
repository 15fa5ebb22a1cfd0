import pytest

from speechparse.noise import NoiseSpan, View, cut, find_inline
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
    # two in a row (a page's own, and another's after it)
    assert kinds("大會(gōng)(huì)上") == [("(gōng)", "annotation"), ("(huì)", "annotation")]


def test_the_view_removes_noise_and_maps_back_to_input_offsets():
    text = "##paidbegin##同志##paidend##们：甲"
    view = View(text, find_inline(text))
    assert view.text == "同志们：甲"
    assert view.span(0, 4) == (13, 28)  # 同志…们： in the input, noise at the edge outside
    assert view.span(2, 3) == (26, 27)  # 们
    assert view.span(4, 5) == (28, 29)  # 甲
    assert view.span(5, 5) == (29, 29)
    assert view.span(2, 2) == (15, 15)  # empty: right after 志, before the noise
    plain = View("甲乙", [])
    assert plain.text == "甲乙" and plain.span(0, 2) == (0, 2)


def test_cut_removes_noise_from_a_slice():
    text = "甲##paidbegin##乙"
    spans = find_inline(text)
    assert cut(text, 0, len(text), spans) == "甲乙"
    assert cut(text, 1, 14, spans) == ""
    assert cut("甲乙丙", 0, 3, [NoiseSpan(1, 2, "other")]) == "甲丙"


def test_invisible_characters_are_noise():
    assert kinds("\ufeff同志们\u200b：") == [("\ufeff", "other"), ("\u200b", "other")]


def test_more_truncation_notices():
    assert kinds("要加强……（未完，全文共3600字，请下载后阅读）") == [
        ("……（未完，全文共3600字，请下载后阅读）", "truncation")
    ]
    assert kinds("甲。试读结束，付费后可阅读全文。\n") == [
        ("试读结束，付费后可阅读全文。", "truncation")
    ]
    assert kinds("预览已结束\n") == [("预览已结束", "truncation")]


def test_a_banner_inside_a_word():
    text = "加强工全网资源每日更新 www.example.net会建设"
    assert kinds(text) == [("全网资源每日更新 www.example.net", "banner")]


def test_placeholders_style_sheets_emoji_and_page_numbers():
    assert kinds("向(名称替换)表示祝贺") == [("(名称替换)", "other")]
    assert kinds("甲.content p{font-size:16px;color:#333}乙") == [
        (".content p{font-size:16px;color:#333}", "other")
    ]
    assert kinds("劳动最光荣👍！") == [("👍", "other")]
    assert kinds("- 3 -同志们\n第2页/共5页\n") == [("- 3 -", "other"), ("第2页/共5页", "other")]


def test_an_address_run_into_a_number_of_the_speech_leaves_the_number():
    text = "下面，我讲www.example.org4点要求：\n（www.example.org2）加强领导。\n"
    got = [text[n.start : n.end] for n in find_inline(normalize(text))]
    assert got == ["www.example.org", "www.example.org"]


def test_a_cut_notice_cut_off_itself_at_the_end_of_its_line():
    text = "要抓好落实。\n……（未完，全文共5120字，当前仅显示1800字，请阅读下面提示\n收藏\n"
    got = [(text[n.start : n.end], n.kind) for n in find_inline(normalize(text))]
    assert got == [("……（未完，全文共5120字，当前仅显示1800字，请阅读下面提示", "truncation")]


def test_a_download_notice_run_into_the_text_with_its_rules():
    text = (
        "温馨提示：1. 本站资料由会员上传。2. 如有侵权请联系删除。在大会上的讲话同志们：今天开会。"
    )
    got = [(text[n.start : n.end], n.kind) for n in find_inline(normalize(text))]
    assert got == [("温馨提示：1. 本站资料由会员上传。2. 如有侵权请联系删除。", "site_notice")]


def test_pinyin_after_an_atom_of_noise_is_still_an_annotation():
    text = "联\u200b(lián)欢会"
    got = [(text[n.start : n.end], n.kind) for n in find_inline(normalize(text))]
    assert got == [("\u200b", "other"), ("(lián)", "annotation")]


@pytest.mark.parametrize(
    "note",
    [
        "（此处写领导姓名和职务，可前后调换）",
        "（请仔细阅读以下说明）",
        "（根据录音整理）",
        "（单位名称替换）",
        "（某位领导的姓名加职务，你可以据实进行替换）",
        "（两位领导的名字，可按实际调换）",
    ],
)
def test_template_instructions_page_prompts_and_editors_notes_are_noise(note):
    text = "同志们：" + note + "今天，我们召开大会。"
    got = [(text[n.start : n.end], n.kind) for n in find_inline(normalize(text))]
    assert got == [(note, "other")]


def test_a_sites_rules_without_their_header_are_noise_and_a_speechs_list_is_not():
    text = "首页 > 讲话1. 本站资料由用户上传，仅供交流。2. 如有侵权请联系客服删除。大会开幕了。"
    got = [text[n.start : n.end] for n in find_inline(normalize(text))]
    assert got == ["1. 本站资料由用户上传，仅供交流。2. 如有侵权请联系客服删除。"]
    assert find_inline(normalize("1、发展会员，扩大覆盖。2、维护会员权益。")) == []


def test_a_page_chunk_label_in_mid_sentence_is_noise():
    text = "向关心支持工会工作\n\n2、的有关部门表示感谢！\n2、加强领导。\n"
    got = [(text[n.start : n.end], n.kind) for n in find_inline(normalize(text))]
    assert got == [("2、", "other")]


def test_a_sites_watermark_run_into_the_text_is_the_span_its_name_repeats_over():
    mark = "好范文网本资料权属好范文网，放上鼠标按照提示查看好范文网更多资料"
    text = f"全县各级工会在服务职工{mark}方面做了大量工作。"
    got = [(text[n.start : n.end], n.kind) for n in find_inline(normalize(text))]
    assert got == [(mark, "banner")]
    # a name that does not repeat is no watermark: the text says whose it is
    assert find_inline(normalize("这套资料本文档权属市总工会所有。")) == []
