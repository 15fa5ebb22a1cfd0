"""Stage 4b: what the labeller sees of each piece — its shape, its place and its cues.

Every feature is generic: how long a piece is and what it is made of, where it sits on the
page and beside what, whether it repeats another, and which of the genre's cue classes
(cues/) it carries. The cues are evidence here, not decisions: the trained model weighs
them against the shape and the neighbours (a salutation-shaped line inside a site's summary,
a title word in a notice).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from typing import NamedTuple

from . import cues
from .pieces import Piece
from .salutation import salutation_at
from .segment import Line
from .shape import (
    CJK_RUN,
    FUNCTION_RUN,
    INNER_SPACE,
    LATIN_RUN,
    byline,
    collection_name,
    count,
    has_title,
    is_meta,
    runs,
    shape,
    site_class,
    title_like,
)

_DIGIT = re.compile(r"\d")
_BRACKET = re.compile(r"[()【】\[\]《》]")
_URL = re.compile(r"www\.|https?:|\.com|\.cn|\.net", re.I)
_DATE = re.compile(r"\d{4}\s*年|[〇零一二三四五六七八九]{4}年|\d{4}[-./]\d{1,2}")
_PLACEHOLDER = re.compile(r"[*×X]{2,}|○○")
#: Runs of digits (counted a match a run: shape.runs).
_DIGIT_RUN = runs(_DIGIT)
#: The cue classes of the genre that may open a speech (cues.found names).
_SPEECH_CUES = ("OCCASION", "GREETING", "ANNOUNCE", "REVIEW", "WISH", "HOPE", "CALL", "PLEDGE")
#: The words one of which a piece needs for any of them (cues.found tests for its cue's
#: words, or for a hint that holds one of them, first): one search tells a piece has none.
_SPEECH_CUE_WORDS = cues.any_needed(*_SPEECH_CUES)

#: Features that mark a piece as a site's: its cues, its shape, an address, back matter.
_SITE_MARKS = ("site_cue", "site_shape", "url", "back_matter", "collection", "meta")
#: The page feature of a page that bears no site mark on any piece: a clean draft.
CLEAN_PAGE = "page_site=0"

Features = list[str]


class Marks(NamedTuple):
    """The site marks of a piece's text (the features _SITE_MARKS names), read first: a page
    with none on any piece is a clean draft, which the rules frame without the rest."""

    url: bool
    #: site_cue=<kind> (its cue words, or its shape) or site_shape (its shape alone), or None
    site: str | None
    meta: bool
    back_matter: bool
    collection: bool

    @property
    def marked(self) -> bool:
        return self.url or self.site is not None or self.meta or self.back_matter or self.collection


def _marks(text: str) -> Marks:
    """The site marks of a piece's text. Each pattern runs only where its match can be: on
    a text noise_kind has read whole and found nothing on (shape.site_class), no meta label
    or collection's name; and the characters tested first are ones every match has (an
    address has "." or ":", a piece's label 篇, "(" or 【)."""
    kind, shaped, plain = site_class(text)
    site = f"site_cue={kind}" if kind is not None else "site_shape" if shaped else None
    collection = not plain and collection_name(text)
    if not collection and ("篇" in text or "(" in text or "【" in text):
        collection = cues.COLLECTION_ITEM.match(text) is not None
    return Marks(
        url=("." in text or ":" in text) and _URL.search(text) is not None,
        site=site,
        meta=not plain and is_meta(text),
        back_matter=cues.BACK_MATTER.match(text) is not None,
        collection=collection,
    )


def site_marks(clean: str, pieces: list[Piece]) -> dict[str, Marks]:
    """The site marks of each piece's text (once for a text the page repeats)."""
    marks: dict[str, Marks] = {}
    for p in pieces:
        text = clean[p.start : p.end]
        if text not in marks:
            marks[text] = _marks(text)
    return marks


def is_clean(marks: dict[str, Marks]) -> bool:
    """No piece bears a site mark: the page is a clean draft (its rows carry CLEAN_PAGE)."""
    return not any(m.marked for m in marks.values())


def _bucket(n: float, edges: tuple[float, ...]) -> int:
    """The first bucket whose edge ``n`` does not pass (edges ascending)."""
    return bisect_left(edges, n)


def _own(
    clean: str,
    piece: Piece,
    k: int,
    pieces: list[Piece],
    memo: dict[str, tuple[str, ...]],
    marks: dict[str, Marks],
) -> Features:
    """The piece's own features (its neighbours see these too, prefixed): its text's (from
    ``memo`` when the page has had the same text before), and whether its line goes on
    before or after it."""
    text = clean[piece.start : piece.end]
    known = memo.get(text)
    if known is None:
        known = memo[text] = _text_features(text, marks[text])
    f = list(known)
    if (
        piece.start > 0
        and clean[piece.start - 1] not in "\n"
        and k
        and pieces[k - 1].line == piece.line
    ):
        f.append("mid_line")
    if k + 1 < len(pieces) and pieces[k + 1].line == piece.line:
        f.append("line_goes_on")
    return f


def _text_features(text: str, marks: Marks) -> tuple[str, ...]:
    """The features of a piece's text: its shape and its cues (its site marks read before).
    A pattern runs only where its match can be (a date needs a digit or 年, a placeholder
    one of *×X○, a summary's label its colon)."""
    n = m = len(text)
    cjk = count(CJK_RUN, text)
    digits = count(_DIGIT_RUN, text)
    sentences = text.count("。") + text.count("!") + text.count("?")
    f = [
        f"len={_bucket(n, (2, 4, 8, 14, 24, 40, 80, 200, 600))}",
        f"cjk={_bucket(cjk / m, (0.2, 0.5, 0.8, 0.95))}",
        f"latin={_bucket(count(LATIN_RUN, text) / m, (0.0, 0.1, 0.4))}",
        f"digit={_bucket(digits / m, (0.0, 0.05, 0.2))}",
        f"sent={_bucket(sentences, (0, 1, 3))}",
        f"func={_bucket(count(FUNCTION_RUN, text) / max(cjk, 1), (0.0, 0.05, 0.12, 0.2))}",
        f"end={_end_class(text[-1])}",
        f"shape={shape(text)}",
    ]
    if _BRACKET.search(text):
        f.append("bracket")
    if marks.url:
        f.append("url")
    if (digits >= 4 or "年" in text) and _DATE.search(text):  # (four digits, or 年)
        f.append("date")
    if ("*" in text or "×" in text or "X" in text or "○" in text) and _PLACEHOLDER.search(text):
        f.append("placeholder")
    if text[0] in "—-":
        f.append("dash_lead")
    if text[0] in cues.MARKER_FIRST:
        f.append("marker_first")
    # the genre's cue classes
    if title_like(text):
        f.append("title_like")
    elif has_title(INNER_SPACE.sub("", text) if " " in text else text):
        f.append("title_word")  # spaced out too: 开  幕  词
    found = salutation_at(text, Line(0, 0, m))
    if found is not None:
        f.append("salutation" if found[0] >= m else "salutation_head")
    elif n <= 40 and cues.ADDRESSEE_STRONG.search(text):
        f.append("addressee_word")
    if cues.HELLO.match(text):
        f.append("hello")
    if marks.site is not None:
        f.append(marks.site)
    if byline(text):
        f.append("byline")
    if marks.meta:
        f.append("meta")
    if marks.back_matter:
        f.append("back_matter")
    if marks.collection:
        f.append("collection")
    if cues.OUTLINE.match(text):
        f.append("outline")
    if ":" in text and cues.SUMMARY_LABEL.search(text):
        f.append("summary_label")
    if n > 8 and _SPEECH_CUE_WORDS.search(text):
        f.extend(f"cue={name}" for name in _SPEECH_CUES if cues.found(name, text))
    return tuple(f)


def _end_class(ch: str) -> str:
    if ch in "。!?":
        return "stop"
    if ch in ":":
        return "colon"
    if ch in ",、;":
        return "comma"
    if ch in '”"’)】》':
        return "close"
    if "\u4e00" <= ch <= "\u9fff":
        return "cjk"
    return "other"


def _seen(own: Features) -> dict[str, tuple[str, ...]]:
    """A piece's features as its neighbours see them (not its ratios of digits and function
    words), prefixed by where they see it from."""
    visible = [x for x in own if not x.startswith(("func", "digit"))]
    return {tag: tuple([f"{tag}:{x}" for x in visible]) for tag in ("p", "n", "pp", "nn")}


def _contained(t: str, k: int, head: list[str], top: str | None, starts: list[int]) -> bool:
    """Whether another of the ``head`` texts (piece k's own is the k-th, if k < 40) holds
    ``t``. ``top`` is them joined by line breaks, which none has (None if one does): a text
    without one is found in it only inside one of them, by one search."""
    if top is None or "\n" in t:
        return any(t in other for j, other in enumerate(head) if j != k)
    at = top.find(t)
    if k < len(starts) and at == starts[k]:
        at = top.find(t, at + 1)  # past its own text: it runs to a line break
    return at >= 0


def features(
    clean: str, pieces: list[Piece], marks: dict[str, Marks] | None = None
) -> list[Features]:
    """The features of every piece: its own, its place, its neighbours', repetition.
    ``marks`` are the pieces' site marks when they were read before (site_marks)."""
    if marks is None:
        marks = site_marks(clean, pieces)
    # a page may repeat its lines (a menu, a hostile input): each text's features once
    memo: dict[str, tuple[str, ...]] = {}
    own = [_own(clean, p, k, pieces, memo, marks) for k, p in enumerate(pieces)]
    texts = [clean[p.start : p.end].replace(" ", "") for p in pieces]
    first_salutation = next(
        (k for k, f in enumerate(own) if "salutation" in f or "salutation_head" in f), None
    )
    first_prose = next((k for k, f in enumerate(own) if "sent=0" not in f), len(own))
    # how much of the page bears a site's marks: a clean draft has none, and then a short
    # line at its top or bottom is no site text for being short and there
    marked = sum(1 for p in pieces if marks[clean[p.start : p.end]].marked)
    page = CLEAN_PAGE if not marked else f"page_site={_bucket(marked, (0, 2))}"
    # what the neighbours see of each piece (once for each set of features)
    views: dict[tuple[str, ...], dict[str, tuple[str, ...]]] = {}
    seen_as = []
    for f in own:
        key = tuple(f)
        if key not in views:
            views[key] = _seen(f)
        seen_as.append(views[key])
    seen: dict[str, int] = {}
    # the top of the page, where a copy of a piece is looked for (the pieces are cut from
    # lines: none has a line break, and their texts joined one a line are searched at once)
    head = texts[:40]
    top = None if any("\n" in t for t in head) else "\n".join(head)
    starts = list(accumulate((len(t) + 1 for t in head), initial=0))[: len(head)]
    n = len(pieces)
    out: list[Features] = []
    for k, f in enumerate(own):
        row = ["bias", page, *f]
        row.append(f"pos={min(k, 8)}")
        row.append(f"from_end={min(n - 1 - k, 5)}")
        if first_salutation is not None:
            rel = k - first_salutation
            row.append(f"rel_sal={max(-3, min(rel, 3))}")
        else:
            row.append("no_sal")
        row.append(f"rel_prose={max(-3, min(k - first_prose, 3))}")
        t = texts[k]
        if t in seen:
            row.append("repeat")
        elif len(t) >= 6 and _contained(t, k, head, top, starts):
            row.append("contained")
        seen.setdefault(t, k)
        for d, tag in ((-1, "p"), (1, "n"), (-2, "pp"), (2, "nn")):
            j = k + d
            if 0 <= j < n:
                row.extend(seen_as[j][tag])
            else:
                row.append(f"{tag}:none")
        out.append(row)
    return out
