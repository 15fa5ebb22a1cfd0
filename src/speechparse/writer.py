"""The writer of realistic speeches behind speechparse.strategies and the labeller's
generated training pages: the genre's vocabulary, and a speech assembled in the order of its
anatomy from whatever makes the choices (hypothesis, for tests; a seeded random generator,
for training, so that ``make train`` gives the same pages every time).

No sentence is taken from any real speech. Importing this module needs nothing beyond the
standard library.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

T = TypeVar("T")


class Choices(Protocol):
    """What the writer asks of its source of choices."""

    def choice(self, options: Sequence[T]) -> T: ...
    def boolean(self) -> bool: ...
    def integer(self, lo: int, hi: int) -> int: ...
    def some(self, options: Sequence[T], lo: int, hi: int) -> list[T]:
        """Between ``lo`` and ``hi`` distinct options, in their order."""
        ...


class Seeded:
    """Choices from a seeded random generator: the same seed, the same speeches."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def choice(self, options: Sequence[T]) -> T:
        return options[self.rng.randrange(len(options))]

    def boolean(self) -> bool:
        return self.rng.random() < 0.5

    def integer(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def some(self, options: Sequence[T], lo: int, hi: int) -> list[T]:
        picked = sorted(self.rng.sample(range(len(options)), self.rng.randint(lo, hi)))
        return [options[k] for k in picked]


_NUMERALS = "一二三四五六七八九十"


def numeral(n: int) -> str:
    """1 -> 一, 12 -> 十二, 20 -> 二十."""
    if n <= 10:
        return _NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (_NUMERALS[tens - 1] if tens > 1 else "") + "十" + (_NUMERALS[ones - 1] if ones else "")


#: family -> how the n-th marker is written
MARKERS = {
    "yao": lambda n: f"{numeral(n)}要",
    "dun": lambda n: f"{numeral(n)}、",
    "paren": lambda n: f"（{numeral(n)}）",
    "shi": lambda n: f"{numeral(n)}是",
    "ordinal": lambda n: f"第{numeral(n)}，",
    "arabic": lambda n: f"{n}.",
    "arabic_paren": lambda n: f"（{n}）",
}
#: the families points may take under a demand of each family (GB/T 9704 and usage)
POINTS_UNDER = {
    "dun": ("shi", "paren", "sequence"),
    "paren": ("shi", "arabic"),
    "yao": ("shi",),
    "ordinal": ("shi",),
    "arabic": ("arabic_paren", "shi"),
    "shi": (),
}
SEQUENCE = ("首先，", "其次，", "再次，")

PLACES = ("XX区", "全市", "*县", "XX市", "全区（县）", "X镇")
BODIES = ("总工会", "工会", "职工代表大会", "劳动模范表彰大会", "工会工作会议")
SALUTATIONS = (
    ["同志们"],
    ["各位代表", "同志们"],
    ["*书记", "各位代表", "同志们"],
    ["尊敬的各位领导", "各位来宾", "同志们", "朋友们"],
)
ORGS = ("区委", "市委、市政府", "县委", "市总工会", "*省总工会")
TARGETS = ("大会的召开", "全体代表", "受到表彰的先进集体和个人", "广大职工和工会工作者")
ACTS = ("表示热烈的祝贺", "致以诚挚的问候", "致以崇高的敬意", "表示衷心的感谢")
TOPICS = (
    "思想政治引领",
    "劳动和技能竞赛",
    "维权服务工作",
    "工会改革创新",
    "产业工人队伍建设",
    "基层组织建设",
    "职工文化生活",
    "劳动关系协调",
)
VERBS = ("加强", "深化", "推进", "做实", "突出", "提升")
GOALS = ("组织职工建功立业", "增强职工获得感", "夯实基层基础", "凝聚奋进力量")
FILLERS = (
    "各级工会要结合实际抓好落实。",
    "要完善工作机制，形成工作合力。",
    "要坚持问题导向，把工作做细做实。",
    "要加强督促检查，确保各项任务落到实处。",
)
HOPE_SENTENCES = (
    ("希望各级党委政府进一步关心支持工会工作。", "各级党委政府"),
    ("各级党委要重视和支持工会依法开展工作。", "各级党委"),
    ("恳请市总工会一如既往地关心支持我们的工作。", "市总工会"),
    ("希望各企事业单位切实履行社会责任。", "各企事业单位"),
)
WISHES = ("预祝大会取得圆满成功！", "祝大家节日快乐、身体健康！", "最后，预祝大会圆满成功！")
THANKS = ("谢谢大家！", "谢谢！")
HALF = str.maketrans("，：；！？（）", ",:;!?()")


@dataclass
class Draft:
    """A generated speech: its text, and what a reader should find in it."""

    text: str
    title: str | None = None
    addressees: list[str] = field(default_factory=list)
    occasion: bool = False
    greetings: int = 0
    review: bool = False
    declared_count: int | None = None
    style: str = ""
    markers: list[str] = field(default_factory=list)
    headlines: list[str] = field(default_factory=list)
    points: list[list[str]] = field(default_factory=list)
    hopes: list[str] = field(default_factory=list)
    call: bool = False
    wishes: list[str] = field(default_factory=list)
    thanks: str | None = None
    sections: list[str] = field(default_factory=list)


def _sentence(c: Choices, ends: str = "。") -> str:
    return f"{c.choice(VERBS)}{c.choice(TOPICS)}，{c.choice(GOALS)}{ends}"


def write(c: Choices, *, title: bool = True) -> Draft:
    """A speech and its facts (see Draft), written with the choices ``c`` makes; without
    its title line when ``title`` is false."""
    d = Draft(text="")
    lines: list[str] = []
    place = c.choice(PLACES)
    meeting = place + c.choice(BODIES)
    if c.boolean() and title:
        d.title = f"在{meeting}上的" + c.choice(("讲话", "致辞", "讲话稿"))
        lines.append(d.title)
    if c.boolean():
        d.addressees = c.choice(SALUTATIONS)
        lines.append("、".join(d.addressees) + "：")
    if c.boolean():
        d.sections.append("opening")
        d.occasion = True
        opening = f"今天，{meeting}隆重召开。"
        for _ in range(c.integer(0, 2)):
            pairs = [(c.choice(TARGETS), c.choice(ACTS)) for _ in range(c.integer(1, 3))]
            acts = [f"向{t}{a}" for t, a in pairs]
            opening += f"我代表{c.choice(ORGS)}，" + "，".join(acts) + "！"
            d.greetings += 1
        lines.append(opening)
    if c.boolean():
        d.sections.append("review")
        d.review = True
        lines.append("近年来，" + place + "各级工会团结带领广大职工，各项工作取得了显著成效。")
    family = c.choice(tuple(POINTS_UNDER))
    count = c.integer(2, 12 if family in ("dun", "yao", "shi") else 6)
    if c.boolean():
        d.sections.append("preamble")
        announce = c.choice(("下面，我讲{n}点意见：", "在此，提出{n}点要求。"))
        lines.append("当前，工会工作面临新的形势和任务。" + announce.format(n=numeral(count)))
        d.declared_count = count
    d.style = family
    for k in range(1, count + 1):
        marker = MARKERS[family](k)
        headline = c.choice(VERBS) + c.choice(TOPICS)
        own_line = family not in ("shi",) and c.boolean()
        point_family = c.choice((None, *POINTS_UNDER[family]))
        n_points = c.integer(2, 4) if point_family else 0
        if own_line:
            lines.append(marker + headline)
            headline_text = headline
            body = ""
        else:
            headline_text = headline + "，" + c.choice(GOALS) + "。"
            body = marker + headline_text
        points = []
        if point_family in ("shi", "sequence"):
            parts = []
            for p in range(1, n_points + 1):
                pm = SEQUENCE[p - 1] if point_family == "sequence" and p <= 3 else None
                if point_family == "sequence" and pm is None:
                    break
                pm = pm or MARKERS["shi"](p)
                points.append(pm)
                parts.append(pm + _sentence(c, "；" if p < n_points else "。"))
            text = c.choice(FILLERS) + "".join(parts)
            body = (body + text) if body else text
            if body:
                lines.append(body)
        else:
            if body:
                lines.append(body + c.choice(FILLERS))
            elif not point_family:
                lines.append(c.choice(FILLERS))
            for p in range(1, n_points + 1):
                pm = MARKERS[point_family or "shi"](p)  # n_points is 0 without a family
                points.append(pm)
                lines.append(pm + _sentence(c))
        d.markers.append(marker)
        d.headlines.append(headline_text)
        d.points.append(points)
    d.sections.append("demands")
    if c.boolean():
        d.sections.append("hopes")
        chosen = c.some(HOPE_SENTENCES, 1, 3)
        lines.append("".join(s for s, _ in chosen))
        d.hopes = [a for _, a in chosen]
    if c.boolean():
        d.sections.append("closing")
        d.call = True
        lines.append(
            "同志们，让我们团结一心、奋发有为，为" + place + "高质量发展作出新的更大贡献！"
        )
        d.wishes = c.some(WISHES[:2], 0, 1)
        if d.wishes:
            lines.append(d.wishes[0])
        if c.boolean():
            d.thanks = c.choice(THANKS)
            lines.append(d.thanks)
    text = "\n".join(lines) + "\n"
    if c.boolean():  # half-width punctuation, as some sites serve it
        text = text.translate(HALF)
        d.addressees = [a.translate(HALF) for a in d.addressees]
        d.markers = [m.translate(HALF) for m in d.markers]
        d.headlines = [h.translate(HALF) for h in d.headlines]
        d.points = [[p.translate(HALF) for p in ps] for ps in d.points]
        d.wishes = [w.translate(HALF) for w in d.wishes]
        d.thanks = d.thanks.translate(HALF) if d.thanks else None
        d.title = d.title.translate(HALF) if d.title else None
    d.text = text
    return d
