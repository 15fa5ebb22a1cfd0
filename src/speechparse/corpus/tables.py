"""Flat tables of a batch (``--tables DIR``), for pandas, polars, DuckDB and R users: a row
per speech, per demand or point, per greeting and per piece of noise, joined by ``id``.

- ``speeches.parquet``: id, ok, error, title, salutation, addressees, declared_count,
  demands (how many top-level items were found), has_hopes, has_closing, diagnostics
  (their codes), encoding, length, and the metadata (schema 1.1): speaker_name,
  speaker_post, date_iso, event_name, event_kind.
- ``demands.parquet``: id, level (1 a demand, 2 a point in it, 3 a sub-point), position
  ("2.1": the first point of the second demand), index, marker, style, headline, start, end
  (the item's span in the input).
- ``greetings.parquet``: id, text, start, end, targets, acts.
- ``noise.parquet``: id, kind, text, start, end.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

_STR, _INT, _BOOL = pa.string(), pa.int64(), pa.bool_()
SCHEMAS: dict[str, pa.Schema] = {
    "speeches": pa.schema([
        ("id", _STR), ("ok", _BOOL), ("error", _STR), ("title", _STR), ("salutation", _STR),
        ("addressees", pa.list_(_STR)), ("declared_count", _INT), ("demands", _INT),
        ("has_hopes", _BOOL), ("has_closing", _BOOL), ("diagnostics", pa.list_(_STR)),
        ("encoding", _STR), ("length", _INT), ("speaker_name", _STR), ("speaker_post", _STR),
        ("date_iso", _STR), ("event_name", _STR), ("event_kind", _STR),
    ]),
    "demands": pa.schema([
        ("id", _STR), ("level", _INT), ("position", _STR), ("index", _INT), ("marker", _STR),
        ("style", _STR), ("headline", _STR), ("start", _INT), ("end", _INT),
    ]),
    "greetings": pa.schema([
        ("id", _STR), ("text", _STR), ("start", _INT), ("end", _INT),
        ("targets", pa.list_(_STR)), ("acts", pa.list_(_STR)),
    ]),
    "noise": pa.schema([
        ("id", _STR), ("kind", _STR), ("text", _STR), ("start", _INT), ("end", _INT),
    ]),
}  # fmt: skip


def _meta(meta: dict[str, Any]) -> dict[str, Any]:
    """The metadata's columns (null where a part was not found, or in a 1.0 document)."""
    speaker = meta.get("speaker") or {}
    event = meta.get("event") or {}
    return {
        "speaker_name": speaker.get("name"),
        "speaker_post": speaker.get("post"),
        "date_iso": (meta.get("date") or {}).get("iso"),
        "event_name": event.get("name"),
        "event_kind": event.get("kind"),
    }


def table_rows(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows one record adds to each table."""
    rid = record["id"]
    speech = record.get("speech")
    if speech is None:
        error = record.get("error") or {}
        row = {"id": rid, "ok": False, "error": f"{error.get('type')}: {error.get('message')}"}
        return {"speeches": [row], "demands": [], "greetings": [], "noise": []}
    demands = speech.get("demands") or {}
    salutation = speech.get("salutation") or {}
    items = demands.get("items") or []
    row = {
        "id": rid,
        "ok": True,
        "title": (speech.get("title") or {}).get("text"),
        "salutation": salutation.get("text"),
        "addressees": salutation.get("addressees") or [],
        "declared_count": demands.get("declared_count"),
        "demands": len(items),
        "has_hopes": speech.get("hopes") is not None,
        "has_closing": speech.get("closing") is not None,
        "diagnostics": [d["code"] for d in speech.get("diagnostics") or []],
        "encoding": speech.get("encoding"),
        "length": speech.get("length"),
        **_meta(speech.get("meta") or {}),
    }
    opening = speech.get("opening") or {}
    return {
        "speeches": [row],
        "demands": list(_items(rid, items, 1, "")),
        "greetings": [
            {
                "id": rid,
                "text": g["text"],
                "start": g["span"]["start"],
                "end": g["span"]["end"],
                "targets": [a["target"] for a in g["acts"]],
                "acts": [a["act"] for a in g["acts"]],
            }
            for g in opening.get("greetings") or []
        ],
        "noise": [
            {
                "id": rid,
                "kind": n["kind"],
                "text": n["text"],
                "start": n["span"]["start"],
                "end": n["span"]["end"],
            }
            for n in speech.get("noise") or []
        ],
    }


def _items(rid: str, items: list[dict[str, Any]], level: int, prefix: str) -> Any:
    for k, item in enumerate(items, 1):
        position = f"{prefix}{k}"
        yield {
            "id": rid,
            "level": level,
            "position": position,
            "index": item.get("index"),
            "marker": item.get("marker"),
            "style": item.get("style"),
            "headline": item["headline"]["text"],
            "start": item["span"]["start"],
            "end": item["span"]["end"],
        }
        yield from _items(rid, item.get("points") or [], level + 1, f"{position}.")


class TablesSink:
    """The four tables in a directory, each written a row group at a time."""

    def __init__(self, directory: str, rows: int = 1000) -> None:
        Path(directory).mkdir(parents=True, exist_ok=True)
        self._writers = {
            name: pq.ParquetWriter(Path(directory) / f"{name}.parquet", schema)
            for name, schema in SCHEMAS.items()
        }
        self._rows: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
        self._pending = 0
        self._limit = rows

    def write(self, line: bytes) -> None:
        for name, rows in table_rows(orjson.loads(line)).items():
            self._rows[name].extend(rows)
        self._pending += 1
        if self._pending >= self._limit:
            self._flush()

    def _flush(self) -> None:
        for name, rows in self._rows.items():
            if rows:
                self._writers[name].write_table(pa.Table.from_pylist(rows, SCHEMAS[name]))
                self._rows[name] = []
        self._pending = 0

    def close(self) -> None:
        self._flush()
        for writer in self._writers.values():
            writer.close()
