"""Parse sources on several processes; hand back the records in input order.

Parsing is CPU-bound Python, so the work goes to worker processes (one per core by default),
a few records at a time. The pool is written for what a corpus throws at it:

- Order: records come back in input order (a reorder buffer holds those that finish early).
- Memory: at most ``jobs * CHUNK * 4`` records are read ahead, dispatched or buffered, so a
  corpus of any size takes the same memory; the inputs are read lazily.
- Time limits: each worker reports every record as it finishes it; one that has run past
  ``timeout`` seconds is killed, its record becomes an error record, the rest of its chunk
  goes to the others, and a fresh worker takes its place. A worker that dies is handled
  the same way (the processes are speechparse.workers, shared with the server).
- Interruption: workers ignore SIGINT; on Ctrl-C the caller takes what has finished with
  :meth:`Pool.drain` and closes the pool, which stops the workers. A result is never half
  taken: SIGINT is held while one is received and booked, and a result lost all the same
  leaves its record unfinished (left out of the drain), never the queue out of step.
"""

from __future__ import annotations

import signal
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from ..workers import Worker, context, cores
from .records import Outcome, failure, outcome
from .sources import Source

#: Records sent to a worker at a time.
CHUNK = 8


@dataclass(frozen=True, slots=True)
class Done:
    """A finished record and its place in the input."""

    seq: int
    outcome: Outcome


@dataclass
class _Worker:
    worker: Worker
    pending: deque[tuple[int, Source]] = field(default_factory=deque)
    started: float = 0.0  # when the record it is on began

    @property
    def conn(self) -> Connection:
        return self.worker.conn


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold SIGINT back while a result is taken off a pipe and booked, so a Ctrl-C cannot
    lose it (or leave a message read in part); it is delivered when the block ends."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: Pool._settle copes instead
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _parse_chunk(chunk: list[tuple[int, Source]]) -> Iterator[tuple[int, Outcome]]:
    """A worker's work: parse a chunk, answering record by record."""
    for seq, source in chunk:
        yield seq, outcome(source)


class Pool:
    """Worker processes parsing ``sources``; :meth:`results` yields them in order."""

    def __init__(self, sources: Iterator[Source], jobs: int, timeout: float) -> None:
        self._sources = sources
        self._jobs = max(1, jobs)
        self._timeout = timeout
        self._limit = self._jobs * CHUNK * 4
        self._requeued: deque[tuple[int, Source]] = deque()
        self._buffer: dict[int, Done] = {}
        self._next_seq = 0  # the next record to hand back
        self._read = 0  # records taken from the sources
        self._exhausted = False
        self._ctx = context()  # fork where there is one: a worker starts with the grammar built
        self._workers = [self._start() for _ in range(self._jobs)]

    def _start(self) -> _Worker:
        return _Worker(Worker(self._ctx, _parse_chunk))

    def _restart(self, worker: _Worker) -> None:
        worker.worker.restart()
        self._requeued.extend(worker.pending)
        worker.pending.clear()

    def _take(self, n: int) -> list[tuple[int, Source]]:
        """Up to ``n`` sources: first those a killed worker left, then new ones while the
        read-ahead limit allows."""
        out: list[tuple[int, Source]] = []
        while len(out) < n and self._requeued:
            out.append(self._requeued.popleft())
        while len(out) < n and not self._exhausted and self._read - self._next_seq < self._limit:
            try:
                source = next(self._sources)
            except StopIteration:
                self._exhausted = True
                break
            out.append((self._read, source))
            self._read += 1
        return out

    def _dispatch(self) -> None:
        for worker in self._workers:
            if not worker.pending:
                chunk = self._take(CHUNK)
                if not chunk:
                    return
                worker.pending.extend(chunk)
                worker.started = time.monotonic()
                worker.worker.send(chunk)

    def _finish(self, seq: int, result: Outcome) -> None:
        self._buffer[seq] = Done(seq, result)

    def results(self) -> Iterator[Done]:
        """Every record, in input order, as the workers finish them."""
        while True:
            self._dispatch()
            yield from self._ready()
            busy = [w for w in self._workers if w.pending]
            if not busy:
                if self._exhausted and not self._requeued:
                    break
                continue
            now = time.monotonic()
            deadline = min(w.started for w in busy) + self._timeout
            for conn in wait([w.conn for w in busy], timeout=max(0.0, deadline - now)):
                worker = next(w for w in busy if w.conn is conn)
                self._receive(worker)
            now = time.monotonic()
            for worker in busy:
                if worker.pending and now - worker.started > self._timeout:
                    seq, source = worker.pending.popleft()
                    message = f"parsing took longer than {self._timeout:g} s"
                    self._finish(seq, failure(source, "Timeout", message))
                    self._restart(worker)
            yield from self._ready()

    def _receive(self, worker: _Worker, *, replace: bool = True) -> None:
        """The results a worker has sent. A worker that died leaves its record an error
        record and is replaced (``replace``), or, when the pool is being drained, is left."""
        try:
            while worker.pending and worker.conn.poll():
                with _interrupts_held():
                    seq, result = worker.conn.recv()
                    self._settle(worker, seq, result)
        except (EOFError, OSError):
            if not replace:
                return
            seq, source = worker.pending.popleft()
            code = worker.worker.exitcode()  # (known once it is reaped)
            message = f"the process parsing it died (exit code {code})"
            self._finish(seq, failure(source, "WorkerCrash", message))
            self._restart(worker)

    def _settle(self, worker: _Worker, seq: int, result: Outcome) -> None:
        """Record a result the worker sent for ``seq``. Entries before it in the worker's
        queue had results that never got here (a Ctrl-C between a receive and its
        bookkeeping, where signals cannot be held): they are not finished and go back to
        be parsed again, so a drain leaves them out and an uninterrupted run redoes them."""
        if all(s != seq for s, _ in worker.pending):
            return  # not this worker's to settle (never happens while the queue is in step)
        lost: list[tuple[int, Source]] = []
        while worker.pending[0][0] != seq:
            lost.append(worker.pending.popleft())
        worker.pending.popleft()
        self._requeued.extendleft(reversed(lost))
        self._finish(seq, result)
        worker.started = time.monotonic()

    def _ready(self) -> Iterator[Done]:
        while self._next_seq in self._buffer:
            done = self._buffer.pop(self._next_seq)
            self._next_seq += 1
            yield done

    def drain(self) -> list[Done]:
        """Records finished but not yet handed back (those after a gap), in input order:
        after an interruption, every finished record can still be written."""
        for worker in self._workers:  # results already sent
            self._receive(worker, replace=False)
        out = [self._buffer[k] for k in sorted(self._buffer)]
        self._buffer.clear()
        return out

    def close(self) -> None:
        """Stop the workers (at once: what they are on is abandoned)."""
        for worker in self._workers:
            worker.worker.close()

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["CHUNK", "Done", "Pool", "cores"]
