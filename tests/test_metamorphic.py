"""Metamorphic properties: the same speech, served the way the web serves it, has the same
structure. Every sample and corpus speech is transformed (site noise before, inside and
after it, line breaks removed or turned into spaces, punctuation widths swapped, converted
to traditional characters, indented, with Windows line ends, encoded as GB18030 or UTF-16,
cut short), alone and combined, and its shape compared with the clean parse.

The noise here is written for these tests.
"""

import re
from functools import cache

import opencc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import speechparse
from helpers import CORPUS, SPEECH_SAMPLES, WEB, check_invariants, read
from speechparse.normalize import normalize

TEXTS = {p.name: read(p) for p in SPEECH_SAMPLES + CORPUS + WEB}
SPEECHES = sorted(TEXTS)
#: Real pages that carry site text of their own before the speech.
PAGES = {p.name for p in WEB}

FRONT = [
    "温馨提示：",
    "1. 本站资料均由会员上传，仅供学习交流使用。",
    "2. 如有侵权请联系客服删除。",
    "客服热线：400-000-0000",
    "当前位置：首页 > 范文中心 > 讲话材料",
    "您的位置 : 首页 >> 工作讲话",
    "时间：2024-05-01 来源：网络 阅读 88 次",
    "工会讲话稿范文（精选3篇）",
    "【篇一】",
    "工会",
    "讲话",
    "大会",
]
BACK = [
    "手机扫码阅读本文",
    "相关文章",
    "在某某座谈会上的讲话",
    "上一篇：某某同志的致辞",
    "下一篇：某某会议发言",
    "用户评论",
    "打开APP阅读全文",
    "THE END",
]
INLINE = ["##paidbegin##", "全网资源每日更新 www.example.org", "👍", "\u200b", "（名称替换）"]
PINYIN = ["(lǐ)", "（gōng）"]
CJK = re.compile(r"[\u4e00-\u9fff]")


def key(text):
    """A string as recognition sees it: widths and characters folded, no whitespace; and
    simplified by phrases too, as converting to traditional characters is (了解 -> 瞭解,
    which character by character stays 瞭)."""
    return re.sub(r"\s", "", to_simplified().convert(normalize(text or "")))


@cache
def to_simplified():
    return opencc.OpenCC("t2s")


def shape(s):
    d = s.demands
    items = d.items if d else []
    opening = s.opening
    closing = s.closing
    return {
        "title": key(s.title.text) if s.title else None,
        "salutation": key(s.salutation.text) if s.salutation else None,
        "occasion": key(opening.occasion.text)[:8] if opening and opening.occasion else None,
        "greetings": [key(g.text)[:8] for g in opening.greetings] if opening else [],
        "declared": d.declared_count if d else None,
        "markers": [key(i.marker) for i in items],
        "headlines": [key(i.headline.text) for i in items],
        "points": [[key(p.marker) for p in i.points] for i in items],
        "hopes": [key(h.addressee) for h in s.hopes.items] if s.hopes else [],
        "call": closing is not None and closing.call_to_action is not None,
        "wishes": [key(w.text) for w in closing.wishes] if closing else [],
        "thanks": key(closing.thanks.text) if closing and closing.thanks else None,
    }


@cache
def clean(name):
    return shape(speechparse.parse(TEXTS[name]))


# --- transformations: (text, data) -> text ---------------------------------------------------


def front_noise(text, data):
    picked = data.draw(st.lists(st.sampled_from(FRONT), min_size=1, max_size=8, unique=True))
    return "\n".join(picked) + "\n" + text


def back_noise(text, data):
    picked = data.draw(st.lists(st.sampled_from(BACK[1:]), max_size=5, unique=True))
    return text.rstrip("\n") + "\n" + "\n".join([BACK[0], *picked]) + "\n"


def inside_noise(text, data):
    """Inline noise anywhere inside lines of the text, even inside a word or a cue (never
    inside noise inserted before, nor between a character and its pinyin)."""
    taken = bytearray(len(text) + 1)
    for n in speechparse.parse(text).noise:  # not inside the noise the page already has
        start = n.span.start + (n.kind != "annotation")
        taken[start : n.span.end] = b"\x01" * max(0, n.span.end - start)
    spots = [
        i for i in range(1, len(text)) if text[i - 1] != "\n" and text[i] != "\n" and not taken[i]
    ]
    if not spots:
        return text
    chosen = data.draw(st.lists(st.sampled_from(spots), min_size=1, max_size=6, unique=True))
    for at in sorted(chosen, reverse=True):
        pool = INLINE + (PINYIN if CJK.match(text[at - 1]) else [])
        text = text[:at] + data.draw(st.sampled_from(pool)) + text[at:]
    return text


def join_with_spaces(text, data):
    gap = data.draw(st.sampled_from(["\u3000\u3000", "  ", "\t\t"]))
    return text.strip("\n").replace("\n", gap)


def swap_widths(text, data):
    full, half = "，：；！？（）", ",:;!?()"
    if data.draw(st.booleans()):
        return text.translate(str.maketrans(full, half))
    return text.translate(str.maketrans(half, full))


def traditional(text, data):
    return to_traditional().convert(text)


@cache
def to_traditional():
    return opencc.OpenCC("s2t")


def indent_and_line_ends(text, data):
    indent = data.draw(st.sampled_from(["", "  ", "    ", "\u3000\u3000", "\t"]))
    end = data.draw(st.sampled_from(["\n", "\r\n", " \n", "\u3000\r\n"]))
    lines = text.split("\n")
    return end.join(indent + line if line else line for line in lines)


def remove_line_breaks(text, data):
    return text.replace("\n", "")


TRANSFORMS = {
    "front_noise": front_noise,
    "back_noise": back_noise,
    "inside_noise": inside_noise,
    "join_with_spaces": join_with_spaces,
    "remove_line_breaks": remove_line_breaks,
    "swap_widths": swap_widths,
    "traditional": traditional,
    "indent_and_line_ends": indent_and_line_ends,
}
ORDER = list(TRANSFORMS)  # combined, they apply in this order


def same_structure(got, want, collapsed=False, site_text_before=False, page=False):
    """Shapes agree. Without line breaks a headline on a line of its own runs into its body
    (the clean headline must begin the collapsed one) and a point glued to it may be lost
    (首先 run into the words before it is just a word); and site text run into the title
    cannot always be told from it (a breadcrumb that ends in 讲话材料 right before
    市委副书记在…的讲话), so the title is not compared then; nor can a page keyword run
    into the salutation (工会同志们：), which must then end with the clean one, nor a
    qualifier of the salutation from site text run into it (…阅读 88 次女职工同志们：), when
    the clean one must end with it; and a date under the title joins it."""
    got, want = dict(got), dict(want)
    if collapsed and page:
        # a real page's closing over several lines (祝愿大家： / 工作上，… / 生活上，…) reads
        # as other sentences on one line
        for part in ("call", "wishes"):
            got.pop(part), want.pop(part)
    if collapsed and site_text_before:
        got.pop("title"), want.pop("title")
        g, w = got.pop("salutation"), want.pop("salutation")
        assert g == w or (g and w and (g.endswith(w) or w.endswith(g)))
    g, w = got.get("title"), want.get("title")
    if collapsed and g and w and g != w:
        # a date on a line of its own under the title is no part of it; run into it, it
        # is (讲话（2023年3月15日）, as a title is written): only the break told them apart
        assert re.fullmatch(re.escape(w) + r"\([^()]{1,30}\)", g)
        got.pop("title"), want.pop("title")
    if collapsed:
        for g, w in zip(got.pop("headlines"), want.pop("headlines"), strict=True):
            assert g.startswith(w)
        for g, w in zip(got.pop("points"), want.pop("points"), strict=True):
            assert g in ([], w)
    assert got == want


def consistent_prefix(got, want, collapsed=False):
    """A speech cut short: its demands are the first ones of the whole, all but the last
    with the same headline (without line breaks: beginning with the same headline)."""
    n = len(got["markers"])
    assert got["markers"] == want["markers"][:n]
    for g, w in zip(got["headlines"][:-1], want["headlines"][: max(0, n - 1)], strict=True):
        assert g.startswith(w) if collapsed else g == w


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parse_checked(text):
    s = speechparse.parse(text)
    check_invariants(text, s)
    return s


@SETTINGS
@given(st.sampled_from(SPEECHES), st.sampled_from(ORDER), st.data())
def test_each_transformation_alone_keeps_the_structure(name, transform, data):
    text = TRANSFORMS[transform](TEXTS[name], data)
    collapsed = transform == "remove_line_breaks"
    page = name in PAGES
    same_structure(shape(parse_checked(text)), clean(name), collapsed, page, page)


@SETTINGS
@given(
    st.sampled_from(SPEECHES),
    st.sets(st.sampled_from(ORDER), min_size=2),
    st.booleans(),
    st.data(),
)
def test_transformations_combined_keep_the_structure(name, chosen, cut, data):
    chosen.discard("join_with_spaces" if "remove_line_breaks" in chosen else "")
    text = TEXTS[name]
    for transform in ORDER:
        if transform in chosen:
            text = TRANSFORMS[transform](text, data)
    collapsed = "remove_line_breaks" in chosen
    if cut:
        text = text[: data.draw(st.integers(0, len(text)))]
        consistent_prefix(shape(parse_checked(text)), clean(name), collapsed)
    else:
        got = shape(parse_checked(text))
        page = name in PAGES
        same_structure(got, clean(name), collapsed, "front_noise" in chosen or page, page)


@SETTINGS
@given(
    st.sampled_from(SPEECHES),
    st.sampled_from(["gb18030", "utf-16", "utf-8-sig", "utf-8"]),
    st.sets(st.sampled_from(["front_noise", "inside_noise", "traditional"])),
    st.data(),
)
def test_encoded_as_bytes(name, encoding, chosen, data):
    text = TEXTS[name]
    for transform in ORDER:
        if transform in chosen:
            text = TRANSFORMS[transform](text, data)
    s = speechparse.parse_bytes(text.encode(encoding))
    assert shape(s) == clean(name)
    check_invariants(text, s)


@SETTINGS
@given(st.sampled_from(SPEECHES), st.data())
def test_cut_at_a_random_point_gives_a_consistent_prefix(name, data):
    text = TEXTS[name]
    cut = data.draw(st.integers(0, len(text)))
    got, want = shape(parse_checked(text[:cut])), clean(name)
    consistent_prefix(got, want)
    full = speechparse.parse(text)
    if full.salutation is not None and cut >= full.salutation.span.end:
        assert got["salutation"] == want["salutation"]
