"""render(): canonical text, a fixpoint of parse-then-render, that keeps the structure."""

import pytest

import speechparse
from helpers import CORPUS, SAMPLES, WEB, check_invariants, read
from speechparse import render
from test_metamorphic import shape

CANONICAL = (
    "在全县工会大会上的讲话\n"
    "同志们：\n"
    "今天，全县工会大会隆重召开。我代表县委，向大会表示祝贺！\n"
    "近年来，全县工会工作取得了显著成效。\n"
    "下面，我讲两点意见：\n"
    "一、把牢方向\n"
    "要坚持学习。一是学理论；二是学业务。\n"
    "二、服务职工。要办实事。\n"
    "希望各级党委政府，关心工会。\n"
    "同志们，让我们共同努力！\n"
    "谢谢大家！\n"
)


def test_canonical_text_renders_as_itself():
    assert render(speechparse.parse(CANONICAL)) == CANONICAL


def test_noise_indentation_and_line_ends_are_dropped():
    noisy = (
        "温馨提示：\n1. 本站文档由用户上传。\n"
        + "\r\n".join("\u3000\u3000" + line for line in CANONICAL.splitlines())
        + "\r\n手机扫码阅读本文\n"
    ).replace("召开。", "召开。##paidbegin##")
    assert render(speechparse.parse(noisy)) == CANONICAL


def test_a_collapsed_speech_gets_a_line_per_demand():
    collapsed = CANONICAL.replace("\n", "")
    out = render(speechparse.parse(collapsed))
    assert "\n一、把牢方向" in out and "\n二、服务职工。" in out
    assert render(speechparse.parse(out)) == out


def test_a_broken_title_and_salutation_are_joined():
    text = "在全县工会第五次代表大会\n上的讲话\n尊敬的各位领导、\n同志们：\n今天，大会隆重召开。\n"
    assert render(speechparse.parse(text)) == (
        "在全县工会第五次代表大会上的讲话\n尊敬的各位领导、同志们：\n今天，大会隆重召开。\n"
    )


def test_empty():
    assert render(speechparse.parse("")) == ""


@pytest.mark.parametrize("path", SAMPLES + CORPUS + WEB, ids=lambda p: p.name)
def test_real_speeches_keep_their_structure_and_render_is_a_fixpoint(path):
    first = speechparse.parse(read(path))
    text = render(first)
    again = speechparse.parse(text)
    check_invariants(text, again)
    assert shape(again) == shape(first)
    assert render(again) == text


def test_a_paragraph_broken_by_its_page_is_one_line():
    text = (
        "同志们：\n今天，大会隆重召开。我代表县委，向关心支持工会工作\n\n2、的各界朋友表示感谢！\n"
    )
    assert render(speechparse.parse(text)) == (
        "同志们：\n今天，大会隆重召开。我代表县委，向关心支持工会工作的各界朋友表示感谢！\n"
    )
