"""Stage 3: cut the masked text into lines and each line into units.

A *line* is a source paragraph without its surrounding whitespace. A *unit* is what the
lexer classifies: a sentence (up to 。！？ with its closing quotes), or a clause where an
enumeration continues after ； or ： (一是…；二是…), or a whole line that has no sentence
end (a headline on its own line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
    """The masked, normalised text of the unit (for recognition only)."""
    kind: str = "TEXT"
    """The terminal the lexer gave it; set while parsing."""
    promoted: bool = False
    """True when the unit took the kind of a later unit on its line (see lexer.py)."""
    info: dict[str, object] = field(default_factory=dict)
    """What the lexer found: marker, count, addressee …"""


_LINE = re.compile(r"[^\n]+")
#: A unit ends after one of these (every alternative starts with a fixed character, so the
#: scan is fast).
_BOUNDARY = re.compile(
    rf"{cues.SENTENCE_END.pattern}"
    rf"|[;:](?=\s*(?:{cues.MARKER_AFTER_CLAUSE.pattern}|{cues.CN_NUM}、))"
    rf"|,(?=\s*{cues.MARKER_AFTER_COMMA.pattern})"
)


def lines(masked: str) -> list[Line]:
    """Every non-blank line of the masked text, stripped."""
    out: list[Line] = []
    for m in _LINE.finditer(masked):
        s, e = m.span()
        while s < e and masked[s].isspace():
            s += 1
        while e > s and masked[e - 1].isspace():
            e -= 1
        if s < e:
            out.append(Line(len(out), s, e))
    return out


def pieces(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """The units of masked[start:end] as stripped (start, end) spans, in order."""
    cuts = [m.end() for m in _BOUNDARY.finditer(masked, start, end)]
    if not cuts or cuts[-1] < end:
        cuts.append(end)
    out: list[tuple[int, int]] = []
    pos = start
    for cut in cuts:
        piece = masked[pos:cut]
        body = piece.strip()
        if body:
            s = pos + len(piece) - len(piece.lstrip())
            out.append((s, s + len(body)))
        pos = cut
    return out


def units(masked: str, body: list[Line]) -> list[Unit]:
    """All units of the body lines, in order."""
    out: list[Unit] = []
    for k, line in enumerate(body):
        for j, (s, e) in enumerate(pieces(masked, line.start, line.end)):
            out.append(Unit(s, e, k, j == 0, masked[s:e]))
    return out
