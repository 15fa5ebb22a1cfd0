"""`speechparse batch` on a corpus of 20,000 speeches: throughput on one core and on all of
them, peak memory for the corpus and for four times the corpus, and the same corpus on a
Dask LocalCluster with as many worker processes.

The corpus is built, reproducibly, from speeches written by ``speechparse.strategies`` and
the samples, each with noise of a downloaded page added around or inside it (a site
notice, a banner, a paywall marker, keywords), one file per speech in 20 directories.

    python bench/batch.py [--speeches N] [--keep DIR]

Targets (printed beside the figures): all cores at least 0.8 x cores times one core; peak
memory for 4 x the corpus the same as for the corpus within 10%; Dask within 1.5 x of
`speechparse batch` on the same cores.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings

from speechparse import strategies as sps
from speechparse.corpus.pool import cores

ROOT = Path(__file__).resolve().parent.parent
NOISE = [
    "温馨提示：本站所有文档均为用户上传，仅供学习参考，请勿转载。",
    "更多精彩范文请访问 www.example-docs.com",
    "关键词：工会 讲话 职代会",
    "##paidbegin##",
    "点击下载完整版文档（共3页）",
    "上一篇：在安全生产会议上的讲话  下一篇：在团委工作会上的讲话",
]
#: The batch measured: its peak memory (the largest process: the parent or a worker).
_MEASURED = (
    "import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(done.returncode)"
)


def written(n: int = 300) -> list[str]:
    """Speeches written by speechparse.strategies (the same ones every run)."""
    out: list[str] = []

    @settings(
        max_examples=n,
        database=None,
        derandomize=True,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(sps.speeches())
    def collect(text: str) -> None:
        out.append(text)

    collect()
    return out


def build(directory: Path, speeches: int, copies: int = 1) -> Path:
    """The corpus: ``speeches`` files (times ``copies``), with noise."""
    rng = random.Random(20261122)
    pool = written() + [p.read_text(encoding="utf-8", errors="replace")
                        for p in sorted((ROOT / "samples").glob("*.txt"))]  # fmt: skip
    texts = []
    for _ in range(speeches):
        lines = rng.choice(pool).splitlines()
        for _ in range(rng.randrange(0, 3)):
            lines.insert(rng.randrange(0, len(lines) + 1), rng.choice(NOISE))
        texts.append("\n".join(lines) + "\n")
    for copy in range(copies):
        for k, text in enumerate(texts):
            folder = directory / f"c{copy}" / f"d{k % 20:02d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"s{k:06d}.txt").write_text(text, encoding="utf-8")
    return directory


def batch(corpus: Path, out: Path, jobs: int) -> tuple[float, int]:
    """Seconds and peak memory (KiB) of `speechparse batch` over the corpus."""
    command = [sys.executable, "-m", "speechparse", "batch", str(corpus), "-o", str(out),
               "-j", str(jobs), "--quiet"]  # fmt: skip
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURED, *command],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return time.perf_counter() - start, int(done.stdout.split()[-1])


def dask_seconds(corpus: Path, out: Path, jobs: int) -> float:
    """Seconds to parse the corpus with speechparse.dask on a LocalCluster into JSONL files
    (as `speechparse batch` does into one), not counting the cluster's start."""
    from dask.distributed import Client, LocalCluster

    from speechparse.dask import parse_paths

    paths = sorted(str(p) for p in corpus.rglob("*.txt"))
    with (
        LocalCluster(n_workers=jobs, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster),
    ):
        parse_paths(paths[:200], root=str(corpus)).compute()  # the workers' first imports
        start = time.perf_counter()
        lines = parse_paths(paths, root=str(corpus), partitions=jobs * 4, lines=True)
        written = lines.to_textfiles(str(out / "part-*.jsonl"))
        elapsed = time.perf_counter() - start
    assert sum(len(Path(p).read_text(encoding="utf-8").splitlines()) for p in written) == len(paths)
    return elapsed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--speeches", type=int, default=20_000)
    ap.add_argument("--keep", type=Path, help="build the corpora here and keep them")
    args = ap.parse_args(argv)
    n = cores()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        start = time.perf_counter()
        corpus = build(work / "corpus", args.speeches)
        large = build(work / "corpus4", args.speeches, copies=4)
        print(f"corpus: {args.speeches} speeches (and 4 x for memory), built in "
              f"{time.perf_counter() - start:.0f} s; {n} cores")  # fmt: skip
        one, mem_one = batch(corpus, work / "one.jsonl", 1)
        every, mem = batch(corpus, work / "all.jsonl", n)
        four, mem_four = batch(large, work / "four.jsonl", n)
        scaling = one / every
        print(f"batch -j1: {args.speeches / one:7.0f} speeches/s  (peak {mem_one / 1024:.0f} MiB)")
        print(f"batch -j{n}: {args.speeches / every:7.0f} speeches/s  scaling x{scaling:.2f} "
              f"(target >= {0.8 * n:.1f})")  # fmt: skip
        print(f"peak memory, corpus: {mem / 1024:.0f} MiB; 4 x corpus: {mem_four / 1024:.0f} MiB "
              f"(x{mem_four / mem:.2f}, target <= 1.10; {4 * args.speeches / four:.0f} "
              f"speeches/s)")  # fmt: skip
        on_dask = dask_seconds(corpus, work / "dask", n)
        print(f"dask LocalCluster, {n} workers: {args.speeches / on_dask:7.0f} speeches/s "
              f"(x{on_dask / every:.2f} the time of batch -j{n}, target <= 1.5)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
