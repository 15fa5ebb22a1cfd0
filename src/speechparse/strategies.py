"""Hypothesis strategies that write realistic speeches, for testing tools that read them.

    from hypothesis import given
    from speechparse.strategies import speeches, drafts

    @given(speeches())
    def test_my_tool(text): ...            # the text of a speech

    @given(drafts())
    def test_my_reader(draft): ...         # the text, and what a reader should find in it

A speech is assembled in the order of the genre's anatomy (title, salutation, opening,
review, preamble, demands with their points, hopes, closing), each part optional but the
demands, with every marker family (一要 一、 （一） 一是 第一， 1.), points nested inside
demands (after ；, mid-paragraph or on lines of their own, 首先/其次/最后 too), varied cue
phrasing, placeholders in names (XX, *, X), and either punctuation width. The vocabulary
is the genre's; no sentence is taken from any real speech.

The writer itself is speechparse.writer; this module makes its choices with hypothesis.
Importing it needs hypothesis, and nothing of pytest.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from hypothesis import strategies as st

from .api import parse
from .models import Speech
from .writer import MARKERS, POINTS_UNDER, SEQUENCE, Draft, numeral, write

T = TypeVar("T")


class _Drawn:
    """The writer's choices drawn by hypothesis (so that failures shrink)."""

    def __init__(self, draw: Any) -> None:
        self.draw = draw

    def choice(self, options: Sequence[T]) -> T:
        return self.draw(st.sampled_from(options))  # type: ignore[no-any-return]

    def boolean(self) -> bool:
        return self.draw(st.booleans())  # type: ignore[no-any-return]

    def integer(self, lo: int, hi: int) -> int:
        return self.draw(st.integers(lo, hi))  # type: ignore[no-any-return]

    def some(self, options: Sequence[T], lo: int, hi: int) -> list[T]:
        strategy = st.lists(st.sampled_from(options), min_size=lo, max_size=hi, unique=True)
        return self.draw(strategy)  # type: ignore[no-any-return]


@st.composite
def drafts(draw: Any) -> Draft:
    """A speech and its facts (see Draft)."""
    return write(_Drawn(draw))


def speeches() -> st.SearchStrategy[str]:
    """The text of a realistic speech."""
    return drafts().map(lambda d: d.text)


def parsed_speeches() -> st.SearchStrategy[Speech]:
    """A realistic speech, parsed."""
    return speeches().map(parse)


__all__ = [
    "MARKERS",
    "POINTS_UNDER",
    "SEQUENCE",
    "Draft",
    "drafts",
    "numeral",
    "parsed_speeches",
    "speeches",
]
