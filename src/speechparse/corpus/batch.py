"""``speechparse batch``: a corpus in, a dataset out, on every core.

Exit codes: 0 every record parsed, 1 some records are error records (their number is
printed), 2 a usage or I/O error (an input that does not exist, an unwritable output), 130
interrupted (the output holds every record finished, and is valid).
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TextIO

from .pool import Done, Pool, cores
from .sinks import Sink, done_ids, sink
from .sources import Options, Source, SourceError, check, count, sources

#: The default time limit of one record, in seconds: a real speech takes milliseconds.
TIMEOUT = 60.0


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files, directories (walked for --glob), .jsonl or .parquet files, or - "
        "(JSONL on standard input)",
    )
    p.add_argument("-o", "--output", required=True, help="OUTPUT.jsonl or OUTPUT.parquet")
    p.add_argument(
        "--glob", default="*.txt", help="file names to take from directories (default: *.txt)"
    )
    p.add_argument(
        "--text-field", default="text", help="JSONL field / Parquet column of text (default: text)"
    )
    p.add_argument(
        "--id-field", default="id", help="JSONL field / Parquet column of the id (default: id)"
    )
    p.add_argument("--tables", metavar="DIR", help="also write the flat tables to DIR")
    p.add_argument(
        "-j", "--jobs", type=int, default=cores(), help="worker processes (default: every core)"
    )
    p.add_argument(
        "--timeout", type=float, default=TIMEOUT, help=f"seconds one record may take ({TIMEOUT:g})"
    )
    p.add_argument("--resume", action="store_true", help="skip ids already in OUTPUT.jsonl")
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar or summary (failures are still counted on stderr)",
    )


@dataclass
class Tally:
    """What the summary says."""

    records: int = 0
    errors: int = 0
    codes: Counter[str] = field(default_factory=Counter)

    def add(self, done: Done) -> None:
        self.records += 1
        self.errors += not done.outcome.ok
        self.codes.update(done.outcome.codes)


def run(args: argparse.Namespace, stderr: TextIO = sys.stderr) -> int:
    """Run a batch from parsed command-line arguments; returns the exit code."""
    options = Options(glob=args.glob, text_field=args.text_field, id_field=args.id_field)
    if args.jobs < 1 or args.timeout <= 0:
        print("speechparse: --jobs and --timeout must be positive", file=stderr)
        return 2
    try:
        check(args.inputs, options)
        if args.resume and not args.output.lower().endswith((".jsonl", ".ndjson")):
            raise ValueError("--resume needs a .jsonl output")
        skip = done_ids(args.output) if args.resume else set()
        outputs: list[Sink] = [sink(args.output, append=args.resume)]
        if args.tables:
            from .tables import TablesSink

            outputs.append(TablesSink(args.tables))
    except (SourceError, ValueError, OSError) as exc:
        print(f"speechparse: {_reason(exc)}", file=stderr)
        return 2
    todo = (s for s in sources(args.inputs, options) if s.id not in skip)
    bar = None if args.quiet or not stderr.isatty() else _bar(args, options, len(skip), stderr)
    tally = Tally()
    started = time.monotonic()
    interrupted = False
    _warm_up()
    pool = Pool(todo, jobs=args.jobs, timeout=args.timeout)
    guard = _Guard()
    previous = signal.signal(signal.SIGINT, guard.interrupt)
    try:
        for done in pool.results():
            with guard:
                _write(outputs, done, tally, bar)
    except KeyboardInterrupt:
        interrupted = True
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C waits for this
        for done in pool.drain():
            _write(outputs, done, tally, bar)
    except OSError as exc:  # an output that cannot be written, an input that vanished
        print(f"speechparse: {_reason(exc)}", file=stderr)
        return 2
    finally:
        signal.signal(signal.SIGINT, previous)
        pool.close()
        for out in outputs:
            out.close()
        if bar is not None:
            bar.close()
    elapsed = time.monotonic() - started
    if not args.quiet:
        print(_summary(tally, elapsed, interrupted), file=stderr)
    elif tally.errors:  # quiet, but a failure is always said
        print(f"speechparse: {tally.errors} of {tally.records} records failed", file=stderr)
    if interrupted:
        return 130
    return 1 if tally.errors else 0


class _Guard:
    """Ctrl-C, held back while a record is being written: an interruption lands between
    records, never inside one (a JSON line written in part, a row group written twice)."""

    def __init__(self) -> None:
        self.writing = False
        self.pending = False

    def interrupt(self, signum: int, frame: object) -> None:
        if self.writing:
            self.pending = True
            return
        raise KeyboardInterrupt

    def __enter__(self) -> None:
        self.writing = True

    def __exit__(self, *exc: object) -> None:
        self.writing = False
        if self.pending:
            raise KeyboardInterrupt


def _write(outputs: list[Sink], done: Done, tally: Tally, bar: Any) -> None:
    for out in outputs:
        out.write(done.outcome.line)
    tally.add(done)
    if bar is not None:
        bar.update(1)
        if not done.outcome.ok:
            bar.set_postfix(errors=tally.errors, refresh=False)


def _warm_up() -> None:
    """Build the grammar and compile the patterns once, before the workers are forked."""
    from ..api import parse

    parse("同志们：\n今天，大会隆重召开。\n谢谢大家！")


def _bar(args: argparse.Namespace, options: Options, skipped: int, stderr: TextIO) -> Any:
    from tqdm import tqdm

    total = count(args.inputs, options)
    return tqdm(
        total=None if total is None else max(0, total - skipped),
        unit=" speeches",
        file=stderr,
        dynamic_ncols=True,
        postfix={"errors": 0},
    )


def _summary(tally: Tally, elapsed: float, interrupted: bool) -> str:
    rate = tally.records / elapsed if elapsed > 0 else 0.0
    head = "interrupted: " if interrupted else ""
    failed = f"{tally.errors} failed" if tally.errors else "none failed"
    common = ", ".join(f"{code} {n}" for code, n in tally.codes.most_common(3)) or "none"
    return (
        f"speechparse: {head}{tally.records} records, {failed}, {rate:.0f} speeches/s "
        f"in {elapsed:.1f} s; commonest diagnostics: {common}"
    )


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    return str(exc)


__all__ = ["TIMEOUT", "Source", "add_arguments", "run"]
