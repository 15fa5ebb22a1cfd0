from speechparse.normalize import normalize
from speechparse.segment import lines, pieces, units


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
