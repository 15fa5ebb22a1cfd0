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

Here: the application, its routes and its error handlers. The body limits are
speechparse.serve_limits, the worker pool speechparse.serve_pool, and what a worker does
with a request speechparse.serve_jobs.

Needs the ``serve`` extra: ``pip install 'speechparse[serve]'``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import orjson
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import __version__
from .jsonio import json_schema
from .models import Speech
from .serve_jobs import ApiError, ErrorBody, ParseRequest, handle, job_of, page_html
from .serve_limits import MAX_BYTES, READ_TIMEOUT, BodyLimit, error_response
from .serve_pool import QUEUE, TIMEOUT, Service
from .workers import Handler, cores

log = logging.getLogger("speechparse.serve")


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
    service = Service(workers, queue, timeout, handler or handle)

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
    return error_response(reply[1], ErrorBody.model_validate(reply[2]))


def _handlers(app: FastAPI) -> None:
    """Every error as an ErrorBody."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.body, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {404: "not-found", 405: "method-not-allowed"}
        code = codes.get(exc.status_code, "http-error")
        body = ErrorBody(error=code, message=str(exc.detail))
        return error_response(exc.status_code, body)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first["loc"])
        body = ErrorBody(error="invalid-request", message=f"{where}: {first['msg']}")
        return error_response(422, body)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path)
        body = ErrorBody(error="internal", message="internal error; see the server's log")
        return error_response(500, body)


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
