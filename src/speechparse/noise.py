"""Stage 2: find inline noise (paywall markers, cut notices, URLs, pinyin) and mask it.

Inline noise can sit anywhere, even inside a word, so it is found on the whole text before
lines and sentences are cut. The masked text has every noise character replaced by a space:
later stages then never see it, and stripping whitespace trims it from the edges of a
paragraph. The noise itself is kept, with its span, and cut from every node's ``text``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from . import cues


@dataclass(frozen=True, slots=True)
class NoiseSpan:
    """A stretch of non-speech text: [start, end) and what it is."""

    start: int
    end: int
    kind: str


def find_inline(norm: str) -> list[NoiseSpan]:
    """All inline noise in the normalised text, in order, without overlaps."""
    found: list[NoiseSpan] = []
    for kind, pattern, hint in cues.INLINE_NOISE:
        for lo, hi in _windows(norm, hint):
            found.extend(
                NoiseSpan(m.start(), m.end(), kind) for m in pattern.finditer(norm, lo, hi)
            )
    found.sort(key=lambda n: (n.start, -n.end))
    merged: list[NoiseSpan] = []
    for n in found:
        if merged and n.start < merged[-1].end:
            continue  # inside an earlier, longer match
        merged.append(n)
    return merged


def _windows(norm: str, hint: tuple[str, ...] | re.Pattern[str]) -> list[tuple[int, int]]:
    """Merged stretches of the text within NOISE_REACH of an occurrence of the hint."""
    if isinstance(hint, tuple):
        hits = [m.start() for w in hint if w in norm for m in re.finditer(re.escape(w), norm)]
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


def mask(norm: str, spans: list[NoiseSpan]) -> str:
    """The normalised text with every noise character replaced by a space."""
    if not spans:
        return norm
    parts: list[str] = []
    pos = 0
    for n in spans:
        parts.append(norm[pos : n.start])
        parts.append(" " * (n.end - n.start))
        pos = n.end
    parts.append(norm[pos:])
    return "".join(parts)


def cut(source: str, start: int, end: int, spans: list[NoiseSpan]) -> str:
    """``source[start:end]`` with the inline noise inside it removed."""
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
