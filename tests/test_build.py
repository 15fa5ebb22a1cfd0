"""The views the builder works out: greeting acts, hope addressees, headlines, counts."""

import pytest

import speechparse


def opening_acts(sentence):
    s = speechparse.parse("同志们：\n" + sentence + "\n")
    [greeting] = s.opening.greetings
    return [(a.target, a.act) for a in greeting.acts]


def test_one_act_per_xiang_clause():
    assert opening_acts(
        "我代表区委，向大会的召开表示热烈的祝贺，向莅临指导的领导表示诚挚的欢迎！"
    ) == [
        ("大会的召开", "表示热烈的祝贺"),
        ("莅临指导的领导", "表示诚挚的欢迎"),
    ]


def test_a_clause_without_its_own_act_borrows_the_next():
    got = opening_acts("我代表市委向全体代表，并通过你们向全市职工致以亲切的问候！")
    assert got == [("全体代表", "致以亲切的问候"), ("全市职工", "致以亲切的问候")]


def test_xiang_inside_a_word_is_not_a_target():
    got = opening_acts("我代表市委，向坚持正确方向的全体职工致以崇高的敬意！")
    assert got == [("坚持正确方向的全体职工", "致以崇高的敬意")]


def hope(sentence):
    text = "一、甲。\n二、乙。\n" + sentence + "\n"
    s = speechparse.parse(text)
    [item] = s.hopes.items
    return item.addressee


@pytest.mark.parametrize(
    ("sentence", "addressee"),
    [
        ("希望各级党委政府，进一步关心工会工作。", "各级党委政府"),
        ("希望各企事业单位特别是国有企业，切实履行社会责任。", "各企事业单位特别是国有企业"),
        ("全区各级党委要重视和支持工会依法开展工作。", "全区各级党委"),
        ("也恳请市总工会一如既往关心支持我们。", "市总工会"),
        ("希望新当选的领导班子团结协作。", "新当选的领导班子"),
        ("各级党组织要加强对工会工作的领导。", "各级党组织"),
        ("全社会都要关心关爱劳动者。", "全社会"),
        ("区委将一如既往地支持工会依法开展工作。", None),
    ],
)
def test_hope_addressees(sentence, addressee):
    assert hope(sentence) == addressee


@pytest.mark.parametrize(
    ("announcement", "count"),
    [
        ("下面，我讲四点意见：", 4),
        ("在此，提出4点希望和要求。", 4),
        ("下面，我从三个方面谈一谈。", 3),
        ("我就做好今年工作讲十二点意见。", 12),
        ("下面，我讲几点意见。", None),
        ("我想就这两个问题谈一些看法。", 2),
        ("下面，我讲三句话，与大家共勉。", 3),
    ],
)
def test_declared_count(announcement, count):
    s = speechparse.parse("同志们：\n" + announcement + "\n一要甲。\n二要乙。\n")
    assert s.demands.preamble[0].text == announcement
    assert s.demands.declared_count == count


def test_headline_stops_at_a_colon_and_the_rest_is_body():
    s = speechparse.parse(
        "同志们：\n一、关于思想引领：要抓好学习。\n二、关于服务职工：要办实事。\n"
    )
    first = s.demands.items[0]
    assert first.headline.text == "关于思想引领："
    assert [b.text for b in first.body] == ["要抓好学习。"]
