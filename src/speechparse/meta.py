"""Who spoke, when, at what and for whom: a speech's metadata, read from a parsed Speech.

The genre says these things in a few fixed places: the title (县委副书记在全县工会第三次代表
大会上的讲话), the byline lines around it (——XXX同志, （2023年3月15日）, 作者：…), and the
opening (我代表县委、县政府，…; the occasion sentence naming the meeting). This stage reads
only those places, so every span it gives lies inside the title, a byline (a noise item the
frame set aside) or the opening. Patterns run on the normalised form of each place (same
length, so offsets are the input's); every string is sliced from the input as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import cast

from . import cues
from .dates import DateMatch, find_dates, find_ordinal
from .models import (
    Block,
    Event,
    EventKind,
    Meta,
    Noise,
    OnBehalfOf,
    Ordinal,
    Span,
    Speaker,
    Speech,
    SpeechDate,
)
from .normalize import normalize

#: How many paragraphs of the opening, and meta lines around the title, are read: bylines
#: and 我代表… stand at the start, and a page of thousands of lines costs no more.
_FIRST = 6
#: How many paragraphs of the opening are read for 我代表… (it may follow the occasion and
#: a long first paragraph or two).
_OPENING = 12
#: How much of one block is read.
_READ_MAX = 2000
#: The longest line read as a byline or date line.
_BYLINE_MAX = 80
#: The longest block of meta lines read for one (a byline block is a few short lines).
_BLOCK_MAX = 2000
#: A line that holds a date and nothing else but brackets and spaces.
_BRACKETS = re.compile(r"^[\s()\[\]【】]*$")


def read_meta(text: str, speech: Speech, norm: str | None = None) -> Meta:
    """The metadata of ``speech``, parsed from ``text``; parts not found are null. ``norm``
    is ``normalize(text)`` when the caller has it (a character's form does not depend on
    its neighbours: each place's is sliced from it)."""
    if norm is None:
        norm = normalize(text)
    noise = speech.noise
    bylines = list(_byline_lines(text, norm, speech))
    title_lines = list(_lines(norm, noise, speech.title)) if speech.title else []
    opening = speech.opening
    # 我代表… and 作为…，我 stand in the opening's first paragraphs
    opening_lines = list(_lines(norm, noise, *opening.paragraphs[:_OPENING])) if opening else []
    speaker = (
        _title_speaker(text, title_lines)
        or _byline_speaker(text, bylines)
        or _opening_speaker(text, opening_lines)
    )
    event = _title_event(text, title_lines)
    if event is None and opening and opening.occasion:
        event = _occasion_event(text, list(_lines(norm, noise, opening.occasion)))
    return Meta(
        speaker=speaker,
        date=_date(text, bylines) or _title_date(text, title_lines),
        event=event,
        on_behalf_of=_on_behalf(text, opening_lines),
    )


@dataclass(frozen=True, slots=True)
class Line:
    """A line of a place, normalised, with inline noise cut out: ``text``, and for each of
    its characters the offset in the input (``pos``, one past the end last)."""

    text: str
    pos: Sequence[int]

    def span(self, a: int, b: int) -> Span:
        """The input's span of the line's [a, b)."""
        return Span(start=self.pos[a], end=self.pos[b - 1] + 1 if b > a else self.pos[a])

    def source(self, source: str, a: int, b: int) -> str:
        """The input's text of the line's [a, b), as written (inline noise cut out)."""
        return "".join(source[self.pos[i]] for i in range(a, b))


def _lines(norm: str, noise: list[Noise], *blocks: Block) -> Iterator[Line]:
    """The lines of each block's first ``_READ_MAX`` characters, normalised (sliced from
    ``norm``, the normalised input), inline noise left out (what meta reads stands at a
    block's start; a page-long paragraph costs no more than its start)."""
    for block in blocks:
        start, end = block.span.start, min(block.span.end, block.span.start + _READ_MAX)
        whole = (block.span.start, block.span.end)
        inside = sorted(
            (n.span.start, n.span.end)
            for n in noise
            if start <= n.span.start and n.span.end <= end and (n.span.start, n.span.end) != whole
        )
        ranges: list[range] = []
        pos = start
        for a, b in inside:
            ranges.append(range(pos, max(pos, a)))
            pos = max(pos, b)
        ranges.append(range(pos, end))
        # the input's offset of each character kept (a block without noise inside: a range)
        keep = ranges[0] if len(ranges) == 1 else [i for r in ranges for i in r]
        place = "".join(norm[r.start : r.stop] for r in ranges)
        first = 0
        while True:  # (str.find: a block may be a page long)
            k = place.find("\n", first)
            k = len(place) if k < 0 else k
            if isinstance(keep, range):  # (the same offsets, without a list of them)
                yield Line(place[first:k], range(keep.start + first, keep.start + k + 1))
            else:
                yield Line(place[first:k], [*keep[first:k], keep[k - 1] + 1 if k else start])
            if k == len(place):
                break
            first = k + 1


def _byline_lines(text: str, norm: str, speech: Speech) -> Iterator[Line]:
    """The lines of the meta lines the frame set aside before the speech's body (and a date
    line after it), and the opening's lines before its first sentence: where bylines and
    dates stand."""
    sections = (speech.opening, speech.review, speech.demands, speech.hopes, speech.closing)
    present = [s for s in sections if s is not None]
    body_start = present[0].span.start if present else speech.length
    body_end = present[-1].span.end if present else speech.length
    if speech.opening:  # a draft's byline the frame did not set aside: before a sentence
        for p in speech.opening.paragraphs[:_FIRST]:
            if len(p.text) > _BYLINE_MAX or re.search(r"[。!?]", normalize(p.text)):
                break
            yield from _lines(norm, [], p)
    meta = [n for n in speech.noise if n.kind == "other"]
    meta = [n for n in meta if n.span.end - n.span.start <= _BLOCK_MAX]
    head = [n for n in meta if n.span.end <= body_start][-_FIRST:]
    tail = [n for n in meta if n.span.start >= body_end][:_FIRST]
    for n in head:
        yield from (ln for ln in _lines(norm, [], n) if len(ln.text) <= _BYLINE_MAX)
    for n in tail:
        yield from (
            ln for ln in _lines(norm, [], n) if len(ln.text) <= _BYLINE_MAX and _date_only(ln.text)
        )


def _date_only(line: str) -> DateMatch | None:
    """The date a line holds when it holds nothing else: （2023年3月15日）."""
    found = find_dates(line)
    if len(found) == 1 and _BRACKETS.match(line[: found[0].start] + line[found[0].end :]):
        return found[0]
    return None


def _speaker(text: str, line: Line, a: int, b: int, *, bare_name: bool) -> Speaker | None:
    """A speaker from the words naming them (the line's [a, b)): a post, a name, or both. A
    name without a post counts with 同志 or as a placeholder, or in a byline
    (``bare_name``), where nothing else stands."""
    while a < b and line.text[a].isspace():
        a += 1
    while b > a and line.text[b - 1].isspace():
        b -= 1
    m = cues.SPEAKER.fullmatch(line.text, a, b)
    if m is None or not (m.group("post") or m.group("name")):
        return None
    post, name = m.group("post"), m.group("name")
    if name and not post:
        placeholder = not re.match(r"[\u4e00-\u9fff]", name) or name == "某某"
        if not (bare_name or placeholder or m.group().endswith("同志")):
            return None
    if name and (cues.NOT_A_NAME.match(name) or cues.ADDRESSEE_STRONG.search(name)):
        return None
    first = m.start("post") if post else m.start("name")
    last = m.end("name") if name else m.end("post")
    return Speaker(
        span=line.span(first, last),
        name=line.source(text, *m.span("name")) if name else None,
        post=line.source(text, *m.span("post")) if post else None,
    )


def _title_speaker(text: str, lines: list[Line]) -> Speaker | None:
    """党委书记在…上的讲话 / …开学典礼校长致辞: the speaker before 在, or before the title word."""
    for line in lines:
        skip = _tag_end(line.text)
        m = cues.TITLE_EVENT.match(line.text, skip)
        m = m or cues.TITLE_EVENT_FIRST.match(line.text, skip)
        for group in ("lead", "who"):
            if m and group in m.groupdict() and (m.group(group) or "").strip():
                found = _speaker(text, line, *m.span(group), bare_name=False)
                if found:
                    return found
    return None


def _tag_end(line: str) -> int:
    tag = cues.TITLE_TAG.match(line)
    return tag.end() if tag else 0


def _byline_speaker(text: str, lines: list[Line]) -> Speaker | None:
    """——XXX同志, 作者：…, 主讲人：…, 公司党委书记  XXX, or a name beside a date line."""
    dated = any(_date_only(line.text) for line in lines)
    for line in lines:
        rest = line.text
        for d in find_dates(rest):  # a date after a byline: ——XXX同志（2023年3月15日）
            rest = rest[: d.start] + " " * (d.end - d.start) + rest[d.end :]
        rest = re.sub(r"[()]", " ", rest)
        lead = len(rest) - len(rest.lstrip())
        for pattern, bare in (
            (cues.BYLINE_WHO, True),
            (cues.POST_AND_NAME, False),
            (cues.NAME_ALONE, dated),
        ):
            m = pattern.match(rest.strip())
            if m is None:
                continue
            a, b = m.span("who")
            found = _speaker(text, line, lead + a, lead + b, bare_name=bare)
            if found:
                return found
    return None


def _opening_speaker(text: str, lines: list[Line]) -> Speaker | None:
    """作为新当选的工会主席，我…: the post the speaker names in the opening."""
    for line in lines:
        m = cues.SPEAKER_AS.search(line.text)
        if m:
            return Speaker(
                span=line.span(*m.span("who")), name=None, post=line.source(text, *m.span("who"))
            )
    return None


def _event(text: str, line: Line, a: int, b: int) -> Event | None:
    """The event the line's [a, b) names; None for a bare 会议 or 大会."""
    name = line.text[a:b]
    if cues.GENERIC_EVENT.match(name):
        return None
    kind = cast(EventKind, next((k for k, p in cues.EVENT_KINDS if p.search(name)), "other"))
    found = find_ordinal(name)
    ordinal = (
        Ordinal(text=line.source(text, a + found.start, a + found.end), numbers=found.numbers)
        if found
        else None
    )
    return Event(span=line.span(a, b), name=line.source(text, a, b), kind=kind, ordinal=ordinal)


def _title_event(text: str, lines: list[Line]) -> Event | None:
    """在<event>上的讲话, 参加<event>讲话, or <event>开幕词."""
    for line in lines:
        skip = _tag_end(line.text)
        m = cues.TITLE_EVENT.match(line.text, skip)
        group = "event" if m and m.group("event") else "event2"
        if m is None:
            m, group = cues.TITLE_EVENT_FIRST.match(line.text, skip), "event"
        if m is not None:
            found = _event(text, line, *m.span(group))
            if found:
                return found
    return None


def _occasion_event(text: str, lines: list[Line]) -> Event | None:
    """<event>今天隆重召开 / 召开了<event>: the meeting the occasion sentence names."""
    for line in lines:
        for m in cues.OCCASION_EVENT.finditer(line.text):
            group = "event" if m.group("event") else "event2"
            a, b = m.span(group)
            lead = cues.EVENT_LEAD.match(line.text, a)
            a = lead.end() if lead and lead.end() < b - 1 else a
            found = _event(text, line, a, b)
            if found:
                return found
    return None


def _to_date(text: str, line: Line, found: DateMatch) -> SpeechDate:
    return SpeechDate(
        span=line.span(found.start, found.end),
        text=line.source(text, found.start, found.end),
        iso=found.iso,
    )


def _date(text: str, lines: list[Line]) -> SpeechDate | None:
    """The first date a byline line gives: a line of a date alone, or a byline's date."""
    for line in lines:
        found = _date_only(line.text)
        if found is None:
            dates = find_dates(line.text)
            rest = re.sub(r"[(\s]+$", "", line.text[: dates[0].start]) if dates else ""
            if rest and cues.BYLINE_WHO.match(rest.strip()):
                found = dates[0]
        if found is not None:
            return _to_date(text, line, found)
    return None


def _title_date(text: str, lines: list[Line]) -> SpeechDate | None:
    """A date with a month in the title (…讲话（2023年3月15日）)."""
    for line in lines:
        dates = find_dates(line.text)
        if dates:
            return _to_date(text, line, dates[0])
    return None


def _on_behalf(text: str, lines: list[Line]) -> OnBehalfOf | None:
    """我代表县委、县政府，… -> ["县委", "县政府"]; the first such clause of the opening."""
    for line in lines:
        m = cues.ON_BEHALF.search(line.text)
        if m is None:
            continue
        a, b = m.span("bodies")
        pieces: list[tuple[int, int]] = []
        start = a
        for sep in [*cues.BODY_SPLIT.finditer(line.text, a, b), None]:
            end = sep.start() if sep else b
            lo, hi = _trim(line.text, start, end)
            if hi > lo:
                pieces.append((lo, hi))
            if sep:
                start = sep.end()
        if not pieces:
            continue
        return OnBehalfOf(
            span=line.span(pieces[0][0], pieces[-1][1]),
            bodies=[line.source(text, lo, hi) for lo, hi in pieces],
        )
    return None


def _trim(line: str, start: int, end: int) -> tuple[int, int]:
    """A body's bounds without spaces and a repeated 代表 (…党委政府、代表…总工会)."""
    while start < end and (line[start] == " " or line.startswith("代表", start)):
        start += 1 if line[start] == " " else 2
    while end > start and line[end - 1] == " ":
        end -= 1
    return start, end
