"""A bounded load check of `speechparse serve` on 127.0.0.1: 500 parse requests from 16
concurrent clients all answer 200 with the right JSON. Prints the throughput and the 99th
percentile latency (README, "Serving the parser"); asserts correctness, not speed."""

from __future__ import annotations

import http.client
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest

import speechparse
from helpers import SAMPLES
from servers import running_server
from speechparse.jsonio import dumps

REQUESTS = 500
CLIENTS = 16


def test_500_requests_from_16_clients(capsys: pytest.CaptureFixture[str]):
    bodies = [path.read_bytes() for path in SAMPLES]
    expected = [dumps(speechparse.parse_bytes(body)) + b"\n" for body in bodies]

    with running_server() as url:
        host, port = urlsplit(url).hostname, urlsplit(url).port

        def client(k: int) -> list[tuple[float, int, bool]]:
            """One client on one kept-alive connection: its share of the requests."""
            connection = http.client.HTTPConnection(host, port, timeout=60)
            out = []
            for n in range(k, REQUESTS, CLIENTS):
                body = bodies[n % len(bodies)]
                start = time.perf_counter()
                connection.request(
                    "POST",
                    "/api/parse",
                    body=body,
                    headers={"content-type": "application/octet-stream"},
                )
                response = connection.getresponse()
                data = response.read()
                elapsed = time.perf_counter() - start
                out.append((elapsed, response.status, data == expected[n % len(bodies)]))
            connection.close()
            return out

        started = time.perf_counter()
        with ThreadPoolExecutor(CLIENTS) as pool:
            results = [r for rs in pool.map(client, range(CLIENTS)) for r in rs]
        wall = time.perf_counter() - started

    assert len(results) == REQUESTS
    assert {status for _, status, _ in results} == {200}
    assert all(correct for *_, correct in results)
    latencies = sorted(elapsed for elapsed, *_ in results)
    p99 = statistics.quantiles(latencies, n=100)[98]
    with capsys.disabled():
        print(
            f"\nload: {REQUESTS} requests, {CLIENTS} clients: {REQUESTS / wall:.0f} requests/s, "
            f"p50 {statistics.median(latencies) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms"
        )
