"""Stage 3: cut the text (the view without inline noise) into lines and lines into units.

A *line* is a source paragraph without its surrounding whitespace. A *unit* is what the
lexer classifies: a sentence (up to 。！？ with its closing quotes), or a clause where an
enumeration continues after ； or ： (一是…；二是…), or a whole line that has no sentence
end (a headline on its own line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import cues


@dataclass(slots=True, unsafe_hash=True)
class Line:
    """A non-blank line: [start, end) without leading and trailing whitespace.

    Treated as immutable (the frame's caches are keyed by lines), but not frozen: a frozen
    dataclass's constructor costs three times as much, and a long text has tens of
    thousands of lines. A changed line is a new Line."""

    index: int
    start: int
    end: int


@dataclass(slots=True)
class Unit:
    """One sentence or clause of the body, as the lexer and the grammar see it."""

    start: int
    end: int
    line: int
    """Index of the body line the unit is on."""
    first: bool
    """True when the unit opens its line (a paragraph start)."""
    text: str
    """The unit's text in the view: normalised, noise removed (for recognition only)."""
    kind: str = "TEXT"
    """The terminal the lexer gave it; set while parsing."""
    promoted: bool = False
    """True when the unit took the kind of a later unit on its line (see lexer.py)."""


_LINE = re.compile(r"[^\n]+")
#: Where one physical line holds several paragraphs joined by spaces: two or more spaces, a
#: space after a sentence end, or a space before a heading marker (…主力军。 二、服务…).
_JOINED = re.compile(
    r"(?=\s)"  # every alternative starts with a space: tested first, the scan is faster
    rf"(?:\s{{2,}}|(?<=[。!?”])\s+|\s+(?=(?:{cues.CN_NUM}、|\({cues.CN_NUM}\)|第{cues.CN_NUM}[,、])))"
)
#: An enumeration marker that opens a unit after ; or : and a line of a hard-wrapped page.
_MARKER_START = re.compile(rf"{cues.MARKER_AFTER_CLAUSE.pattern}|{cues.CN_NUM}、")
#: Where a unit ends: after a sentence end (cues.SENTENCE_END), or after ;/: or , when an
#: enumeration marker follows. Written as the character that ends it, then what that
#: character needs: a pattern that opens with a character class lets the regular
#: expression engine skip straight to those characters (test_segment checks that it
#: cuts where the plain form, SENTENCE_END or a marker after ;: or ,, does).
_BOUNDARY = re.compile(
    r"[。!?…;:,]"
    r"(?:(?<=[。!?])[。!?]*(?:…{1,6})?[”’\"」』)]*"  # SENTENCE_END's first form
    r"|(?<=…)…(?=[”’\"」』)]*\s*$)"  # and its second, ……
    rf"|(?<=[;:])(?=\s*(?:{_MARKER_START.pattern}))"
    rf"|(?<=,)(?=\s*{cues.MARKER_AFTER_COMMA.pattern}))"
)


#: A heading and its body joined by one space (一、增强大局意识 服务大局是…).
_HEADING_THEN_BODY = re.compile(
    rf"(?:{cues.CN_NUM}、|\({cues.CN_NUM}\)|第{cues.CN_NUM}[,、])[^。!?\s]{{2,40}}"
    r"(\s)(?=[\u4e00-\u9fff])"
)


def hard_wraps(norm: str) -> list[tuple[int, int]]:
    """The line breaks of a hard-wrapped page (a text file or a PDF copy broken every 38
    characters, mid-word and mid-sentence): [start, end) of the whitespace to take out of
    the view, so that a sentence reads whole again. A page is hard-wrapped when most of
    its full-width lines end without a sentence end; such a line is then joined to the
    next, unless that line opens with an enumeration marker. Lines joined by spaces count
    as lines (see _JOINED)."""
    # (fast tests: a wrapped page breaks its lines at least about as often as its
    # sentences end, and two in five of them or more mid-sentence)
    breaks = norm.count("\n")  # or, on a page whose lines were joined, its gaps
    breaks = breaks if breaks >= 4 else norm.count("  ")
    if breaks < 4 or breaks * 3 < norm.count("。") * 2:
        return []
    opens = len(_OPEN_BREAK.findall(norm))
    if opens < 4 or opens * 5 < breaks * 2:
        return []
    spans = [m.span() for m in _PIECE.finditer(norm)]
    widths = [_width(norm, a, b) for a, b in spans]
    usual = sorted(w for w in widths if w >= _WRAP_MIN)
    if len(usual) < 4:
        return []
    full = usual[len(usual) * 4 // 5]  # most wrapped lines are this wide (noise makes some wider)
    if full > _WRAP_MAX:
        return []
    wide = [k for k, w in enumerate(widths) if w >= max(full - _WRAP_SLACK, _WRAP_MIN)]
    open_ended = [k for k in wide if norm[spans[k][1] - 1] not in _PARAGRAPH_END]
    if len(open_ended) < 4 or len(open_ended) * 5 < len(wide) * 3:
        return []
    out: list[tuple[int, int]] = []
    for k in open_ended:
        if k + 1 == len(spans) or norm.count("\n", spans[k][1], spans[k + 1][0]) > 1:
            continue  # the last line, or a blank line after it: a paragraph ends there
        a, b = spans[k][1], spans[k + 1][0]
        if norm[b] in cues.MARKER_FIRST and _MARKER_START.match(norm, b):
            continue
        out.append((a, b))
    return out


#: A line break (or spaces joining lines) after a character that ends no paragraph, with
#: text right after it.
_OPEN_BREAK = re.compile(r"(?=[\n ])(?<![。!?:;…”’\")」』\s])(?:[ ]*\n[ ]*|[ ]{2,})(?=[^\s])")
#: A line, or one of several joined by two or more spaces, without its edges' whitespace.
_PIECE = re.compile(r"[^\n ]+(?: [^\n ]+)*")
#: What ends a paragraph of a hard-wrapped page (a line that ends so is not cut mid-way).
_PARAGRAPH_END = frozenset('。!?:;…”’")」』')
#: The widest a hard-wrapped line is (display columns) and how far short of the widest a
#: line cut by the wrap may fall; lines narrower than _WRAP_MIN are never wrapped ones.
_WRAP_MAX = 160
_WRAP_SLACK = 10
_WRAP_MIN = 40


def _width(text: str, start: int, end: int) -> int:
    """Display columns of text[start:end]: every character but ASCII counts two (Chinese
    and full-width characters; near enough for the rest)."""
    piece = text[start:end]
    return 2 * len(piece) - len(piece.encode("ascii", "ignore"))


def lines(clean: str) -> list[Line]:
    """Every non-blank line of the text, stripped. Paragraphs joined by spaces on one
    physical line count as lines of their own."""
    out: list[Line] = []
    for m in _LINE.finditer(clean):
        pos, stop = m.span()
        if clean.find(" ", pos, stop) < 0:
            # only a line with a space in it can hold paragraphs joined by spaces: this one
            # is one paragraph (stripped of other space), and the patterns are not run
            while pos < stop and clean[pos].isspace():
                pos += 1
            while stop > pos and clean[stop - 1].isspace():
                stop -= 1
            if pos < stop:
                out.append(Line(len(out), pos, stop))
            continue
        cuts = [g.span() for g in _JOINED.finditer(clean, pos, stop)]
        if cuts:
            cuts = _not_in_words(clean, pos, stop, cuts)
        for cut in [*cuts, None]:
            s, e = pos, (stop if cut is None else cut[0])
            while s < e and clean[s].isspace():
                s += 1
            while e > s and clean[e - 1].isspace():
                e -= 1
            if s < e:
                head = _HEADING_THEN_BODY.match(clean, s, e)
                if head is not None:
                    out.append(Line(len(out), s, head.start(1)))
                    s = head.end(1)
                out.append(Line(len(out), s, e))
            if cut is not None:
                pos = cut[1]
    return out


def _not_in_words(
    clean: str, pos: int, stop: int, cuts: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The cuts that leave no single Chinese character on either side, nor split a
    bracket: spaces that spread a word out (开  幕  词) or a date ((2009年3月   日)) join
    no paragraphs."""
    bounds = [pos, *(c for cut in cuts for c in cut), stop]
    spans = list(zip(bounds[::2], bounds[1::2], strict=True))
    # (a piece is stripped already but for the line's own edges: short ones are looked at)
    lone = [b - a <= 3 and _LONE.fullmatch(clean, a, b) is not None for a, b in spans]
    kept = []
    depth = 0  # brackets open before the cut
    for k, cut in enumerate(cuts):
        a, b = spans[k]
        depth = max(0, depth + clean.count("(", a, b) - clean.count(")", a, b))
        if not (lone[k] or lone[k + 1] or depth):
            kept.append(cut)
    return kept


#: A piece that is one Chinese character (with the line's edge whitespace).
_LONE = re.compile(r"\s*[\u4e00-\u9fff]\s*")


#: A marker glued to the text before it, when line breaks were lost (…的方向1.坚持…,
#: …覆盖面（2）规范…); it starts a unit when a CJK character comes right before it.
#: (It opens with the class of its first characters, which lets the regex engine skip to
#: them: an alternation alone is tried at every position, twice as slow.)
_GLUED = re.compile(rf"[(\d](?:(?<=\()(?:\d{{1,2}}|{cues.CN_NUM})\)|(?<=\d)\d?[.、](?!\d))")


#: Every character a unit may be cut at: the first of each _BOUNDARY and _GLUED match.
_CUT_FIRST = re.compile(r"[。!?…;:,(\d]")


def pieces(clean: str, start: int, end: int) -> list[tuple[int, int]]:
    """The units of clean[start:end] as stripped (start, end) spans, in order."""
    if _CUT_FIRST.search(clean, start, end - 1) is None:
        # nothing to cut at before the last character (a cut there ends the text anyway):
        # one unit, as a headline or a short line is; the patterns are not run
        while start < end and clean[start].isspace():
            start += 1
        while end > start and clean[end - 1].isspace():
            end -= 1
        return [(start, end)] if start < end else []
    return _cut(clean, start, end)


def _cut(clean: str, start: int, end: int) -> list[tuple[int, int]]:
    """pieces() by the patterns."""
    cuts = [m.end() for m in _BOUNDARY.finditer(clean, start, end)]
    glued = [
        m.start()
        for m in _GLUED.finditer(clean, start + 1, end)
        if "\u4e00" <= clean[m.start() - 1] <= "\u9fff"
    ]
    if glued:
        cuts = sorted({*cuts, *glued})
    if not cuts or cuts[-1] < end:
        cuts.append(end)
    out: list[tuple[int, int]] = []
    pos = start
    for cut in cuts:
        piece = clean[pos:cut]
        body = piece.strip()
        if body:
            s = pos + len(piece) - len(piece.lstrip())
            out.append((s, s + len(body)))
        pos = cut
    return out


def units(clean: str, body: list[Line]) -> list[Unit]:
    """All units of the body lines, in order."""
    out: list[Unit] = []
    for k, line in enumerate(body):
        a, b = line.start, line.end
        # (the usual line, with nothing to cut at, is one unit: pieces' first test, without
        # the call and its list)
        if (
            a < b
            and not clean[a].isspace()
            and not clean[b - 1].isspace()
            and _CUT_FIRST.search(clean, a, b - 1) is None
        ):
            out.append(Unit(a, b, k, True, clean[a:b]))
            continue
        for j, (s, e) in enumerate(pieces(clean, a, b)):
            out.append(Unit(s, e, k, j == 0, clean[s:e]))
    return out
