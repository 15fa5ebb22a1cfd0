"""Stage 4d, learned: which pieces before the speech are its title (frame.py reads the rest
of the labels).

The labeller labels pieces title; this decides which of them the title is: a run of one
piece or two (a title broken over lines), that can be one (no enumeration marker, markup or
site text's marks), after the last label of a collection's piece, the longest, and a news
report's headline only when there is no other. Where none is labelled title, the line right
before the speech may be, or the piece the labeller most trusts to be one.
"""

from __future__ import annotations

import re

from . import cues
from .markers import marker_at
from .pieces import Piece
from .salutation import TITLE_END
from .shape import is_site, noise_kind, title_like

#: A date in brackets on a piece of its own: (2011年3月7日), (二00九年三月   日).
_DATE_LINE = re.compile(r"\(\s*[\d〇零一二三四五六七八九○]{4}\s*年[^()]{0,16}\)")
#: What a page's markup leaves and no title holds: @ { } < > =, a bracket closed unopened.
_MARKUP = re.compile(r"[@{}<>=]|^[^\[【]*[\]】]")
#: The fewest characters of the first line of a broken title (not a menu's word: 工会 / 讲话).
_TITLE_HEAD = 6
#: How likely the labeller must think a piece the title to be, to take it where it labelled
#: none (the page's best labels read site text before the salutation).
_TITLE_ODDS = 0.1


def choose_title(
    clean: str,
    found: list[Piece],
    labels: list[str],
    odds: list[float] | None,
    first: int | None,
    start: int,
) -> range:
    """The pieces of the title (empty: none), of those before piece ``start``, where the
    speech begins (``first``: its salutation or first piece); ``labels`` are corrected where
    a piece labelled title cannot be one, or one labelled otherwise is."""
    runs: list[range] = []
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
    return best


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


def _text(clean: str, piece: Piece) -> str:
    return clean[piece.start : piece.end]
