"""speechparse on a Dask cluster: the same records as ``speechparse batch``, past one machine.

``parse_frame(ddf, "text")`` parses a Dask DataFrame's text column partition by partition
with :func:`speechparse.corpus.arrow.parse_table` (the engine-agnostic function, which
Spark's ``mapInArrow`` or Ray's ``map_batches`` can call just the same) and gives a Dask
DataFrame of record columns (Arrow-backed: the speech is a nested struct column).
``parse_paths(paths)`` parses files as a Dask Bag of records, each a dict equal to a line
of ``speechparse batch``'s JSONL output. Dask schedules; nothing here does.

Needs the ``dask`` extra: ``pip install 'speechparse[dask]'``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import dask.bag as db
import dask.dataframe as dd
import orjson
import pandas as pd
import pyarrow as pa

from .corpus.arrow import parse_table, record_schema, records
from .corpus.records import Record, outcome
from .corpus.sources import Source


def _partition(frame: pd.DataFrame, text: str, id: str | None) -> pd.DataFrame:
    columns = [text] if id is None else [text, id]
    table = pa.Table.from_pandas(frame[columns], preserve_index=False)
    if id is None:  # ids: the rows' labels in the whole frame
        table = table.append_column("__id", pa.array([str(i) for i in frame.index]))
        id = "__id"
    parsed = parse_table(table, text=text, id=id).to_pandas(types_mapper=pd.ArrowDtype)
    parsed.index = frame.index
    return parsed


def _meta() -> pd.DataFrame:
    """The empty frame with the record columns' types, for Dask."""
    return record_schema().empty_table().to_pandas(types_mapper=pd.ArrowDtype)


def parse_frame(frame: dd.DataFrame, text: str = "text", id: str | None = None) -> dd.DataFrame:
    """Parse the ``text`` column of a Dask DataFrame: a frame of record columns (id, ok,
    speech, error, meta) with the same index. Ids come from the ``id`` column, else from
    the index."""
    return frame.map_partitions(_partition, text, id, meta=_meta())


def _line(path: str, root: str | None) -> str:
    record_id = Path(path).relative_to(root).as_posix() if root else path
    return outcome(Source(id=record_id, path=path)).line.decode("utf-8")


def _record(path: str, root: str | None) -> dict[str, Any]:
    return dict(orjson.loads(_line(path, root)))


def parse_paths(
    paths: Sequence[str] | db.Bag,
    *,
    root: str | None = None,
    partitions: int | None = None,
    lines: bool = False,
) -> db.Bag:
    """Parse files (read as bytes and decoded like ``parse_bytes``) into a Bag of records;
    with ``root``, ids are paths relative to it, as ``speechparse batch ROOT`` makes them.
    With ``lines``, each record is its JSON line instead (a str, as the JSONL output holds
    it), for ``.to_textfiles("out/*.jsonl")``: the workers write the output, and no record
    travels to the client."""
    bag = paths if isinstance(paths, db.Bag) else db.from_sequence(paths, npartitions=partitions)
    return bag.map(_line if lines else _record, root)


def records_of(frame: pd.DataFrame) -> list[Record]:
    """The rows of a computed record frame as Records (equal to those of the JSONL lines
    ``speechparse batch`` writes for the same texts)."""
    return records(pa.Table.from_pandas(frame, preserve_index=False, schema=record_schema()))


__all__ = ["parse_frame", "parse_paths", "records_of"]
