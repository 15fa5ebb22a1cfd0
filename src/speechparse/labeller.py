"""Stage 4c: the trained labeller — a linear-chain CRF over a page's pieces.

It says which pieces are the title, a byline, the salutation, the speech or site text, from
the features of each piece and its neighbours (features.py); the CRF's transitions add what
order those come in (site text, title, byline, salutation, speech, site text). The model is
trained by ``make train`` (speechparse.training) from the corpus's gold facts and pages of
our own writing, and ships in the package as a file of kilobytes; python-crfsuite reads it
once and tags a page in microseconds per piece.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from .features import Features, features
from .pieces import Piece

MODEL = "frame.crfsuite"


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
