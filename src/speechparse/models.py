"""The speech JSON contract, version 1.1 (1.0 and a speech's metadata), as Pydantic models.

Every field carries a docstring; Pydantic turns them into the descriptions of the published
JSON Schema (``schema/speech.schema.json``), so consumers in other languages read the same
documentation as Python users.
"""

from __future__ import annotations

from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt

SCHEMA_VERSION: Final = "1.1"
#: Every version this contract reads: a 1.0 document is a 1.1 document without metadata.
SchemaVersion = Literal["1.0", "1.1"]

MarkerStyle = Literal["yao", "dun", "paren", "shi", "ordinal", "arabic", "arabic_paren", "sequence"]
NoiseKind = Literal[
    "site_notice",
    "keywords",
    "banner",
    "breadcrumb",
    "paywall_marker",
    "truncation",
    "duplicate_title",
    "annotation",
    "other",
]
Severity = Literal["info", "warning", "error"]
EventKind = Literal[
    "congress",
    "work_meeting",
    "commendation",
    "ceremony",
    "festival",
    "training",
    "forum",
    "other",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Span(_Model):
    """Half-open offsets in Unicode code points into the exact string given to parse().

    ``start <= end`` always holds; JSON Schema cannot express that, the models check it.
    """

    start: NonNegativeInt
    """Offset of the first covered code point."""
    end: NonNegativeInt
    """Offset one past the last covered code point."""

    def model_post_init(self, _context: object) -> None:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} precedes start {self.start}")


class Block(_Model):
    """A piece of source text: a paragraph, a sentence or a line."""

    span: Span
    """Where the block lies in the input; leading and trailing whitespace is outside it."""
    text: str
    """The source slice with inline noise cut out and nothing else changed."""


class Salutation(Block):
    """The line that addresses the audience, colon included (同志们：)."""

    addressees: list[str] = Field(default_factory=list)
    """Each addressee as written, in order: "*书记，各位代表、同志们：" -> ["*书记", "各位代表",
    "同志们"]."""


class Act(_Model):
    """One act of greeting inside a greeting sentence: to whom, and what."""

    target: str
    """Who or what is greeted, as written after 向 or 对 ("大会的召开")."""
    act: str
    """The act itself, as written ("表示热烈祝贺", "致以崇高的敬意")."""


class Greeting(Block):
    """A sentence that greets, congratulates, thanks, welcomes or pays respect."""

    acts: list[Act] = Field(default_factory=list)
    """One act per 向… (or 对…) clause, in order."""


class Item(_Model):
    """An enumerated (or headed) item: a demand, a point inside a demand, an achievement."""

    span: Span
    """From the marker (or the headline) to the end of the item's last piece of text."""
    index: int | None = None
    """The marker's number (一 -> 1, 十二 -> 12); null for an unnumbered headed item."""
    marker: str | None = None
    """The enumeration marker exactly as written ("一要", "一、", "（一）", "一是", "第一，");
    not part of the headline. Null for an unnumbered headed item."""
    style: MarkerStyle | None = None
    """The marker's family: yao 一要, dun 一、, paren （一）, shi 一是, ordinal 第一,
    arabic 1. / 1、, arabic_paren （1）, sequence 首先/其次/最后."""
    headline: Block
    """The item's first sentence or its own line, without the marker."""
    body: list[Block] = Field(default_factory=list)
    """The rest of the item, one block per source paragraph (or piece of one)."""
    points: list[Item] = Field(default_factory=list)
    """Enumerated items nested inside this one (一是/二是, （一）, 1. …), recursively. Their
    spans lie inside the body's blocks."""


class _Section(_Model):
    span: Span
    """From the start of the section's first paragraph to the end of its last."""
    paragraphs: list[Block] = Field(default_factory=list)
    """The source paragraphs (lines) the section is made of, covering it completely; a line
    shared with another section is cut at a sentence boundary."""


class Opening(_Section):
    """The event, its significance and the greetings."""

    occasion: Block | None = None
    """The sentence that names the event (今天…隆重召开 / 隆重集会 / …之际)."""
    greetings: list[Greeting] = Field(default_factory=list)
    """Each greeting sentence, in order."""


class Review(_Section):
    """The look back at what was achieved."""

    achievements: list[Item] = Field(default_factory=list)
    """Headed or numbered items inside the review (a paragraph that opens with a short
    heading sentence such as "展现了…担当。")."""


class Demands(_Section):
    """The preamble and the enumerated requirements: the heart of the speech."""

    preamble: list[Block] = Field(default_factory=list)
    """Paragraphs between the review and the first item (situation, significance, the
    announcement "下面，我讲四点意见：")."""
    declared_count: int | None = None
    """The number of items announced in the preamble ("4点要求" -> 4, "三点意见" -> 3)."""
    items: list[Item] = Field(default_factory=list)
    """The top-level enumerated items, in order."""


class Hope(Block):
    """One ask of party committees, governments, enterprises, society or a new leadership,
    or a pledge of support; the block runs from the hope's sentence to the next hope."""

    addressee: str | None = None
    """Who is asked, as written ("希望各级党委政府，…" -> "各级党委政府"); null for a pledge."""


class Hopes(_Section):
    """After the last demand: asks of others and pledges of support."""

    items: list[Hope] = Field(default_factory=list)
    """Each hope, in order."""


class Closing(_Section):
    """The rallying paragraph, the wishes and the thanks."""

    call_to_action: Block | None = None
    """The rallying paragraph (同志们，… 让我们…！), up to the first wish or thanks."""
    wishes: list[Block] = Field(default_factory=list)
    """Each wish sentence (预祝大会取得圆满成功！ / 祝各位…身体健康…！)."""
    thanks: Block | None = None
    """The closing thanks (谢谢大家！)."""


class Noise(Block):
    """Text that is not part of the speech: site furniture, markers, annotations."""

    kind: NoiseKind
    """What the noise is: site_notice (download notices, rules, page furniture), keywords
    (a title cut into one keyword per line), banner (site banner or URL), breadcrumb,
    paywall_marker, truncation (a cut notice), duplicate_title, annotation (pinyin after a
    character), other (anything else set aside, e.g. meta lines)."""


class Diagnostic(_Model):
    """Something the parser wants the reader to know: a missing part, a numbering gap."""

    severity: Severity
    """info: worth knowing; warning: the structure may be off; error: not a speech."""
    code: str
    """A stable identifier: no-salutation, enum-gap, enum-count-mismatch,
    unclassified-paragraph, no-demands, truncated, no-structure …"""
    message: str
    """A readable explanation."""
    span: Span | None = None
    """Where the problem is, when it has a place."""


class Speaker(_Model):
    """Who gives the speech, as the title, a byline or the opening names them."""

    span: Span
    """Where the speaker is named (the post and the name, and what lies between)."""
    name: str | None = None
    """The name as written (陈某某, XXX, ***), without 同志; null when only a post is given."""
    post: str | None = None
    """The post as written (党委书记, 县委副书记, 市总工会主席); null when only a name is given."""


class SpeechDate(_Model):
    """The date of the speech, as the byline or the title gives it."""

    span: Span
    """Where the date is written (brackets outside)."""
    text: str
    """The date as written (2023年3月15日, 二〇二四年五月一日, 2019.05.14, 二〇〇九年三月 日)."""
    iso: str | None = None
    """Its ISO 8601 form as far as it is known (2024, 2024-05, 2024-05-01); null when the
    year is a placeholder (20**年)."""


class Ordinal(_Model):
    """The number of a meeting in its series (第五次, 十四届二次)."""

    text: str
    """The ordinal as written (第五次, 十四届二次, 第X次, 首届)."""
    numbers: list[int] = Field(default_factory=list)
    """Its numbers in order (第五次 -> [5], 十四届二次 -> [14, 2]); [] for a placeholder."""


class Event(_Model):
    """The meeting the speech is given at."""

    span: Span
    """Where the meeting is named (in the title, else in the occasion sentence)."""
    name: str
    """The meeting as named (XX区工会第五次代表大会), without the 在…上的讲话 around it."""
    kind: EventKind = "other"
    """What kind of meeting: congress (代表大会, 职代会), work_meeting (工作会议, 推进会),
    commendation (表彰大会), ceremony (典礼, 仪式, 开幕式), festival (a holiday's rally or
    party: 五一, 三八, 团拜会), training (培训班), forum (论坛, 座谈会, 研讨会), other."""
    ordinal: Ordinal | None = None
    """The meeting's number in its series, or null."""


class OnBehalfOf(_Model):
    """The bodies the speaker speaks for (我代表县委、县政府，…)."""

    span: Span
    """Where the bodies are named, after 代表."""
    bodies: list[str] = Field(default_factory=list)
    """Each body as written, in order (我代表县委、县政府 -> ["县委", "县政府"])."""


class Meta(_Model):
    """Who spoke, when, at what, for whom (new in 1.1); each part null when not found."""

    speaker: Speaker | None = None
    """The speaker's post and name, or null."""
    date: SpeechDate | None = None
    """The date of the speech, or null."""
    event: Event | None = None
    """The meeting, or null."""
    on_behalf_of: OnBehalfOf | None = None
    """The bodies the speaker speaks for, or null."""


class Speech(_Model):
    """A parsed speech. Sections appear in this order and never overlap; every non-whitespace
    input character lies in the title, the salutation, a section paragraph or a noise item."""

    model_config = ConfigDict(
        title="Speech",
        json_schema_extra={"$comment": "Generated from speechparse.models; do not edit."},
    )

    schema_version: SchemaVersion = SCHEMA_VERSION
    """The version of this contract; a breaking change bumps the major number. speechparse
    writes "1.1"; a "1.0" document (which has no ``meta``) is read as well."""
    length: NonNegativeInt
    """len(input) in code points."""
    encoding: str | None = None
    """The encoding the input bytes were decoded from (parse_bytes, parse_file, the command
    line), e.g. "utf-8", "gb18030", "utf-16"; null when parse() was given text."""
    meta: Meta = Field(default_factory=Meta)
    """Who spoke, when, at what and for whom, read from the title, the byline and the
    opening (new in 1.1; empty in a 1.0 document)."""
    title: Block | None = None
    """The title line (在XX市职工代表大会上的讲话), or null."""
    salutation: Salutation | None = None
    """The salutation, or null."""
    opening: Opening | None = None
    """The occasion and greetings, or null."""
    review: Review | None = None
    """The look back at achievements, or null."""
    demands: Demands | None = None
    """The preamble and enumerated demands, or null."""
    hopes: Hopes | None = None
    """Asks of party committees, governments and others, or null."""
    closing: Closing | None = None
    """Call to action, wishes and thanks, or null."""
    noise: list[Noise] = Field(default_factory=list)
    """Non-speech text, in document order."""
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    """What was not found or looks wrong, in document order where it has a place."""
