"""Where a batch's records go: a JSONL file (a line per record, flushed as it is written),
a Parquet file (nested columns, written a row group at a time), and the flat tables.

Every sink leaves a valid file when it is closed, also after an interruption: JSONL holds
whole lines only, Parquet gets its footer.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, BinaryIO, Protocol

import orjson


class Sink(Protocol):
    def write(self, line: bytes) -> None: ...

    def close(self) -> None: ...


class JsonlSink:
    """Records as JSON lines; ``append`` continues an existing file (--resume)."""

    def __init__(self, path: str, *, append: bool = False) -> None:
        self._stdout = path == "-"
        self._file: BinaryIO = (
            sys.stdout.buffer
            if self._stdout
            else open(  # noqa: SIM115
                path, "ab" if append else "wb"
            )
        )

    def write(self, line: bytes) -> None:
        self._file.write(line + b"\n")
        self._file.flush()

    def close(self) -> None:
        if not self._stdout:
            self._file.close()


class ParquetSink:
    """Records as rows of nested columns (see arrow.py), a row group every ``rows``."""

    def __init__(self, path: str, rows: int = 1000) -> None:
        import pyarrow.parquet as pq

        from .arrow import record_schema

        self._writer = pq.ParquetWriter(path, record_schema(), compression="zstd")
        self._lines: list[bytes] = []
        self._rows = rows

    def write(self, line: bytes) -> None:
        self._lines.append(line)
        if len(self._lines) >= self._rows:
            self._flush()

    def _flush(self) -> None:
        from .arrow import to_table

        if self._lines:
            lines, self._lines = self._lines, []
            self._writer.write_table(to_table(lines))

    def close(self) -> None:
        self._flush()
        self._writer.close()


def sink(path: str, *, append: bool = False) -> Sink:
    """The sink for an output path, by its extension."""
    if path == "-" or path.lower().endswith((".jsonl", ".ndjson")):
        return JsonlSink(path, append=append)
    if path.lower().endswith((".parquet", ".pq")):
        return ParquetSink(path)
    raise ValueError(f"{path}: the output must end in .jsonl or .parquet (or be - for stdout)")


def done_ids(path: str) -> set[str]:
    """The ids of the records already in a JSONL output (--resume). A last line cut short
    by an interruption is removed from the file, so that its record is parsed again."""
    if not os.path.exists(path):
        return set()
    ids: set[str] = set()
    keep = 0  # bytes of whole lines
    with open(path, "rb") as f:
        for line in f:
            if not line.endswith(b"\n"):
                break
            try:
                record: dict[str, Any] = orjson.loads(line)
            except orjson.JSONDecodeError:
                break
            ids.add(str(record["id"]))
            keep += len(line)
    if keep < Path(path).stat().st_size:
        os.truncate(path, keep)
    return ids
