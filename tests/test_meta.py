"""A speech's metadata (meta.py): who spoke, when, at what, for whom — every form, exactly."""

import json
import os
import re

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import speechparse
from helpers import CORPUS_DIR, ROOT, SAMPLES, read, validator
from speechparse.meta import _lines
from speechparse.normalize import normalize
from speechparse.strategies import speeches

BODY = (
    "同志们：\n今天，{event}隆重召开。{behalf}\n下面，我讲两点意见。\n一、提高认识\n要统一思想。\n"
    "二、狠抓落实\n要压实责任。\n谢谢大家！\n"
)


def meta(text):
    return speechparse.parse(text).meta.model_dump()


def sp(start, end, name=None, post=None):
    return {"span": {"start": start, "end": end}, "name": name, "post": post}


def ev(start, end, name, kind, ordinal=None, numbers=()):
    o = {"text": ordinal, "numbers": list(numbers)} if ordinal else None
    return {"span": {"start": start, "end": end}, "name": name, "kind": kind, "ordinal": o}


def dt(start, end, text, iso):
    return {"span": {"start": start, "end": end}, "text": text, "iso": iso}


def ob(start, end, *bodies):
    return {"span": {"start": start, "end": end}, "bodies": list(bodies)}


CASES = {
    "a post in the title, bodies in the opening": (
        "县委副书记在全县工会工作会议上的讲话\n"
        + BODY.format(event="全县工会工作会议", behalf="我代表县委、县政府，向大会表示祝贺！"),
        {
            "speaker": sp(0, 5, post="县委副书记"),
            "date": None,
            "event": ev(6, 14, "全县工会工作会议", "work_meeting"),
            "on_behalf_of": ob(43, 49, "县委", "县政府"),
        },
    ),
    "a post and a name in the title": (
        "市总工会主席李明在全市职工技能竞赛表彰大会上的讲话\n"
        + BODY.format(event="表彰大会", behalf=""),
        {
            "speaker": sp(0, 8, "李明", "市总工会主席"),
            "date": None,
            "event": ev(9, 21, "全市职工技能竞赛表彰大会", "commendation"),
            "on_behalf_of": None,
        },
    ),
    "a placeholder comrade in the title": (
        "XXX同志在XX镇第三届职工运动会开幕式上的致辞\n" + BODY.format(event="运动会", behalf=""),
        {
            "speaker": sp(0, 3, "XXX"),
            "date": None,
            "event": ev(6, 20, "XX镇第三届职工运动会开幕式", "ceremony", "第三届", [3]),
            "on_behalf_of": None,
        },
    ),
    "a dash byline with its date": (
        "在全区工会干部培训班开班式上的讲话\n——XXX同志（2023年3月15日）\n"
        + BODY.format(event="培训班", behalf=""),
        {
            "speaker": sp(20, 23, "XXX"),
            "date": dt(26, 36, "2023年3月15日", "2023-03-15"),
            "event": ev(1, 13, "全区工会干部培训班开班式", "training"),
            "on_behalf_of": None,
        },
    ),
    "an author line": (
        "在全市劳模座谈会上的发言\n作者：张红\n" + BODY.format(event="座谈会", behalf=""),
        {
            "speaker": sp(16, 18, "张红"),
            "date": None,
            "event": ev(1, 8, "全市劳模座谈会", "forum"),
            "on_behalf_of": None,
        },
    ),
    "a lecturer line": (
        "在青年论坛上的讲话\n主讲人：***\n" + BODY.format(event="论坛", behalf=""),
        {
            "speaker": sp(14, 17, "***"),
            "date": None,
            "event": ev(1, 5, "青年论坛", "forum"),
            "on_behalf_of": None,
        },
    ),
    "a post and a name on a line, a date in Chinese digits": (
        "在公司春节团拜会上的致辞\n公司董事长  XXX\n二〇二四年五月一日\n"
        + BODY.format(event="团拜会", behalf=""),
        {
            "speaker": sp(13, 23, "XXX", "公司董事长"),
            "date": dt(24, 33, "二〇二四年五月一日", "2024-05-01"),
            "event": ev(1, 8, "公司春节团拜会", "festival"),
            "on_behalf_of": None,
        },
    ),
    "a dotted date": (
        "在全县“三八”表彰大会上的讲话\n2019.05.14\n" + BODY.format(event="大会", behalf=""),
        {
            "speaker": None,
            "date": dt(16, 26, "2019.05.14", "2019-05-14"),
            "event": ev(1, 11, "全县“三八”表彰大会", "commendation"),
            "on_behalf_of": None,
        },
    ),
    "a date with its day left blank": (
        "在镇工会第二次代表大会上的讲话\n（二〇〇九年三月  日）\n"
        + BODY.format(event="大会", behalf=""),
        {
            "speaker": None,
            "date": dt(17, 27, "二〇〇九年三月  日", "2009-03"),
            "event": ev(1, 11, "镇工会第二次代表大会", "congress", "第二次", [2]),
            "on_behalf_of": None,
        },
    ),
    "the event from the occasion, bodies after an entrusting": (
        BODY.format(
            event="XX县总工会十四届二次全委会议",
            behalf="在此，我受县委主要领导委托，代表县委，向会议的召开表示祝贺！",
        ),
        {
            "speaker": None,
            "date": None,
            "event": ev(8, 23, "XX县总工会十四届二次全委会议", "congress", "十四届二次", [14, 2]),
            "on_behalf_of": ob(44, 46, "县委"),
        },
    ),
    "the post the speaker names in the opening": (
        "同志们：\n今天，全厂职工代表大会隆重召开。作为新当选的厂工会主席，我深感责任重大。\n"
        "下面，我讲两点意见。\n一、提高认识\n要统一思想。\n二、狠抓落实\n要压实责任。\n",
        {
            "speaker": sp(23, 32, post="新当选的厂工会主席"),
            "date": None,
            "event": ev(8, 16, "全厂职工代表大会", "congress"),
            "on_behalf_of": None,
        },
    ),
    "a title that opens with the meeting": (
        "县总工会第八次代表大会开幕词\n" + BODY.format(event="大会", behalf=""),
        {
            "speaker": None,
            "date": None,
            "event": ev(0, 11, "县总工会第八次代表大会", "congress", "第八次", [8]),
            "on_behalf_of": None,
        },
    ),
    "a meeting of no listed kind": (
        "在全市志愿服务集中行动上的讲话\n" + BODY.format(event="集中行动", behalf=""),
        {
            "speaker": None,
            "date": None,
            "event": ev(1, 11, "全市志愿服务集中行动", "other"),
            "on_behalf_of": None,
        },
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_metadata_of_every_form(name):
    text, expected = CASES[name]
    assert meta(text) == expected


def test_traditional_and_full_width_text_keeps_its_own_characters():
    text = (
        "縣委書記在全縣工會工作會議上的講話\n同志們：\n"
        "今天，大會隆重召開。我代表縣委、縣政府，向大會表示祝賀！\n"
    )
    m = meta(text)
    assert m["speaker"] == sp(0, 4, post="縣委書記")
    assert m["event"] == ev(5, 13, "全縣工會工作會議", "work_meeting")
    assert m["on_behalf_of"]["bodies"] == ["縣委", "縣政府"]


def test_a_speech_without_any_metadata_has_an_empty_meta():
    assert meta("同志们：\n要加强学习。\n") == {
        "speaker": None,
        "date": None,
        "event": None,
        "on_behalf_of": None,
    }


def test_a_1_0_document_still_reads_and_validates():
    data = json.loads((ROOT / "samples" / "02-congress-dun-shi.json").read_text(encoding="utf-8"))
    data["schema_version"] = "1.0"
    del data["meta"]
    validator().validate(data)
    frozen = json.loads((ROOT / "schema" / "speech-1.0.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(frozen).validate(data)
    speech = speechparse.loads(json.dumps(data, ensure_ascii=False))
    assert speech.schema_version == "1.0"
    assert speech.meta == speechparse.models.Meta()


def _seed(name):
    path = CORPUS_DIR / f"{name}.txt"
    if not path.is_file():
        reason = f"the seed corpus is not beside the project ({CORPUS_DIR})"
        if os.environ.get("CI"):
            pytest.fail(f"CI checks the seeds' metadata, but {reason}")
        pytest.skip(reason)
    return speechparse.parse_file(path).meta


def test_seed_003_gives_its_speaker_and_event():
    m = _seed("seed-003")
    assert m.speaker is not None and m.speaker.post == "党委书记" and m.speaker.name is None
    assert m.event is not None and m.event.kind == "congress"
    assert m.event.name == "XX区工会第五次代表大会"
    assert m.event.ordinal is not None and m.event.ordinal.numbers == [5]


def test_seed_002_speaks_for_the_province_union():
    m = _seed("seed-002")
    assert m.on_behalf_of is not None
    assert any(b.endswith("省总工会") for b in m.on_behalf_of.bodies)


# --- properties -------------------------------------------------------------------------
POSTS = ("党委书记", "县委副书记", "市总工会主席", "区长")
NAMES = ("XXX", "***", "×××")
MEETINGS = ("全县工会工作会议", "XX区工会第五次代表大会", "全市劳动模范表彰大会", "公司团拜会")
_ISO = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")


@st.composite
def headed(draw):
    """A generated speech under a title and a byline of the genre's forms."""
    post, name = draw(st.sampled_from(POSTS)), draw(st.sampled_from(NAMES))
    meeting = draw(st.sampled_from(MEETINGS))
    title = draw(st.sampled_from([f"{post}在{meeting}上的讲话", f"在{meeting}上的讲话"]))
    day = draw(st.dates())
    byline = draw(
        st.sampled_from(
            [
                f"——{name}同志（{day.year}年{day.month}月{day.day}日）",
                f"{post}  {name}",
                f"（{day.year:04d}.{day.month:02d}.{day.day:02d}）",
                "",
            ]
        )
    )
    body = draw(speeches())
    return "\n".join(x for x in (title, byline) if x) + "\n" + body


@given(headed())
def test_metadata_spans_lie_in_the_title_a_byline_or_the_opening(text):
    speech = speechparse.parse(text)
    places = [b.span for b in [speech.title, *speech.noise] if b is not None]
    if speech.opening:
        places.append(speech.opening.span)
    nodes = [speech.meta.speaker, speech.meta.date, speech.meta.event, speech.meta.on_behalf_of]
    for node in nodes:
        if node is not None:
            assert any(p.start <= node.span.start <= node.span.end <= p.end for p in places)
    if speech.meta.date is not None:
        assert text[speech.meta.date.span.start : speech.meta.date.span.end] == (
            speech.meta.date.text
        )
        assert speech.meta.date.iso is None or _ISO.match(speech.meta.date.iso)
    if speech.meta.event is not None:
        assert (
            speech.meta.event.name
            == text[speech.meta.event.span.start : speech.meta.event.span.end]
        )


@pytest.mark.parametrize("path", sorted((ROOT / "samples").glob("*.txt")), ids=lambda p: p.name)
def test_metadata_spans_lie_in_their_places_on_every_sample(path):
    text = read(path)
    speech = speechparse.parse(text)
    places = [b.span for b in [speech.title, *speech.noise] if b is not None]
    if speech.opening:
        places.append(speech.opening.span)
    for node in (
        speech.meta.speaker,
        speech.meta.date,
        speech.meta.event,
        speech.meta.on_behalf_of,
    ):
        if node is not None:
            assert any(p.start <= node.span.start <= node.span.end <= p.end for p in places)


def test_the_service_returns_the_metadata():
    from fastapi.testclient import TestClient

    from speechparse import serve

    text, expected = CASES["a post in the title, bodies in the opening"]
    client = TestClient(serve.create_app(max_bytes=10_000))
    response = client.post("/api/parse", json={"text": text})
    assert response.status_code == 200
    assert response.json()["meta"] == expected


def test_a_block_without_noise_maps_its_lines_by_a_range():
    """meta._lines gives a line of a block with no inline noise inside a range of offsets
    instead of a list: the same offsets, one past the line's end last."""
    for path in SAMPLES:
        text = read(path)
        speech = speechparse.parse(text)
        norm = normalize(text)
        blocks = [speech.title] if speech.title else []
        blocks += speech.opening.paragraphs if speech.opening else []
        for block in blocks:
            first, start = 0, block.span.start
            for line in _lines(norm, [], block):
                k = first + len(line.text)
                assert list(line.pos) == [*range(start + first, start + k), start + k]
                assert all(norm[line.pos[i]] == ch for i, ch in enumerate(line.text))
                first = k + 1
