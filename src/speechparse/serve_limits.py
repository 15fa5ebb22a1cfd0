"""The request-body limits of ``speechparse serve`` (:class:`BodyLimit`), kept apart from
the routes because they work below the application, on raw ASGI messages: a body is bounded
in size and in time before FastAPI reads any of it.
"""

from __future__ import annotations

import asyncio
import time

from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .serve_jobs import ErrorBody

#: The largest request body accepted by default (a long speech is about 50 KB).
MAX_BYTES = 2_000_000
#: Seconds a client has to send its request body by default.
READ_TIMEOUT = 30.0
#: A body over the limit sent without waiting for 100 Continue is read and thrown away up
#: to this many times the limit, so that the client reads the 413 (past it: 413 and close).
DISCARD = 8


def error_response(
    status: int, body: ErrorBody, headers: dict[str, str] | None = None
) -> JSONResponse:
    """An ErrorBody as JSON: the one shape every refusal has, here and in the application."""
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status, headers=headers)


class BodyLimit:
    """ASGI middleware: reads every request body before the application sees it, bounded in
    size and in time.

    - A declared Content-Length over ``max_bytes``: 413 before anything is read when the
      client waits for ``100 Continue`` (nothing is sent to it then) or the body is over
      ``DISCARD`` times the limit (the connection is closed after the answer); otherwise the
      body is read and thrown away and then 413, so that a client sending it all at once
      reads the answer instead of a reset connection. A chunked body is counted as it comes
      and treated the same way once it passes the limit.
    - A body not sent in full within ``read_timeout`` seconds (a slow client, or one whose
      body stops short of its Content-Length): 408, and the connection is closed.
    - A client that closes the connection, or only its sending side, before its body is
      complete: 400, which a half-closed client reads (speechparse.serve_protocol).
    """

    def __init__(self, app: ASGIApp, max_bytes: int, read_timeout: float = READ_TIMEOUT) -> None:
        self.app, self.max_bytes, self.read_timeout = app, max_bytes, read_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length")
        length = int(declared) if declared is not None and declared.isdigit() else None
        if length is None and b"chunked" not in headers.get(b"transfer-encoding", b"").lower():
            await self.app(scope, receive, send)  # no body
            return
        if length is not None and length > self.max_bytes:
            waits = headers.get(b"expect", b"").lower() == b"100-continue"
            if waits or length > self.max_bytes * DISCARD:
                await self._refuse(scope, receive, send, 413, close=True)
                return
        deadline = time.monotonic() + self.read_timeout
        body: list[bytes] = []
        seen = 0
        while True:
            try:
                message = await asyncio.wait_for(receive(), deadline - time.monotonic())
            except TimeoutError:
                await self._refuse(scope, receive, send, 408, close=True)
                return
            if message["type"] == "http.disconnect":
                await self._refuse(scope, receive, send, 400, close=True)
                return
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen <= self.max_bytes:
                body.append(chunk)
            elif seen > self.max_bytes * DISCARD:
                await self._refuse(scope, receive, send, 413, close=True)
                return
            else:
                body.clear()  # over the limit: read on, keep nothing
            if not message.get("more_body", False):
                break
        if seen > self.max_bytes:
            await self._refuse(scope, receive, send, 413)
            return
        if length is not None and seen < length:  # the client's side ended (a half-close)
            await self._refuse(scope, receive, send, 400, close=True)
            return
        whole = b"".join(body)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": whole, "more_body": False}
            return await receive()  # (waits for the client to disconnect)

        await self.app(scope, replay, send)

    async def _refuse(
        self, scope: Scope, receive: Receive, send: Send, status: int, *, close: bool = False
    ) -> None:
        if status == 413:
            body = ErrorBody(
                error="too-large",
                message=f"the request body is over the limit of {self.max_bytes} bytes",
            )
        elif status == 408:
            body = ErrorBody(
                error="read-timeout",
                message=f"the request body was not sent within {self.read_timeout:g} s",
            )
        else:
            body = ErrorBody(
                error="incomplete-body",
                message="the connection closed before the request body was complete",
            )
        headers = {"connection": "close"} if close else None
        await error_response(status, body, headers)(scope, receive, send)


__all__ = ["DISCARD", "MAX_BYTES", "READ_TIMEOUT", "BodyLimit", "error_response"]
