"""The worker processes behind ``speechparse serve`` and the bound on the requests waiting
for them, apart from the routes so that the event loop's side of a parse (queue, 503, 504,
500) reads in one place.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from starlette.concurrency import run_in_threadpool

from .serve_jobs import ApiError
from .serve_jobs import reply as reply_to
from .workers import Died, Handler, Timeout, Worker, context

#: Requests that may wait for a worker by default (beyond those being parsed).
QUEUE = 64
#: Seconds a parse may take by default.
TIMEOUT = 10.0
#: How much lower the workers' scheduling priority is than the server's: on a busy machine
#: the event loop still answers (/healthz, 503, 413) while every worker parses.
NICE = 5

log = logging.getLogger("speechparse.serve")


class Service:
    """The worker processes that parse, and the bound on the requests waiting for them."""

    def __init__(self, workers: int, queue: int, timeout: float, handler: Handler) -> None:
        self.size, self.queue, self.timeout, self.handler = workers, queue, timeout, handler
        self._workers: list[Worker] = []
        self._idle: asyncio.Queue[Worker] | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._inflight = 0  # requests parsing or waiting for a worker

    def start(self) -> None:
        if self.size == 0 or self._workers:
            return
        # forkserver: workers are forked from a process of one thread (this one has the
        # threads that talk to the workers), with the parser imported once
        ctx = context("forkserver", preload=["speechparse.serve"])
        self._workers = [Worker(ctx, self.handler, nice=NICE) for _ in range(self.size)]
        self._executor = ThreadPoolExecutor(self.size, thread_name_prefix="speechparse-worker")
        self._idle = asyncio.Queue()
        for worker in self._workers:
            self._idle.put_nowait(worker)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
        for worker in self._workers:
            worker.close()
        self._workers = []

    async def run(self, job: tuple[Any, ...]) -> tuple[Any, ...]:
        """The worker's reply to ``job``; ApiError 503, 504 or 500 when there is none."""
        if self.size == 0:
            return await run_in_threadpool(reply_to, job)
        self.start()  # (when the application's lifespan was not run)
        assert self._idle is not None
        if self._inflight >= self.size + self.queue:
            raise ApiError(
                503,
                "busy",
                f"all {self.size} workers are busy and {self.queue} requests are waiting; "
                "try again shortly",
                headers={"Retry-After": "1"},
            )
        self._inflight += 1
        try:
            worker = await self._idle.get()
        except BaseException:
            self._inflight -= 1
            raise
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self._executor, worker.call, job, self.timeout)

        def release(done: asyncio.Future[Any]) -> None:  # when the worker is free again
            self._inflight -= 1
            assert self._idle is not None
            self._idle.put_nowait(worker)
            if not done.cancelled():
                done.exception()  # (retrieved: the request may have gone)

        future.add_done_callback(release)
        try:
            reply: tuple[Any, ...] = await asyncio.shield(future)
        except Timeout:
            raise ApiError(
                504,
                "timeout",
                f"parsing took longer than {self.timeout:g} s; the worker was stopped",
            ) from None
        except Died as exc:
            log.error("a worker died (exit code %s) parsing a request", exc.exitcode)
            raise ApiError(
                500,
                "worker-died",
                f"the worker process parsing the request died (exit code {exc.exitcode}); "
                "it has been replaced",
            ) from None
        return reply


__all__ = ["NICE", "QUEUE", "TIMEOUT", "Service"]
