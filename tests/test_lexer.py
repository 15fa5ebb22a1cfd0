import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from speechparse import cues
from speechparse.analysis import Analysis, readdress
from speechparse.markers import Marker, cn_number, marker_at
from speechparse.normalize import normalize
from speechparse.segment import lines, units


def analyse(text):
    norm = normalize(text)
    us = units(norm, lines(norm))
    return us, Analysis(us)


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十一", 21), ("九十九", 99), ("两", 2),
     ("7", 7), ("首先", 1), ("其次", 2), ("零", None), ("甲", None)],
)  # fmt: skip
def test_cn_number(numeral, value):
    assert cn_number(numeral) == value


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("一要加强引领", Marker("yao", 1, 2)),
        ("十二、增强意识", Marker("dun", 12, 3)),
        ("(三)突出重点", Marker("paren", 3, 3)),
        ("二十是坚持", Marker("shi", 20, 3)),
        ("第一,要当好标杆", Marker("ordinal", 1, 3)),
        ("第二点,要当好先锋", Marker("ordinal", 2, 4)),
        ("第三点希望,要争当表率", Marker("ordinal", 3, 6)),
        ("3.抓好队伍", Marker("arabic", 3, 2)),
        ("(2)规范管理", Marker("arabic_paren", 2, 3)),
        ("其次,要抓好宣传", Marker("sequence", 2, 3)),
        ("最后,要抓好选树", Marker("sequence", None, 3)),
    ],
)
def test_markers_of_every_family(text, marker):
    assert marker_at(text) == marker


@pytest.mark.parametrize(
    "text", ["一要求", "统一要求", "2023年", "1.5亿元", "第一次代表大会", "一是否"]
)
def test_not_markers(text):
    assert marker_at(text) is None


def test_heading_family_wins_and_points_nest_inside_items():
    us, a = analyse(
        "下面，我讲两点意见：\n一、把牢方向\n要坚持。一是学习；二是宣传。\n二、服务职工\n一是帮扶。二是维权。\n"
    )
    assert a.family == "dun"
    assert [us[i].text for i in a.items] == ["一、把牢方向", "二、服务职工"]
    points = sorted(i for i, r in a.roles.items() if r == "POINT")
    assert [us[i].text for i in points] == ["一是学习;", "二是宣传。", "一是帮扶。", "二是维权。"]


def test_a_run_tolerates_one_missing_number():
    us, a = analyse("一、甲。\n二、乙。\n四、丁。\n")
    assert [us[i].text for i in a.items] == ["一、甲。", "二、乙。", "四、丁。"]


def test_a_lone_marker_is_not_a_list():
    _, a = analyse("一、只有一条。\n其他内容。\n")
    assert a.items == []
    _, a = analyse("今天开会。\n二、加强领导\n其他内容。\n")  # not the first number
    assert a.items == []


def test_a_list_with_one_visible_item():
    # after an announcement: the rest of the list was cut off
    us, a = analyse("下面，我讲三点意见。\n一、提高站位，统一思想。各级工会要抓好落实。\n")
    assert (a.family, [us[i].text for i in a.items]) == ("dun", ["一、提高站位,统一思想。"])
    # a headline on a short line of its own, without an announcement
    us, a = analyse("今天开会。\n（一）加强组织领导\n各级工会要抓好落实。\n")
    assert (a.family, [us[i].text for i in a.items]) == ("paren", ["(一)加强组织领导"])


def test_first_then_next_are_demands_after_an_announcement():
    us, a = analyse(
        "首先，我代表市委表示祝贺！\n我讲三点意见。\n首先，要提高认识。\n其次，要突出重点。\n"
        "最后，要加强领导。\n最后，预祝大会圆满成功！\n"
    )
    assert a.family == "sequence"
    assert [us[i].text for i in a.items] == [
        "首先,要提高认识。",
        "其次,要突出重点。",
        "最后,要加强领导。",
    ]


def test_first_and_last_without_an_announcement_are_no_demands():
    _, a = analyse(
        "首先，我代表市委表示祝贺！\n今年工作很多。\n其次，要做好准备。\n最后，祝大家节日快乐！\n"
    )
    assert a.items == []


def test_an_earlier_run_of_the_same_family_is_achievements():
    us, a = analyse(
        "一、成绩一。\n二、成绩二。\n下面，我讲两点意见：\n一、要求一。\n二、要求二。\n"
    )
    assert [us[i].text for i in a.items] == ["一、要求一。", "二、要求二。"]
    assert sorted(i for i, r in a.roles.items() if r == "ACHIEVEMENT") == [0, 1]


def test_headed_achievements_come_in_series():
    text = "展现了担当。全区工会坚持服务。\n凸显了创新。全区工会推进改革。\n"
    us, a = analyse(text)
    assert [us[i].text for i, r in sorted(a.roles.items())] == ["展现了担当。", "凸显了创新。"]
    _, single = analyse("展现了担当。全区工会坚持服务。\n其他内容。\n")
    assert single.roles == {}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("同志们，让我们携手奋进！", True),
        ("各位代表、同志们，新的征程已经开启。", True),
        ("各位代表要珍惜荣誉，认真履行职责。", False),
        ("同志们都要行动起来。", False),
    ],
)
def test_readdressing_the_audience(sentence, expected):
    assert readdress(normalize(sentence)) is expected


def test_candidates_are_ordered_and_end_with_text():
    _, a = analyse(
        "今天，大会隆重召开，我代表市委向大会表示祝贺！\n一、甲。\n二、乙。\n谢谢大家！\n"
    )
    assert a.candidates(0) == ["GREETING", "OCCASION", "TEXT"]
    assert a.candidates(1) == ["ITEM", "TEXT"]
    assert a.candidates(3) == ["THANKS", "TEXT"]


def test_hopes_and_closing_cues_only_count_after_the_last_demand():
    text = "一、甲。希望各级党委重视。\n二、乙。\n希望各级党委重视。\n"
    _, a = analyse(text)
    assert a.candidates(1) == ["TEXT"]
    assert a.candidates(3) == ["HOPE", "TEXT"]


def test_a_preview_cut_mid_sentence_with_no_demands_has_no_tail():
    """Its last paragraphs are the middle of a speech: a 希望 there asks nothing of the
    party committees yet; a closing cue among them still starts the tail."""
    head = "同志们:\n今天大会召开。\n刚才,局长讲得很好,我完全同意,希望各级党委和政府抓好落实。\n"
    us, a = analyse(head + "下面,我再讲讲今年的形势,大家可以\n")
    hope = next(i for i, u in enumerate(us) if "希望" in u.text)
    assert (a.tail, a.candidates(hope)) == (len(us), ["TEXT"])
    us, a = analyse(head + "下面,我再讲讲今年的形势。\n")  # ended: the last paragraphs close
    assert a.candidates(hope) == ["HOPE", "TEXT"]
    us, a = analyse(head + "最后,祝大家工作顺利、身体健康,新的一年")
    assert us[a.tail].text.startswith("最后")


def test_a_collapsed_speech_lets_every_sentence_open_a_paragraph():
    text = "同志们：今天大会召开。我讲两点。一、甲。要做。二、乙。要做。希望各级党委支持。谢谢！"
    us, a = analyse(text)
    assert a.collapsed
    assert [us[i].text for i in a.items] == ["一、甲。", "二、乙。"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("下面，我讲三点意见：", "三"),
        ("我提两点希望。", "两"),
        ("我想从这四方面谈谈体会。", "四"),
        ("今年要抓好三大任务。", "三"),
        ("重点做到四个强化：", "四"),
        ("着重落实以下的五大重点。", "五"),
        ("再强调几点意见。", "几"),
    ],
)
def test_announced_counts_written_other_ways(text, count):
    m = cues.ANNOUNCE.search(normalize(text))
    assert m is not None and m["n"] == count


@pytest.mark.parametrize("text", ["我提出了一个问题。", "大家讲一个故事。", "共有三大类产品。"])
def test_counts_that_announce_nothing(text):
    assert cues.ANNOUNCE.search(normalize(text)) is None


def test_an_ordinal_with_a_counted_noun():
    assert marker_at("第一个感受,劳动最光荣。") == Marker("ordinal", 1, 6)


def test_a_lone_first_item_right_after_the_announcement_on_its_line():
    us, a = analyse(
        "开好这次会议很重要。下面，我讲四点意见。一、认清形势，统一思想。安全是大事。\n"
    )
    assert [us[i].text for i in a.items] == ["一、认清形势,统一思想。"]


def test_first_then_next_without_an_announcement_when_each_asks_for_something():
    us, a = analyse(
        "今天召开会议，部署节日安全工作。\n首先，我们要认清形势。\n其次，要落实责任。\n"
        "再次，要排查隐患。\n最后，要加强宣传。\n"
    )
    assert a.family == "sequence"
    assert [us[i].text[:3] for i in a.items] == ["首先,", "其次,", "再次,", "最后,"]


def test_first_then_next_without_an_announcement_that_ask_nothing_are_no_list():
    _, a = analyse("首先，我代表县委表示祝贺。\n其次，感谢大家的支持。\n再次，欢迎新会员。\n")
    assert a.items == []


def test_a_page_that_starts_mid_list():
    us, a = analyse("三、加强队伍建设，打造坚强组织。青年是未来。\n希望大家努力。\n")
    assert (a.family, [us[i].text for i in a.items]) == ("dun", ["三、加强队伍建设,打造坚强组织。"])


@pytest.mark.parametrize(
    "text",
    [
        "祝愿我们的学校明天更加美好！",
        "这里，我预祝运动会取得圆满成功！",
        "我们衷心祝愿全市职工身体健康！",
        "最后，再祝大家新春快乐！",
        "愿成功的喜悦使我们青春永驻！",
    ],
)
def test_wishes_in_other_words(text):
    assert cues.found("WISH", normalize(text))


@pytest.mark.parametrize(
    "text", ["愿意参加的同志请报名。", "志愿者们要做好服务。", "愿意为大家服务，争取更好成绩。"]
)
def test_sentences_with_yuan_that_wish_nothing(text):
    assert not cues.found("WISH", normalize(text))


def test_a_list_introduced_as_news_is_not_the_demands():
    _, a = analyse(
        "联欢会开始前，我先通报两条喜讯：\n一、公司获评先进单位；\n二、球队获得冠军；\n"
        "三、新厂房顺利投产。\n祝大家节日快乐！\n"
    )
    assert a.items == []


def test_a_list_after_an_announcement_with_a_colon_is_the_demands():
    us, a = analyse("下面，我讲三点意见：\n一、提高认识\n二、明确任务\n三、加强领导\n")
    assert [us[i].text for i in a.items] == ["一、提高认识", "二、明确任务", "三、加强领导"]


@pytest.mark.parametrize(
    ("text", "occasion"),
    [
        ("县第五次代表大会就要胜利闭幕了。", True),
        ("全市职工运动会今天隆重开幕。", True),
        ("在全县第五次代表大会上的闭幕词", False),
        ("在运动会开幕式上的讲话", False),
    ],
)
def test_a_meeting_that_opens_or_closes_is_an_occasion_and_a_title_is_not(text, occasion):
    assert cues.found("OCCASION", normalize(text)) is occasion


def test_the_last_demand_of_a_cut_preview_with_its_first_point():
    us, a = analyse(
        "下面，我讲三点意见。\n一、统一思想\n各级各部门要高度重视。\n1、抓好宣传，营造氛围。宣传很重要。\n"
    )
    assert [us[i].text for i in a.items] == ["一、统一思想"]
    assert [us[i].text for i, role in sorted(a.roles.items()) if role == "POINT"] == [
        "1、抓好宣传,营造氛围。"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "“三八”国际妇女节是全世界妇女的节日。",
        "今年9月是全国第10个“质量月”。",
        "明天就是一年一度的教师节。",
    ],
)
def test_the_day_or_month_the_meeting_keeps_is_its_occasion(text):
    assert cues.found("OCCASION", normalize(text))


def test_looking_back_from_a_count_is_no_announcement():
    assert cues.ANNOUNCE.search(normalize("从这几项收获来看，基础已经打下。")) is None
    assert cues.ANNOUNCE.search(normalize("我想从这四个方面谈谈。"))["n"] == "四"


#: Characters markers are made of, and some that follow them.
MARKER_CHARS = (
    "(第一二三四五六七八九十百零〇两0123456789首其再然最)" + "、.,:是要否非求点个方面条项 先次后甲"
)


@given(st.text(alphabet=MARKER_CHARS, max_size=12))
@example("零是")  # a number that is none (零): the next family that matches, if any
@example("(十一)、")
@example("最后,")
def test_one_pattern_finds_the_marker_a_loop_over_the_families_finds(text):
    # marker_at matches every family at once (for speed); it must agree with the plain
    # reading: each family in order, the first whose number is a number
    expected = None
    if text and text[0] in cues.MARKER_FIRST:
        for family, pattern in cues.MARKERS.items():
            m = pattern.match(text)
            if m is not None:
                index = None if m["n"] == "最后" else cn_number(m["n"])
                if index is not None or m["n"] == "最后":
                    expected = Marker(family, index, m.end())
                    break
    assert marker_at(text) == expected
