"""`speechparse serve` running in its own process, for the tests that talk to it over TCP."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: ``speechparse serve`` with the tests' worker handler (serve_hooks.py)
HOOKS = Path(__file__).with_name("serve_hooks.py")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(*args: str, hooks: bool = False) -> Iterator[str]:
    """The base URL of a server on a free port of 127.0.0.1, stopped afterwards; with
    ``hooks``, its workers run serve_hooks.handle."""
    port = free_port()
    command = [str(HOOKS)] if hooks else ["-m", "speechparse", "serve"]
    process = subprocess.Popen(
        [sys.executable, *command, "--port", str(port), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("speechparse serve did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
