"""Stage 2: find inline noise (paywall markers, cut notices, URLs, pinyin) and take it out.

Inline noise can sit anywhere, even inside a word (同志##paidbegin##们：), so it is found on
the whole text before lines and sentences are cut, and every later stage reads a *view* of
the text with the noise removed: cues then match across it, and it never looks like a
sentence or a paragraph boundary. The view keeps the way back: ``View.span`` turns view
offsets into offsets into the input. The noise itself is kept, with its span, and cut from
every node's ``text``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from . import cues


@dataclass(frozen=True, slots=True)
class NoiseSpan:
    """A stretch of non-speech text: [start, end) and what it is."""

    start: int
    end: int
    kind: str


def find_inline(norm: str) -> list[NoiseSpan]:
    """All inline noise in the normalised text, in order, without overlaps: first the atoms
    (markers, invisible characters, emoji …), then the phrases (banners, cut notices …) in
    the text without the atoms, mapped back."""
    rare = cues.RARE.search(norm) is not None
    atoms = merge(_scan(norm, cues.INLINE_ATOMS, rare))
    if not atoms:
        return merge(_scan(norm, cues.INLINE_PHRASES, rare))
    view = View(norm, atoms)
    phrases = [
        NoiseSpan(*view.span(n.start, n.end), n.kind)
        for n in _scan(view.text, cues.INLINE_PHRASES, rare)
    ]
    # a phrase swallows the atoms inside it
    return merge(phrases + atoms)


def chunk_breaks(norm: str) -> list[tuple[int, int]]:
    """The breaks before a document site's page-chunk labels in mid-sentence (…支持工会工作
    \n\n2、的有关部门…): [start, end) of the whitespace from the end of the text before the
    label to the label. The sentence goes on after the label, so the break is the page's,
    not the speech's (api.py takes it out of the view; the label itself is inline noise)."""
    out = []
    for m in cues.CHUNK_LABEL.finditer(norm):
        start = m.start()
        while start > 0 and norm[start - 1].isspace():
            start -= 1
        if start > 0 and norm[start - 1] not in "。!?:;…":
            # to the line's start: the label's indent is the label's (inline noise)
            out.append((start, m.start() + 1))
    return out


def _scan(
    text: str, table: tuple[tuple[str, re.Pattern[str], cues.Hint], ...], rare: bool
) -> list[NoiseSpan]:
    """Every match of the table's patterns near their hints (``rare``: whether the text has
    any of cues.RARE, without which the patterns hinted by them cannot match)."""
    found: list[NoiseSpan] = []
    for kind, pattern, hint in table:
        if not rare and hint in cues.RARE_HINTS:
            continue
        for lo, hi in _windows(text, hint):
            found.extend(
                NoiseSpan(m.start(), m.end(), kind) for m in pattern.finditer(text, lo, hi)
            )
    return found


def merge(found: list[NoiseSpan]) -> list[NoiseSpan]:
    """In order; a span inside an earlier, longer one is dropped."""
    found.sort(key=lambda n: (n.start, -n.end))
    merged: list[NoiseSpan] = []
    for n in found:
        if merged and n.start < merged[-1].end:
            continue
        merged.append(n)
    return merged


def _windows(norm: str, hint: cues.Hint) -> list[tuple[int, int]]:
    """Merged stretches of the text within NOISE_REACH of an occurrence of the hint."""
    if isinstance(hint, tuple):
        hits = [m.start() for w in hint if w in norm for m in _word(w).finditer(norm)]
    else:
        hits = [m.start() for m in hint.finditer(norm)]
    reach = cues.NOISE_REACH
    out: list[tuple[int, int]] = []
    for p in sorted(hits):
        lo, hi = max(0, p - reach), min(len(norm), p + reach)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


@cache
def _word(word: str) -> re.Pattern[str]:
    """A hint word as a pattern, compiled once."""
    return re.compile(re.escape(word))


class View:
    """The normalised text without its inline noise, and the map back to input offsets.

    The map is a list of kept stretches (view start, input start); with no noise it is the
    identity and costs nothing. A truncation notice leaves a line break behind: the text
    after it does not continue the sentence before it.
    """

    __slots__ = ("_input_starts", "_length", "_view_starts", "norm", "text")

    def __init__(self, norm: str, spans: list[NoiseSpan]) -> None:
        self.norm = norm  # the normalised input the view is of
        self._length = len(norm)
        self._view_starts: list[int] = []
        self._input_starts: list[int] = []
        if not spans:
            self.text = norm
            return
        parts: list[str] = []
        pos = size = 0
        for n in [*spans, NoiseSpan(len(norm), len(norm), "")]:
            if n.start > pos:
                parts.append(norm[pos : n.start])
                self._view_starts.append(size)
                self._input_starts.append(pos)
                size += n.start - pos
            if n.kind == "truncation":
                # text is missing here: what follows starts somewhere else, as after a break
                parts.append("\n")
                self._view_starts.append(size)
                self._input_starts.append(n.start)
                size += 1
            pos = max(pos, n.end)
            if n.start > 0 and norm[n.start - 1] == " ":
                # noise with spaces on both sides leaves one space, not two (which would
                # read as paragraphs joined by spaces)
                while pos < len(norm) and norm[pos] == " ":
                    pos += 1
        self.text = "".join(parts)

    @property
    def identity(self) -> bool:
        """Whether view offsets are input offsets (nothing was taken out)."""
        return not self._view_starts

    def _at(self, i: int) -> int:
        if not self._view_starts:
            return i
        if i >= len(self.text):
            return self._length
        k = bisect_right(self._view_starts, i) - 1
        return self._input_starts[k] + i - self._view_starts[k]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Input offsets of the view's [start, end): from the first character to one past
        the last, so noise at either edge stays outside."""
        if not self._view_starts:
            return start, end
        if end <= start:  # an empty span sits right after the text before it
            at = self._at(start - 1) + 1 if start > 0 else 0
            return at, at
        return self._at(start), self._at(end - 1) + 1


def cut(source: str, start: int, end: int, spans: list[NoiseSpan]) -> str:
    """``source[start:end]`` with the inline noise inside it removed."""
    if not spans:
        return source[start:end]
    i = bisect_right(spans, start, key=lambda n: n.end)
    if i == len(spans) or spans[i].start >= end:
        return source[start:end]
    out: list[str] = []
    pos = start
    while i < len(spans) and spans[i].start < end:
        out.append(source[pos : max(pos, spans[i].start)])
        pos = max(pos, spans[i].end)
        i += 1
    out.append(source[pos:end] if pos < end else "")
    return "".join(out)
