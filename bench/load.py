"""A load check of ``speechparse serve`` that a user could trust: many concurrent clients, a
mix of real-sized speeches, hostile 200,000-character bodies and oversized ones, every
answer checked, once with ``--workers 1`` and once with ``--workers 2``.

- Bodies: the samples (and the development corpus when it is beside the project), speeches
  written by speechparse.strategies, 5% hostile bodies (bench.py's salutation lines and
  point lines) and 2% over ``--max-bytes``.
- Every answer: 200 with the body ``speechparse parse`` prints for it, 413 for an oversized
  one; 504 is accepted only for a hostile body (its parse may pass the time limit under
  load); anything else (503 included: the queue holds every client) is a failure.
- Reported: throughput of each run and their ratio, p50/p99 latency of ordinary requests,
  the slowest /healthz answered while a hostile request was in flight, the server's memory
  (its process and its workers) after a warm-up (every distinct body once per worker) and
  at the end, and the CPU time of the server's loop, its workers and the clients.

    python bench/load.py [--requests 2000] [--clients 32] [--min-speedup R]
                         [--rounds N] [--max-healthz-ms MS] [--max-memory-growth G]
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import speechparse
from bench import hostile, texts  # bench/bench.py: run as a script, bench/ is on the path
from speechparse.jsonio import dumps

MAX_BYTES = 2_000_000


@dataclass
class Body:
    data: bytes
    kind: str  # ordinary, hostile, oversized
    expected: bytes = b""


@dataclass
class Run:
    workers: int
    wall: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    healthz: list[float] = field(default_factory=list)
    memory: list[int] = field(default_factory=list)
    cpu: tuple[float, float, float] = (0.0, 0.0, 0.0)  # server loop, its workers, clients


def bodies(requests: int, seed: int = 7) -> list[Body]:
    """The requests in the order they are sent (a fixed shuffle)."""
    from speechparse.strategies import speeches

    ordinary = [t.encode("utf-8") for t in texts()]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ordinary += [speeches().example().encode("utf-8") for _ in range(20)]
    shapes = hostile()
    bad = [shapes["salutations as lines"].encode(), shapes["one point per line"].encode()]
    huge = "同".encode() * (MAX_BYTES // 3 + 1000)
    rng = random.Random(seed)
    out: list[Body] = []
    for n in range(requests):
        roll = rng.random()
        if roll < 0.05:
            out.append(Body(bad[n % len(bad)], "hostile"))
        elif roll < 0.07:
            out.append(Body(huge, "oversized"))
        else:
            out.append(Body(rng.choice(ordinary), "ordinary"))
    cache: dict[bytes, bytes] = {}
    for body in out:
        if body.kind != "oversized":
            if body.data not in cache:
                cache[body.data] = dumps(speechparse.parse_bytes(body.data)) + b"\n"
            body.expected = cache[body.data]
    return out


def rss(pid: int) -> int:
    """Resident memory in KB of a process and its children (the workers, the forkserver)."""
    total = 0
    pending = [pid]
    while pending:
        p = pending.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(status.split("VmRSS:")[1].split()[0])
            for task in Path(f"/proc/{p}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, IndexError):
            continue
    return total


def cpu(pid: int) -> tuple[float, float]:
    """CPU seconds used so far by a process itself and by its children (workers)."""

    def own(p: int) -> float:
        fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    children = 0.0
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            children += sum(cpu(int(child)))
    return own(pid), children


def start(port: int, workers: int, timeout: float) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "speechparse", "serve", "--port", str(port)]
    command += ["--workers", str(workers), "--timeout", str(timeout), "--queue", "64"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return process
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError("speechparse serve did not start") from None
            time.sleep(0.2)


def warm_up(port: int, workers: int, load: list[Body]) -> None:
    """Every distinct body, as many times at once as there are workers, before the memory
    is first measured: each worker has then built what a parse of each shape needs."""
    distinct = list({b.data: b for b in load if b.kind != "oversized"}.values())

    def send(body: Body) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        headers = {"content-type": "application/octet-stream"}
        connection.request("POST", "/api/parse", body=body.data, headers=headers)
        connection.getresponse().read()
        connection.close()

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(send, [b for b in distinct for _ in range(workers)]))


def run(port: int, workers: int, load: list[Body], clients: int, timeout: float) -> Run:
    result = Run(workers)
    server = start(port, workers, timeout)
    lock = threading.Lock()
    hostile_now = 0
    stop = threading.Event()

    def client(k: int) -> None:
        nonlocal hostile_now
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        for n in range(k, len(load), clients):
            body = load[n]
            if body.kind == "hostile":
                with lock:
                    hostile_now += 1
            begin = time.perf_counter()
            try:
                connection.request(
                    "POST",
                    "/api/parse",
                    body=body.data,
                    headers={"content-type": "application/octet-stream"},
                )
                response = connection.getresponse()
                data, status = response.read(), response.status
                if response.getheader("connection", "").lower() == "close":
                    connection.close()
            except OSError as exc:
                data, status = str(exc).encode(), 0
                connection.close()
            elapsed = time.perf_counter() - begin
            with lock:
                if body.kind == "hostile":
                    hostile_now -= 1
                result.statuses[status] = result.statuses.get(status, 0) + 1
                if body.kind == "ordinary" and status == 200:
                    result.latencies.append(elapsed)
                due = {"ordinary": {200}, "hostile": {200, 504}, "oversized": {413}}[body.kind]
                if status not in due:
                    result.failures.append(f"request {n} ({body.kind}): {status} {data[:120]!r}")
                elif status == 200 and data != body.expected:
                    result.failures.append(f"request {n} ({body.kind}): a different body")
        connection.close()

    def probe() -> None:
        """/healthz every 50 ms; the answers timed while a hostile parse runs count."""
        while not stop.is_set():
            with lock:
                busy = hostile_now > 0
            begin = time.perf_counter()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10):
                    pass
                elapsed = time.perf_counter() - begin
            except OSError:
                elapsed = float("inf")
            if busy:
                result.healthz.append(elapsed)
            time.sleep(0.05)

    warm_up(port, workers, load)
    result.memory.append(rss(server.pid))
    prober = threading.Thread(target=probe)
    clients_cpu = time.process_time()
    try:
        prober.start()
        began = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            list(pool.map(client, range(clients)))
        result.wall = time.perf_counter() - began
        result.memory.append(rss(server.pid))
        loop, pool_cpu = cpu(server.pid)
        result.cpu = (loop, pool_cpu, time.process_time() - clients_cpu)
    finally:
        stop.set()
        prober.join()
        server.terminate()
        server.wait(timeout=10)
    return result


def report(r: Run, load: list[Body]) -> None:
    lat = sorted(r.latencies)
    q = statistics.quantiles(lat, n=100) if len(lat) > 1 else [0.0] * 99
    health = max(r.healthz, default=0.0)
    print(
        f"--workers {r.workers}: {len(load)} requests in {r.wall:.1f} s, "
        f"{len(load) / r.wall:.1f} requests/s; ordinary p50 {q[49] * 1e3:.1f} ms, "
        f"p99 {q[98] * 1e3:.1f} ms; statuses {dict(sorted(r.statuses.items()))}"
    )
    growth = r.memory[-1] / r.memory[0] if len(r.memory) == 2 else 1.0
    print(
        f"  /healthz during hostile parses: {len(r.healthz)} probes, slowest "
        f"{health * 1e3:.1f} ms; memory {r.memory[0] // 1024} -> {r.memory[-1] // 1024} MB "
        f"(x{growth:.2f}); CPU s: server loop {r.cpu[0]:.1f}, workers {r.cpu[1]:.1f}, "
        f"this client {r.cpu[2]:.1f}"
    )
    for failure in r.failures[:10]:
        print(f"  WRONG {failure}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--timeout", type=float, default=10.0, help="the server's --timeout")
    ap.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="runs of each, interleaved (the machine's noise falls on both); the fastest counts",
    )
    ap.add_argument("--min-speedup", type=float, default=None)
    ap.add_argument("--max-healthz-ms", type=float, default=None)
    ap.add_argument("--max-memory-growth", type=float, default=None)
    args = ap.parse_args(argv)

    load = bodies(args.requests)
    kinds = {k: sum(b.kind == k for b in load) for k in ("ordinary", "hostile", "oversized")}
    print(f"{args.requests} requests from {args.clients} clients: {kinds}")
    every = []
    for _ in range(args.rounds):
        for workers in (1, 2):
            every.append(run(args.port, workers, load, args.clients, args.timeout))
            report(every[-1], load)
    runs = [min((r for r in every if r.workers == w), key=lambda r: r.wall) for w in (1, 2)]
    speedup = runs[0].wall / runs[1].wall
    print(f"throughput --workers 2 / --workers 1 (fastest of {args.rounds}): x{speedup:.2f}")

    failed = any(r.failures for r in every)
    if args.min_speedup is not None and speedup < args.min_speedup:
        print(f"speedup x{speedup:.2f} under x{args.min_speedup}", file=sys.stderr)
        failed = True
    for r in every:
        slowest = max(r.healthz, default=0.0) * 1e3
        if args.max_healthz_ms is not None and slowest > args.max_healthz_ms:
            print(f"--workers {r.workers}: /healthz took {slowest:.0f} ms", file=sys.stderr)
            failed = True
        growth = r.memory[-1] / r.memory[0] if len(r.memory) == 2 else 1.0
        if args.max_memory_growth is not None and growth > args.max_memory_growth:
            print(f"--workers {r.workers}: memory grew x{growth:.2f}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
