"""The ``speechparse`` command: parse a file (or stdin) to JSON, or print the schema.

Exit codes: 0 success, 1 a strict-mode parse error, 2 a usage or I/O error. Errors are one
line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import orjson

from . import __version__
from .api import parse_bytes
from .decode import DecodeError
from .errors import ParseError
from .jsonio import dumps, json_schema


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
    return ap


def _read(name: str) -> bytes:
    return sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _build().parse_args(argv)
    out = sys.stdout.buffer
    if args.command == "schema":
        option = orjson.OPT_INDENT_2 if args.indent else 0
        out.write(orjson.dumps(json_schema(), option=option) + b"\n")
        return 0
    try:
        speech = parse_bytes(_read(args.file), strict=args.strict)
    except OSError as exc:
        print(f"speechparse: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except DecodeError as exc:
        print(f"speechparse: cannot read {args.file}: {exc.message}", file=sys.stderr)
        return 2
    except ParseError as exc:
        print(f"speechparse: {args.file}: {exc}", file=sys.stderr)
        return 1
    out.write(dumps(speech, indent=args.indent) + b"\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
