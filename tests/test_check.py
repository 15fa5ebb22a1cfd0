"""`speechparse check` and check.py: each check's code, place and message; exit codes and
both output formats."""

import json

import pytest

from helpers import ROOT, run_cli
from speechparse.check import check, format_line

HEAD = "在全县工会工作会议上的讲话\n同志们：\n今天，全县工会工作会议召开。\n"
TWO = "一、提高认识\n要统一思想。\n二、狠抓落实\n要压实责任。\n谢谢大家！\n"


def found(text, code):
    """(line, column, message) of each problem with ``code``."""
    return [(p.line, p.column, p.message) for p in check(text) if p.code == code]


CASES = [
    ("enum-count", HEAD + "下面，我讲三点意见。\n" + TWO,
     [(4, 1, "announces 3 items but 2 are found")]),
    ("enum-gap", HEAD + "一、提高认识\n要统一思想。\n三、狠抓落实\n要压实责任。\n",
     [(6, 1, "the numbering jumps from 1 to 3: 2 missing")]),
    ("enum-order",
     HEAD + "一、提高认识\n要统一思想。\n三、狠抓落实\n要压实责任。\n二、加强领导\n要加强组织。\n",
     [(8, 1, "number 2 comes after 3")]),
    ("enum-repeat", HEAD + "一、提高认识\n要统一思想。\n一、狠抓落实\n要压实责任。\n",
     [(6, 1, "number 1 repeats")]),
    ("mixed-markers", HEAD + "一、提高认识\n要统一思想。\n（二）狠抓落实\n要压实责任。\n",
     [(6, 1, "two marker styles at one level: 一、 and （二）")]),
    ("point-skip",
     HEAD + "一、提高认识\n要统一思想。\n（一）学理论\n要学深。\n（三）学业务\n要学精。\n"
     "二、狠抓落实\n要压实责任。\n",
     [(8, 1, "the numbering jumps from 1 to 3: 2 missing")]),
    ("point-repeat",
     HEAD + "一、提高认识\n要统一思想。\n（一）学理论\n要学深。\n（二）学业务\n要学精。\n"
     "（二）学法律\n要学透。\n二、狠抓落实\n要压实责任。\n",
     [(10, 1, "number 2 repeats")]),
    ("point-restart",
     HEAD + "一、提高认识\n要统一思想。\n（一）学理论\n要学深。\n（二）学业务\n要学精。\n"
     "（一）学法律\n要学透。\n二、狠抓落实\n要压实责任。\n",
     [(10, 1, "number 1 comes after 2")]),
    ("heading-too-long",
     HEAD + "一、" + "加强基层组织建设" * 8 + "\n要统一思想。\n二、狠抓落实\n要压实责任。\n",
     [(4, 3, "the heading has 64 characters (more than 60)")]),
    ("empty-item", HEAD + "一、提高认识\n二、狠抓落实\n要压实责任。\n",
     [(4, 3, "the item has a heading and nothing under it")]),
    ("placeholder", HEAD.replace("召开。", "召开。【此处填写】○○镇、××局、**厂和X村参加。") + TWO,
     [(3, 15, "a placeholder is left in: 【此处填写】"),
      (3, 21, "a placeholder is left in: ○○"),
      (3, 25, "a placeholder is left in: ××"),
      (3, 29, "a placeholder is left in: **"),
      (3, 33, "a placeholder is left in: X")]),
    ("unbalanced",
     HEAD + "一、学习《工会法\n要统一思想）。\n二、狠抓落实\n要压实（责任。\n“谢谢大家！\n",
     [(4, 5, "《 is not closed by 》"), (5, 6, "） closes nothing opened"),
      (7, 4, "（ is not closed by ）"), (8, 1, "“ is not closed by ”")]),
    ("salutation-colon", HEAD.replace("同志们：", "同志们") + TWO,
     [(2, 1, "the salutation does not end with a colon (：)")]),
    ("date-mismatch",
     "在全县2024年工会工作会议上的讲话\n（2023年1月18日）\n" + HEAD.split("\n", 1)[1] + TWO,
     [(2, 2, "the byline's date 2023年1月18日 contradicts the title's 2024年")]),
]  # fmt: skip


@pytest.mark.parametrize(("code", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_check_finds_its_problem_exactly(code, text, expected):
    assert found(text, code) == expected


def test_a_clean_draft_has_no_problem():
    assert check(HEAD + TWO) == []


def test_a_date_that_agrees_with_the_title_is_no_problem():
    text = "在全县2024年工会工作会议上的讲话\n（2024年1月18日）\n" + HEAD.split("\n", 1)[1] + TWO
    assert found(text, "date-mismatch") == []


def test_the_format_of_a_line():
    text = HEAD + "一、提高认识\n二、狠抓落实\n要压实责任。\n"
    (problem,) = [p for p in check(text) if p.code == "empty-item"]
    assert format_line("draft.txt", problem) == (
        "draft.txt:4:3: warning[empty-item] the item has a heading and nothing under it"
    )


def run(*args, stdin=None):
    return run_cli("check", *args, stdin=stdin, cwd=ROOT)


def test_the_problem_sample_lists_its_problems_and_exits_1():
    r = run("samples/30-check-problems.txt")
    assert r.returncode == 1
    name = "samples/30-check-problems.txt"
    assert r.stdout.decode("utf-8").splitlines() == [
        f"{name}:2:3: warning[placeholder] a placeholder is left in: XX",
        f"{name}:2:8: warning[date-mismatch] the byline's date 2023年1月18日 contradicts the "
        "title's 2024年",
        f"{name}:3:1: warning[salutation-colon] the salutation does not end with a colon (：)",
        f"{name}:6:1: warning[enum-count] announces 3 items but 4 are found",
        f"{name}:9:4: warning[empty-item] the item has a heading and nothing under it",
        f"{name}:11:1: warning[point-repeat] number 2 repeats",
        f"{name}:13:19: warning[placeholder] a placeholder is left in: **",
        f"{name}:14:1: warning[mixed-markers] two marker styles at one level: 二、 and （三）",
        f"{name}:15:17: warning[unbalanced] “ is not closed by ”",
        f"{name}:16:1: warning[enum-gap] the numbering jumps from 2 to 4: 3 missing",
        f"{name}:16:3: warning[empty-item] the item has a heading and nothing under it",
        f"{name}:16:3: warning[heading-too-long] the heading has 68 characters (more than 60)",
        f"{name}:17:3: warning[empty-item] the item has a heading and nothing under it",
    ]
    assert r.stderr == b""


def test_the_clean_sample_exits_0_silently():
    r = run("samples/31-check-clean.txt")
    assert (r.returncode, r.stdout, r.stderr) == (0, b"", b"")


def test_json_format():
    draft = (HEAD + "一、提高认识\n二、狠抓落实\n要压实责任。\n").encode("utf-8")
    r = run("samples/31-check-clean.txt", "-", "--format", "json", stdin=draft)
    assert r.returncode == 1
    assert json.loads(r.stdout) == [
        {
            "file": "-",
            "line": 1,
            "column": 1,
            "severity": "info",
            "code": "no-closing",
            "message": "no closing (call to action, wishes or thanks) was found",
            "span": {"start": 0, "end": 0},
        },
        {
            "file": "-",
            "line": 4,
            "column": 3,
            "severity": "warning",
            "code": "empty-item",
            "message": "the item has a heading and nothing under it",
            "span": {"start": 36, "end": 40},
        },
    ]


def test_an_unreadable_file_exits_2_and_the_others_are_still_checked(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\xd8")
    r = run(str(bad), "samples/30-check-problems.txt", str(tmp_path / "missing.txt"))
    assert r.returncode == 2
    assert r.stdout.decode("utf-8").count("samples/30-check-problems.txt:") == 13
    errors = r.stderr.decode("utf-8").splitlines()
    assert [e.split(": ")[1].split(" ")[:2] for e in errors] == [["cannot", "read"]] * 2


def test_info_alone_is_clean():
    r = run("-", stdin=(HEAD + "一、提高认识\n要统一思想。\n二、狠抓落实\n要压实责任。\n").encode())
    assert r.returncode == 0 and r.stdout.decode("utf-8").count("info[no-closing]") == 1
