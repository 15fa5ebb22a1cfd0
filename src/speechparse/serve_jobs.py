"""What a worker of ``speechparse serve`` does with a request: the body read in its content
type and charset, parsed, and the reply as plain data the pool carries back (JSON bytes, a
page, or an error body). serve.py (routes, answers), serve_limits.py (body limits) and
serve_pool.py (the workers and their queue) keep the HTTP side.
"""

from __future__ import annotations

import codecs
import logging
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from .api import parse, parse_bytes
from .decode import DecodeError, decode
from .errors import ParseError
from .jsonio import dumps
from .models import Speech
from .view import build_view, environment

log = logging.getLogger("speechparse.serve")


class ParseRequest(BaseModel):
    """The JSON body of POST /api/parse."""

    text: str
    """The speech's text."""


class ErrorBody(BaseModel):
    """Every error response."""

    error: str
    """A stable code: too-large, incomplete-body, read-timeout, unsupported-media-type,
    unsupported-charset, undecodable, invalid-json, invalid-request, no-speech, not-found,
    method-not-allowed, busy, timeout, worker-died, internal."""
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

    def __init__(
        self,
        status: int,
        error: str,
        message: str,
        headers: dict[str, str] | None = None,
        **place: int,
    ) -> None:
        super().__init__(message)
        self.status, self.body = status, ErrorBody(error=error, message=message, **place)
        self.headers = headers


def job_of(content_type: str, body: bytes, strict: bool) -> tuple[Any, ...]:
    """What a worker is sent for a request body: its kind checked here (415 at once)."""
    media, _, params = content_type.partition(";")
    media = media.strip().lower()
    if media == "application/octet-stream":
        return ("bytes", body, strict)
    if media == "text/plain":
        return ("text", body, _charset(params), strict)
    if media == "application/json":
        return ("json", body, strict)
    raise ApiError(
        415,
        "unsupported-media-type",
        f"send text/plain (UTF-8), application/json or application/octet-stream, not "
        f"{media or 'a body without a content type'}",
    )


#: Declared charsets read with their superset (as browsers do: a page labelled GBK often
#: holds GB18030 characters, one labelled Big5 HKSCS ones).
_SUPERSETS = {"gbk": "gb18030", "gb2312": "gb18030", "big5": "big5hkscs"}


def _charset(params: str) -> str | None:
    """The codec of a text/plain ``charset`` parameter (None: UTF-8); 415 for a charset
    Python does not know as a text encoding."""
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            label = value.strip().strip('"').strip()
            try:
                info = codecs.lookup(label)
            except LookupError:
                info = None
            if info is None or not getattr(info, "_is_text_encoding", True):
                raise ApiError(
                    415,
                    "unsupported-charset",
                    f"unknown charset {label!r}: send UTF-8, GB18030/GBK, Big5, UTF-16 or "
                    "another charset Python knows (or application/octet-stream)",
                )
            return _SUPERSETS.get(info.name, info.name)
    return None


def handle(job: tuple[Any, ...]) -> Iterator[tuple[Any, ...]]:
    """A worker's work (speechparse.workers): one reply per job."""
    yield reply(job)


def reply(job: tuple[Any, ...]) -> tuple[Any, ...]:
    """The reply to a job, as plain data: ("json", bytes), ("html", status, page) or
    ("error", status, ErrorBody as a dict)."""
    try:
        if job[0] == "page":
            return ("html", *_page_result(job[1], job[2]))
        speech = _parse_job(job)
        return ("json", dumps(speech) + b"\n")
    except ApiError as exc:
        return ("error", exc.status, exc.body.model_dump(exclude_none=True))
    except Exception:
        log.exception("internal error parsing a request")
        body = ErrorBody(error="internal", message="internal error; see the server's log")
        return ("error", 500, body.model_dump(exclude_none=True))


def _parse_job(job: tuple[Any, ...]) -> Speech:
    """The speech in a request body of one of the three content types."""
    kind, body, *rest = job
    strict: bool = rest[-1]
    try:
        if kind == "bytes":
            return parse_bytes(body, strict=strict)
        if kind == "text":
            return parse(_text(body, rest[0]), strict=strict)
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


_BOMS = {
    "utf-8": (codecs.BOM_UTF8, "utf-8"),
    "utf-16": None,  # by its byte-order mark, else little-endian (as browsers read it)
    "utf-16-le": (codecs.BOM_UTF16_LE, "utf-16-le"),
    "utf-16-be": (codecs.BOM_UTF16_BE, "utf-16-be"),
}


def _text(body: bytes, codec: str | None) -> str:
    """A text/plain body in its charset (UTF-8 when none is given); a byte-order mark is
    not part of the text."""
    name = codec or "utf-8"
    skip = 0
    if name == "utf-16":
        name = "utf-16-be" if body.startswith(codecs.BOM_UTF16_BE) else "utf-16-le"
    bom = _BOMS.get(name)
    if bom is not None and body.startswith(bom[0]):
        skip = len(bom[0])
    try:
        return body[skip:].decode(name)
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        if codec is None:
            message = (
                f"text/plain is UTF-8 unless its charset says otherwise: byte "
                f"0x{body[offset]:02x} at byte offset {offset} is not"
            )
        else:
            message = (
                f"text/plain in {codec}: byte 0x{body[offset]:02x} at byte offset {offset} "
                f"does not decode"
            )
        raise ApiError(422, "undecodable", message, offset=offset) from None


def _page_result(data: bytes, pasted: str) -> tuple[int, str]:
    """The page for a submitted draft (pasted text, or an uploaded file's bytes)."""
    try:
        if data:
            text, encoding = decode(data)
        else:
            text, encoding = pasted, None
    except DecodeError as exc:
        return 422, page_html(error=exc.message)
    text = text.replace("\r\n", "\n") if not data else text  # a browser's form sends CRLF
    speech = parse(text).model_copy(update={"encoding": encoding})
    return 200, page_html(text=text, speech=speech)


def page_html(*, text: str = "", speech: Speech | None = None, error: str = "") -> str:
    view = build_view(speech, text, checks=True) if speech is not None else None
    html: str = environment().get_template("page.html.j2").render(text=text, view=view, error=error)
    return html
