"""``speechparse serve``: the parser over HTTP, for people (a paste-a-draft page) and for
programs in any language (a JSON API), on FastAPI (Starlette, served by uvicorn).

- ``GET /``: a page where a writer pastes a draft or uploads a .txt file; ``POST /`` shows
  it with its parts marked (speechparse.view) and the diagnostics in plain words.
- ``POST /api/parse``: text/plain (UTF-8), application/json ``{"text": ...}`` or
  application/octet-stream (bytes in any encoding parse_bytes reads) -> the Speech JSON,
  byte for byte as ``speechparse parse`` prints it. ``?strict=true``: 422 with offset, line
  and column when no speech is found.
- ``GET /api/schema``: the published JSON Schema; ``GET /healthz``; ``GET /openapi.json``.

Every error is JSON ``{"error": code, "message": text}`` (with ``offset``, ``line`` and
``column`` where the input has a place for it), never a stack trace. Bodies over
``max_bytes`` get 413 before they are read whole. No CORS headers are sent: another site's
page cannot call the service from a browser. It binds to 127.0.0.1 unless told otherwise.

Needs the ``serve`` extra: ``pip install 'speechparse[serve]'``.
"""

from __future__ import annotations

import logging
from typing import Any

import orjson
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import __version__
from .api import parse, parse_bytes
from .decode import DecodeError, decode
from .errors import ParseError
from .jsonio import dumps, json_schema
from .models import Speech
from .view import build_view, environment

#: The largest request body accepted by default (a long speech is about 50 KB).
MAX_BYTES = 2_000_000

log = logging.getLogger("speechparse.serve")


class ParseRequest(BaseModel):
    """The JSON body of POST /api/parse."""

    text: str
    """The speech's text."""


class ErrorBody(BaseModel):
    """Every error response."""

    error: str
    """A stable code: too-large, unsupported-media-type, undecodable, invalid-json,
    invalid-request, no-speech, not-found, method-not-allowed, internal."""
    message: str
    """A readable explanation."""
    offset: int | None = None
    """Where in the input: a byte offset for undecodable bytes, else code points."""
    line: int | None = None
    """1-based line of ``offset`` (text input)."""
    column: int | None = None
    """1-based column of ``offset`` (text input)."""


class ApiError(Exception):
    """An error answered with ``status`` and an ErrorBody."""

    def __init__(self, status: int, error: str, message: str, **place: int) -> None:
        super().__init__(message)
        self.status, self.body = status, ErrorBody(error=error, message=message, **place)


def _error_response(status: int, body: ErrorBody) -> JSONResponse:
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status)


class BodyLimit:
    """ASGI middleware: a request body over ``max_bytes`` gets 413, by its Content-Length
    before anything is read, or as soon as its chunks pass the limit."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._too_large(scope, receive, send)
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except _TooLarge:
            if not started:
                await self._too_large(scope, receive, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = ErrorBody(
            error="too-large",
            message=f"the request body is over the limit of {self.max_bytes} bytes",
        )
        await _error_response(413, body)(scope, receive, send)


class _TooLarge(Exception):
    pass


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


def create_app(*, max_bytes: int = MAX_BYTES) -> FastAPI:
    """The web application; ``max_bytes`` bounds every request body."""
    app = FastAPI(
        title="speechparse",
        version=__version__,
        description="Chinese official speeches (领导讲话稿) to validated, typed structure.",
        docs_url=None,  # the interactive docs load scripts from a CDN: not offline
        redoc_url=None,
    )
    app.add_middleware(BodyLimit, max_bytes=max_bytes)
    _handlers(app)

    @app.get("/healthz", summary="Liveness")
    def healthz() -> dict[str, str]:
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
        speech = _parse_request(request.headers.get("content-type", ""), body, strict)
        return Response(dumps(speech) + b"\n", media_type="application/json")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> HTMLResponse:
        return _page()

    @app.post("/", response_class=HTMLResponse, include_in_schema=False)
    async def page_submit(request: Request) -> HTMLResponse:
        form = await request.form()
        upload, pasted = form.get("file"), form.get("text")
        data = await upload.read() if isinstance(upload, UploadFile) else b""
        try:
            if data:
                text, encoding = decode(data)
            else:
                text, encoding = (pasted if isinstance(pasted, str) else ""), None
        except DecodeError as exc:
            return _page(error=exc.message, status=422)
        text = text.replace("\r\n", "\n") if not data else text  # a browser's form sends CRLF
        speech = parse(text).model_copy(update={"encoding": encoding})
        return _page(text=text, speech=speech)

    return app


def _parse_request(content_type: str, body: bytes, strict: bool) -> Speech:
    """The speech in a request body of one of the three content types."""
    media = content_type.split(";")[0].strip().lower()
    try:
        if media == "application/octet-stream":
            return parse_bytes(body, strict=strict)
        if media == "text/plain":
            return parse(_utf8(body), strict=strict)
        if media == "application/json":
            try:
                request = ParseRequest.model_validate_json(body)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"]) or "body"
                raise ApiError(
                    422,
                    "invalid-json",
                    f'the body must be {{"text": "..."}}: {where}: {first["msg"]}',
                ) from None
            return parse(request.text, strict=strict)
    except DecodeError as exc:
        raise ApiError(422, "undecodable", exc.message, offset=exc.offset) from None
    except ParseError as exc:
        raise ApiError(
            422, "no-speech", str(exc), offset=exc.offset, line=exc.line, column=exc.column
        ) from None
    raise ApiError(
        415,
        "unsupported-media-type",
        f"send text/plain (UTF-8), application/json or application/octet-stream, not "
        f"{media or 'a body without a content type'}",
    )


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(
            422,
            "undecodable",
            f"text/plain must be UTF-8: byte 0x{body[exc.start]:02x} at byte offset "
            f"{exc.start} is not (send application/octet-stream for other encodings)",
            offset=exc.start,
        ) from None


def _handlers(app: FastAPI) -> None:
    """Every error as an ErrorBody."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error_response(exc.status, exc.body)

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


def _page(
    *, text: str = "", speech: Speech | None = None, error: str = "", status: int = 200
) -> HTMLResponse:
    view = build_view(speech, text, checks=True) if speech is not None else None
    html = environment().get_template("page.html.j2").render(text=text, view=view, error=error)
    return HTMLResponse(html, status_code=status)


def run(*, host: str = "127.0.0.1", port: int = 8000, max_bytes: int = MAX_BYTES) -> None:
    """Serve until interrupted."""
    import uvicorn

    uvicorn.run(create_app(max_bytes=max_bytes), host=host, port=port, log_level="info")


__all__ = ["MAX_BYTES", "ErrorBody", "ParseRequest", "create_app", "run"]
