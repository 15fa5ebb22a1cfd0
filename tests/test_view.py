"""speechparse.to_html and `speechparse view`: every part drawn over the source text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import speechparse
from helpers import CORPUS, SAMPLES, WEB, read
from html_dom import Element, dom
from speechparse import strategies as sps
from speechparse.view import to_html
from speechparse.view.marks import Mark, nest


def source(page: Element) -> str:
    """The text the page shows in its source pane, as a browser reads it (the newline right
    after <pre> is dropped)."""
    text = page.find(id="source").text
    assert text.startswith("\n")
    return text[1:]


def marked(page: Element, kind: str) -> list[str]:
    """The text of every mark of a kind, in order (a mark cut in two counts once, whole)."""
    out: dict[str, str] = {}
    for e in page.find(id="source").walk():
        if f"m-{kind}" in e.classes:
            part = e.attrs["data-part"]
            out[part] = out.get(part, "") + e.text
    return list(out.values())


SPEECH = (
    "在全市职工代表大会上的讲话\n"
    "各位代表、同志们：\n"
    "今天，全市职工代表大会隆重召开。我代表市委，向大会表示热烈的祝贺！\n"
    "过去一年，全市工会工作取得新成绩。\n"
    "下面，我讲两点意见。\n"
    "一、提高政治站位\n"
    "各级工会要加强学习。一是学理论；二是学业务。\n"
    "二、服务职工群众\n"
    "要办好实事。\n"
    "希望各级党委政府关心支持工会工作。\n"
    "同志们，让我们团结奋斗！\n"
    "预祝大会圆满成功！\n"
    "谢谢大家！\n"
    "本文来源：某某网 点击下载\n"
)


def test_every_part_is_marked_over_its_own_text():
    speech = speechparse.parse(SPEECH)
    page = dom(to_html(speech, SPEECH))
    assert source(page) == SPEECH
    assert marked(page, "title") == ["在全市职工代表大会上的讲话"]
    assert marked(page, "addressee")[:2] == ["各位代表", "同志们"]
    assert marked(page, "occasion") == ["今天，全市职工代表大会隆重召开。"]
    assert marked(page, "greeting") == ["我代表市委，向大会表示热烈的祝贺！"]
    assert marked(page, "target") == ["大会"]
    assert marked(page, "act") == ["表示热烈的祝贺"]
    assert marked(page, "review") == ["过去一年，全市工会工作取得新成绩。"]
    assert marked(page, "preamble") == ["下面，我讲两点意见。"]
    preamble = page.find(id="source").by_class("m-preamble")[0]
    assert preamble.attrs["title"] == "preamble (announces 2)"
    assert marked(page, "marker") == ["一、", "一是", "二是", "二、"]
    assert marked(page, "headline") == ["提高政治站位", "学理论；", "学业务。", "服务职工群众"]
    assert marked(page, "point") == ["一是学理论；", "二是学业务。"]
    assert marked(page, "hope") == ["希望各级党委政府关心支持工会工作。"]
    assert marked(page, "addressee")[2:] == ["各级党委政府"]
    assert marked(page, "call") == ["同志们，让我们团结奋斗！"]
    assert marked(page, "wish") == ["预祝大会圆满成功！"]
    assert marked(page, "thanks") == ["谢谢大家！"]
    assert marked(page, "noise") == ["本文来源：某某网 点击下载"]
    noise = page.find(id="source").by_class("m-noise")[0]
    assert noise.attrs["title"] == f"noise: {speech.noise[0].kind}"
    assert f"d-{speech.noise[0].kind}" in noise.classes


def test_the_outline_lists_the_demands_and_jumps_to_them():
    speech = speechparse.parse(SPEECH)
    page = dom(to_html(speech, SPEECH))
    outline = page.find(id="outline")
    top = outline.by_tag("ol")[0]
    entries = [li for li in top.children if isinstance(li, Element) and li.tag == "li"]
    assert [li.by_class("o-marker")[0].text for li in entries] == ["一、", "二、"]
    assert [li.by_class("o-headline")[0].text for li in entries] == ["提高政治站位", "服务职工群众"]
    nested = entries[0].by_tag("ol")[0].by_class("o-headline")
    assert [e.text for e in nested] == ["学理论；", "学业务。"]
    for link in outline.by_tag("a"):
        target = page.find(id=link.attrs["href"][1:])
        assert target.text.startswith(link.by_class("o-marker")[0].text)


def test_diagnostics_are_listed_and_linked_to_their_spans():
    text = "同志们：\n下面讲三点。\n一、甲要做好。\n二、乙要做好。\n四、丁要做好。\n"
    speech = speechparse.parse(text)
    page = dom(to_html(speech, text))
    items = page.find(id="diagnostics").by_tag("li")
    assert [li.attrs["data-code"] for li in items] == [d.code for d in speech.diagnostics]
    gap = next(d for d in speech.diagnostics if d.code == "enum-gap")
    li = next(li for li in items if li.attrs["data-code"] == "enum-gap")
    link = li.by_tag("a")[0]
    assert link.text == gap.message == "the numbering jumps from 二 to 四: 三 is missing"
    target = page.find(id=link.attrs["href"][1:])
    assert "m-diagnostic" in target.classes and "d-warning" in target.classes
    assert target.text == text[gap.span.start : gap.span.end] == "四、"
    # a diagnostic without a place is listed without a link
    closing = next(li for li in items if li.attrs["data-code"] == "no-closing")
    assert closing.by_tag("a") == []


def test_the_legend_names_the_kinds_on_the_page_in_their_colours():
    speech = speechparse.parse(SPEECH)
    page = dom(to_html(speech, SPEECH))
    legend = page.find(id="legend").by_tag("li")
    kinds = {c[2:] for e in page.find(id="source").walk() for c in e.classes if c[:2] == "m-"}
    assert {li.classes[1][2:] for li in legend} == kinds
    assert [li.text for li in legend][:3] == ["title", "salutation", "opening"]


def test_a_mark_crossing_the_end_of_its_holder_is_cut_there():
    text = "0123456789"
    item = Mark(0, 6, "item", "demand 1", "m1")
    diagnostic = Mark(4, 9, "diagnostic", "warning: x", "m2")
    nodes = nest([diagnostic, item], text)
    assert [n if isinstance(n, str) else (n.kind, n.start, n.end, n.first) for n in nodes] == [
        ("item", 0, 6, True),
        ("diagnostic", 6, 9, False),
        "9",
    ]
    first = nodes[0]
    assert isinstance(first, Mark)
    assert [c if isinstance(c, str) else (c.kind, c.start, c.end) for c in first.children] == [
        "0123",
        ("diagnostic", 4, 6),
    ]
    assert first.children[1].children == ["45"]  # type: ignore[union-attr]
    assert nodes[1].children == ["678"]  # type: ignore[union-attr]


def test_text_is_escaped_never_run():
    text = '同志们：\n<script>alert("x")</script>今天，大会<b>隆重</b>召开。&amp;\n谢谢大家！\n'
    speech = speechparse.parse(text)
    html = to_html(speech, text)
    assert "<script" not in html.lower() and "<b>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert source(dom(html)) == text


def test_a_salutation_that_looks_like_markup_stays_text_in_its_label():
    text = '"><img src=x onerror=alert(1)>同志们：\n谢谢大家！\n'
    html = to_html(speechparse.parse(text), text)
    assert "<img" not in html
    assert source(dom(html)) == text


def test_carriage_returns_survive_as_references():
    text = "同志们：\r\n今天，大会隆重召开。\r\n谢谢大家！\r\n"
    html = to_html(speechparse.parse(text), text)
    assert "\r" not in html and "&#13;" in html
    assert source(dom(html)) == text


@pytest.mark.parametrize("path", SAMPLES + CORPUS + WEB, ids=lambda p: p.name)
def test_every_character_of_a_real_text_appears_once_in_order(path: Path):
    text = read(path)
    page = dom(to_html(speechparse.parse(text), text))
    assert source(page) == text


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(sps.speeches(), st.text(alphabet=st.characters(blacklist_characters="\x00"))))
def test_every_character_of_any_text_appears_once_in_order(text: str):
    page = dom(to_html(speechparse.parse(text), text))
    assert source(page) == text


def test_the_text_must_be_the_one_parsed():
    speech = speechparse.parse("同志们：\n谢谢大家！")
    with pytest.raises(ValueError, match="the text has 3 characters but the speech was parsed"):
        to_html(speech, "同志们")


def test_to_html_is_public_and_lazy():
    assert speechparse.to_html is to_html
    # the extras' libraries are loaded only by the commands that use them
    code = (
        "import sys, speechparse, speechparse.cli\n"
        "heavy = {'jinja2', 'fastapi', 'uvicorn', 'pyarrow', 'tqdm', 'dask', 'pandas'}\n"
        "assert not heavy & set(sys.modules), heavy & set(sys.modules); print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "ok\n"


def test_view_command_writes_the_page(tmp_path: Path):
    sample = SAMPLES[1]
    out = tmp_path / "view.html"
    done = subprocess.run(
        [sys.executable, "-m", "speechparse", "view", str(sample), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    text = read(sample)
    page = dom(out.read_text(encoding="utf-8"))
    assert source(page) == text
    title = speechparse.parse(text).title
    assert title is not None
    assert page.by_tag("h1")[0].text == title.text


def test_view_command_prints_the_page_and_reads_gb18030(tmp_path: Path):
    text = "同志们：\n今天，大会隆重召开。\n谢谢大家！\n"
    path = tmp_path / "gb.txt"
    path.write_bytes(text.encode("gb18030"))
    done = subprocess.run(
        [sys.executable, "-m", "speechparse", "view", str(path)], capture_output=True
    )
    assert done.returncode == 0
    page = dom(done.stdout.decode("utf-8"))
    assert source(page) == text
    assert page.by_tag("h1")[0].text == "gb.txt"  # no title: the file's name


def test_view_command_errors_are_one_line(tmp_path: Path):
    done = subprocess.run(
        [sys.executable, "-m", "speechparse", "view", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("speechparse: cannot read ") and done.stderr.count("\n") == 1
    out = tmp_path / "no" / "such" / "dir.html"
    done = subprocess.run(
        [sys.executable, "-m", "speechparse", "view", str(SAMPLES[0]), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and done.stderr.startswith(f"speechparse: cannot write {out}")


def test_a_missing_extra_is_named():
    code = (
        "import sys; sys.modules['jinja2'] = None\n"
        "from speechparse.cli import main; sys.exit(main(['view', 'x.txt']))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr == (
        "speechparse: this command needs the 'view' extra (jinja2 is not installed): "
        "pip install 'speechparse[view]'\n"
    )


def test_the_header_line_gives_speaker_date_and_event():
    text = (
        "市总工会主席在全市工会第五次代表大会上的讲话\n（2023年3月15日）\n"
        + SPEECH.split("\n", 1)[1]
    )
    page = dom(to_html(speechparse.parse(text), text))
    assert page.find(id="meta").text == "市总工会主席 · 2023-03-15 · 全市工会第五次代表大会"


def test_no_header_line_without_metadata():
    text = "同志们：\n要加强学习。\n"
    page = dom(to_html(speechparse.parse(text), text))
    assert [e for e in page.walk() if e.attrs.get("id") == "meta"] == []
