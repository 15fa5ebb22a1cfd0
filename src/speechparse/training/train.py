"""``make train``: fit the frame's labeller on the corpus and write the packaged model.

Training is deterministic: the pages are read in a fixed order, and crfsuite's L-BFGS has no
randomness, so the same corpus gives the same model file byte for byte.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pycrfsuite

from .. import labeller
from ..features import features
from ..writer import Seeded
from . import generate
from .align import Page, golds, load

#: L1 and L2 regularisation and iterations: chosen by cross-validation (cv.py), small enough
#: that a feature seen on one page alone carries little weight.
PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True}


#: Pages of our own writing (generate.py) trained on beside the corpus's real pages: 30 scored
#: best in cross-validation of 0, 30, 60, 100 and 300 (more pull the model away from real sites).
GENERATED = 30
#: Copies of each corpus page served again with site text of ours around it: without them
#: the model learns where the corpus's few sites put their site text, and site text of
#: another kind before the speech (a menu's words, a breadcrumb) moves its frame.
SERVED = 1
#: The seed of the site text the served copies get.
SEED = 2


def corpus_roots(shared: Path) -> list[Path]:
    """The gold corpus: the seeds, web/ and web2/."""
    corpus = shared / "corpus"
    return [corpus, corpus / "web", corpus / "web2"]


def training_pages(shared: Path, generated: int = GENERATED, served: int = SERVED) -> list[Page]:
    """The corpus's pages, labelled from their gold facts, each also ``served`` times again
    with site text of ours around it (generate.served), and ``generated`` pages of ours."""
    roots = corpus_roots(shared)
    real = load(roots)
    facts = golds(roots)
    c = Seeded(SEED)
    again = [generate.served(c, page, facts[page.name]) for page in real for _ in range(served)]
    return real + again + generate.pages(generated)


def fit(pages: list[Page], out: Path) -> None:
    """Train a model on ``pages`` and write it to ``out``."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for page in pages:
        if page.pieces:
            trainer.append(features(page.clean, page.pieces), page.labels)
    trainer.set_params(PARAMS)
    trainer.train(str(out))


def packaged() -> Path:
    return Path(labeller.__file__).with_name(labeller.MODEL)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=packaged())
    ap.add_argument("--generated", type=int, default=GENERATED, help="pages of our own writing")
    ap.add_argument("--served", type=int, default=SERVED, help="copies of each page served again")
    args = ap.parse_args(argv)
    pages = training_pages(args.shared, args.generated, args.served)
    fit(pages, args.out)
    print(f"trained on {len(pages)} pages -> {args.out} ({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
