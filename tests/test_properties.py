"""Hypothesis: parse() never raises on arbitrary text, and the invariants always hold."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import speechparse
from helpers import CORPUS, SPEECH_SAMPLES, WEB, check_invariants, read

#: Pieces of the genre, of site noise, and of nothing in particular, both punctuation widths.
FRAGMENTS = [
    "同志们：", "同志们:", "各位代表、同志们，", "*书记，", "尊敬的各位领导：", "在XX大会上的讲话",
    "今天，大会隆重召开。", "我代表市委，向大会表示热烈祝贺！", "向全体代表致以问候!", "近年来，",
    "刚才，XX同志作了讲话，", "取得了显著成效。", "当前，", "下面，我讲四点意见：", "提出3点要求。",
    "一要", "二要", "一、", "二、", "三、", "十一、", "（一）", "(二)", "一是", "二是", "；三是",
    "第一，", "第二,", "1.", "2、", "（1）", "(2)", "首先，", "其次，", "最后，",
    "希望各级党委政府，", "各级党委要", "恳请市总工会", "党工委将进一步加强", "让我们", "！",
    "预祝大会取得圆满成功！", "祝各位身体健康！", "谢谢大家！", "谢谢!", "展现了担当。",
    "温馨提示：", "1. 本站文档由用户上传", "相关文章", "上一篇：", "当前位置：首页 > ",
    "##paidbegin##", "##paidend##", "www.example.com", "領(lǐng)導", "……（省略200字）……",
    "XX", "**", "×", "“", "”", "《", "（", "）", "(", ")", "。", "，", ",", "：", ":", "；",
    "\n", "\n", "\n", "\r\n", "\u3000\u3000", "\t", " ", "\ufeff", "\u200b", "English text. ",
]  # fmt: skip

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
ANY = st.characters(blacklist_categories=("Cs",))
piece = st.one_of(
    st.sampled_from(FRAGMENTS), st.text(CJK, min_size=1, max_size=12), st.text(ANY, max_size=4)
)
speechlike = st.lists(piece, max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(speechlike)
def test_parse_never_raises_and_invariants_hold(text):
    check_invariants(text, speechparse.parse(text))


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_any_unicode_text(text):
    check_invariants(text, speechparse.parse(text))


REAL = [read(p) for p in SPEECH_SAMPLES + CORPUS + WEB]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(REAL), st.data())
def test_mutations_of_real_speeches(text, data):
    """Cut, splice and insert at random points of real speeches."""
    n = len(text)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, min(n, a + 400)))
    insert = data.draw(speechlike)
    mutated = data.draw(
        st.sampled_from([text[:a], text[a:], text[:a] + insert + text[b:], text[:a] + text[b:]])
    )
    check_invariants(mutated, speechparse.parse(mutated))
