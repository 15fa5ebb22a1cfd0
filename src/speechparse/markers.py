"""Enumeration markers (一、 （一） 一是 第一， 1. 首先，…) at the start of a unit, and the
numbers they carry, as the lexer and the builder read them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import cues

_CN = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
       "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip


def cn_number(s: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十一 -> 21, 7 -> 7; None for what is not a number."""
    if s.isdigit():
        return int(s)
    if s in cues.SEQUENCE_INDEX:
        return cues.SEQUENCE_INDEX[s]
    total, digit = 0, None
    for ch in s:
        if ch in _CN:
            digit = _CN[ch]
        elif ch == "十":
            total += (digit if digit is not None else 1) * 10
            digit = None
        elif ch == "百":
            total += (digit if digit is not None else 1) * 100
            digit = None
        else:
            return None
    total += digit or 0
    return total or None


@dataclass(frozen=True, slots=True)
class Marker:
    """An enumeration marker at the start of a unit."""

    family: str
    index: int | None
    length: int


#: Every family's marker in one pattern, in their order (the first that matches wins, as
#: in a loop over cues.MARKERS, for one call instead of one per family); group ``family``
#: is the family, ``n_family`` its number.
_ANY_MARKER = re.compile(
    "|".join(
        f"(?P<{family}>{pattern.pattern.replace('(?P<n>', f'(?P<n_{family}>')})"
        for family, pattern in cues.MARKERS.items()
    )
)


def marker_at(text: str) -> Marker | None:
    """The enumeration marker that opens ``text``, if any."""
    if not text or text[0] not in cues.MARKER_FIRST:
        return None
    m = _ANY_MARKER.match(text)
    if m is None:
        return None
    family = str(m.lastgroup)
    marker = _marker(family, m[f"n_{family}"], m.end())
    if marker is not None:
        return marker
    # a number that is none (十百): the families after this one, one by one
    families = list(cues.MARKERS)
    for later in families[families.index(family) + 1 :]:
        m = cues.MARKERS[later].match(text)
        if m is not None and (marker := _marker(later, m["n"], m.end())) is not None:
            return marker
    return None


@lru_cache(maxsize=1024)  # a speech has few distinct markers (and a Marker is immutable)
def _marker(family: str, n: str, end: int) -> Marker | None:
    index = None if n == "最后" else cn_number(n)
    if index is None and n != "最后":
        return None
    return Marker(family, index, end)
