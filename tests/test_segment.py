import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

import speechparse
from speechparse import cues
from speechparse.normalize import normalize
from speechparse.segment import _BOUNDARY, _cut, lines, pieces, units


def split(text):
    norm = normalize(text)
    return [norm[s:e] for s, e in pieces(norm, 0, len(norm))]


def test_lines_are_stripped_and_blank_lines_skipped():
    text = "  甲\n\n\u3000\u3000乙  \r\n"
    assert [(ln.start, ln.end) for ln in lines(normalize(text))] == [(2, 3), (7, 8)]


def test_sentences_keep_closing_quotes():
    assert split("他说：“劳动光荣。”我们要努力！好吗？") == [
        "他说:“劳动光荣。”",
        "我们要努力!",
        "好吗?",
    ]


def test_points_after_semicolon_and_comma_start_new_units():
    assert split("一是加强学习；二是加强宣传，三是加强引导。") == [
        "一是加强学习;",
        "二是加强宣传,",
        "三是加强引导。",
    ]


def test_an_item_after_a_colon_starts_a_new_unit():
    assert split("我讲三点意见：一、把牢方向。") == ["我讲三点意见:", "一、把牢方向。"]


def test_a_line_without_sentence_end_is_one_unit():
    assert split("一、永葆忠诚本色，凝聚前进伟力") == ["一、永葆忠诚本色,凝聚前进伟力"]


def test_units_know_their_line_and_whether_they_open_it():
    norm = normalize("甲。乙。\n丙。")
    got = [(u.text, u.line, u.first) for u in units(norm, lines(norm))]
    assert got == [("甲。", 0, True), ("乙。", 0, False), ("丙。", 1, True)]


def test_paragraphs_joined_by_spaces_are_lines_of_their_own():
    text = "一、增强意识\u3000\u3000服务大局是第一要务。 二、维护权益 要依法维权。"
    norm = normalize(text)
    got = [text[ln.start : ln.end] for ln in lines(norm)]
    assert got == ["一、增强意识", "服务大局是第一要务。", "二、维护权益", "要依法维权。"]


def test_spaces_that_spread_a_word_out_join_no_paragraphs():
    text = "开  幕  词\n一、抓好落实  二、加强领导\n"
    assert [text[ln.start : ln.end] for ln in lines(text)] == [
        "开  幕  词",
        "一、抓好落实",
        "二、加强领导",
    ]


WRAPPED = (
    "同志们：\n"
    "今天，我们召开全县安全生产工作会议，主要任务是总结去年\n"
    "工作，部署今年任务。首先，我代表县人民政府向奋战在安全生\n"
    "产一线的同志们表示衷心的感谢！当前，全县安全形势总体平稳，\n"
    "但是隐患依然存在，我们一定要时刻绷紧安全生产这根弦，做到警\n"
    "钟长鸣。下面，我讲三点意见。\n"
    "一要提高认识。各级各部门要把安全生产摆在更加突出的位置，切\n"
    "实加强领导，层层落实责任。\n"
)


def test_a_hard_wrapped_page_has_its_breaks_joined():
    from speechparse.segment import hard_wraps

    wraps = hard_wraps(normalize(WRAPPED))
    assert [WRAPPED[a:b] for a, b in wraps] == ["\n"] * 5
    # not after 。 nor before 一要, nor after the salutation's short line
    assert [WRAPPED[a - 2 : a] + "|" + WRAPPED[b : b + 2] for a, b in wraps] == [
        "去年|工作",
        "全生|产一",
        "稳，|但是",
        "到警|钟长",
        "，切|实加",
    ]


def test_a_greeting_broken_by_a_hard_wrap_is_found_whole():
    s = speechparse.parse(WRAPPED)
    (greeting,) = s.opening.greetings
    assert greeting.text == "首先，我代表县人民政府向奋战在安全生\n产一线的同志们表示衷心的感谢！"
    assert [(a.target, a.act) for a in greeting.acts] == [
        ("奋战在安全生\n产一线的同志们", "表示衷心的感谢")
    ]


def test_a_page_of_short_paragraphs_is_not_hard_wrapped():
    from speechparse.segment import hard_wraps

    text = "同志们：\n今天开会。\n一要抓好落实\n二要加强领导\n三要务求实效\n谢谢大家！\n"
    assert hard_wraps(normalize(text)) == []


#: _BOUNDARY's plain form: a sentence end, or ;/: or , before an enumeration marker.
BOUNDARY_SPEC = re.compile(
    rf"{cues.SENTENCE_END.pattern}"
    rf"|[;:](?=\s*(?:{cues.MARKER_AFTER_CLAUSE.pattern}|{cues.CN_NUM}、))"
    rf"|,(?=\s*{cues.MARKER_AFTER_COMMA.pattern})"
)


@given(st.text(alphabet='。!?…;:,”」)"一二三是要首先第点、(1). \n甲', max_size=30))
@example("甲……”)")
@example("好!……”  ")
@example("甲;一是乙,二要丙:(1)丁;三、戊")
@settings(max_examples=300)
def test_unit_boundaries_are_where_the_plain_form_cuts(text):
    # _BOUNDARY is written for speed (a class first); it must cut where its plain form does
    assert [m.end() for m in _BOUNDARY.finditer(text)] == [
        m.end() for m in BOUNDARY_SPEC.finditer(text)
    ]


@given(st.text(alphabet="。!?…;:,”)(一二是、1.2 \n\u2028甲乙", max_size=20))
@example("甲1.乙")
@example("甲(1)乙")
@example(" 甲乙\u2028")
@example("一是做好工作;")
@example("甲乙。”")
@settings(max_examples=300)
def test_a_text_without_a_cut_point_is_one_unit_as_the_patterns_say(text):
    # pieces() skips the patterns when there is nothing to cut at: it must cut as they do
    assert pieces(text, 0, len(text)) == _cut(text, 0, len(text))
