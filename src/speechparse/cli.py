"""The ``speechparse`` command: parse a file (or stdin) to JSON, print the schema, draw a
speech's parts as an HTML page, list a draft's problems, or serve the parser over HTTP.

Exit codes: 0 success, 1 a strict-mode parse error (for check: a problem found), 2 a usage
or I/O error (and a missing extra). Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from . import __version__
from .api import parse
from .corpus import batch, record_schema
from .decode import DecodeError, decode
from .errors import ParseError
from .jsonio import dumps, json_schema

if TYPE_CHECKING:
    from .workers import Handler


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        """Usage errors: one line, exit 2 (argparse prints the whole usage otherwise)."""
        self.exit(2, f"speechparse: {message}\n")


def _build() -> argparse.ArgumentParser:
    ap = _Parser(prog="speechparse", description="Parse Chinese official speeches to JSON.")
    ap.add_argument("--version", action="version", version=f"speechparse {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser("parse", help="parse FILE (or - for standard input) and print JSON")
    p.add_argument("file", help="a text file (UTF-8, GB18030/GBK or UTF-16), or - for stdin")
    p.add_argument("--indent", action="store_true", help="indent the JSON")
    p.add_argument("--strict", action="store_true", help="exit 1 when no speech is recognised")
    s = sub.add_parser("schema", help="print the JSON Schema of the output")
    s.add_argument("--indent", action="store_true", help="indent the JSON")
    s.add_argument("--record", action="store_true", help="the schema of a batch record")
    v = sub.add_parser("view", help="write FILE as one HTML page with its parts marked")
    v.add_argument("file", help="a text file as for parse, or - for stdin")
    v.add_argument("-o", "--output", help="the HTML file to write (default: standard output)")
    b = sub.add_parser("batch", help="parse a corpus on every core into JSONL or Parquet")
    batch.add_arguments(b)
    c = sub.add_parser("check", help="list a draft's problems as a linter does")
    c.add_argument("files", nargs="+", metavar="FILE", help="text files (or - for stdin)")
    c.add_argument(
        "--format", choices=("text", "json"), default="text", help="output (default: text)"
    )
    w = sub.add_parser("serve", help="serve a paste-a-draft page and a JSON API over HTTP")
    w.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    w.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    w.add_argument(
        "--max-bytes",
        type=int,
        default=2_000_000,
        help="the largest request body accepted (default: 2000000)",
    )
    w.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processes that parse (default: one per core; 0: in the server process)",
    )
    w.add_argument(
        "--queue",
        type=int,
        default=64,
        help="requests that may wait for a worker; past them 503 (default: 64)",
    )
    w.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        help="seconds a parse may take; past them 504 and the worker is replaced (default: 10)",
    )
    w.add_argument(
        "--read-timeout",
        type=float,
        default=30.0,
        help="seconds a client has to send its request body; past them 408 (default: 30)",
    )
    return ap


def serve(args: argparse.Namespace, handler: Handler | None = None) -> int:
    """``speechparse serve`` with the options ``args`` holds (and, for tests, the workers'
    handler)."""
    try:
        from .serve import run
    except ImportError as exc:
        return _extra("serve", exc)
    run(
        host=args.host,
        port=args.port,
        max_bytes=args.max_bytes,
        workers=args.workers,
        queue=args.queue,
        timeout=args.timeout,
        read_timeout=args.read_timeout,
        handler=handler,
    )
    return 0


def _extra(name: str, exc: ImportError) -> int:
    print(
        f"speechparse: this command needs the '{name}' extra ({exc.name} is not installed): "
        f"pip install 'speechparse[{name}]'",
        file=sys.stderr,
    )
    return 2


def _read(name: str) -> bytes:
    return sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _build().parse_args(argv)
    out = sys.stdout.buffer
    if args.command == "schema":
        option = orjson.OPT_INDENT_2 if args.indent else 0
        schema = record_schema() if args.record else json_schema()
        out.write(orjson.dumps(schema, option=option) + b"\n")
        return 0
    if args.command == "batch":
        try:
            return batch.run(args)
        except ImportError as exc:
            return _extra("batch", exc)
    if args.command == "serve":
        return serve(args)
    if args.command == "view":
        return _view(args.file, args.output)
    if args.command == "check":
        return _check(args.files, args.format)
    decoded = _decoded(args.file)
    if decoded is None:
        return 2
    text, encoding = decoded
    try:  # as parse_bytes does, from the text decoded here
        speech = parse(text, strict=args.strict).model_copy(update={"encoding": encoding})
    except ParseError as exc:
        print(f"speechparse: {args.file}: {exc}", file=sys.stderr)
        return 1
    out.write(dumps(speech, indent=args.indent) + b"\n")
    return 0


def _decoded(name: str) -> tuple[str, str] | None:
    """The text of a file (or stdin) and its encoding; None after saying why it cannot be
    read."""
    try:
        return decode(_read(name))
    except OSError as exc:
        print(f"speechparse: cannot read {name}: {exc.strerror or exc}", file=sys.stderr)
    except DecodeError as exc:
        print(f"speechparse: cannot read {name}: {exc.message}", file=sys.stderr)
    return None


def _check(names: list[str], form: str) -> int:
    """FILE:LINE:COL: severity[code] message per problem (or one JSON list); exit 0 when
    clean, 1 with a warning or an error, 2 when a file cannot be read."""
    from .check import check, format_line

    worst, problems = 0, []
    for name in names:
        decoded = _decoded(name)
        if decoded is None:
            worst = 2
            continue
        for p in check(decoded[0]):
            if p.severity != "info" and worst == 0:
                worst = 1
            problems.append(p.as_json(name))
            if form == "text":
                print(format_line(name, p))
    if form == "json":
        sys.stdout.buffer.write(orjson.dumps(problems) + b"\n")
    return worst


def _view(name: str, output: str | None) -> int:
    try:
        from .view import to_html
    except ImportError as exc:
        return _extra("view", exc)
    decoded = _decoded(name)
    if decoded is None:
        return 2
    text, encoding = decoded
    speech = parse(text).model_copy(update={"encoding": encoding})
    untitled = speech.title is None and name != "-"
    page = to_html(speech, text, title=Path(name).name if untitled else None).encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(page)
        return 0
    try:
        Path(output).write_bytes(page)
    except OSError as exc:
        print(f"speechparse: cannot write {output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
