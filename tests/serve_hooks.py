"""A worker handler for the serve tests, so that a test can make one parse slow or kill its
worker: a text/plain body ``SLEEP:<seconds>`` sleeps that long first, ``CRASH:<code>`` exits
the worker with that code; everything else is speechparse.serve.handle's. Run as a script,
it is ``speechparse serve`` (same options) with this handler."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from typing import Any

from speechparse import serve


def handle(job: tuple[Any, ...]) -> Iterator[tuple[Any, ...]]:
    if job[0] == "text":
        body: bytes = job[1]
        if body.startswith(b"SLEEP:"):
            time.sleep(float(body[6:]))
        elif body.startswith(b"CRASH:"):
            os._exit(int(body[6:]))
    yield from serve.handle(job)


def main(argv: list[str]) -> None:
    from speechparse.cli import _build
    from speechparse.cli import serve as serve_command

    serve_command(_build().parse_args(["serve", *argv]), handle)


if __name__ == "__main__":
    import serve_hooks  # the handler by its module's name, as the workers import it

    serve_hooks.main(sys.argv[1:])
