"""Stage 4c: the trained labeller — a linear-chain CRF over a page's pieces.

It says which pieces are the title, a byline, the salutation, the speech or site text, from
the features of each piece and its neighbours (features.py); the CRF's transitions add what
order those come in (site text, title, byline, salutation, speech, site text). The model is
trained by ``make train`` (speechparse.training) from the corpus's gold facts and pages of
our own writing, and ships in the package as a file of kilobytes; python-crfsuite reads it
once and tags a page in microseconds per piece.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from .features import Features, features
from .pieces import Piece

MODEL = "frame.crfsuite"
_LOCK = threading.Lock()


@lru_cache(maxsize=4)
def tagger(path: str | None = None) -> pycrfsuite.Tagger:
    """The CRF tagger for the model at ``path`` (the packaged one by default), opened once."""
    tagger = pycrfsuite.Tagger()
    if path is None:
        with resources.as_file(resources.files(__package__) / MODEL) as packaged:
            tagger.open(str(packaged))
    else:
        tagger.open(str(Path(path)))
    return tagger


def label(clean: str, pieces: list[Piece], model: str | None = None) -> list[str]:
    """A label for every piece."""
    return tag(features(clean, pieces), model)


def tag(rows: list[Features], model: str | None = None) -> list[str]:
    """A label for every piece, from its features (features.features)."""
    return list(tagger(model).tag(rows)) if rows else []


def tag_odds(
    rows: list[Features], model: str | None = None, label: str = "title", first: int = 12
) -> tuple[list[str], list[float]]:
    """:func:`tag`, and how likely each of the ``first`` pieces is to be ``label`` (its
    marginal): where the best labels name no title, a piece the model half trusts may be.
    The tagger keeps the page it tagged last, so this holds it for the marginals (threads)."""
    if not rows:
        return [], []
    with _LOCK:
        t = tagger(model)
        labels = list(t.tag(rows))
        known = label in t.labels()
        odds = [t.marginal(label, k) if known else 0.0 for k in range(min(first, len(rows)))]
    return labels, odds
