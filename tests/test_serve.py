"""`speechparse serve`: the JSON API and the page, through the framework's test client."""

from __future__ import annotations

import http.client
import json
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

import speechparse
from helpers import ROOT, SAMPLES, read
from html_dom import dom
from servers import running_server
from speechparse import serve, serve_jobs
from speechparse.cli import main
from speechparse.jsonio import dumps, json_schema

SPEECH = "同志们：\n今天，大会隆重召开。\n下面讲两点。\n一、学习\n二、工作\n谢谢大家！\n"


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(serve.create_app(max_bytes=10_000), raise_server_exceptions=False)


def post(client: TestClient, body: bytes, content_type: str | None, query: str = ""):
    headers = {"content-type": content_type} if content_type else {}
    return client.post(f"/api/parse{query}", content=body, headers=headers)


def error(response, status: int, code: str) -> dict[str, object]:
    """The JSON error body of a response, after checking its status and code."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["error"] == code
    assert set(body) <= {"error", "message", "offset", "line", "column"}
    assert "Traceback" not in body["message"]
    return body


def cli_output(path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> bytes:
    assert main(["parse", str(path)]) == 0
    return capsysbinary.readouterr().out


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_bytes_answer_exactly_what_the_command_prints(client, path, capsysbinary):
    response = post(client, path.read_bytes(), "application/octet-stream")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.content == cli_output(path, capsysbinary)


@pytest.mark.parametrize("path", SAMPLES[:8], ids=lambda p: p.name)
def test_text_and_json_bodies_parse_the_same_text(client, path):
    text = read(path)
    expected = dumps(speechparse.parse(text)) + b"\n"
    assert post(client, text.encode("utf-8"), "text/plain; charset=utf-8").content == expected
    assert client.post("/api/parse", json={"text": text}).content == expected


def test_strict_mode_gives_422_with_the_place(client):
    body = error(post(client, b"hello world.\nmore text", "text/plain", "?strict=true"), 422,
                 "no-speech")  # fmt: skip
    assert (body["offset"], body["line"], body["column"]) == (0, 1, 1)
    assert str(body["message"]).startswith("no-structure: no part of a speech was recognised")
    assert post(client, SPEECH.encode(), "text/plain", "?strict=true").status_code == 200
    lenient = post(client, b"hello world.", "text/plain")
    assert lenient.status_code == 200
    assert [d["code"] for d in lenient.json()["diagnostics"]][-1] == "no-structure"


def test_a_body_over_the_limit_is_413_by_its_length(client):
    body = error(post(client, "同".encode() * 4000, "text/plain"), 413, "too-large")
    assert body["message"] == "the request body is over the limit of 10000 bytes"


def test_a_streamed_body_over_the_limit_is_413_as_it_arrives(client):
    def chunks() -> Iterator[bytes]:  # no content-length: sent chunked
        for _ in range(50):
            yield b"x" * 1000

    response = client.post("/api/parse", content=chunks(), headers={"content-type": "text/plain"})
    error(response, 413, "too-large")


def test_a_body_at_the_limit_is_parsed(client):
    text = ("今天大会隆重召开。" * 400)[: 10_000 // 3]
    assert len(text.encode()) <= 10_000
    assert post(client, text.encode(), "text/plain").status_code == 200


@pytest.mark.parametrize("content_type", ["image/png", "text/html", None])
def test_other_content_types_are_415(client, content_type):
    body = error(post(client, SPEECH.encode(), content_type), 415, "unsupported-media-type")
    expected = content_type or "a body without a content type"
    assert body["message"] == (
        f"send text/plain (UTF-8), application/json or application/octet-stream, not {expected}"
    )


def test_text_that_is_not_utf8_is_422_with_the_byte_offset(client):
    data = "同志们：".encode() + b"\xff" + "谢谢".encode()
    body = error(post(client, data, "text/plain"), 422, "undecodable")
    assert body["offset"] == 12
    assert body["message"] == (
        "text/plain is UTF-8 unless its charset says otherwise: byte 0xff at byte offset 12 is not"
    )


def test_bytes_in_no_encoding_are_422_with_the_byte_offset(client):
    lone_surrogate = b"\xff\xfe" + b"\x00\xd8"  # UTF-16 (by its byte-order mark)
    body = error(post(client, lone_surrogate, "application/octet-stream"), 422, "undecodable")
    assert body["offset"] == 2 and "utf-16" in str(body["message"])


def test_other_encodings_are_read_from_bytes(client):
    response = post(client, SPEECH.encode("gb18030"), "application/octet-stream")
    assert response.json()["encoding"] == "gb18030"
    assert response.json()["salutation"]["text"] == "同志们："


@pytest.mark.parametrize(
    ("body", "where"),
    [(b'{"text": 1}', "text: Input should be a valid string"),
     (b'{"speech": "x"}', "text: Field required"),
     (b"{not json", "body: Invalid JSON")],
)  # fmt: skip
def test_a_json_body_must_hold_the_text(client, body, where):
    message = error(post(client, body, "application/json"), 422, "invalid-json")["message"]
    assert str(message).startswith(f'the body must be {{"text": "..."}}: {where}')


def test_unknown_paths_and_methods_answer_in_json(client):
    assert error(client.get("/nowhere"), 404, "not-found")["message"] == "Not Found"
    error(client.get("/api/parse"), 405, "method-not-allowed")
    message = error(
        client.post(
            "/api/parse?strict=perhaps", content=b"x", headers={"content-type": "text/plain"}
        ),
        422,
        "invalid-request",
    )
    assert str(message["message"]).startswith("query.strict: Input should be a valid boolean")


def test_an_internal_error_is_json_without_its_trace(client, monkeypatch):
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr(serve_jobs, "parse", broken)  # what a worker parses with
    body = error(post(client, SPEECH.encode(), "text/plain"), 500, "internal")
    assert body["message"] == "internal error; see the server's log"


def test_no_cross_origin_access_by_default(client):
    headers = {"origin": "https://elsewhere.example", "access-control-request-method": "POST"}
    preflight = client.options("/api/parse", headers=headers)
    assert "access-control-allow-origin" not in preflight.headers
    response = client.post(
        "/api/parse", content=SPEECH.encode(), headers={**headers, "content-type": "text/plain"}
    )
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers


def test_schema_and_health(client):
    assert client.get("/api/schema").json() == json_schema()
    published = json.loads((ROOT / "schema" / "speech.schema.json").read_text(encoding="utf-8"))
    assert client.get("/api/schema").json() == published
    assert client.get("/healthz").json() == {"status": "ok", "version": speechparse.__version__}


def test_the_openapi_description_documents_the_api(client):
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) == {"/healthz", "/api/schema", "/api/parse"}
    parse_op = spec["paths"]["/api/parse"]["post"]
    assert set(parse_op["requestBody"]["content"]) == {
        "text/plain",
        "application/json",
        "application/octet-stream",
    }
    assert set(parse_op["responses"]) == {"200", "413", "415", "422"}
    ok = parse_op["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/Speech"}
    assert [p["name"] for p in parse_op["parameters"]] == ["strict"]
    assert "ErrorBody" in spec["components"]["schemas"]


def test_the_page_offers_a_form(client):
    page = dom(client.get("/").text)
    form = page.by_tag("form")[0]
    assert (form.attrs["method"], form.attrs["action"]) == ("post", "/")
    assert form.find(id="text").tag == "textarea"
    assert form.find(id="file").attrs["type"] == "file"
    assert page.by_tag("main") == []  # nothing to show yet


def test_the_page_shows_a_pasted_draft_with_its_parts_and_plain_diagnostics(client):
    draft = "同志们：\r\n下面讲三点。\r\n一、学习\r\n二、工作\r\n四、<b>作风</b>\r\n"
    page = dom(client.post("/", data={"text": draft}).text)
    text = draft.replace("\r\n", "\n")
    assert page.find(id="source").text[1:] == text
    assert page.find(id="text").text == text  # the draft stays in the form
    headlines = [e.text for e in page.find(id="outline").by_class("o-headline")]
    assert headlines == ["学习", "工作", "<b>作风</b>"]
    plain = [li.text for li in page.find(id="plain").by_tag("li")]
    assert plain == [  # what `speechparse check` lists, in document order
        "the item has a heading and nothing under it",
        "the item has a heading and nothing under it",
        "the numbering jumps from 2 to 4: 3 missing",
        "the text stops mid-sentence and has no closing; it may be truncated",
        "the item has a heading and nothing under it",
    ]
    # each problem with a place links to its mark in the text
    links = [a.attrs["href"] for a in page.find(id="diagnostics").by_tag("a")]
    assert len(links) == 5
    gap = page.find(id=links[2][1:])
    assert gap.text == "四、" and "m-diagnostic" in gap.classes


def test_the_page_reads_an_uploaded_file_in_its_encoding(client):
    files = {"file": ("draft.txt", SPEECH.encode("gb18030"), "text/plain")}
    page = dom(client.post("/", data={"text": ""}, files=files).text)
    assert page.find(id="source").text[1:] == SPEECH
    assert [e.text for e in page.find(id="outline").by_class("o-headline")] == ["学习", "工作"]


def test_the_page_says_when_a_file_cannot_be_read(client):
    files = {"file": ("draft.txt", b"\xff\xfe\x00\xd8", "text/plain")}
    response = client.post("/", files=files)
    assert response.status_code == 422
    assert dom(response.text).find(id="error").text.startswith("cannot decode the input: ")


# -- a real server over TCP: worker processes, refusals a client reads, slow clients ------


@pytest.fixture(scope="module")
def live() -> Iterator[tuple[str, int]]:
    """One worker, no queue, 3 s per parse, 10,000-byte bodies, 1 s to send one; its
    worker runs serve_hooks.handle (SLEEP:/CRASH: bodies)."""
    args = ["--workers", "1", "--queue", "0", "--timeout", "3", "--max-bytes", "10000"]
    with running_server(*args, "--read-timeout", "1", hooks=True) as url:
        parts = urlsplit(url)
        assert parts.hostname is not None and parts.port is not None
        yield parts.hostname, parts.port


def call(
    live: tuple[str, int], body: bytes, content_type: str = "text/plain"
) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of one POST /api/parse on a fresh connection."""
    connection = http.client.HTTPConnection(*live, timeout=30)
    try:
        connection.request("POST", "/api/parse", body=body, headers={"content-type": content_type})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def test_live_parses_in_a_worker_exactly_as_the_command_prints(live, capsysbinary):
    status, headers, body = call(live, SAMPLES[0].read_bytes(), "application/octet-stream")
    assert (status, headers["content-type"]) == (200, "application/json")
    assert body == cli_output(SAMPLES[0], capsysbinary)


def test_a_full_service_is_503_with_retry_after_and_health_still_answers(live):
    with ThreadPoolExecutor(1) as pool:
        slow = pool.submit(call, live, b"SLEEP:1.5")
        time.sleep(0.5)  # (the slow request reaches the one worker)
        status, headers, body = call(live, SPEECH.encode())
        with urllib.request.urlopen(f"http://{live[0]}:{live[1]}/healthz", timeout=5) as health:
            assert health.status == 200
        assert slow.result()[0] == 200
    assert (status, headers["retry-after"]) == (503, "1")
    assert json.loads(body) == {
        "error": "busy",
        "message": "all 1 workers are busy and 0 requests are waiting; try again shortly",
    }
    assert call(live, SPEECH.encode())[0] == 200  # free again


def test_a_parse_past_the_timeout_is_504_and_the_worker_is_replaced(live):
    status, headers, body = call(live, b"SLEEP:60")
    assert (status, headers["content-type"]) == (504, "application/json")
    assert json.loads(body) == {
        "error": "timeout",
        "message": "parsing took longer than 3 s; the worker was stopped",
    }
    status, _, body = call(live, SPEECH.encode())
    assert (status, body) == (200, dumps(speechparse.parse(SPEECH)) + b"\n")


def test_a_worker_that_dies_is_500_and_is_replaced(live):
    status, headers, body = call(live, b"CRASH:7")
    assert (status, headers["content-type"]) == (500, "application/json")
    assert json.loads(body) == {
        "error": "worker-died",
        "message": "the worker process parsing the request died (exit code 7); it has been "
        "replaced",
    }
    status, _, body = call(live, SPEECH.encode())
    assert (status, body) == (200, dumps(speechparse.parse(SPEECH)) + b"\n")


TOO_LARGE = {"error": "too-large", "message": "the request body is over the limit of 10000 bytes"}


def test_urllib_sending_a_body_over_the_limit_reads_the_413(live):
    request = urllib.request.Request(
        f"http://{live[0]}:{live[1]}/api/parse",
        data="同".encode() * 20_000,  # 60,000 bytes, sent at once
        headers={"content-type": "text/plain"},
    )
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=30)
    assert caught.value.code == 413
    assert json.loads(caught.value.read()) == TOO_LARGE


def raw(live: tuple[str, int], head: str, body: bytes = b"", *, half_close: bool = False) -> bytes:
    """Everything the server sends on one connection after ``head`` (and ``body``), until it
    closes the connection or goes quiet for 10 s."""
    with socket.create_connection(live, timeout=10) as s:
        s.sendall(head.encode() + b"\r\n" + body)
        if half_close:
            s.shutdown(socket.SHUT_WR)
        received = b""
        try:
            while chunk := s.recv(65536):
                received += chunk
        except TimeoutError:
            pass
        return received


def head(length: int, *extra: str) -> str:
    lines = ["POST /api/parse HTTP/1.1", "Host: x", "Content-Type: text/plain", *extra]
    return "\r\n".join([*lines, f"Content-Length: {length}", ""]) + "\r\n"


def status_and_json(answer: bytes) -> tuple[str, dict[str, object]]:
    top, _, body = answer.partition(b"\r\n\r\n")
    return top.split(b"\r\n")[0].decode(), json.loads(body)


def test_a_declared_length_over_the_limit_is_413_before_the_body_is_sent(live):
    # a client waiting for 100 Continue, and one declaring 1 GB: neither sends a byte of it
    for extra in (["Expect: 100-continue"], []):
        answer = raw(live, head(10**9, *extra))
        assert b"100 Continue" not in answer
        assert status_and_json(answer) == ("HTTP/1.1 413 Request Entity Too Large", TOO_LARGE)


def test_a_body_that_stops_short_is_408_past_the_read_timeout(live):
    answer = raw(live, head(1000), b"x" * 10)
    assert status_and_json(answer) == (
        "HTTP/1.1 408 Request Timeout",
        {"error": "read-timeout", "message": "the request body was not sent within 1 s"},
    )


INCOMPLETE = {
    "error": "incomplete-body",
    "message": "the connection closed before the request body was complete",
}


def test_a_body_that_stops_short_and_half_closes_is_400_at_once(live):
    answer = raw(live, head(1000), b"x" * 10, half_close=True)  # reads until the server closes
    assert status_and_json(answer) == ("HTTP/1.1 400 Bad Request", INCOMPLETE)
    assert b"\r\nconnection: close\r\n" in answer.partition(b"\r\n\r\n")[0].lower()
    # (answered on the half-close: past the 1 s read timeout it would be a 408)


def test_a_complete_body_then_a_half_close_is_still_answered(live):
    body = SPEECH.encode()
    whole = raw(live, head(len(body))[:-2], body, half_close=True)  # (raw ends the head)
    top, _, answer = whole.partition(b"\r\n\r\n")
    assert top.split(b"\r\n")[0] == b"HTTP/1.1 200 OK"
    assert answer == dumps(speechparse.parse(SPEECH)) + b"\n"


def test_a_client_that_closes_mid_body_leaves_the_server_serving(live):
    for _ in range(20):  # (a leaked connection or a stuck read would show by the 20th)
        with socket.create_connection(live, timeout=10) as s:
            s.sendall(head(1000).encode() + b"\r\n" + b"x" * 10)
    status, _, body = call(live, SPEECH.encode())
    assert (status, body) == (200, dumps(speechparse.parse(SPEECH)) + b"\n")
    with urllib.request.urlopen(f"http://{live[0]}:{live[1]}/healthz", timeout=5) as health:
        assert (health.status, json.loads(health.read())) == (
            200,
            {"status": "ok", "version": speechparse.__version__},
        )


def test_a_request_after_a_refusal_on_the_same_connection_is_answered(live):
    connection = http.client.HTTPConnection(*live, timeout=30)
    plain = {"content-type": "text/plain"}
    connection.request("POST", "/api/parse", body=b"x" * 20_000, headers=plain)
    response = connection.getresponse()
    assert (response.status, json.loads(response.read())) == (413, TOO_LARGE)
    connection.request("POST", "/api/parse", body=SPEECH.encode(), headers=plain)
    assert connection.getresponse().status == 200
    connection.close()


# -- text/plain in its charset -------------------------------------------------------------

TRADITIONAL = "同志們：\n今天，大會隆重召開。\n下面講兩點。\n一、學習\n二、工作\n謝謝大家！\n"


@pytest.mark.parametrize(
    ("charset", "data", "text"),
    [("gb18030", SPEECH.encode("gb18030"), SPEECH),
     ("GBK", SPEECH.encode("gbk"), SPEECH),
     ("gb2312", SPEECH.encode("gb2312"), SPEECH),
     ("big5", TRADITIONAL.encode("big5"), TRADITIONAL),
     ("utf-16", b"\xfe\xff" + SPEECH.encode("utf-16-be"), SPEECH),
     ("utf-16", b"\xff\xfe" + SPEECH.encode("utf-16-le"), SPEECH),
     ("utf-16", SPEECH.encode("utf-16-le"), SPEECH),  # no byte-order mark: little-endian
     ("UTF-16BE", SPEECH.encode("utf-16-be"), SPEECH),
     ('"utf-8"', b"\xef\xbb\xbf" + SPEECH.encode(), SPEECH)],
)  # fmt: skip
def test_text_plain_is_read_in_its_charset(client, charset, data, text):
    response = post(client, data, f"text/plain; charset={charset}")
    assert response.status_code == 200
    assert response.content == dumps(speechparse.parse(text)) + b"\n"


def test_an_unknown_charset_is_415(client):
    body = error(post(client, b"x", "text/plain; charset=klingon-8"), 415, "unsupported-charset")
    assert body["message"] == (
        "unknown charset 'klingon-8': send UTF-8, GB18030/GBK, Big5, UTF-16 or another "
        "charset Python knows (or application/octet-stream)"
    )
    error(post(client, b"x", "text/plain; charset=base64"), 415, "unsupported-charset")


def test_bytes_that_do_not_decode_in_the_declared_charset_are_422_with_the_byte_offset(client):
    data = "同志们".encode("gbk") + b"\x81\x20"  # a lead byte with no trail byte
    body = error(post(client, data, "text/plain; charset=gbk"), 422, "undecodable")
    assert body == {
        "error": "undecodable",
        "message": "text/plain in gb18030: byte 0x81 at byte offset 6 does not decode",
        "offset": 6,
    }
