"""The frame of a page: what stage 4 (frame.py, or the rules in rules/) hands on."""

from __future__ import annotations

from dataclasses import dataclass, field

from .noise import NoiseSpan
from .segment import Line


@dataclass(slots=True)
class Frame:
    """The outline of the page: title, salutation, body lines and whole-line noise."""

    title: Line | None = None
    salutation: tuple[int, int] | None = None
    addressees: list[tuple[int, int]] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    noise: list[NoiseSpan] = field(default_factory=list)
    unclassified: list[Line] = field(default_factory=list)
