"""Records as Apache Arrow data: the types derived from the Pydantic models (one source of
truth), records to rows and back, and ``parse_table`` — the engine-agnostic function that
parses an Arrow table's text column into record columns, for Dask, Spark ``mapInArrow`` or
Ray ``map_batches``.

In Arrow the speech is nested columns (structs and lists), as in the JSON. Arrow types
cannot be recursive, so an item's points are unrolled to ITEM_DEPTH levels: a demand, its
points and their sub-points is all the grammar makes (three levels); a speech built by hand
with deeper points is refused with an error rather than cut.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable
from typing import Any

import orjson
import pyarrow as pa
from pydantic import BaseModel

from ..models import Item, Speech
from .records import Record, outcome
from .sources import Source

#: How many levels of items (a demand, its points, their sub-points, …) Arrow holds.
ITEM_DEPTH = 4


def arrow_type(annotation: Any, depth: int = 0) -> pa.DataType:
    """The Arrow type of a field's annotation (a model becomes a struct)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return arrow_type(typing.get_args(annotation)[0], depth)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(annotation) if a is not type(None)]
        return arrow_type(inner, depth)
    if origin is typing.Literal:
        return pa.string()
    if origin is list:
        (inner,) = typing.get_args(annotation)
        return pa.list_(arrow_type(inner, depth))
    if origin is dict:
        return pa.string()  # free-form (a record's meta): JSON text
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return model_struct(annotation, depth)
    simple = {str: pa.string(), int: pa.int64(), bool: pa.bool_(), float: pa.float64()}
    if annotation in simple:
        return simple[annotation]
    raise TypeError(f"no Arrow type for {annotation!r}")


def model_struct(model: type[BaseModel], depth: int = 0) -> pa.StructType:
    """A model's fields as an Arrow struct; an Item's points one level deeper each time."""
    fields = []
    for name, info in model.model_fields.items():
        level = depth + 1 if model is Item and name == "points" else depth
        if level >= ITEM_DEPTH:
            continue  # the deepest items have no points (checked in rows())
        fields.append(pa.field(name, arrow_type(info.annotation, level), nullable=True))
    return pa.struct(fields)


def record_schema() -> pa.Schema:
    """The Arrow schema of a record (a row of the Parquet output)."""
    return pa.schema(list(model_struct(Record)))


def rows(lines: Iterable[bytes]) -> list[dict[str, Any]]:
    """Records' JSON lines as rows for :func:`record_schema` (meta as JSON text)."""
    out = []
    for line in lines:
        record = orjson.loads(line)
        if record.get("speech") is not None:
            _check_depth(record["speech"])
        if record.get("meta") is not None:
            record["meta"] = orjson.dumps(record["meta"]).decode()
        out.append(record)
    return out


def _check_depth(speech: dict[str, Any]) -> None:
    tops = [
        *((speech.get("demands") or {}).get("items") or []),
        *((speech.get("review") or {}).get("achievements") or []),
    ]
    level, items = 1, tops
    while items:
        items = [p for item in items for p in item.get("points") or []]
        level += 1
        if items and level > ITEM_DEPTH:
            raise ValueError(f"items nested deeper than {ITEM_DEPTH} levels do not fit in Arrow")


def to_table(lines: Iterable[bytes]) -> pa.Table:
    """Records' JSON lines as an Arrow table."""
    return pa.Table.from_pylist(rows(lines), schema=record_schema())


def records(table: pa.Table) -> list[Record]:
    """Rows of a record table (or its Parquet file) as Records again."""
    out = []
    for row in table.to_pylist():
        if row.get("meta") is not None:
            row["meta"] = orjson.loads(row["meta"])
        out.append(Record.model_validate(row))
    return out


def speeches(table: pa.Table) -> list[Speech | None]:
    """The speech of each row of a record table."""
    return [r.speech for r in records(table)]


def parse_table(
    table: pa.Table | pa.RecordBatch, text: str = "text", id: str | None = None
) -> pa.Table:
    """Parse every row's ``text`` column (strings, or bytes decoded like parse_bytes) into the
    record columns (id, ok, speech, error, meta). Ids come from the ``id`` column, else the
    row's position. The same records as ``speechparse batch`` makes of the same texts."""
    texts = table.column(text).to_pylist()
    ids = table.column(id).to_pylist() if id is not None else list(range(len(texts)))
    sources = (Source.of_column(str(i), v, text) for v, i in zip(texts, ids, strict=True))
    return to_table(outcome(source).line for source in sources)
