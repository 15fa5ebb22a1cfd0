"""Throughput of speechparse against markdown-it-py, measured in the same run; and the cost
of hostile inputs against the cost of real speeches.

Both parsers parse the same texts (the samples, and the development corpus when it is beside
the project). Each is timed over several rounds, interleaved so that machine noise falls on
both alike; the best round counts. Prints MB/s (UTF-8 input), speeches/s and the ratio
speechparse / markdown-it-py (>= 1.0 means speechparse is at least as fast). Those texts are
mostly clean drafts; the real pages of the corpus (web/, web2/: site text around the speech,
which the trained labeller frames) are timed the same way and their ratio printed on its own
line (no threshold).

Then it parses hostile inputs of 200,000 characters (no punctuation at all, markers only,
thousands of salutations or points on lines of their own, unbalanced brackets and quotes …)
and prints each one's cost per character as a multiple of a real speech's, and how that cost
grows from 50,000 characters to 200,000: a regular expression that backtracks
catastrophically shows up as a multiple in the hundreds, a quadratic stage as growth.

    python bench/bench.py [--rounds N] [--min-ratio R] [--max-hostile R] [--max-growth G]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from markdown_it import MarkdownIt

import speechparse
from speechparse.decode import decode

ROOT = Path(__file__).resolve().parent.parent


def texts() -> list[str]:
    paths = sorted((ROOT / "samples").glob("*.txt"))
    corpus = ROOT.parent / "shared" / "corpus"
    if corpus.is_dir():
        paths += sorted(corpus.glob("*.txt"))
    return [decode(p.read_bytes())[0] for p in paths]  # samples come in several encodings


def real_pages() -> list[str]:
    """The corpus's real pages as downloaded (none when the corpus is not beside the project)."""
    corpus = ROOT.parent / "shared" / "corpus"
    paths = sorted(corpus.glob("web/*.txt")) + sorted(corpus.glob("web2/*.txt"))
    return [decode(p.read_bytes())[0] for p in paths]


def hostile(n: int = 200_000) -> dict[str, str]:
    """Inputs built to make a careless pattern backtrack or a stage go quadratic."""
    rng = random.Random(7)
    cjk = "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(n))
    markers = "一、二、三、一是二是（一）（二）1.2.第一，一要二要"
    return {
        "no punctuation": cjk,
        "markers only": (markers * (n // len(markers) + 1))[:n],
        "salutations inline": ("同志们：" * n)[:n],
        "salutations as lines": ("各位代表、同志们：\n" * n)[:n],
        "one salutation per line": ("同志们：\n" * n)[:n],
        "one point per line": ("一是做好工作；\n" * n)[:n],
        "open brackets, quotes": "（" * (n // 3) + "“" * (n // 3) + "(" * (n // 3),
        "brackets around a cue": "(" * (n // 2) + "省略" + ")" * (n // 2),
        "ellipses": "…" * n,
        "spaces then a URL": " " * n + "www.example.com",
        "one character repeated": "向" * n,
        "hope cues": ("，希望各级" * n)[:n],
        "colons": "：" * n,
        "letters before a brace": "a" * (n - 1) + "{",
        "a very long address": "www." + "a" * (n - 4),
        "pinyin-like parentheses": "领(" + "ǐ" * (n - 3) + ")",
    }


def per_char(fn: Callable[[str], object], text: str, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - start)
    return best / max(1, len(text))


def timed(docs: list[str], md: MarkdownIt, rounds: int) -> tuple[float, float]:
    """The best round of speechparse and of markdown-it-py on ``docs``, after a warm-up
    (the grammar built, the patterns compiled), rounds interleaved."""
    for doc in docs:
        speechparse.parse(doc)
        md.parse(doc)
    ours: list[float] = []
    peer: list[float] = []
    for _ in range(rounds):
        best_time(speechparse.parse, docs, ours)
        best_time(md.parse, docs, peer)
    return min(ours), min(peer)


def best_time(fn: Callable[[str], object], docs: list[str], rounds: list[float]) -> None:
    start = time.perf_counter()
    for doc in docs:
        fn(doc)
    rounds.append(time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--min-ratio", type=float, default=None, help="exit 1 below this ratio")
    ap.add_argument(
        "--max-hostile", type=float, default=None, help="exit 1 if a hostile input costs more"
    )
    ap.add_argument(
        "--max-growth",
        type=float,
        default=None,
        help="exit 1 if a hostile input's cost per character grows more than this from a "
        "quarter of its length to all of it (1.0 is linear)",
    )
    args = ap.parse_args(argv)

    docs = texts()
    size = sum(len(d.encode("utf-8")) for d in docs)
    md = MarkdownIt("commonmark")
    t_ours, t_peer = timed(docs, md, args.rounds)
    ratio = t_peer / t_ours
    print(f"{len(docs)} texts, {size / 1e6:.3f} MB UTF-8, best of {args.rounds} rounds")
    print(f"{'parser':16s} {'MB/s':>8s} {'speeches/s':>11s}")
    print(f"{'speechparse':16s} {size / t_ours / 1e6:8.2f} {len(docs) / t_ours:11.1f}")
    print(f"{'markdown-it-py':16s} {size / t_peer / 1e6:8.2f} {len(docs) / t_peer:11.1f}")
    print(f"ratio speechparse / markdown-it-py: {ratio:.2f}")
    failed = args.min_ratio is not None and ratio < args.min_ratio
    if failed:
        print(f"below the required ratio {args.min_ratio}", file=sys.stderr)
    pages = real_pages()
    if pages:
        t_web, t_web_peer = timed(pages, md, args.rounds)
        web_size = sum(len(d.encode("utf-8")) for d in pages)
        print(
            f"real pages: {len(pages)} texts, {web_size / 1e6:.3f} MB UTF-8, speechparse "
            f"{web_size / t_web / 1e6:.2f} MB/s, ratio speechparse / markdown-it-py: "
            f"{t_web_peer / t_web:.2f}"
        )

    chars = sum(len(d) for d in docs)
    base = t_ours / chars
    print(f"\nhostile inputs, cost per character against real speeches ({base * 1e9:.0f} ns),")
    print("and its growth from a quarter of the input to all of it (1.00: linear)")
    worst = steepest = 0.0
    quarter = hostile(50_000)
    for name, text in hostile().items():
        cost = per_char(speechparse.parse, text)
        growth = cost / per_char(speechparse.parse, quarter[name])
        worst, steepest = max(worst, cost / base), max(steepest, growth)
        print(
            f"{name:24s} {len(text):8d} chars {cost * 1e9:7.0f} ns/char  x{cost / base:5.2f}"
            f"  growth {growth:4.2f}"
        )
    if args.max_hostile is not None and worst > args.max_hostile:
        print(f"a hostile input costs x{worst:.2f}, over x{args.max_hostile}", file=sys.stderr)
        failed = True
    if args.max_growth is not None and steepest > args.max_growth:
        print(f"a hostile input grows x{steepest:.2f}, over x{args.max_growth}", file=sys.stderr)
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
