"""``speechparse serve``: the parser over HTTP, for people (a paste-a-draft page) and for
programs in any language (a JSON API), on FastAPI (Starlette, served by uvicorn).

- ``GET /``: a page where a writer pastes a draft or uploads a .txt file; ``POST /`` shows
  it with its parts marked (speechparse.view) and the diagnostics in plain words.
- ``POST /api/parse``: text/plain (UTF-8), application/json ``{"text": ...}`` or
  application/octet-stream (bytes in any encoding parse_bytes reads) -> the Speech JSON,
  byte for byte as ``speechparse parse`` prints it. ``?strict=true``: 422 with offset, line
  and column when no speech is found.
- ``GET /api/schema``: the published JSON Schema; ``GET /healthz``; ``GET /openapi.json``.

Parsing runs in worker processes (speechparse.workers, ``workers``; 0 parses in the server
process, for tests and embedding): the event loop only reads requests, queues them and
answers. At most ``workers + queue`` parses are running or waiting; past that a request gets
503 with Retry-After at once. A parse past ``timeout`` seconds gets 504 and its worker is
replaced; a worker that dies gets its request 500 and is replaced.

Every error is JSON ``{"error": code, "message": text}`` (with ``offset``, ``line`` and
``column`` where the input has a place for it), never a stack trace. Bodies over
``max_bytes`` get 413 (:class:`BodyLimit`); a body not sent within ``read_timeout`` seconds
408. No CORS headers are sent: another site's page cannot call the service from a browser.
It binds to 127.0.0.1 unless told otherwise.

Needs the ``serve`` extra: ``pip install 'speechparse[serve]'``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any

import orjson
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import __version__
from .jsonio import json_schema
from .models import Speech
from .serve_jobs import ApiError, ErrorBody, ParseRequest, handle, job_of, page_html
from .serve_jobs import reply as reply_to
from .workers import Died, Handler, Timeout, Worker, context, cores

#: The largest request body accepted by default (a long speech is about 50 KB).
MAX_BYTES = 2_000_000
#: Requests that may wait for a worker by default (beyond those being parsed).
QUEUE = 64
#: Seconds a parse may take by default.
TIMEOUT = 10.0
#: How much lower the workers' scheduling priority is than the server's: on a busy machine
#: the event loop still answers (/healthz, 503, 413) while every worker parses.
NICE = 5
#: Seconds a client has to send its request body by default.
READ_TIMEOUT = 30.0
#: A body over the limit sent without waiting for 100 Continue is read and thrown away up
#: to this many times the limit, so that the client reads the 413 (past it: 413 and close).
DISCARD = 8

log = logging.getLogger("speechparse.serve")


def _error_response(
    status: int, body: ErrorBody, headers: dict[str, str] | None = None
) -> JSONResponse:
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
        await _error_response(status, body, headers)(scope, receive, send)


class _Service:
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


_PARSE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "The speech: UTF-8 text, a JSON object, or bytes in any encoding "
        "speechparse reads (UTF-8, GB18030/GBK, UTF-16).",
        "content": {
            "text/plain": {"schema": {"type": "string"}},
            "application/json": {"schema": ParseRequest.model_json_schema()},
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
        },
    }
}
_ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorBody, "description": "The body is over the size limit."},
    415: {"model": ErrorBody, "description": "The content type is not one of the three."},
    422: {
        "model": ErrorBody,
        "description": "Undecodable bytes (byte offset), invalid JSON, or (strict) no speech "
        "found (offset, line, column).",
    },
}


def create_app(
    *,
    max_bytes: int = MAX_BYTES,
    workers: int = 0,
    queue: int = QUEUE,
    timeout: float = TIMEOUT,
    read_timeout: float = READ_TIMEOUT,
    handler: Handler | None = None,
) -> FastAPI:
    """The web application; ``max_bytes`` bounds every request body and ``read_timeout``
    the time to send it. ``workers`` processes parse (0: the server process itself, without
    a time limit), with at most ``queue`` requests waiting for them and ``timeout`` seconds
    for each parse. ``handler`` is what a worker runs on a job (a module-level function,
    default :func:`handle`): tests put a slow or crashing one around it."""
    service = _Service(workers, queue, timeout, handler or handle)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        service.start()
        try:
            yield
        finally:
            service.close()

    app = FastAPI(
        title="speechparse",
        version=__version__,
        description="Chinese official speeches (领导讲话稿) to validated, typed structure.",
        docs_url=None,  # the interactive docs load scripts from a CDN: not offline
        redoc_url=None,
        lifespan=lifespan,
    )
    app.add_middleware(BodyLimit, max_bytes=max_bytes, read_timeout=read_timeout)
    _handlers(app)

    @app.get("/healthz", summary="Liveness")
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.get("/api/schema", summary="The JSON Schema of a Speech")
    def schema() -> Response:
        return Response(orjson.dumps(json_schema()), media_type="application/json")

    @app.post(
        "/api/parse",
        summary="Parse a speech",
        response_model=Speech,
        responses=_ERRORS,
        openapi_extra=_PARSE_BODY,
    )
    async def api_parse(
        request: Request,
        strict: bool = Query(False, description="422 when no part of a speech is found"),
    ) -> Response:
        body = await request.body()
        job = job_of(request.headers.get("content-type", ""), body, strict)
        return _answer(await service.run(job))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> HTMLResponse:
        return _page()

    @app.post("/", response_class=HTMLResponse, include_in_schema=False)
    async def page_submit(request: Request) -> Response:
        form = await request.form()
        upload, pasted = form.get("file"), form.get("text")
        data = await upload.read() if isinstance(upload, UploadFile) else b""
        return _answer(await service.run(("page", data, pasted if isinstance(pasted, str) else "")))

    return app


def _answer(reply: tuple[Any, ...]) -> Response:
    """The response to a worker's reply."""
    if reply[0] == "json":
        return Response(reply[1], media_type="application/json")
    if reply[0] == "html":
        return HTMLResponse(reply[2], status_code=reply[1])
    return _error_response(reply[1], ErrorBody.model_validate(reply[2]))


def _handlers(app: FastAPI) -> None:
    """Every error as an ErrorBody."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error_response(exc.status, exc.body, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {404: "not-found", 405: "method-not-allowed"}
        code = codes.get(exc.status_code, "http-error")
        body = ErrorBody(error=code, message=str(exc.detail))
        return _error_response(exc.status_code, body)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first["loc"])
        body = ErrorBody(error="invalid-request", message=f"{where}: {first['msg']}")
        return _error_response(422, body)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path)
        body = ErrorBody(error="internal", message="internal error; see the server's log")
        return _error_response(500, body)


def _page() -> HTMLResponse:
    return HTMLResponse(page_html())


def run(
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    max_bytes: int = MAX_BYTES,
    workers: int | None = None,
    queue: int = QUEUE,
    timeout: float = TIMEOUT,
    read_timeout: float = READ_TIMEOUT,
    handler: Handler | None = None,
) -> None:
    """Serve until interrupted, with ``workers`` parsing processes (default: the cores)."""
    import uvicorn

    app = create_app(
        max_bytes=max_bytes,
        workers=cores() if workers is None else workers,
        queue=queue,
        timeout=timeout,
        read_timeout=read_timeout,
        handler=handler,
    )
    from .serve_protocol import HalfCloseProtocol

    uvicorn.run(app, host=host, port=port, log_level="info", http=HalfCloseProtocol)


__all__ = [
    "MAX_BYTES",
    "QUEUE",
    "READ_TIMEOUT",
    "TIMEOUT",
    "ErrorBody",
    "ParseRequest",
    "create_app",
    "handle",
    "run",
]
