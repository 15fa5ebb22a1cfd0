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
from itertools import pairwise

from . import cues, rules
from .features import features, is_clean, site_marks
from .frame_model import Frame
from .labeller import tag_odds
from .markers import marker_at
from .noise import NoiseSpan
from .pieces import Piece, pieces
from .salutation import TITLE_END, addressee_parts, salutation_at
from .segment import Line
from .shape import is_site, noise_kind, title_like

#: A piece that is only an ellipsis or a cut mark: where a preview was cut.
_TRUNCATION = re.compile(r"[\s…。.]+")
#: A date in brackets on a piece of its own: (2011年3月7日), (二00九年三月   日).
_DATE_LINE = re.compile(r"\(\s*[\d〇零一二三四五六七八九○]{4}\s*年[^()]{0,16}\)")
#: What a page's markup leaves and no title holds: @ { } < > =, a bracket closed unopened.
_MARKUP = re.compile(r"[@{}<>=]|^[^\[【]*[\]】]")
#: The most pieces a summary quoting another speech's opening holds before the title.
_DECOY_MAX = 3
#: The pieces at the top of a page where a summary and then the speech's title may stand.
_FRONT = 12
#: The fewest characters of the first line of a broken title (not a menu's word: 工会 / 讲话).
_TITLE_HEAD = 6
#: How likely the labeller must think a piece the title to be, to take it where it labelled
#: none (the page's best labels read site text before the salutation).
_TITLE_ODDS = 0.1
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
        # the speech's own (…选举开幕词 各位代表： 在打造… / 各位领导、各位职工：)
        named = [k for k in range(first, end + 1) if _addressees(clean, found[k])]
        begin = next((b for a, b in reversed(list(pairwise(named))) if b > a + 1), None)
        begin = begin if begin is not None else named[0] if named else end + 1
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
    runs = []
    for run in _title_runs(clean, found, labels[:start]):
        if _titled(clean, found, run):
            runs.append(run)
        else:  # site text or a byline before the speech, not a copy of its title
            labels[run.start : run.stop] = ["site"] * len(run)
    if not runs and first is not None:
        runs = _title_before(clean, found, labels, first)
    if not runs and odds:
        # (the speech's first piece too, when no sentence ends in it: a title it half trusts)
        opens = start < len(found) - 1 and not cues.SENTENCE_MARK.search(_text(clean, found[start]))
        runs = _trusted(clean, found, labels, odds[: start + opens])
    runs = _after_collection_label(clean, found, runs, labels, start)
    best: range = range(0)
    if runs:
        # the longest; but a news report's headline (…隆重举行 XX发表重要讲话) after the
        # others; of equals, one on a line of its own (its copy broken over two)
        best = max(
            runs, key=lambda r: (not _reports(clean, found, r), _size(found, r), -len(r), -r[0])
        )
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


def _title_runs(clean: str, found: list[Piece], labels: list[str]) -> list[range]:
    """The title pieces, one run each; but a title broken over two lines (在XX区庆祝五一表彰 /
    大会上的讲话, a meeting's name / 开幕词) is one run of two."""
    runs: list[range] = []
    for k, lab in enumerate(labels):
        if lab != "title":
            continue
        after = bool(runs) and runs[-1].stop == k  # the piece before is a title too
        # the first half of a broken title may be labelled a byline or site text: so it
        # bears no site text's marks
        half = len(runs[-1]) == 1 if after else k > 0 and _unmarked(clean, found[k - 1])
        if half and _broken(clean, found, k):
            runs[-1 if after else len(runs) :] = [range(k - 1, k + 1)]
        else:
            runs.append(range(k, k + 1))
    # and the second half of a broken title may be labelled otherwise
    for j, run in enumerate(runs):
        k = run.stop
        second = len(run) == 1 and k < len(labels) and labels[k] != "title"
        if second and _unmarked(clean, found[k]) and _broken(clean, found, k):
            runs[j] = range(run.start, k + 1)
    return runs


def _title_before(clean: str, found: list[Piece], labels: list[str], k: int) -> list[range]:
    """No piece was labelled title: the line right before the speech (its salutation, or its
    first sentence), past its byline (陈某某 / (2011年3月7日)), is the title when it reads as
    one, whole or broken over two lines, and bears no site marks."""
    end = k
    while end > 0 and k - end < 2 and _byline_like(clean, found[end - 1]):
        end -= 1
    k = end
    for run in (range(k - 2, k), range(k - 1, k)):
        if run.start < 0 or not all(_unmarked(clean, found[j]) for j in run):
            continue
        if len(run) == 2 and not _broken(clean, found, k - 1):
            continue
        if title_like(clean[found[run.start].start : found[run[-1]].end].replace("\n", "")):
            for j in run:
                labels[j] = "title"
            return [run]
    return []


def _byline_like(clean: str, piece: Piece) -> bool:
    """A speaker's name, a dash before one, or a date (in brackets): a byline's shape, with
    no site text's marks (本站推荐 is four characters too)."""
    text = _text(clean, piece)
    if _DATE_LINE.fullmatch(text):
        return True
    if not _unmarked(clean, piece):
        return False
    if cues.META.search(text):
        return True
    name = text.removeprefix("——")  # (not a title's last words: 上的讲话)
    cjk = all("\u4e00" <= ch <= "\u9fff" for ch in name)
    return 2 <= len(name) <= 4 and cjk and TITLE_END.search(name) is None


def _trusted(clean: str, found: list[Piece], labels: list[str], odds: list[float]) -> list[range]:
    """No piece was labelled title: of the pieces ``odds`` covers, the one that the labeller most
    trusts to be one (no less than _TITLE_ODDS, or a byline: 在…上的讲话 is none), when it
    reads as a title and bears no site marks (a breadcrumb that ends in 讲话材料) or
    enumeration marker."""
    trusted = [
        (odds[k], k)
        for k in range(len(odds))
        if (odds[k] >= _TITLE_ODDS or labels[k] == "byline")
        and title_like(_text(clean, found[k]))
        and _unmarked(clean, found[k])
        and marker_at(_text(clean, found[k])) is None
    ]
    if not trusted:
        return []
    k = max(trusted)[1]
    labels[k] = "title"
    return [range(k, k + 1)]


def _after_collection_label(
    clean: str, found: list[Piece], runs: list[range], labels: list[str], start: int
) -> list[range]:
    """The title runs after the last label of one piece of a collection before the speech
    (篇1, 第一篇:): a title before it is the collection's name, not the speech's — unless
    more running text than a blurb comes between (a page's own text, then its pieces)."""
    label = max((k for k in range(start) if _piece_label(_text(clean, found[k]))), default=-1)
    kept = []
    for run in runs:
        between = found[run.stop : label]
        prose = sum(p.end - p.start for p in between if cues.SENTENCE_MARK.search(_text(clean, p)))
        if run.start <= label and prose <= cues.BLURB_MAX:
            labels[run.start : run.stop] = ["site"] * len(run)
        else:
            kept.append(run)
    return kept


def _piece_label(text: str) -> bool:
    item = cues.COLLECTION_ITEM.match(text)
    return item is not None and not item["title"]


def _reports(clean: str, found: list[Piece], run: range) -> bool:
    """The run reads as a news report's headline (召开, 举行, 发表…)."""
    return cues.REPORT_VERB.search(clean, found[run.start].start, found[run[-1]].end) is not None


def _titled(clean: str, found: list[Piece], run: range) -> bool:
    """A run labelled title that can be one: no enumeration marker or markup, no site
    text's marks (a breadcrumb that ends in 讲话材料), and a title's shape or a slogan's
    length (not a menu's word: 讲话, 大会)."""
    text = clean[found[run.start].start : found[run[-1]].end]
    if marker_at(text) is not None or _MARKUP.search(text):
        # a demand's headline (三、以…为抓手), listed before the speech; or a copy of the
        # title with a page's markup before it (标题] @ p p p 在…的讲话)
        return False
    if not _unmarked(clean, found[run[-1]]):
        return False
    # (a slogan over the speech, not a news report's headline: 市总工会召开…会议)
    return title_like(text) or (len(text) > cues.KEYWORD_MAX and not cues.REPORT_VERB.search(text))


def _size(found: list[Piece], run: range) -> int:
    """The characters of a run of pieces, without the spaces and breaks between them."""
    return sum(p.end - p.start for p in found[run.start : run.stop])


def _text(clean: str, piece: Piece | Line) -> str:
    return clean[piece.start : piece.end]


def _unmarked(clean: str, piece: Piece) -> bool:
    """A piece with no site text's marks: no site cue, not a site's shape."""
    text = _text(clean, piece)
    return noise_kind(text) is None and not is_site(text)


def _broken(clean: str, found: list[Piece], k: int) -> bool:
    """Pieces k-1 and k, on neighbouring lines, are the halves of one title: together they
    read as a title, the first alone does not, and the second is no whole title of its own
    (a title word alone, or the few characters 大会上的讲话 that end a broken title)."""
    a, b = found[k - 1], found[k]
    first, second = clean[a.start : a.end], clean[b.start : b.end]
    return (
        b.line == a.line + 1
        and len(first) >= _TITLE_HEAD
        and title_like(first + second)
        and not title_like(first)
        and (not title_like(second) or len(second) <= cues.TITLE_TAIL)
    )


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
