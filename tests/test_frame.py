import pytest

from speechparse.normalize import normalize
from speechparse.rules import frame
from speechparse.salutation import salutation_at
from speechparse.segment import Line, lines


def outline(text):
    norm = normalize(text)
    return norm, frame(norm, lines(norm))


def sal(text):
    norm = normalize(text)
    found = salutation_at(norm, Line(0, 0, len(norm)))
    if found is None:
        return None
    end, parts = found
    return text[:end], [text[s:e] for s, e in parts]


def test_salutations_of_the_genre():
    assert sal("同志们：") == ("同志们：", ["同志们"])
    assert sal("*书记，各位代表、同志们：") == (
        "*书记，各位代表、同志们：",
        ["*书记", "各位代表", "同志们"],
    )
    assert sal("尊敬的各位领导、各位来宾，同志们:") == (
        "尊敬的各位领导、各位来宾，同志们:",
        ["尊敬的各位领导", "各位来宾", "同志们"],
    )
    assert sal("同志们！") == ("同志们！", ["同志们"])


def test_inline_salutation_ends_at_its_colon():
    assert sal("同志们:今天,我们召开大会。") == ("同志们:", ["同志们"])


def test_colon_lines_that_are_not_salutations():
    assert sal("温馨提示：") is None
    assert sal("网站客服:3074922707") is None
    assert sal("习近平总书记深刻指出：劳动是一切成功的必经之路。") is None
    assert sal("为此，我讲三点意见：") is None
    assert sal("各位代表要做到以下三点：") is None  # a sentence about the addressees


def test_front_matter_title_duplicates_keywords_and_notices():
    text = (
        "温馨提示:\n1. 本站文档由用户上传。\n2. 下载前请阅读。\n"
        "XX\n总工会\n讲话\n"
        "XX总工会在庆祝大会上的讲话\nXX总工会在庆祝\n大会上的讲话\n"
        "同志们:\n今天,大会隆重召开。\n"
    )
    _, out = outline(text)
    assert (
        out.title is not None
        and text[out.title.start : out.title.end] == "XX总工会在庆祝大会上的讲话"
    )
    assert [(text[n.start : n.end], n.kind) for n in out.noise] == [
        ("温馨提示:", "site_notice"),
        ("1. 本站文档由用户上传。", "site_notice"),
        ("2. 下载前请阅读。", "site_notice"),
        ("XX", "keywords"),
        ("总工会", "keywords"),
        ("讲话", "keywords"),
        ("XX总工会在庆祝", "duplicate_title"),
        ("大会上的讲话", "duplicate_title"),
    ]
    assert [text[ln.start : ln.end] for ln in out.body] == ["今天,大会隆重召开。"]
    assert out.unclassified == []


def test_back_matter_from_the_first_piece_of_furniture():
    body = "同志们：\n" + "今天，大会隆重召开。\n" * 4 + "谢谢大家！\n"
    text = body + "上一篇：在某会上的讲话\n相关文章\n某某讲话稿全文\n"
    _, out = outline(text)
    assert [n.kind for n in out.noise] == ["site_notice"] * 3
    assert text[out.body[-1].start : out.body[-1].end] == "谢谢大家！"


def test_without_salutation_the_body_starts_after_title_and_notices():
    text = (
        "本文系投稿，仅供学习参考\n在全区大会上的讲话\n"
        "今天，全区大会隆重召开，这是一件大事，我们要认真学习、抓好落实，推动工作再上新台阶。\n"
    )
    _, out = outline(text)
    assert out.salutation is None
    assert text[out.title.start : out.title.end] == "在全区大会上的讲话"
    assert [n.kind for n in out.noise] == ["site_notice"]
    assert len(out.body) == 1


def test_an_unknown_line_before_the_speech_is_kept_and_reported():
    text = "在全区大会上的讲话\n工人先锋号\n同志们：\n今天，大会召开。\n"
    _, out = outline(text)
    assert [text[ln.start : ln.end] for ln in out.unclassified] == ["工人先锋号"]
    assert [n.kind for n in out.noise] == ["other"]


def test_a_site_shaped_line_before_the_speech_is_noise_without_a_warning():
    text = "在全区大会上的讲话\n（根据录音整理）\n• 格式:DOCX\n同志们：\n今天，大会召开。\n"
    _, out = outline(text)
    assert out.unclassified == []
    assert [(text[n.start : n.end], n.kind) for n in out.noise] == [
        ("（根据录音整理）", "other"),
        ("• 格式:DOCX", "other"),
    ]


def test_a_date_line_under_the_title_is_known_meta():
    text = "在全区大会上的讲话\n（2024年4月30日）\n同志们：\n今天，大会召开。\n"
    _, out = outline(text)
    assert out.unclassified == []
    assert [(text[n.start : n.end], n.kind) for n in out.noise] == [("（2024年4月30日）", "other")]


@pytest.mark.parametrize("byline", ["县委书记  XXX", "市总工会主席 ×××", "XXX", "区长"])
def test_a_byline_under_the_title_is_known_meta(byline):
    text = f"在全区大会上的讲话\n{byline}\n同志们：\n今天，大会召开。\n"
    _, out = outline(text)
    assert out.unclassified == []
    assert text[out.title.start : out.title.end] == "在全区大会上的讲话"
    assert [text[n.start : n.end] for n in out.noise] == byline.split("  ")
    assert {n.kind for n in out.noise} == {"other"}


def test_a_byline_on_the_title_line_is_not_the_title():
    text = "在全区大会上的讲话 区委书记 XXX\n同志们：\n今天，大会召开。\n"
    _, out = outline(text)
    assert text[out.title.start : out.title.end] == "在全区大会上的讲话"
    assert [(text[n.start : n.end], n.kind) for n in out.noise] == [("区委书记 XXX", "other")]
    assert out.unclassified == []


def test_a_placeholder_name_run_into_the_salutation_is_not_an_addressee():
    assert sal("XXX各位代表，同志们：") is None
    text = "在全区大会上的讲话区委书记  XXX各位代表，同志们：今天，大会召开。\n"
    _, out = outline(text)
    assert text[out.title.start : out.title.end] == "在全区大会上的讲话"
    assert text[out.salutation[0] : out.salutation[1]] == "各位代表，同志们："
    noise = sorted(out.noise, key=lambda n: n.start)
    assert [text[n.start : n.end] for n in noise] == ["区委书记", "XXX"]


def test_a_salutation_after_the_first_sentence_is_not_the_salutation():
    _, out = outline("一要学习。\n二要实干。\n同志们！\n让我们共同奋斗！\n")
    assert out.salutation is None
    assert len(out.body) == 4 and out.noise == []


def test_title_run_into_the_salutation():
    text = "在全区工会大会上的讲话同志们：今天，大会隆重召开。\n"
    _, out = outline(text)
    assert text[out.title.start : out.title.end] == "在全区工会大会上的讲话"
    assert text[out.salutation[0] : out.salutation[1]] == "同志们："
    assert [text[ln.start : ln.end] for ln in out.body] == ["今天，大会隆重召开。"]


def test_a_word_run_into_an_honorific_is_not_an_addressee():
    """尊敬的 opens an addressee: a page keyword glued before it is site text."""
    assert sal("工会尊敬的各位领导、同志们：") is None
    text = "工会尊敬的各位领导、各位来宾，同志们：今天，大会隆重召开。\n"
    _, out = outline(text)
    assert text[out.salutation[0] : out.salutation[1]] == "尊敬的各位领导、各位来宾，同志们："
    assert [(text[n.start : n.end], n.kind) for n in out.noise] == [("工会", "other")]
    assert [text[ln.start : ln.end] for ln in out.body] == ["今天，大会隆重召开。"]


def test_salutation_over_two_lines():
    text = "尊敬的各位领导、各位来宾，\n同志们、朋友们：\n今天，大会隆重召开。\n"
    _, out = outline(text)
    assert (
        text[out.salutation[0] : out.salutation[1]]
        == "尊敬的各位领导、各位来宾，\n同志们、朋友们："
    )
    assert [text[s:e] for s, e in out.addressees] == [
        "尊敬的各位领导",
        "各位来宾",
        "同志们",
        "朋友们",
    ]
    assert [text[ln.start : ln.end] for ln in out.body] == ["今天，大会隆重召开。"]


def test_title_broken_over_two_lines():
    text = "在全区工会第五次代表大会\n上的讲话\n同志们：\n今天，大会隆重召开。\n"
    _, out = outline(text)
    assert text[out.title.start : out.title.end] == "在全区工会第五次代表大会\n上的讲话"
    assert out.noise == []
    # a tail of a few characters that reads as a title alone still ends the broken title
    text = "青年代表在座谈会上的发言\n在公司纪念五四青年节一百周年\n座谈会上的讲话\n"
    text += "同志们：\n今天开会。\n"
    _, out = outline(text)
    assert text[out.title.start : out.title.end] == "在公司纪念五四青年节一百周年\n座谈会上的讲话"


def test_a_date_in_brackets_right_after_the_title_word_is_the_titles():
    """As the corpus's facts read a title: 在…上的讲话（2023年3月15日）; but after a space, the
    date is a note of its own, as on a line of its own."""
    for text in (
        "在全市工会工作会议上的讲话（2023年3月15日）\n同志们：\n今天开会。\n",
        "在全市工会工作会议上的讲话（2023年3月15日）同志们：今天开会。\n",
    ):
        _, out = outline(text)
        title = text[out.title.start : out.title.end]
        assert title == "在全市工会工作会议上的讲话（2023年3月15日）"
        assert text[out.salutation[0] : out.salutation[1]] == "同志们："
        assert out.noise == []
    for text in (
        "在全市工会工作会议上的讲话  （2023年3月15日）\n同志们：\n今天开会。\n",
        "在全市工会工作会议上的讲话 （2023年3月15日）同志们：今天开会。\n",
    ):
        _, out = outline(text)
        assert text[out.title.start : out.title.end] == "在全市工会工作会议上的讲话"
        assert [text[n.start : n.end].strip() for n in out.noise] == ["（2023年3月15日）"]


@pytest.mark.parametrize(
    "summary",
    [
        "猜你喜欢：同志们：今天我们召开另一次会议，这是另一篇讲话的开头。",
        "同志们：今天我们召开另一次会议，这是另一篇讲话的开头。",
    ],
)
def test_a_decoy_salutation_in_a_site_summary_is_not_the_salutation(summary):
    text = summary + "\n在全区工会大会上的讲话\n同志们：\n今天，大会隆重召开。\n"
    _, out = outline(text)
    start, end = out.salutation
    assert (start, text[start:end]) == (text.index("\n同志们") + 1, "同志们：")
    assert text[out.title.start : out.title.end] == "在全区工会大会上的讲话"
    assert [(text[n.start : n.end], n.kind) for n in out.noise] == [(summary, "other")]
    assert out.unclassified == []


def test_collection_titles_labels_breadcrumbs_and_meta_lines():
    text = (
        "您的位置 : 首页 > 讲话稿\n工会代表大会讲话稿范文（精选5篇）\n【篇一】\n"
        "时间：2024-04-30 作者：佚名 阅读 1024 次\n"
        "在全区工会大会上的讲话\n同志们：\n今天，大会隆重召开。\n"
    )
    _, out = outline(text)
    assert text[out.title.start : out.title.end] == "在全区工会大会上的讲话"
    assert [n.kind for n in out.noise] == ["breadcrumb", "other", "other", "other"]
    assert out.unclassified == []


def test_more_page_furniture_after_the_speech():
    body = "同志们：\n" + "今天，大会隆重召开。\n" * 4 + "谢谢大家！\n"
    for furniture in ["手机扫码阅读本文", "打开APP阅读全文", "THE END", "点赞(3)"]:
        _, out = outline(body + furniture + "\n")
        assert [n.kind for n in out.noise] == ["site_notice"], furniture


def test_a_decoy_before_a_speech_without_salutation():
    text = (
        "同志们：今天我们召开另一次会议，这是另一篇讲话的开头。\n"
        "在全区工会大会上的讲话\n今天，大会隆重召开。\n"
    )
    _, out = outline(text)
    assert out.salutation is None
    assert text[out.title.start : out.title.end] == "在全区工会大会上的讲话"
    assert [text[ln.start : ln.end] for ln in out.body] == ["今天，大会隆重召开。"]


def test_back_matter_is_found_by_position_in_the_text_not_by_line_count():
    # many short furniture lines after a few long speech lines: the first piece of
    # furniture is past the middle of the text, though not of the lines
    text = (
        "同志们：\n今天，全县安全生产工作会议在这里召开，我代表县委、县政府向大家表示感谢。\n"
        "希望大家牢固树立安全发展理念，把各项措施落到实处，确保全县安全形势稳定。\n"
        "扫一扫在手机上阅读\n本文链接：在大会上的讲话\n链接地址：\n版权声明\n"
        "作者原创，不允许二次传播\n微信订阅号\n联系客服\n"
    )
    _, out = outline(text)
    assert [text[ln.start : ln.end][:4] for ln in out.body] == ["今天，全", "希望大家"]
    assert text[out.noise[0].start : out.noise[0].end] == "扫一扫在手机上阅读"


def test_trailing_site_shaped_and_short_uncertain_lines_are_back_matter():
    text = (
        "同志们：\n今天，我们召开职工代表大会，共商企业发展大计。\n"
        "选择赞赏金额\n¥0.5\n¥2\n附件下载\n"
    )
    _, out = outline(text)
    assert [text[ln.start : ln.end] for ln in out.body] == [
        "今天，我们召开职工代表大会，共商企业发展大计。"
    ]
    assert [text[n.start : n.end] for n in out.noise] == [
        "选择赞赏金额",
        "¥0.5",
        "¥2",
        "附件下载",
    ]


def test_without_a_speech_line_shape_makes_no_back_matter():
    text = "This is a note about a meeting in English.\nIt was held on Monday at nine.\n"
    _, out = outline(text)
    assert len(out.body) == 2 and out.noise == []


def test_a_collection_page_starts_its_first_piece_after_the_label():
    text = (
        "某某文秘网\n职工代表大会闭幕讲话稿（精选5篇）\n发布时间：\n"
        "下面是小编整理的职工代表大会闭幕讲话稿，希望对大家有帮助。\n"
        "职工代表大会闭幕讲话稿 篇1\n各位代表：\n大会圆满完成了各项议程。\n"
    )
    _, out = outline(text)
    assert out.title is None
    assert text[out.salutation[0] : out.salutation[1]] == "各位代表："
    assert [text[n.start : n.end] for n in out.noise] == [
        "某某文秘网",
        "职工代表大会闭幕讲话稿（精选5篇）",
        "发布时间：",
        "下面是小编整理的职工代表大会闭幕讲话稿，希望对大家有帮助。",
        "职工代表大会闭幕讲话稿 篇1",
    ]
    assert out.unclassified == []


def test_a_label_before_a_title_leaves_the_title():
    text = "第二篇：在镇工会代表大会上的讲话\n同志们：\n今天，大会开幕了。\n"
    _, out = outline(text)
    assert text[out.title.start : out.title.end] == "在镇工会代表大会上的讲话"
    assert [text[n.start : n.end] for n in out.noise] == ["第二篇："]


def test_a_numbered_piece_run_into_its_salutation_is_no_title():
    text = "职工大会致辞5篇 以下供参考。职工大会致辞(2)各位代表：今天，大会开幕了。"
    _, out = outline(text)
    assert out.title is None
    assert text[out.salutation[0] : out.salutation[1]] == "各位代表："


def test_a_title_and_salutation_after_running_text_anchor_the_speech():
    text = (
        "妇女节的由来。\n每年三月八日是国际劳动妇女节，这是全世界妇女的节日。\n"
        "在三八联欢会上的讲话\n各位女同胞：\n今天，我们欢聚一堂。\n"
    )
    _, out = outline(text)
    assert text[out.title.start : out.title.end] == "在三八联欢会上的讲话"
    assert text[out.salutation[0] : out.salutation[1]] == "各位女同胞："
    assert [text[ln.start : ln.end] for ln in out.body] == ["今天，我们欢聚一堂。"]


def test_a_salutation_answered_by_a_greeting_anchors_the_speech():
    text = (
        "上班第一天，接到通知要讲几句。\n只好硬着头皮上台。\n各位同事：\n大家中午好！\n新年快乐。\n"
    )
    _, out = outline(text)
    assert text[out.salutation[0] : out.salutation[1]] == "各位同事："
    assert [text[n.start : n.end] for n in out.noise] == [
        "上班第一天，接到通知要讲几句。",
        "只好硬着头皮上台。",
    ]


def test_a_readdress_line_in_the_middle_of_a_speech_is_no_late_salutation():
    text = "今天，我们召开大会。\n大会开得很成功。\n同志们：\n让我们携手前进！\n"
    _, out = outline(text)
    assert out.salutation is None
    assert len(out.body) == 4 and out.noise == []


def test_a_title_word_with_its_suffix_run_into_the_salutation():
    text = "资源描述：\n全县工会工作会议讲话稿同志们：今天我们召开这次会议。\n"
    _, out = outline(text)
    assert text[out.title.start : out.title.end] == "全县工会工作会议讲话稿"
    assert text[out.salutation[0] : out.salutation[1]] == "同志们："


@pytest.mark.parametrize(
    ("line", "addressees"),
    [
        ("老师、同学：", ["老师", "同学"]),
        ("全体运动员、教练员、同志们：", ["全体运动员", "教练员", "同志们"]),
        ("各位领导、河湾村的父老乡亲们：", ["各位领导", "河湾村的父老乡亲们"]),
        ("全省各族职工朋友们：", ["全省各族职工朋友们"]),
    ],
)
def test_salutations_with_qualifiers_and_without_men(line, addressees):
    assert sal(line) == (line, addressees)


@pytest.mark.parametrize("line", ["人们：", "我们：", "领导：", "经过讨论、研究："])
def test_colon_lines_that_address_no_one(line):
    assert sal(line) is None


def test_a_preview_cut_mid_sentence_leaves_its_ellipsis_as_truncation():
    text = "同志们：\n今天，我们召开大会。\n我们要关心青年、支持青年、...\n预览结束\n"
    _, out = outline(text)
    assert text[out.body[-1].start : out.body[-1].end] == "我们要关心青年、支持青年、"
    assert [(text[n.start : n.end], n.kind) for n in out.noise] == [
        ("...", "truncation"),
        ("预览结束", "site_notice"),
    ]


def test_an_ellipsis_after_a_sentence_end_is_the_speech():
    text = "同志们：\n今天，我们召开大会。\n大家说：“好啊。……”\n"
    _, out = outline(text)
    assert out.noise == []


def test_stray_lines_inside_the_speech_are_noise():
    text = (
        "同志们：\n今天，我们召开大会。\n……\n（全场鼓掌）\n- 2 -\n1.\n抓好组织建设。\n谢谢大家！\n"
    )
    _, out = outline(text)
    assert [text[n.start : n.end] for n in out.noise] == ["……", "（全场鼓掌）", "- 2 -"]
    assert [text[ln.start : ln.end] for ln in out.body] == [
        "今天，我们召开大会。",
        "1.",
        "抓好组织建设。",
        "谢谢大家！",
    ]


def test_a_title_over_two_lines_with_a_spread_title_word():
    text = "镇工会第三次代表大会\n开  幕  词\n各位代表：\n大会开幕了。\n"
    _, out = outline(text)
    assert text[out.title.start : out.title.end] == "镇工会第三次代表大会\n开  幕  词"


def test_a_title_line_after_a_line_that_is_no_title_is_not_joined_to_it():
    text = "资料阅览校园活动开学典礼\n秋季开学典礼讲话稿\n老师们：\n新学期开始了。\n"
    _, out = outline(text)
    assert text[out.title.start : out.title.end] == "秋季开学典礼讲话稿"


def test_a_members_congress_title_is_no_site_notice():
    text = "镇总工会首届会员代表大会开幕词\n各位代表：\n大会开幕了。\n"
    _, out = outline(text)
    assert text[out.title.start : out.title.end] == "镇总工会首届会员代表大会开幕词"


def test_a_title_run_into_the_first_sentence():
    text = "2024年县长在全县安全生产会议上的讲话稿在新春即将到来之际，我们召开这次会议。\n"
    _, out = outline(text)
    assert text[out.title.start : out.title.end] == "2024年县长在全县安全生产会议上的讲话稿"
    assert text[out.body[0].start : out.body[0].end] == "在新春即将到来之际，我们召开这次会议。"


def test_a_sentence_about_a_speech_is_no_title():
    text = "在全省工会工作会议上的讲话中，省委书记强调了三点。我们要认真学习。\n"
    _, out = outline(text)
    assert out.title is None and len(out.body) == 1


def test_labels_in_a_row_label_the_same_piece():
    text = (
        "【篇一】\n职工大会讲话稿（五篇）\n下面是小编整理的讲话稿，供大家参考。\n"
        "职工大会讲话稿 篇1\n同志们：\n今天，大会开幕了。\n"
    )
    _, out = outline(text)
    assert out.title is None
    assert text[out.salutation[0] : out.salutation[1]] == "同志们："
    assert [text[ln.start : ln.end] for ln in out.body] == ["今天，大会开幕了。"]


def test_a_later_pieces_label_is_not_the_first():
    text = (
        "同志们：\n"
        + "今天，大会开幕了，我们要认真学习会议精神。" * 30
        + "\n讲话稿 篇2\n同志们：\n"
    )
    _, out = outline(text)
    assert text[out.salutation[0] : out.salutation[1]] == "同志们："
    assert out.salutation[0] == 0


def test_a_site_summary_that_copies_the_start_of_the_speech_is_noise():
    text = (
        "公文网 2024-05-01 工会\n在职工运动会上的讲话\n全体运动员、同志们：\n大家好！\n"
        "今年的运动会\n"
        "在职工运动会上的讲话\n全体运动员、同志们：\n大家好！\n今年的运动会隆重开幕了。\n"
    )
    _, out = outline(text)
    assert out.title.start == text.index("在职工运动会上的讲话", 30)
    assert out.salutation[0] == text.index("全体运动员、同志们：", 40)
    assert [text[ln.start : ln.end] for ln in out.body] == ["大家好！", "今年的运动会隆重开幕了。"]
    assert out.unclassified == []


def test_a_long_line_is_site_text_only_when_it_opens_as_such_and_no_speech_follows():
    from speechparse.shape import noise_kind as _noise_kind

    speech = "今天，我们在这里隆重召开全县职工代表大会，共商发展大计。" * 6
    notice = "温馨提示：本站文档均由用户上传，仅供学习交流使用，请勿照搬照抄。" * 6
    assert _noise_kind(normalize(notice)) == "site_notice"
    assert _noise_kind(normalize("温馨提示：" + speech)) is None  # the speech follows
    assert _noise_kind(normalize(speech + "手机扫码阅读本文")) is None  # furniture at its end


def test_a_title_with_a_sites_separators_after_it():
    text = "元旦联欢会致辞 | |\n腊月二十六，单位举行联欢会。\n元旦联欢会致辞\n各位同事：\n大家好！"
    _, out = outline(text)
    assert (out.title.start, out.title.end) == (0, 7)
    assert [(text[n.start : n.end], n.kind) for n in out.noise] == [
        ("| |", "other"),
        ("腊月二十六，单位举行联欢会。", "other"),
        ("元旦联欢会致辞", "duplicate_title"),
    ]


def test_a_short_title_is_no_keyword_of_a_run():
    text = "工会\n职工\n新春致辞\n各位同事：\n大家好！\n"
    _, out = outline(text)
    assert text[out.title.start : out.title.end] == "新春致辞"


def test_an_address_word_inside_a_phrase_is_no_addressee():
    assert sal("感谢各位代表这几天的辛苦付出：") is None
    assert sal("各位参赛选手、同志们：") == ("各位参赛选手、同志们：", ["各位参赛选手", "同志们"])


def test_a_subtitle_follows_its_main_title():
    text = "在新的起点上奋力开创工会工作新局面\n——在县总工会代表大会上的讲话\n各位代表：\n开幕了。"
    _, out = outline(text)
    assert text[out.title.start : out.title.end] == (
        "在新的起点上奋力开创工会工作新局面\n——在县总工会代表大会上的讲话"
    )


def test_a_short_title_run_into_a_quoted_first_sentence():
    text = "国庆座谈会讲话“十一”国庆节是全国人民的节日。今天，我们欢聚一堂。"
    _, out = outline(text)
    assert text[out.title.start : out.title.end] == "国庆座谈会讲话"


def test_an_opening_bracket_left_after_the_last_sentence_is_noise():
    text = "同志们：\n今天，我们欢聚一堂。\n祝大家节日快乐！（"
    _, out = outline(text)
    assert [(text[n.start : n.end], n.kind) for n in out.noise] == [("（", "other")]


def test_a_wish_cut_short_at_the_end_of_the_page_is_the_speechs():
    text = "同志们:\n今天,我们召开职工代表大会,共商企业发展大计。\n祝在座的同\n"
    _, out = outline(text)
    assert [text[ln.start : ln.end] for ln in out.body][-1] == "祝在座的同"
    assert out.noise == []


def test_a_line_split_where_no_title_was_taken_is_one_body_line():
    text = (
        "今天的会议开得很及时。上半年全县共发生事故56起、死亡6人、"
        "副县长在全县安全生产工作会议上的讲话受伤21人,同比上升9.5%。\n"
    )
    _, out = outline(text)
    assert out.title is None
    assert [text[ln.start : ln.end] for ln in out.body] == [text.strip()]
