"""Stage 4, learned: the frame of the page — its title, its salutation, the body of the speech, and
the site text around and inside it.

The lines are cut into pieces (pieces.py) and each piece is labelled title, byline,
salutation, speech or site by the trained labeller (labeller.py). This stage only reads the
labels: the longest title piece before the speech is the title (the others are its copies),
the first salutation pieces are the salutation, the speech pieces are the body, and the
rest is noise of the kind its cues say.
"""

from __future__ import annotations

import re

from . import cues
from .frame import Frame
from .labeller import label
from .noise import NoiseSpan
from .pieces import Piece, pieces
from .salutation import addressee_parts, salutation_at
from .segment import Line
from .shape import noise_kind, title_like

#: A piece that is only an ellipsis or a cut mark: where a preview was cut.
_TRUNCATION = re.compile(r"[\s…。.]+")
#: The most characters the second line of a broken title has when it reads as a title alone.
_TITLE_TAIL = 8


def frame(clean: str, lines: list[Line], model: str | None = None) -> Frame:
    """Label the pieces of the page and build its frame from the labels."""
    found = pieces(clean, lines)
    return from_labels(clean, found, label(clean, found, model))


def from_labels(clean: str, found: list[Piece], labels: list[str]) -> Frame:
    """The frame that the labels of the pieces say."""
    result = Frame()
    first = next((k for k, lab in enumerate(labels) if lab in ("salutation", "speech")), None)
    if first is not None and labels[first] == "salutation":
        end = first
        while end + 1 < len(found) and labels[end + 1] == "salutation":
            end += 1
        _salutation(clean, found[first : end + 1], result)
        start = end + 1
    else:
        start = first if first is not None else len(found)
    last = max((k for k, lab in enumerate(labels) if lab == "speech"), default=-1)
    runs = _title_runs(clean, found, labels[:start])
    best: range = range(0)
    if runs:
        best = max(runs, key=lambda r: (found[r[-1]].end - found[r[0]].start, -r[0]))
        result.title = Line(found[best[0]].line, found[best[0]].start, found[best[-1]].end)
    body: list[tuple[int, Piece]] = []
    for k, (piece, lab) in enumerate(zip(found, labels, strict=True)):
        if result.salutation is not None and first is not None and first <= k < start:
            continue
        if start <= k <= last and lab in ("speech", "salutation"):
            body.append((k, piece))
        elif k not in best:
            # a piece of site text cut off a line of site text is of the line's kind
            same = k and found[k - 1].line == piece.line and result.noise
            kind = result.noise[-1].kind if same else _kind(clean, piece, lab)
            result.noise.append(NoiseSpan(piece.start, piece.end, kind))
    result.body = _lines(body)
    return result


def _title_runs(clean: str, found: list[Piece], labels: list[str]) -> list[range]:
    """The title pieces, one run each; but a title broken over two lines (在XX区庆祝五一表彰 /
    大会上的讲话, a meeting's name / 开幕词) is one run of two."""
    runs: list[range] = []
    for k, lab in enumerate(labels):
        if lab != "title":
            continue
        if runs and runs[-1].stop == k and len(runs[-1]) == 1 and _broken(clean, found, k):
            runs[-1] = range(k - 1, k + 1)
        else:
            runs.append(range(k, k + 1))
    return runs


def _broken(clean: str, found: list[Piece], k: int) -> bool:
    """Pieces k-1 and k, on neighbouring lines, are the halves of one title: together they
    read as a title, the first alone does not, and the second is no whole title of its own
    (a title word alone, or the few characters 大会上的讲话 that end a broken title)."""
    a, b = found[k - 1], found[k]
    first, second = clean[a.start : a.end], clean[b.start : b.end]
    return (
        b.line == a.line + 1
        and title_like(first + second)
        and not title_like(first)
        and (not title_like(second) or len(second) <= _TITLE_TAIL)
    )


def _salutation(clean: str, found: list[Piece], result: Frame) -> None:
    a, b = found[0].start, found[-1].end
    result.salutation = (a, b)
    parts: list[tuple[int, int]] = []
    for p in found:
        at = salutation_at(clean, Line(p.line, p.start, p.end))
        if at is not None:
            parts += at[1]
        else:
            parts += addressee_parts(clean[p.start : p.end].rstrip(":!,、"), p.start) or []
    result.addressees = parts


def _kind(clean: str, piece: Piece, lab: str) -> str:
    """The kind of noise a piece that is not the speech is."""
    text = clean[piece.start : piece.end]
    if lab == "title":
        return "duplicate_title"
    if _TRUNCATION.fullmatch(text):
        return "truncation"
    kind = noise_kind(text)
    if kind is not None:
        return kind
    if len(text) <= cues.KEYWORD_MAX and not cues.PUNCT.search(text):
        return "keywords"
    return "other"


def _lines(body: list[tuple[int, Piece]]) -> list[Line]:
    """The body's pieces as lines: neighbouring pieces of one line join again."""
    out: list[Line] = []
    prev = -2
    for k, p in body:
        if out and out[-1].index == p.line and prev == k - 1:
            out[-1] = Line(p.line, out[-1].start, p.end)
        else:
            out.append(Line(p.line, p.start, p.end))
        prev = k
    return out
