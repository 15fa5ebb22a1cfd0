"""Where the speeches of a batch come from: files, directories, JSONL and Parquet files, and
JSONL on standard input — read lazily, one record at a time, so a corpus of any size is
never in memory at once.

Each record is a :class:`Source`: its id, and either a path (read as bytes by the worker
that parses it, and decoded like ``parse_bytes``), bytes, or the text itself (from a JSONL
or Parquet field), with the other fields of its JSONL record as metadata.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson


class SourceError(Exception):
    """An input that cannot be read at all (a missing path, a Parquet file without the text
    column): the batch does not start."""


@dataclass(frozen=True, slots=True)
class Source:
    """One speech to parse."""

    id: str
    path: str | None = None
    data: bytes | None = None
    text: str | None = None
    meta: dict[str, Any] | None = None
    error: str | None = field(default=None)  # the record could not be read (a bad JSONL line)

    @classmethod
    def of_column(cls, id: str, value: object, column: str) -> Source:
        """A source from a table cell: text, bytes (decoded like parse_bytes), or neither."""
        if isinstance(value, str):
            return cls(id=id, text=value)
        if isinstance(value, bytes):
            return cls(id=id, data=value)
        return cls(id=id, error=f"column {column!r} is null")


@dataclass(frozen=True, slots=True)
class Options:
    """How inputs are read."""

    glob: str = "*.txt"
    text_field: str = "text"
    id_field: str | None = "id"


def kind(name: str) -> str:
    """What an input argument is: stdin, jsonl, parquet, dir or file."""
    if name == "-":
        return "stdin"
    lowered = name.lower()
    if lowered.endswith((".jsonl", ".ndjson", ".jsonl.txt")):
        return "jsonl"
    if lowered.endswith((".parquet", ".pq")):
        return "parquet"
    return "dir" if os.path.isdir(name) else "file"


def check(inputs: list[str], options: Options) -> None:
    """Fail early, before any work, on inputs that do not exist or cannot be read."""
    for name in inputs:
        if name == "-":
            continue
        if not os.path.exists(name):
            raise SourceError(f"{name}: no such file or directory")
        if kind(name) == "parquet":
            columns = _parquet_columns(name)
            if options.text_field not in columns:
                raise SourceError(
                    f"{name}: no column {options.text_field!r} (columns: {', '.join(columns)})"
                )


def sources(inputs: list[str], options: Options) -> Iterator[Source]:
    """Every record of every input, in order."""
    for name in inputs:
        k = kind(name)
        if k == "stdin":
            yield from _jsonl(sys.stdin.buffer, "-", options)
        elif k == "jsonl":
            with open(name, "rb") as f:
                yield from _jsonl(f, name, options)
        elif k == "parquet":
            yield from _parquet(name, options)
        elif k == "dir":
            root = Path(name)
            for path in _walk(root, options.glob):
                yield Source(id=path.relative_to(root).as_posix(), path=str(path))
        else:
            yield Source(id=name, path=name)


def count(inputs: list[str], options: Options) -> int | None:
    """How many records the inputs hold (for a progress bar's time left); None when that
    cannot be known without reading them (standard input)."""
    total = 0
    for name in inputs:
        k = kind(name)
        if k == "stdin":
            return None
        if k == "jsonl":
            with open(name, "rb") as f:
                total += sum(_lines(f))
        elif k == "parquet":
            import pyarrow.parquet as pq

            total += pq.ParquetFile(name).metadata.num_rows
        elif k == "dir":
            total += sum(1 for _ in _walk(Path(name), options.glob))
        else:
            total += 1
    return total


def _lines(f: Any) -> Iterator[int]:
    """The number of non-blank lines in each megabyte of a file (a last line without a
    newline counts)."""
    tail = b""
    while chunk := f.read(1 << 20):
        lines = (tail + chunk).split(b"\n")
        tail = lines.pop()
        yield sum(1 for line in lines if line.strip())
    if tail.strip():
        yield 1


def _walk(root: Path, pattern: str) -> Iterator[Path]:
    """Files under ``root`` whose name matches ``pattern``, in a stable order (directories
    walked in sorted order), lazily."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if fnmatch.fnmatch(name, pattern):
                yield Path(dirpath) / name


def _jsonl(f: Any, name: str, options: Options) -> Iterator[Source]:
    for number, line in enumerate(f, 1):
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]  # a byte-order mark, as Windows tools write it
        if not line.strip():
            continue
        fallback = f"{name}:{number}"
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield Source(id=fallback, error=f"line {number} is not JSON: {exc}")
            continue
        if not isinstance(record, dict):
            yield Source(id=fallback, error=f"line {number} is not a JSON object")
            continue
        text = record.pop(options.text_field, None)
        raw_id = record.pop(options.id_field, None) if options.id_field else None
        record_id = fallback if raw_id is None else str(raw_id)
        if not isinstance(text, str):
            what = "missing" if text is None else f"not a string but {type(text).__name__}"
            yield Source(id=record_id, meta=record or None,
                         error=f"field {options.text_field!r} is {what}")  # fmt: skip
            continue
        yield Source(id=record_id, text=text, meta=record or None)


def _parquet_columns(name: str) -> list[str]:
    import pyarrow.parquet as pq

    try:
        return list(pq.ParquetFile(name).schema_arrow.names)
    except Exception as exc:  # pyarrow raises several kinds for a file that is not Parquet
        raise SourceError(f"{name}: not a Parquet file: {exc}") from exc


def _parquet(name: str, options: Options) -> Iterator[Source]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(name)
    columns = [options.text_field]
    has_id = options.id_field is not None and options.id_field in pf.schema_arrow.names
    if has_id:
        columns.append(options.id_field)  # type: ignore[arg-type]
    row = 0
    for batch in pf.iter_batches(batch_size=1024, columns=columns):
        texts = batch.column(options.text_field).to_pylist()
        ids = batch.column(options.id_field).to_pylist() if has_id else [None] * len(texts)
        for text, raw_id in zip(texts, ids, strict=True):
            row += 1
            record_id = f"{name}:{row}" if raw_id is None else str(raw_id)
            yield Source.of_column(record_id, text, options.text_field)
