"""The trained labeller of the frame: pieces, alignment of the gold facts, the model."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import CORPUS_DIR
from speechparse.api import clean_view, parse_labelled
from speechparse.frame import frame, from_labels
from speechparse.frame_model import Frame
from speechparse.labeller import label
from speechparse.pieces import pieces
from speechparse.segment import lines
from speechparse.training import generate
from speechparse.training.align import align
from speechparse.training.train import fit, packaged, training_pages
from speechparse.writer import Seeded


def _pieces(text: str) -> list[str]:
    clean = clean_view(text)[0].text
    return [clean[p.start : p.end] for p in pieces(clean, lines(clean))]


def test_a_title_run_into_the_salutation_and_the_speech_is_three_pieces() -> None:
    text = "在全县工会工作会议上的讲话同志们:今天我们召开会议。\n"
    assert _pieces(text) == ["在全县工会工作会议上的讲话", "同志们:", "今天我们召开会议。"]


def test_site_text_before_a_salutation_on_one_line_is_cut_off() -> None:
    text = "本文仅供参考,请勿转载。各位代表、同志们:大会今天开幕。\n"
    assert _pieces(text) == ["本文仅供参考,请勿转载。", "各位代表、同志们:", "大会今天开幕。"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "大会全国各族职工:岁末年初,我们致以问候!\n",
            ["大会", "全国各族职工:", "岁末年初,我们致以问候!"],
        ),
        ("讲话全市广大职工同志们:今天开会。\n", ["讲话", "全市广大职工同志们:", "今天开会。"]),
    ],
)
def test_a_page_keyword_run_into_a_salutation_of_the_whole_is_cut_off(
    text: str, want: list[str]
) -> None:
    """全国… / 全市… / 广大… open an address as 各位 does."""
    assert _pieces(text) == want


def test_furniture_after_the_last_sentence_is_a_piece_of_its_own() -> None:
    text = "同志们:\n祝大会圆满成功!谢谢大家!相关文章推荐阅读\n"
    assert _pieces(text) == ["同志们:", "祝大会圆满成功!谢谢大家!", "相关文章推荐阅读"]


def test_a_sites_label_or_name_before_a_title_is_cut_off() -> None:
    assert _pieces("[要闻]在全区工会代表大会上的讲话\n") == ["[要闻]", "在全区工会代表大会上的讲话"]
    assert _pieces("范文网—在全区工会代表大会上的致辞\n") == [
        "范文网—",
        "在全区工会代表大会上的致辞",
    ]
    # a title's own dash, before its subtitle, is no site's name
    assert _pieces("奋勇争先——在全区工会代表大会上的讲话\n") == [
        "奋勇争先——在全区工会代表大会上的讲话"
    ]


def test_a_collections_label_before_a_pieces_own_title_is_cut_off() -> None:
    assert _pieces("第一篇:在全区工会代表大会上的讲话\n") == [
        "第一篇:",
        "在全区工会代表大会上的讲话",
    ]
    # on a collapsed line, the site's name before a title run into its salutation
    assert _pieces("某某之家—在全区工会代表大会上的讲话同志们:今天开会。\n") == [
        "某某之家—",
        "在全区工会代表大会上的讲话",
        "同志们:",
        "今天开会。",
    ]


def test_no_title_is_cut_off_a_collections_name_before_its_count() -> None:
    text = "下面是为大家整理的全区工会代表大会致辞5篇,供大家参考。\n同志们:\n今天开会。\n"
    assert _pieces(text)[0] == "下面是为大家整理的全区工会代表大会致辞5篇,供大家参考。"


def test_a_title_word_going_on_in_a_sentence_or_quoted_is_not_cut_after() -> None:
    text = "以下是小编收集的全镇敬老会领导讲话,仅供参考。\n"
    assert _pieces(text) == [text.strip()]
    text = "《区妇联第三次代表大会开幕词》由网友上传分享。\n"
    assert _pieces(text) == [text.strip()]


def test_a_collections_label_after_a_sentence_is_cut_with_its_colon() -> None:
    text = "仅供参考。镇重阳节敬老会领导讲话(一):在重阳节到来之际,我代表镇党委致以问候!\n"
    assert _pieces(text) == [
        "仅供参考。",
        "镇重阳节敬老会领导讲话(一):",
        "在重阳节到来之际,我代表镇党委致以问候!",
    ]


def test_a_title_after_a_collections_name_on_its_line_starts_after_it() -> None:
    text = "工会讲话稿范文(精选3篇)在全县工会工作会议上的讲话同志们:今天开会。\n"
    assert _pieces(text) == [
        "工会讲话稿范文(精选3篇)",
        "在全县工会工作会议上的讲话",
        "同志们:",
        "今天开会。",
    ]


def test_pieces_cover_every_line_exactly() -> None:
    text = "首页 > 讲话\n在大会上的讲话\n同志们:今天开会。\n"
    clean = clean_view(text)[0].text
    found = pieces(clean, lines(clean))
    covered = "".join(clean[p.start : p.end] for p in found)
    assert covered.replace(" ", "") == "".join(clean.split())


def test_alignment_labels_a_page_from_its_facts() -> None:
    text = "首页 > 讲话稿\n在全区工会代表大会上的讲话\n同志们:\n今天大会开幕。\n上一篇:某某\n"
    gold = {
        "title": "在全区工会代表大会上的讲话",
        "salutation": "同志们:",
        "noise": ["首页 > 讲话稿", "上一篇:某某"],
    }
    page = align("p", text, gold)
    assert list(zip(page.source, page.labels, strict=True)) == [
        ("首页 > 讲话稿", "site"),
        ("在全区工会代表大会上的讲话", "title"),
        ("同志们:", "salutation"),
        ("今天大会开幕。", "speech"),
        ("上一篇:某某", "site"),
    ]
    assert page.problems == []


def test_alignment_reports_a_title_no_piece_equals() -> None:
    page = align("p", "同志们:\n今天开会。\n", {"title": "大会讲话", "salutation": "同志们:"})
    assert page.problems == ["title '大会讲话': no piece equals it"]


def test_the_packaged_model_labels_a_plain_page() -> None:
    text = (
        "首页 > 讲话稿 > 工会\n在全市工会工作会议上的讲话\n同志们:\n今天,我们召开工会工作会议。\n"
    )
    clean = clean_view(text)[0].text
    found = pieces(clean, lines(clean))
    assert label(clean, found) == ["site", "site", "title", "salutation", "speech"]
    outline = frame(clean, lines(clean))
    assert outline.title is not None
    assert clean[outline.title.start : outline.title.end] == "在全市工会工作会议上的讲话"
    speech = parse_labelled(text)
    assert speech.title is not None and speech.title.text == "在全市工会工作会议上的讲话"
    assert speech.salutation is not None and speech.salutation.text == "同志们:"
    assert [n.kind for n in speech.noise] == ["breadcrumb"]


def test_training_from_scratch_gives_the_packaged_model(tmp_path: Path) -> None:
    if not CORPUS_DIR.is_dir():
        # the gold corpus lies beside the project (../shared), as in CI, where it must be
        reason = f"the gold corpus is not at {CORPUS_DIR}"
        if os.environ.get("CI"):
            pytest.fail(f"CI trains the labeller, but {reason}")
        pytest.skip(f"no training test: {reason}")
    out = tmp_path / "model.crfsuite"
    fit(training_pages(CORPUS_DIR.parent), out)
    assert out.read_bytes() == packaged().read_bytes()


def test_generated_pages_are_the_same_for_a_seed_and_labelled_by_their_lines() -> None:
    first, again = generate.pages(5, seed=3), generate.pages(5, seed=3)
    assert [p.text for p in first] == [p.text for p in again]
    assert [p.text for p in generate.pages(5, seed=4)] != [p.text for p in first]
    for page in first:
        assert len(page.labels) == len(page.pieces)
        assert set(page.labels) <= {"title", "byline", "salutation", "speech", "site"}


def test_a_generated_page_labels_its_title_salutation_speech_and_site_text() -> None:
    lines_ = [
        generate.Line("首页 > 领导讲话", "site"),
        generate.Line("在全区工会代表大会上的讲话", "title"),
        generate.Line("——XXX同志", "byline"),
        generate.Line("同志们：", "salutation"),
        generate.Line("今天，大会隆重召开。", "speech"),
        generate.Line("上一篇：某某会议上的发言", "site"),
    ]
    text, spans = generate.render(Seeded(0), lines_)
    assert [text[a:b] for a, b, _ in spans] == [line.text for line in lines_]
    page = generate.labelled("p", text, spans)
    assert page.labels == ["site", "title", "byline", "salutation", "speech", "site"]


def _framed(text: str, labels: list[str], odds: list[float] | None = None) -> tuple[str, Frame]:
    """The frame of ``text`` from the given labels of its pieces (one label a piece)."""
    clean = clean_view(text)[0].text
    found = pieces(clean, lines(clean))
    assert len(found) == len(labels)
    return clean, from_labels(clean, found, labels, odds)


def _title(text: str, labels: list[str], odds: list[float] | None = None) -> str | None:
    clean, result = _framed(text, labels, odds)
    title = result.title
    return None if title is None else clean[title.start : title.end]


def test_a_title_broken_over_two_lines_is_one_title() -> None:
    text = "在全区庆祝五一劳动模范\n表彰大会上的讲话\n同志们:\n今天开会。\n"
    labels = ["title", "title", "salutation", "speech"]
    assert _title(text, labels) == "在全区庆祝五一劳动模范\n表彰大会上的讲话"
    text = "全区工会第五次代表大会\n开  幕  词\n同志们:\n今天开会。\n"
    assert _title(text, labels) == "全区工会第五次代表大会\n开  幕  词"


def test_two_whole_titles_or_site_text_over_a_title_are_not_joined() -> None:
    labels = ["title", "title", "salutation", "speech"]
    # a title and its copy: the first is the title
    text = "在全区工会代表大会上的讲话\n在全区工会代表大会上的讲话\n同志们:\n今天开会。\n"
    assert _title(text, labels) == "在全区工会代表大会上的讲话"
    # site text mislabelled as title does not join a whole title below it
    text = "收藏本页 打印本页\n市总工会主席在全市工会代表大会上的讲话\n同志们:\n今天开会。\n"
    assert _title(text, labels) == "市总工会主席在全市工会代表大会上的讲话"


def test_the_cv_report_sets_the_labeller_beside_the_rules_by_field_and_by_corpus(capsys) -> None:
    from types import SimpleNamespace

    from speechparse.training.cv import _report

    def sheet(name: str, *facts: tuple[str, bool]) -> SimpleNamespace:
        return SimpleNamespace(name=name, facts=[(f, ok, "") for f, ok in facts])

    labelled = [
        sheet("web/a", ("title", True), ("noise", True)),
        sheet("web2/b", ("title", False), ("noise", True)),
    ]
    rules = [
        sheet("web/a", ("title", True), ("noise", True)),
        sheet("web2/b", ("title", False), ("noise", False)),
    ]
    assert _report(labelled, rules, 2, 0.8) == 1  # 0.75 is below the minimum
    out = capsys.readouterr()
    assert out.out.splitlines() == [
        "field                          held    of  labeller   rules",
        "noise                             2     2    100.0%   50.0%",
        "title                             1     2     50.0%   50.0%",
        "web/                         labeller 1.0000  rules 1.0000",
        "web2/                        labeller 0.5000  rules 0.0000",
        "accuracy 0.7500 (3/4 facts, 2 documents, 2 folds)",
    ]
    assert out.err == "below the minimum 0.8\n"


def test_a_collections_name_before_a_pieces_label_is_no_title() -> None:
    text = "全区工会代表大会讲话稿\n篇1\n同志们:\n今天开会。\n"
    assert _title(text, ["title", "site", "salutation", "speech"]) is None
    # the piece's own title after its label is
    text = "全区工会代表大会讲话稿\n第一篇:\n在全区工会代表大会上的讲话\n同志们:\n今天开会。\n"
    labels = ["title", "site", "title", "salutation", "speech"]
    assert _title(text, labels) == "在全区工会代表大会上的讲话"


def test_a_copy_of_the_title_with_markup_before_it_is_no_title() -> None:
    text = "在全区防汛工作例会上的讲话\n名称] @ d d d 在全区防汛工作例会上的讲话\n"
    text += "同志们:\n今天开会。\n"
    labels = ["title", "title", "salutation", "speech"]
    assert _title(text, labels) == "在全区防汛工作例会上的讲话"


def test_a_demands_headline_or_a_news_headline_gives_way_as_title() -> None:
    text = "二、以开展文明创建活动为抓手,切实抓好全年社区治理工作\n同志们:\n今天开会。\n"
    assert _title(text, ["title", "salutation", "speech"]) is None
    text = "全市劳模表彰大会隆重举行 市长发表重要讲话\n在全市劳模表彰大会上的讲话\n"
    text += "同志们:\n今天开会。\n"
    labels = ["title", "title", "salutation", "speech"]
    assert _title(text, labels) == "在全市劳模表彰大会上的讲话"


def test_with_no_title_labelled_the_piece_the_labeller_half_trusts_is_the_title() -> None:
    text = "首页 > 讲话\n在全区工会代表大会上的讲话\n本站推荐\n同志们:\n今天开会。\n"
    labels = ["site", "site", "site", "salutation", "speech"]
    assert _title(text, labels, [0.0, 0.3, 0.0]) == "在全区工会代表大会上的讲话"
    assert _title(text, labels, [0.0, 0.05, 0.0]) is None  # too little trust
    # a breadcrumb that ends in a title word is no title, however trusted
    text = "当前位置:首页>范文中心>讲话材料\n同志们:\n今天开会。\n"
    assert _title(text, ["site", "salutation", "speech"], [0.5]) is None


def test_a_salutation_that_names_nobody_is_a_notices_label() -> None:
    text = "温馨提示:\n今天大会开幕。\n"
    clean = clean_view(text)[0].text
    found = pieces(clean, lines(clean))
    result = from_labels(clean, found, ["salutation", "speech"])
    assert result.salutation is None
    assert [clean[b.start : b.end] for b in result.body] == ["今天大会开幕。"]
    assert [clean[n.start : n.end] for n in result.noise] == ["温馨提示:"]


def test_a_salutation_quoted_by_a_summary_gives_way_to_the_speechs_own() -> None:
    """Labelled salutation together, the pieces that name someone on either side of one
    that names nobody: the summary's quoted salutation ends at that piece."""
    text = (
        "车间工会成立大会致辞 各位代表:在这个重要时期,我们迎来了车间工会成立大会致辞"
        "各位来宾、工友们:大家好!\n"
    )
    clean, result = _framed(text, ["title", "salutation", "salutation", "salutation", "speech"])
    start, end = result.salutation
    assert clean[start:end] == "各位来宾、工友们:"
    assert [clean[a:b] for a, b in result.addressees] == ["各位来宾", "工友们"]
    assert [clean[b.start : b.end] for b in result.body] == ["大家好!"]
    assert [clean[n.start : n.end] for n in result.noise] == [
        "各位代表:",
        "在这个重要时期,我们迎来了车间工会成立大会致辞",
    ]


def _opening(text: str, labels: list[str]) -> tuple[str | None, list[str]]:
    clean, result = _framed(text, labels)
    sal = clean[result.salutation[0] : result.salutation[1]] if result.salutation else None
    return sal, [clean[b.start : b.end] for b in result.body]


def test_a_news_leads_pieces_labelled_speech_give_way_to_the_title_and_its_salutation() -> None:
    text = (
        "全区劳模表彰大会隆重举行\n区委书记代表区委向全区劳动者致以问候。\n本报讯\n"
        "在全区劳模表彰大会上的讲话\n同志们:\n今天开会。\n"
    )
    labels = ["title", "speech", "site", "title", "salutation", "speech"]
    assert _opening(text, labels) == ("同志们:", ["今天开会。"])
    assert _title(text, labels) == "在全区劳模表彰大会上的讲话"


def test_a_salutation_after_a_blogs_preface_opens_the_speech() -> None:
    """A piece that is a salutation, labelled so or not, after prose labelled speech."""
    text = "今天上班第一天。\n接到通知要我致辞。\n各位同事们:\n大家好!\n"
    for labels in (["speech"] * 4, ["speech", "speech", "salutation", "speech"]):
        assert _opening(text, labels) == ("各位同事们:", ["大家好!"])
    # one that only names its addressees in a sentence does not
    text = "今天上班第一天。\n接到通知要我致辞。\n各位同事们好,大家辛苦了。\n"
    labels = ["speech", "speech", "salutation"]
    assert _opening(text, labels)[0] is None


def test_a_preview_of_the_title_and_salutation_gives_way_to_the_speech_after_it() -> None:
    text = (
        "车间工会成立大会致辞\n各位领导、各位代表:\n在这个重要时期,我们迎来了大会。\n"
        "车间工会成立大会致辞\n各位来宾、工友们:\n大家好!今天大会开幕。\n"
    )
    labels = ["title", "salutation", "speech", "title", "salutation", "speech"]
    assert _opening(text, labels) == ("各位来宾、工友们:", ["大家好!今天大会开幕。"])
    assert _title(text, labels) == "车间工会成立大会致辞"


def test_a_title_labelled_byline_is_the_title_when_none_is_labelled_so() -> None:
    text = "在全县工会工作会议上的讲话\n今天,全县工会工作会议隆重召开。\n"
    assert _title(text, ["byline", "speech"], [0.0, 0.0]) == "在全县工会工作会议上的讲话"


def test_a_date_run_into_the_text_after_a_byline_is_cut_off() -> None:
    text = "在敬老大会上的讲话王某某(2024年9月9日)今天,我们在这里欢聚一堂。\n"
    assert _pieces(text) == [
        "在敬老大会上的讲话",
        "王某某",
        "(2024年9月9日)",
        "今天,我们在这里欢聚一堂。",
    ]
    # right after the title word, or ending its line, it stays
    assert _pieces("在大会上的演说(一九五○年四月二十九日)\n") == [
        "在大会上的演说(一九五○年四月二十九日)"
    ]
    assert _pieces("——某某(2011年3月7日)\n") == ["——某某(2011年3月7日)"]


def test_a_breadcrumb_ending_in_a_title_word_is_no_title_but_cut_before_one() -> None:
    text = "您的位置 : 首页 >> 领导讲话在全区青年表彰大会上的讲话【打印】同志们:今天开会。\n"
    assert _pieces(text)[:2] == ["您的位置 : 首页 >> 领导讲话", "在全区青年表彰大会上的讲话"]


def test_a_title_word_in_a_meetings_name_is_not_cut_after() -> None:
    text = "全区青年岗位能手事迹报告大会的讲话同志们:今天开会。\n"
    assert _pieces(text)[0] == "全区青年岗位能手事迹报告大会的讲话"


def test_a_collections_label_after_its_name_is_cut_after_on_a_collapsed_page() -> None:
    text = "首页 > 范文 > 区长防汛工作讲话(精选2篇)区长防汛工作讲话 篇1这次会议很重要。\n"
    assert _pieces(text)[-1] == "这次会议很重要。"


def test_with_no_title_labelled_the_line_before_the_speech_past_its_byline_is_the_title() -> None:
    text = "首页 > 讲话\n在全区工会代表大会上的讲话\n王某某\n(2019年4月2日)\n今天,大会开幕。\n"
    labels = ["site", "site", "site", "site", "speech"]
    assert _title(text, labels, [0.0] * 4) == "在全区工会代表大会上的讲话"


def test_a_news_reports_headline_without_a_title_word_is_no_title() -> None:
    text = "市总工会召开全市工会工作会议\n今天,大会开幕。\n"
    assert _title(text, ["title", "speech"]) is None


def test_a_sentence_naming_a_speech_is_not_cut_as_a_title() -> None:
    text = "全县办结信访件310件、化解积案42件、县长在信访会议上的讲话提到的难题已解决。\n"
    assert _pieces(text) == [text.strip()]


def test_a_first_piece_with_no_sentence_end_the_labeller_half_trusts_is_the_title() -> None:
    text = "首页\n在全区工会代表大会上的讲话\n今天,大会开幕。\n"
    clean, result = _framed(text, ["site", "speech", "speech"], [0.0, 0.3, 0.0])
    assert result.title is not None
    assert clean[result.title.start : result.title.end] == "在全区工会代表大会上的讲话"
    assert [clean[b.start : b.end] for b in result.body] == ["今天,大会开幕。"]
    # with too little trust, or a sentence in it, it stays the speech's
    assert _title(text, ["site", "speech", "speech"], [0.0, 0.05, 0.0]) is None
    said = "首页\n在全区工会代表大会上的讲话。\n今天,大会开幕。\n"
    assert _title(said, ["site", "speech", "speech"], [0.0, 0.3, 0.0]) is None


def test_a_broken_titles_last_words_are_no_speakers_name_to_skip() -> None:
    text = "温馨提示:\n在全区工会第五次代表大会\n上的讲话\n同志们:\n今天开会。\n"
    labels = ["site", "site", "site", "salutation", "speech"]
    assert _title(text, labels) == "在全区工会第五次代表大会\n上的讲话"
