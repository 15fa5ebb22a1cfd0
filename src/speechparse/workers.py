"""Worker processes for CPU-bound work, shared by ``speechparse batch`` (corpus.pool) and
``speechparse serve``: a layer around the parser, which never imports it.

A :class:`Worker` is one process running a *handler*: a module-level function that takes a
message and yields its replies (a batch worker answers record by record, a server's worker
once per request). The parent talks to it over a pipe and may kill it at any time: a worker
past its time limit, or one that died, is replaced by a fresh one (concurrent.futures
cannot stop a single task, hence processes of our own).

- :meth:`Worker.call`: send one message and wait for its one reply, at most ``timeout``
  seconds; raises :class:`Timeout` (the worker has been replaced) or :class:`Died` (likewise,
  with the exit code). It blocks, so a server calls it from a thread of its own.
- Workers ignore SIGINT: the parent decides when they stop (:meth:`Worker.close`).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable, Sequence
from multiprocessing.connection import Connection
from typing import Any

#: A worker's work: a message in, its replies out.
Handler = Callable[[Any], Iterable[Any]]


class Timeout(Exception):
    """The worker took longer than its time limit; it has been replaced."""


class Died(Exception):
    """The worker died before it answered; it has been replaced."""

    def __init__(self, exitcode: int | None) -> None:
        super().__init__(f"the worker process died (exit code {exitcode})")
        self.exitcode = exitcode


def _serve(conn: Connection, handler: Handler, nice: int = 0) -> None:
    """A worker: handle each message it is sent, sending every reply as it comes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    if nice and hasattr(os, "nice"):
        os.nice(nice)
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        for reply in handler(message):
            conn.send(reply)


def context(method: str | None = None, preload: Sequence[str] = ()) -> Any:
    """A multiprocessing context: ``method`` if this platform has it, else fork where there
    is one (a worker starts at once, with what the parent imported), else spawn. For
    forkserver, ``preload`` names the modules its server imports once for every worker."""
    methods = multiprocessing.get_all_start_methods()
    chosen = method if method in methods else "fork" if "fork" in methods else "spawn"
    ctx = multiprocessing.get_context(chosen)
    if chosen == "forkserver" and preload:
        ctx.set_forkserver_preload(list(preload))
    return ctx


class Worker:
    """One worker process running ``handler``; replaced by :meth:`restart`. ``nice`` lowers
    its scheduling priority (a server's event loop must win the cores from its workers)."""

    def __init__(self, ctx: Any, handler: Handler, nice: int = 0) -> None:
        self._ctx, self._handler, self._nice = ctx, handler, nice
        self.process: Any = None
        self.conn: Connection
        self._start()

    def _start(self) -> None:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=_serve, args=(child, self._handler, self._nice), daemon=True
        )
        process.start()
        child.close()
        self.process, self.conn = process, parent

    def send(self, message: Any) -> None:
        self.conn.send(message)

    def exitcode(self, wait: float = 5.0) -> int | None:
        """The exit code of a worker that died (known once it is reaped)."""
        self.process.join(timeout=wait)
        code: int | None = self.process.exitcode
        return code

    def restart(self) -> None:
        """Kill the process (whatever it is doing) and start a fresh one."""
        self._stop()
        self._start()

    def call(self, message: Any, timeout: float) -> Any:
        """Send ``message`` and return its one reply, within ``timeout`` seconds."""
        try:
            self.conn.send(message)
            if not self.conn.poll(timeout):
                self.restart()
                raise Timeout(f"longer than {timeout:g} s")
            return self.conn.recv()
        except (EOFError, OSError):
            code = self.exitcode()
            self.restart()
            raise Died(code) from None

    def _stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()

    def close(self) -> None:
        """Stop the worker at once (what it is on is abandoned)."""
        self._stop()


def cores() -> int:
    """The cores this process may use."""
    if sys.platform == "linux":
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


__all__ = ["Died", "Handler", "Timeout", "Worker", "context", "cores"]
