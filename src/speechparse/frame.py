"""Stage 4, learned: the frame of the page — its title, its salutation, the body of the speech, and
the site text around and inside it.

The lines are cut into pieces (pieces.py) and each piece is labelled title, byline,
salutation, speech or site by the trained labeller (labeller.py). This stage only reads the
labels: the longest title piece before the speech is the title (the others are its copies;
frame_titles.py decides),
the first salutation pieces are the salutation, the speech pieces are the body, and the
rest is noise of the kind its cues say.
"""

from __future__ import annotations

import re
from itertools import pairwise

from . import cues, rules
from .features import features, is_clean, site_marks
from .frame_model import Frame
from .frame_titles import choose_title
from .labeller import tag_odds
from .noise import NoiseSpan
from .pieces import Piece, pieces
from .salutation import addressee_parts, salutation_at
from .segment import Line
from .shape import noise_kind, title_like

#: A piece that is only an ellipsis or a cut mark: where a preview was cut.
_TRUNCATION = re.compile(r"[\s…。.]+")
#: The most pieces a summary quoting another speech's opening holds before the title.
_DECOY_MAX = 3
#: The pieces at the top of a page where a summary and then the speech's title may stand.
_FRONT = 12
#: The fewest characters of a part of the title that make a piece a copy of it.
_COPY_MIN = 4


def frame(clean: str, lines: list[Line], model: str | None = None) -> Frame:
    """Label the pieces of the page and build its frame from the labels; but a page with no
    site mark on any piece (a clean draft) is framed by the rules (rules/).

    The labeller learned from real pages, which are nearly all wrapped in site text: on a
    short clean draft it takes a short line at the top or bottom for site text. Measured by
    cross-validation, a clean page framed by the rules keeps web2/ as good (0.921 against
    0.918), and drafts — what ``speechparse check`` reads — exactly as the rules frame them.
    A page the labeller finds no speech on at all is the rules' too: they keep what they can.
    """
    rules.forget()  # the classes of the last text's lines; this text's serve the rules too
    found = pieces(clean, lines)
    # the site marks first: a clean draft needs none of the other features
    marks = site_marks(clean, found)
    if not found or is_clean(marks):
        return rules.frame(clean, lines, fresh=False)
    labels, odds = tag_odds(features(clean, found, marks), model, "title", _FRONT)
    if "speech" not in labels and "salutation" not in labels:
        # no speech at all: the rules keep what they find
        return rules.frame(clean, lines, fresh=False)
    return from_labels(clean, found, labels, odds)


def from_labels(
    clean: str, found: list[Piece], labels: list[str], odds: list[float] | None = None
) -> Frame:
    """The frame that the labels of the pieces say; ``odds``, how likely the first pieces
    are to be the title, name one where no piece is labelled so."""
    labels = list(labels)  # corrected below where a label cannot be
    result = Frame()
    first = _opening(clean, found, labels)
    if first and labels[first] == "speech" and _salutation_shaped(clean, found[first - 1]):
        first -= 1  # a salutation the speech opens with, taken for a byline or site text
        labels[first] = "salutation"
    if first is not None and labels[first] == "salutation":
        end = first
        while end + 1 < len(found) and labels[end + 1] == "salutation":
            end += 1
        # a piece that names nobody before it is site text (a notice's label: 温馨提示：);
        # one between two that name someone ends a salutation quoted by a summary before
        # the speech's own (…致辞 各位代表： 在这个时期… / 各位来宾、工友们：)
        named = [k for k in range(first, end + 1) if _addressees(clean, found[k])]
        begin = named[0] if named else end + 1
        for a, b in pairwise(named):
            if b > a + 1:
                begin = b
        labels[first:begin] = ["site"] * (begin - first)
        first = begin
        if first <= end:
            _salutation(clean, found[first : end + 1], result)
            start = end + 1
        else:  # it names nobody: no salutation; the speech begins at its first piece
            first = next((k for k in range(first, len(labels)) if labels[k] == "speech"), None)
            start = first if first is not None else len(found)
    else:
        start = first if first is not None else len(found)
    last = max((k for k, lab in enumerate(labels) if lab == "speech"), default=-1)
    # the speech ends with its thanks: the piece after it that ends so is no site text
    if 0 <= last < len(found) - 1 and cues.THANKS_END.search(_text(clean, found[last + 1])):
        last += 1
        labels[last] = "speech"
    best = choose_title(clean, found, labels, odds, first, start)
    if best:
        result.title = Line(found[best[0]].line, found[best[0]].start, found[best[-1]].end)
    title = _text(clean, result.title).replace("\n", "") if result.title else ""
    body: list[tuple[int, Piece]] = []
    for k, (piece, lab) in enumerate(zip(found, labels, strict=True)):
        if result.salutation is not None and first is not None and first <= k < start:
            continue
        if start <= k <= last and lab in ("speech", "salutation"):
            body.append((k, piece))
        elif k not in best:
            # a piece of site text cut off a line of site text is of the line's kind
            same = k and found[k - 1].line == piece.line and result.noise
            copy = lab == "title" and k < start  # a title label after it: another's
            kind = result.noise[-1].kind if same else _kind(clean, piece, copy, title)
            result.noise.append(NoiseSpan(piece.start, piece.end, kind))
    result.body = _lines(body)
    return result


def _opening(clean: str, found: list[Piece], labels: list[str]) -> int | None:
    """Where the speech begins: its first salutation or speech piece; but a salutation that
    site text follows (a summary quoting another speech's 同志们：) is passed over for a
    later one that the speech follows; and so is one with no title before it when site text,
    or a few pieces, come after it and then a title and its salutation (a summary, then the
    speech)."""
    first = next((k for k, lab in enumerate(labels) if lab in ("salutation", "speech")), None)
    if first is not None and labels[first] == "speech":
        lead = _lead(clean, found, labels, first)
        if lead is not None:
            labels[first:lead] = [lab if lab != "speech" else "site" for lab in labels[first:lead]]
            labels[lead] = "salutation"
            return lead
    if (
        first is not None
        and labels[first] == "salutation"
        and labels[first - 1 : first] != ["title"]
    ):
        for j in range(first + 1, len(labels) - 1):
            if labels[j : j + 2] == ["title", "salutation"] and "site" in labels[first:j]:
                return j + 1
            # or, on a collapsed page, the summary's few pieces and then a title (however
            # labelled) and its salutation
            near = j - first <= _DECOY_MAX and j < _FRONT and labels[j] in ("title", "byline")
            if near and labels[j + 1] == "salutation" and title_like(_text(clean, found[j])):
                labels[j] = "title"
                return j + 1
    if (
        first is not None
        and labels[first] == "salutation"
        and labels[first - 1 : first] == ["title"]
    ):
        # the title and its salutation again further on, after a few pieces: what came first
        # was a preview of the speech (a site's summary of its first lines)
        title = _text(clean, found[first - 1])
        for j in range(first + 1, min(len(labels) - 1, first + 2 + _DECOY_MAX)):
            if labels[j + 1] == "salutation" and _text(clean, found[j]) == title:
                labels[first - 1 : j] = ["site"] * (j - first + 1)
                labels[j] = "title"
                return j + 1
    k = first
    while k is not None and labels[k] == "salutation":
        end = k
        while end + 1 < len(labels) and labels[end + 1] == "salutation":
            end += 1
        if end + 1 == len(labels) or labels[end + 1] == "speech":
            return k
        k = next((j for j in range(end + 1, len(labels)) if labels[j] == "salutation"), None)
        if k is not None and "speech" in labels[end + 1 : k]:
            break  # speech came between: the first salutation stands
    return first


def _lead(clean: str, found: list[Piece], labels: list[str], first: int) -> int | None:
    """The salutation the speech opens with, after text labelled speech at the top of the
    page: a news report's lead or a few pieces, then the title and its salutation; or a
    piece that is a salutation, however labelled, after a preface (a blog's story of the
    day it was given)."""
    for k in range(first + 1, min(len(labels), _FRONT)):
        shaped = _salutation_shaped(clean, found[k])
        if labels[k] == "salutation" or shaped:
            between = labels[first:k]
            if "title" in between and between.count("speech") <= _DECOY_MAX:
                return k
            return k if shaped else None
    return None


def _text(clean: str, piece: Piece | Line) -> str:
    return clean[piece.start : piece.end]


def _salutation(clean: str, found: list[Piece], result: Frame) -> None:
    result.salutation = (found[0].start, found[-1].end)
    result.addressees = [part for p in found for part in _addressees(clean, p)]


def _salutation_shaped(clean: str, p: Piece) -> bool:
    """The whole piece reads as a salutation (addressees, then its colon)."""
    at = salutation_at(clean, Line(p.line, p.start, p.end))
    return at is not None and at[0] >= p.end


def _addressees(clean: str, p: Piece) -> list[tuple[int, int]]:
    """The spans of the addressees a salutation piece names (none: it names nobody)."""
    at = salutation_at(clean, Line(p.line, p.start, p.end))
    if at is not None:
        return at[1]
    return addressee_parts(_text(clean, p).rstrip(":!,、"), p.start) or []


def _kind(clean: str, piece: Piece, copy: bool, title: str) -> str:
    """The kind of noise a piece that is not the speech is: a copy of the title (or a part
    of it, a copy broken over lines), or what its cues say."""
    text = clean[piece.start : piece.end]
    if copy or (len(text) >= _COPY_MIN and text in title):
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
