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


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line: [start, end) without leading and trailing whitespace."""

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
#: A unit ends after one of these (every alternative starts with one of a few characters,
#: tested first, so the scan is fast).
_BOUNDARY = re.compile(
    r"(?=[。!?…;:,])"
    rf"(?:{cues.SENTENCE_END.pattern}"
    rf"|[;:](?=\s*(?:{cues.MARKER_AFTER_CLAUSE.pattern}|{cues.CN_NUM}、))"
    rf"|,(?=\s*{cues.MARKER_AFTER_COMMA.pattern}))"
)


#: A heading and its body joined by one space (一、增强大局意识 服务大局是…).
_HEADING_THEN_BODY = re.compile(
    rf"(?:{cues.CN_NUM}、|\({cues.CN_NUM}\)|第{cues.CN_NUM}[,、])[^。!?\s]{{2,40}}"
    r"(\s)(?=[\u4e00-\u9fff])"
)


def lines(clean: str) -> list[Line]:
    """Every non-blank line of the text, stripped. Paragraphs joined by spaces on one
    physical line count as lines of their own."""
    out: list[Line] = []
    for m in _LINE.finditer(clean):
        pos, stop = m.span()
        # only a line with a space in it can hold paragraphs joined by spaces
        spaced = clean.find(" ", pos, stop) >= 0
        cuts = [g.span() for g in _JOINED.finditer(clean, pos, stop)] if spaced else []
        if cuts:
            cuts = _not_in_words(clean, pos, stop, cuts)
        for cut in [*cuts, None]:
            s, e = pos, (stop if cut is None else cut[0])
            while s < e and clean[s].isspace():
                s += 1
            while e > s and clean[e - 1].isspace():
                e -= 1
            if s < e:
                head = _HEADING_THEN_BODY.match(clean, s, e) if spaced else None
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
    """The cuts that do not leave a single character on either side: spaces that spread a
    word out (开  幕  词) join no paragraphs."""
    bounds = [pos, *(c for cut in cuts for c in cut), stop]
    sizes = [len(clean[a:b].strip()) for a, b in zip(bounds[::2], bounds[1::2], strict=True)]
    return [cut for k, cut in enumerate(cuts) if sizes[k] > 1 and sizes[k + 1] > 1]


#: A marker glued to the text before it, when line breaks were lost (…的方向1.坚持…,
#: …覆盖面（2）规范…); it starts a unit when a CJK character comes right before it.
_GLUED = re.compile(rf"\(\d{{1,2}}\)|\({cues.CN_NUM}\)|\d{{1,2}}[.、](?!\d)")


def pieces(clean: str, start: int, end: int) -> list[tuple[int, int]]:
    """The units of clean[start:end] as stripped (start, end) spans, in order."""
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
        for j, (s, e) in enumerate(pieces(clean, line.start, line.end)):
            out.append(Unit(s, e, k, j == 0, clean[s:e]))
    return out
