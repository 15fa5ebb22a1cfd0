"""Throughput of speechparse against markdown-it-py, measured in the same run.

Both parse the same texts (the samples, and the development corpus when it is beside the
project). Each is timed over several rounds, interleaved so that machine noise falls on
both alike; the best round counts. Prints MB/s (UTF-8 input), speeches/s and the ratio
speechparse / markdown-it-py (>= 1.0 means speechparse is at least as fast).

    python bench/bench.py [--rounds N] [--min-ratio R]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from markdown_it import MarkdownIt

import speechparse

ROOT = Path(__file__).resolve().parent.parent


def texts() -> list[str]:
    paths = sorted((ROOT / "samples").glob("*.txt"))
    corpus = ROOT.parent / "shared" / "corpus"
    if corpus.is_dir():
        paths += sorted(corpus.glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def best_time(fn: Callable[[str], object], docs: list[str], rounds: list[float]) -> None:
    start = time.perf_counter()
    for doc in docs:
        fn(doc)
    rounds.append(time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--min-ratio", type=float, default=None, help="exit 1 below this ratio")
    args = ap.parse_args(argv)

    docs = texts()
    size = sum(len(d.encode("utf-8")) for d in docs)
    md = MarkdownIt("commonmark")
    for doc in docs:  # warm up: build the grammar, compile the patterns
        speechparse.parse(doc)
        md.parse(doc)
    ours: list[float] = []
    peer: list[float] = []
    for _ in range(args.rounds):
        best_time(speechparse.parse, docs, ours)
        best_time(md.parse, docs, peer)
    t_ours, t_peer = min(ours), min(peer)
    ratio = t_peer / t_ours
    print(f"{len(docs)} texts, {size / 1e6:.3f} MB UTF-8, best of {args.rounds} rounds")
    print(f"{'parser':16s} {'MB/s':>8s} {'speeches/s':>11s}")
    print(f"{'speechparse':16s} {size / t_ours / 1e6:8.2f} {len(docs) / t_ours:11.1f}")
    print(f"{'markdown-it-py':16s} {size / t_peer / 1e6:8.2f} {len(docs) / t_peer:11.1f}")
    print(f"ratio speechparse / markdown-it-py: {ratio:.2f}")
    if args.min_ratio is not None and ratio < args.min_ratio:
        print(f"below the required ratio {args.min_ratio}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
