"""The rules' pages of several speeches and titles run into the text: a collection's label
of one piece (…讲话稿 篇1, 第一篇:), a label inside a line, a title run straight into the
first sentence."""

from __future__ import annotations

import re

from .. import cues
from ..noise import NoiseSpan
from ..salutation import TITLE_END as _TITLE_END
from ..salutation import salutation_at
from ..segment import Line
from ..shape import noise_kind as _noise_kind
from .front import SENTENCE


def collection(clean: str, lines: list[Line]) -> tuple[list[Line], list[NoiseSpan]]:
    """On a collection page (a site's page of several speeches), the first piece starts
    after its label (…讲话稿 篇1, 第一篇:…): what comes before is the page's, not the
    speech's, and the collection's name is no title. Labels in a row label the same piece
    (【篇一】 / …讲话稿 篇1): the last one before the piece begins counts — before its
    salutation, or before more running text than a site's blurb. Returns the lines from the
    first piece on (its own title, if the label had one after it) and the noise before
    them."""
    reach = min(lines[min(len(lines), cues.FRONT_MAX) - 1].end if lines else 0, cues.FRONT_REACH)
    if clean.find("篇", 0, reach) < 0 and not _numbered_piece(clean, reach):
        return lines, []  # (a fast test: no label of any form on the page's first lines)
    found: tuple[int, re.Match[str]] | None = None
    prose = 0  # characters of running text passed
    for k, line in enumerate(lines[: cues.FRONT_MAX]):
        if found is not None and salutation_at(clean, line) is not None:
            break  # the piece has begun
        if SENTENCE.search(clean, line.start, line.end):
            prose += line.end - line.start
            if prose > cues.BLURB_MAX:
                break  # more than a blurb: a piece has begun
            continue
        if clean[line.end - 1] not in "):0123456789" and clean.find("篇", line.start, line.end) < 0:
            continue  # (a fast test: every label has one of these)
        m = cues.COLLECTION_ITEM.match(clean[line.start : line.end])
        if m is not None:
            found = k, m
    if found is None:
        return _label_inside(clean, lines)
    k, m = found
    line = lines[k]
    noise = _page_text(clean, lines[:k])
    rest = lines[k + 1 :]
    if m["title"]:
        start = line.start + m.start("title")
        noise.append(NoiseSpan(line.start, start, "other"))
        rest.insert(0, Line(line.index, start, line.end))
    else:
        noise.append(NoiseSpan(line.start, line.end, "other"))
    return rest, noise


def _page_text(clean: str, lines: list[Line]) -> list[NoiseSpan]:
    """The page's own lines before a collection's first piece, as noise of their kind."""
    return [
        NoiseSpan(ln.start, ln.end, _noise_kind(clean[ln.start : ln.end]) or "other")
        for ln in lines
    ]


#: A collection's label run into the text after a sentence (…仅供参考。…讲话(一):在…).
_INLINE_LABEL = re.compile(
    rf"(?<=[。!?])[ ]*[^。!?:]{{2,60}}?{cues.TITLE_WORD}{cues.TITLE_SUFFIX}?"
    rf"{cues.PIECE_AFTER}[ ]*:?[ ]*"
)


def _numbered_piece(clean: str, reach: int) -> bool:
    """Whether a bracket follows a title word before ``reach`` (…致辞(1)): the other form of
    a collection label (a fast test, by the brackets, which are few)."""
    p = clean.find("(", 1, reach)
    while p >= 0:
        if clean[p - 1] in cues.TITLE_WORD_ENDS:
            return True
        p = clean.find("(", p + 1, reach)
    return False


def _label_inside(clean: str, lines: list[Line]) -> tuple[list[Line], list[NoiseSpan]]:
    """A page that lost its line breaks: the first piece's label inside the first line of
    running text, after the site's blurb. The blurb and the label are noise."""
    for k, line in enumerate(lines[: cues.FRONT_MAX]):
        if not SENTENCE.search(clean, line.start, line.end):
            continue
        limit = min(line.end, line.start + cues.FRONT_REACH)
        if clean.find("篇", line.start, limit) < 0 and clean.find("(", line.start, limit) < 0:
            return lines, []  # (a fast test: every label has one of these)
        m = _INLINE_LABEL.search(clean, line.start, limit)
        if m is None or m.end() >= line.end:
            return lines, []
        rest = [Line(line.index, m.end(), line.end), *lines[k + 1 :]]
        return rest, [*_page_text(clean, lines[:k]), NoiseSpan(line.start, m.end(), "other")]
    return lines, []


#: Where site text run into a title may end: after a sentence or a colon (and spaces), a
#: field's number (客服热线：400-000-0000) or a collection's count (…范文(精选3篇)).
_AFTER_CLAUSE = re.compile(r"[。!?:][ ]*|:[ ]*[\d-]{5,}[ ]*|篇\)[ ]*")

#: A title of the 在…上的讲话 form at the start of a line, perhaps after the speaker or a year.
_TITLE_AT_START = re.compile(
    # a collection's label before it (第一篇:), then the title: 在…上的讲话, or any title
    # words right before the first heading (…开幕式上的讲话三、…)
    rf"(?P<label>{cues.PIECE_BEFORE}\s*:?\s*)?"
    rf"(?P<title>[^。!?:,]{{0,30}}?在[^在。!?:]{{2,60}}(?:上|中|时|之际)的{cues.TITLE_WORD}"
    rf"{cues.TITLE_SUFFIX}?(?:\([^()]{{1,10}}\))?"
    # and not a sentence about that speech (…上的讲话中指出 / …的讲话精神)
    r"(?![中里时上后前精要指,、的和与])"
    rf"|[^。!?:,]{{2,40}}?{cues.TITLE_WORD}{cues.TITLE_SUFFIX}?(?:\([^()]{{1,10}}\))?"
    # (before the first heading, or before a sentence that opens with a quote or 今天)
    rf"(?=(?:{cues.CN_NUM}、|\({cues.CN_NUM}\)|“|今天|今年)))"
)


def title_run_into_text(clean: str, line: Line) -> list[Line]:
    """The first line of running text, when it opens with a title run straight into it
    (…在春耕生产会议上的讲话在春耕大忙到来之际，…): the title, and the rest."""
    limit = min(line.end, line.start + cues.FRONT_REACH)
    if _TITLE_END.search(clean, line.start, limit) is None:
        return [line]  # (a fast test: every title has a title word)
    starts = [line.start, *(b.end() for b in _AFTER_CLAUSE.finditer(clean, line.start, limit))]
    for start in sorted(set(starts)):
        m = _TITLE_AT_START.match(clean, start, line.end)
        if m is None or not SENTENCE.search(clean, m.end(), line.end):
            continue
        if cues.COLLECTION.search(clean, m.start("title"), m.end()):
            continue  # a collection's name before the title: the title starts after it
        rest = m.end()
        while rest < line.end and clean[rest].isspace():
            rest += 1
        if start > line.start and salutation_at(clean, Line(line.index, rest, line.end)):
            return [line]  # a title and salutation after site text: salutation_inside
        # site text before it (温馨提示：…), a label (第一篇:), the title, and the rest
        before = [Line(line.index, line.start, start)] if start > line.start else []
        if m["label"]:
            before.append(Line(line.index, start, m.end("label")))
        title = Line(line.index, m.start("title"), m.end())
        return [*before, title, Line(line.index, rest, line.end)]
    return [line]
