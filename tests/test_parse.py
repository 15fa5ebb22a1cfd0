"""parse() end to end on small speeches, asserting exact structures and spans."""

import pytest

import speechparse
from helpers import check_invariants
from speechparse import Act, Block, ParseError, Span

SPEECH = (
    "在全县工会大会上的讲话\n"
    "同志们：\n"
    "今天，全县工会大会隆重召开。我代表县委，向大会表示祝贺，向全体代表，并通过你们向全县职工致以问候！\n"
    "近年来，全县工会工作取得了显著成效。\n"
    "当前，任务艰巨。下面，我讲两点意见：\n"
    "一、把牢方向\n"
    "要坚持学习。一是学理论；二是学业务。\n"
    "二、服务职工。要办实事。\n"
    "工会工作很重要。希望各级党委政府，关心工会。\n"
    "同志们，让我们共同努力！预祝大会圆满成功！\n"
    "谢谢大家！\n"
)


def at(text, s):
    i = SPEECH.index(s)
    return Block(span=Span(start=i, end=i + len(s)), text=s)


@pytest.fixture(scope="module")
def speech():
    result = speechparse.parse(SPEECH)
    check_invariants(SPEECH, result)
    return result


def test_title_and_salutation(speech):
    assert speech.title == at(SPEECH, "在全县工会大会上的讲话")
    assert speech.salutation.text == "同志们："
    assert speech.salutation.addressees == ["同志们"]


def test_opening_occasion_and_greeting_acts(speech):
    assert speech.opening.occasion == at(SPEECH, "今天，全县工会大会隆重召开。")
    [greeting] = speech.opening.greetings
    assert greeting.text.startswith("我代表县委")
    assert greeting.acts == [
        Act(target="大会", act="表示祝贺"),
        Act(target="全体代表", act="致以问候"),
        Act(target="全县职工", act="致以问候"),
    ]


def test_review(speech):
    assert speech.review.paragraphs == [at(SPEECH, "近年来，全县工会工作取得了显著成效。")]
    assert speech.review.achievements == []


def test_demands_preamble_items_and_points(speech):
    d = speech.demands
    assert d.preamble == [at(SPEECH, "当前，任务艰巨。下面，我讲两点意见：")]
    assert d.declared_count == 2
    first, second = d.items
    assert (first.index, first.marker, first.style) == (1, "一、", "dun")
    assert first.headline == at(SPEECH, "把牢方向")
    assert first.body == [at(SPEECH, "要坚持学习。一是学理论；二是学业务。")]
    assert [(p.marker, p.style, p.index, p.headline.text) for p in first.points] == [
        ("一是", "shi", 1, "学理论；"),
        ("二是", "shi", 2, "学业务。"),
    ]
    assert second.headline == at(SPEECH, "服务职工。")
    assert second.body == [at(SPEECH, "要办实事。")]
    assert second.span == Span(start=SPEECH.index("二、"), end=SPEECH.index("要办实事。") + 5)


def test_hopes_take_their_lead_sentence_but_not_as_a_hope(speech):
    line = "工会工作很重要。希望各级党委政府，关心工会。"
    assert speech.hopes.paragraphs == [at(SPEECH, line)]
    [hope] = speech.hopes.items
    assert hope.text == "希望各级党委政府，关心工会。"
    assert hope.addressee == "各级党委政府"


def test_closing(speech):
    c = speech.closing
    assert c.call_to_action == at(SPEECH, "同志们，让我们共同努力！")
    assert c.wishes == [at(SPEECH, "预祝大会圆满成功！")]
    assert c.thanks == at(SPEECH, "谢谢大家！")


def test_no_diagnostics_on_a_well_formed_speech(speech):
    assert speech.diagnostics == []


def test_empty_and_whitespace_input():
    for text in ["", "   \n\u3000\n"]:
        s = speechparse.parse(text)
        check_invariants(text, s)
        assert s.opening is None and s.noise == []
        assert [d.code for d in s.diagnostics] == ["no-structure"]


def test_strict_mode_raises_with_position():
    with pytest.raises(ParseError) as err:
        speechparse.parse("\n\n  The committee met on Monday.", strict=True)
    assert (err.value.offset, err.value.line, err.value.column) == (4, 3, 3)
    assert str(err.value).startswith("no-structure: no part of a speech was recognised")
    assert str(err.value).endswith("(line 3, column 3)")


def test_strict_mode_accepts_a_speech():
    assert speechparse.parse(SPEECH, strict=True).demands is not None


def test_parse_rejects_bytes_with_a_clear_message():
    with pytest.raises(TypeError, match="parse_bytes"):
        speechparse.parse(SPEECH.encode())  # type: ignore[arg-type]


def test_diagnostics_for_gaps_counts_and_missing_parts():
    text = "我讲三点意见：\n一、甲。\n二、乙。\n四、丁。\n"
    s = speechparse.parse(text)
    check_invariants(text, s)
    got = [(d.severity, d.code, d.message) for d in s.diagnostics]
    assert got == [
        ("warning", "no-salutation", "no salutation (同志们： / 各位代表：) was found"),
        ("warning", "enum-gap", "the numbering jumps from 二 to 四: 三 is missing"),
        ("info", "no-closing", "no closing (call to action, wishes or thanks) was found"),
    ]
    gap = s.diagnostics[1].span
    assert text[gap.start : gap.end] == "四、"
    assert s.demands.declared_count == 3 and len(s.demands.items) == 3


def test_a_skipped_number_is_named():
    text = "同志们：\n一、做好甲事。\n三、做好丙事。\n四、做好丁事。\n谢谢！"
    gaps = [d.message for d in speechparse.parse(text).diagnostics if d.code == "enum-gap"]
    assert gaps == ["the numbering jumps from 一 to 三: 二 is missing"]


@pytest.mark.parametrize(
    ("before", "after", "message"),
    [(2, 5, "the numbering jumps from 二 to 五: 三 to 四 are missing"),
     (2, 4, "the numbering jumps from 二 to 四: 三 is missing"),
     (9, 12, "the numbering jumps from 九 to 十二: 十 to 十一 are missing"),
     (2, 2, "the numbering repeats 二"),
     (3, 2, "the numbering goes back from 三 to 二")],
)  # fmt: skip
def test_numbering_faults_are_said_in_plain_words(before, after, message):
    from speechparse.diagnose import _gap

    assert _gap(before, after) == message


def test_count_mismatch_and_truncation():
    text = "同志们：\n下面，我讲四点意见：\n一要甲。\n二要乙。\n三要提高"
    s = speechparse.parse(text)
    check_invariants(text, s)
    codes = [d.code for d in s.diagnostics]
    assert codes == ["enum-count-mismatch", "truncated"]
    assert s.diagnostics[1].span == Span(start=text.index("三要"), end=len(text))


def test_inline_noise_is_cut_from_text_but_kept():
    text = "同志们：\n今天，大会##paidbegin##隆重召开。\n"
    s = speechparse.parse(text)
    check_invariants(text, s)
    assert s.opening.paragraphs[0].text == "今天，大会隆重召开。"
    assert s.opening.paragraphs[0].span == Span(start=5, end=len(text) - 1)
    assert [(n.kind, n.text) for n in s.noise] == [("paywall_marker", "##paidbegin##")]


def test_a_colon_lead_in_before_the_list_opens_the_preamble():
    text = "同志们：\n一年来，成绩显著。\n形势很好。希望大家：\n（一）要学习。\n（二）要实干。\n"
    s = speechparse.parse(text)
    check_invariants(text, s)
    assert [p.text for p in s.demands.preamble] == ["形势很好。希望大家："]
    assert [i.marker for i in s.demands.items] == ["（一）", "（二）"]


def test_a_list_inside_a_paragraph_counts_after_an_announcement():
    text = "同志们：\n希望大家做到以下三点：一要学习，二要实干，三要创新。\n谢谢！\n"
    s = speechparse.parse(text)
    check_invariants(text, s)
    assert s.demands.declared_count == 3
    assert [(i.marker, i.headline.text) for i in s.demands.items] == [
        ("一要", "学习，"),
        ("二要", "实干，"),
        ("三要", "创新。"),
    ]
    # without an announcement, such a list is just text
    plain = speechparse.parse("同志们：\n大家一要学习，二要实干。\n")
    assert plain.demands is None


def test_a_bare_readdress_line_opens_the_call_to_action():
    text = "一要甲。\n二要乙。\n同志们！\n让我们共同奋斗！\n谢谢大家！\n"
    s = speechparse.parse(text)
    check_invariants(text, s)
    assert s.closing.call_to_action.text == "同志们！\n让我们共同奋斗！"
    assert s.closing.thanks.text == "谢谢大家！"


def test_an_occasion_named_as_this_meeting():
    s = speechparse.parse("同志们：\n这次全市工会会议的主要任务是部署工作。\n")
    assert s.opening.occasion.text == "这次全市工会会议的主要任务是部署工作。"


def test_noise_inside_a_cue_word_does_not_hide_the_cue():
    text = "同志##paidbegin##们：\n一要甲。\n二要乙。\n谢谢大www.example.com家！\n"
    s = speechparse.parse(text)
    check_invariants(text, s)
    assert s.salutation.text == "同志们："
    assert s.salutation.span == Span(start=0, end=text.index("：") + 1)
    assert s.closing.thanks.text == "谢谢大家！"
    assert [n.kind for n in s.noise] == ["paywall_marker", "banner"]


def test_noise_never_joins_two_lines():
    text = "同志们：\n今天大会隆重召开。www.example.com\n一要甲。\n二要乙。\n"
    s = speechparse.parse(text)
    assert [i.marker for i in s.demands.items] == ["一要", "二要"]


def test_readdressing_with_a_colon_opens_the_call_to_action():
    call = "同志们：新的征程已经开启，让我们携手奋进！"
    text = "同志们：\n一要学习。\n二要实干。\n" + call + "\n谢谢大家！\n"
    s = speechparse.parse(text)
    check_invariants(text, s)
    assert s.closing.call_to_action.text == call


@pytest.mark.parametrize(
    ("text", "occasion"),
    [
        # the meeting and what it does, without 今天
        (
            "同志们：\n镇工会第三次代表大会，经过全体代表的共同努力，就要胜利闭幕了。\n",
            "镇工会第三次代表大会，经过全体代表的共同努力，就要胜利闭幕了。",
        ),
        ("同志们：\n今天这次会议，主要是部署全年工作。\n", "今天这次会议，主要是部署全年工作。"),
        # a time alone (在此之际) gives way to the sentence naming the meeting
        (
            "同志们：\n元旦临近，在此之际，更要绷紧安全这根弦。今天，我们召开这次会议，专题部署节日安全工作。\n",
            "今天，我们召开这次会议，专题部署节日安全工作。",
        ),
    ],
)
def test_the_sentence_naming_the_event(text, occasion):
    assert speechparse.parse(text).opening.occasion.text == occasion


def test_a_habit_is_no_review():
    s = speechparse.parse(
        "同志们：\n一直以来，镇里都把民生工作放在首位。今天，我们隆重召开安全大会。\n"
    )
    assert s.review is None
    assert s.opening.occasion.text == "今天，我们隆重召开安全大会。"


def test_a_look_back_before_the_greetings_belongs_to_the_opening():
    look_back = "过去一年，全镇干部群众苦干实干，各项事业稳步向前。"
    greeting = "在此，我代表镇党委向受到表彰的先进个人表示热烈的祝贺！"
    review = "一年来，全镇新增就业岗位八百个，职工收入稳步增长。"
    s = speechparse.parse(f"同志们：\n{look_back}\n{greeting}\n{review}\n")
    assert [p.text for p in s.opening.paragraphs] == [look_back, greeting]
    assert [g.text for g in s.opening.greetings] == [greeting]
    assert [p.text for p in s.review.paragraphs] == [review]
    # thanks for the work done end the look back: it is the review's
    thanks = "在此，我代表镇党委对大家的辛勤付出表示衷心感谢！"
    s = speechparse.parse(f"同志们：\n{look_back}\n{thanks}\n{review}\n")
    assert s.opening is None
    assert [p.text for p in s.review.paragraphs] == [look_back, thanks, review]
    # past the first paragraphs, a greeting no longer holds the review back
    later = "\n".join([look_back, *[review] * 5, greeting])
    s = speechparse.parse(f"同志们：\n{later}\n")
    assert s.opening is None
    assert s.review.paragraphs[0].text == look_back


def test_greetings_without_xiang_have_their_acts():
    text = (
        "各位老师：\n今天，新学期开学典礼隆重举行。在此，我谨代表学校衷心感谢各位老师一年来的付出！"
        "在这里，给大家拜个早年！\n"
    )
    s = speechparse.parse(text)
    assert [(g.text, [(a.target, a.act) for a in g.acts]) for g in s.opening.greetings] == [
        (
            "在此，我谨代表学校衷心感谢各位老师一年来的付出！",
            [("各位老师一年来的付出", "感谢")],
        ),
        ("在这里，给大家拜个早年！", [("大家", "拜个早年")]),
    ]


def test_a_greeting_that_is_a_verb_of_its_own_after_xiang():
    s = speechparse.parse("同志们：\n新春佳节来临之际，我向大家拜年！向全市职工问好！\n")
    assert [(g.text, [(a.target, a.act) for a in g.acts]) for g in s.opening.greetings] == [
        ("新春佳节来临之际，我向大家拜年！", [("大家", "拜年")]),
        ("向全市职工问好！", [("全市职工", "问好")]),
    ]


@pytest.mark.parametrize(
    ("text", "review"),
    [
        (
            "各位代表：\n县工会第五次代表大会就要胜利闭幕了。\n"
            "本次大会，审议通过了工作报告，选举产生了新一届委员会。\n",
            "本次大会，审议通过了工作报告，选举产生了新一届委员会。",
        ),
        (
            "同志们：\n今天，我们欢聚一堂，共迎新春。\n2023年，是我们厂奋力攻坚、不平凡的一年。\n",
            "2023年，是我们厂奋力攻坚、不平凡的一年。",
        ),
    ],
)
def test_a_closing_speech_looks_back_at_the_meeting_and_a_new_year_speech_at_the_year(text, review):
    s = speechparse.parse(text)
    assert [p.text for p in s.review.paragraphs] == [review]
    assert s.opening.occasion is not None


def test_a_call_to_action_without_rang_women():
    text = (
        "同志们：\n今天，我们隆重集会，庆祝五一国际劳动节。\n"
        "新的征程已经开启。我们要以更加饱满的热情、更加务实的作风，完成全年目标任务！\n"
        "最后，祝大家节日快乐！\n"
    )
    s = speechparse.parse(text)
    assert s.closing.call_to_action.text == (
        "新的征程已经开启。我们要以更加饱满的热情、更加务实的作风，完成全年目标任务！"
    )
    assert [w.text for w in s.closing.wishes] == ["最后，祝大家节日快乐！"]


def test_the_cycle_collector_is_left_as_it_was():
    import gc

    assert gc.isenabled()
    speechparse.parse(SPEECH)
    assert gc.isenabled()
    with pytest.raises(speechparse.ParseError):
        speechparse.parse("hello world.", strict=True)
    assert gc.isenabled()
    gc.disable()
    try:
        speechparse.parse(SPEECH)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_chunk_label_before_the_title_is_noise():
    text = "1、某县职工代表大会开幕词\n各位代表、同志们：\n今天，大会隆重地开幕了！\n谢谢大家！\n"
    s = speechparse.parse(text)
    check_invariants(text, s)
    assert s.title.text == "某县职工代表大会开幕词"
    assert [(n.text, n.kind) for n in s.noise] == [("1、", "other")]
    assert s.opening.occasion.text == "今天，大会隆重地开幕了！"


# a break stays in the text (it is the page's, but no noise); spaces before a label run
# into the text go with the label
@pytest.mark.parametrize(
    ("gap", "kept"),
    [("\n\n", "\n\n"), ("\n", "\n"), ("", ""), ("  ", ""), (" \n \n    ", " \n \n")],
)
def test_a_chunk_label_in_mid_sentence_leaves_the_sentence_whole(gap, kept):
    text = (
        "同志们：\n在此，我代表县委，向长期以来关心支持工会工作"
        f"{gap}3、的各界朋友表示衷心的感谢！\n谢谢大家！\n"
    )
    s = speechparse.parse(text)
    check_invariants(text, s)
    [greeting] = s.opening.greetings
    assert (
        greeting.text
        == f"在此，我代表县委，向长期以来关心支持工会工作{kept}的各界朋友表示衷心的感谢！"
    )
    assert [a.act for a in greeting.acts] == ["表示衷心的感谢"]
    assert [n.text.strip() for n in s.noise] == ["3、"]


def test_a_wish_that_lists_its_wishes_runs_over_their_lines():
    text = (
        "同志们：\n今天，我们欢聚一堂。\n过去一年，大家辛苦了。\n新春佳节，祝愿大家：\n"
        "工作上，步步高升；\n生活上，幸福美满！\n谢谢大家！\n"
    )
    s = speechparse.parse(text)
    check_invariants(text, s)
    assert [w.text for w in s.closing.wishes] == [
        "新春佳节，祝愿大家：\n工作上，步步高升；\n生活上，幸福美满！"
    ]
    assert s.closing.thanks.text == "谢谢大家！"


def test_two_titles_on_one_line_keep_the_last():
    text = "某市工会工作会议讲话稿xx 在某市工会工作会议上的讲话\n同志们：\n今天，会议隆重召开。\n"
    s = speechparse.parse(text)
    check_invariants(text, s)
    assert s.title.text == "在某市工会工作会议上的讲话"
    assert [(n.text, n.kind) for n in s.noise] == [("某市工会工作会议讲话稿xx", "duplicate_title")]


def test_a_collapsed_page_with_site_text_and_a_collection_name_before_the_title():
    title = "在全县工会工作会议上的讲话"
    body = "在新春佳节即将到来之际，全县工会工作会议隆重召开。我们要做好服务工作。"
    for front in ("客服热线：400-000-0000工会讲话稿范文（精选3篇）", "工会讲话稿范文（精选3篇）"):
        text = front + title + body
        s = speechparse.parse(text)
        check_invariants(text, s)
        assert s.title.text == title
        assert [n.text for n in s.noise] == [front]
        assert s.opening.occasion.text == "在新春佳节即将到来之际，全县工会工作会议隆重召开。"


@pytest.mark.parametrize(
    ("line", "addressees"),
    [
        ("各位劳动模范、优秀工作者、同志们：", ["各位劳动模范", "优秀工作者", "同志们"]),
        ("全省各族职工：", ["全省各族职工"]),
        ("全县广大工会干部：", ["全县广大工会干部"]),
    ],
)
def test_salutations_of_model_workers_and_of_a_places_whole_workforce(line, addressees):
    s = speechparse.parse(f"{line}\n今天，我们在这里隆重集会。\n")
    assert s.salutation.text == line
    assert s.salutation.addressees == addressees


def test_a_line_naming_an_author_is_no_salutation_but_a_worker_is():
    s = speechparse.parse("作者：张三\n同志们：\n今天，我们在这里隆重集会。\n")
    assert s.salutation.text == "同志们："


def test_a_call_before_a_closing_of_wishes_and_thanks_is_the_closings():
    call = "同志们！让我们携起手来，为全镇的发展再立新功！"
    body = "今天，我们在这里隆重集会。\n近年来，全镇职工苦干实干。\n工会要当好娘家人。\n"
    end = "预祝大会圆满成功！\n祝大家身体健康！\n谢谢大家！\n"
    s = speechparse.parse(f"同志们：\n{body}{call}\n{end}")
    assert s.closing.call_to_action.text == call
    assert [w.text for w in s.closing.wishes] == ["预祝大会圆满成功！", "祝大家身体健康！"]
    assert s.closing.thanks.text == "谢谢大家！"


def test_demands_announced_as_sentences_to_say_and_headed_with_a_colon():
    text = (
        "同志们：\n今天，我们在这里隆重集会。\n下面，我讲三句话，与大家共勉。\n"
        "第一句话：把学习作为第一追求\n学习是进步的阶梯。\n"
        "第二句话：把实干作为第一要务\n实干才能出成绩。\n"
    )
    s = speechparse.parse(text)
    assert s.demands.declared_count == 3
    assert [(i.marker, i.index, i.headline.text) for i in s.demands.items] == [
        ("第一句话：", 1, "把学习作为第一追求"),
        ("第二句话：", 2, "把实干作为第一要务"),
    ]
    assert s.noise == []


def test_a_greetings_object_naming_the_delegates_is_no_re_address():
    second = "向出席大会的各位代表，并通过你们，向全市职工致以诚挚的问候！"
    text = f"同志们：\n今天，大会隆重开幕。在此，我代表市总工会向大会表示祝贺！{second}\n"
    s = speechparse.parse(text)
    assert [g.text for g in s.opening.greetings] == ["在此，我代表市总工会向大会表示祝贺！", second]
    assert s.closing is None


def test_a_greeting_mentioned_on_the_way_to_the_demands_is_no_greeting():
    on_the_way = "我除了代表镇党委对大会的召开表示祝贺外，还要提出几点希望："
    s = speechparse.parse(f"同志们：\n今天，大会隆重开幕。\n{on_the_way}\n一要甲。\n二要乙。\n")
    assert s.opening.greetings == []
    assert s.demands.preamble[0].text == on_the_way


@pytest.mark.parametrize(
    ("hope", "is_hope"),
    [("希望各级团组织在校党委的领导下，再创佳绩。", True), ("希望大家振奋精神，再创佳绩。", False)],
)
def test_the_audience_addressed_before_a_hope_to_a_body_opens_the_hopes(hope, is_hope):
    end = f"各位代表、同学们，当前，学校正处在发展的关键时期。{hope}\n谢谢大家！\n"
    s = speechparse.parse(f"同志们：\n今天，大会隆重开幕。\n团委要加强自身建设。\n{end}")
    paragraph = end.split("\n")[0]
    if is_hope:
        assert [p.text for p in s.hopes.paragraphs] == [paragraph]
        assert s.closing.call_to_action is None
    else:
        assert s.hopes is None
        assert s.closing.call_to_action.text == paragraph


def test_greetings_of_respect_and_celebration_and_a_salutation_to_those_attending():
    text = (
        "各位来宾、与会的同志们：\n今天，大会隆重开幕。我代表县委，首先向大会致敬！"
        "向受到表彰的集体表示诚挚的庆贺！\n"
    )
    s = speechparse.parse(text)
    assert s.salutation.addressees == ["各位来宾", "与会的同志们"]
    assert [[(a.target, a.act) for a in g.acts] for g in s.opening.greetings] == [
        [("大会", "致敬")],
        [("受到表彰的集体", "表示诚挚的庆贺")],
    ]


def test_a_page_counter_without_a_slash_run_into_the_title_is_noise():
    s = speechparse.parse("第1页共5页在区工会第三次代表大会上的讲话\n同志们：\n今天，大会开幕。\n")
    assert s.title.text == "在区工会第三次代表大会上的讲话"
    assert [n.text for n in s.noise] == ["第1页共5页"]
