"""One record of a batch's output: a speech's id and its Speech, or why it has none.

The record is a Pydantic model too, so its JSON Schema is published beside the speech's
(``schema/record.schema.json``, ``speechparse batch --schema``). Workers write each record
straight to its JSON line (the speech's JSON exactly as ``parse`` and ``dumps`` give it),
so that the process writing the output only copies bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from pydantic import BaseModel, ConfigDict

from ..api import parse, parse_bytes
from ..jsonio import dumps
from ..models import Speech
from .sources import Source

RECORD_SCHEMA_ID = "urn:speechparse:schema:record:1.0"


class RecordError(BaseModel):
    """Why a record has no speech."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    type: str
    """What went wrong: the exception's class (OSError, DecodeError, …), Timeout (the parse
    took longer than --timeout), WorkerCrash (the process parsing it died), InvalidRecord
    (an input record without its text)."""
    message: str
    """A readable explanation."""


class Record(BaseModel):
    """One line of the JSONL output of `speechparse batch` (one row of its Parquet output)."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        title="Record",
        json_schema_extra={"$comment": "Generated from speechparse.corpus; do not edit."},
    )

    id: str
    """The input's id: a file's path relative to the directory given (or as given), a JSONL
    record's --id-field (else FILE:LINE), a Parquet row's id column (else FILE:ROW)."""
    ok: bool
    """True: ``speech`` holds the parse. False: ``error`` says why there is none."""
    speech: Speech | None = None
    """The Speech, exactly as speechparse.parse gives it (null when ok is false)."""
    error: RecordError | None = None
    """Why there is no speech (null when ok is true)."""
    meta: dict[str, Any] | None = None
    """The input record's other fields (JSONL input), carried through; absent otherwise."""


def record_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of a record, as checked in at schema/record.schema.json."""
    schema = Record.model_json_schema(mode="serialization")
    head = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": RECORD_SCHEMA_ID,
        "title": "speechparse batch record",
        "description": (
            "One record of `speechparse batch` output: the input's id and its Speech, or the "
            "error that left it without one. " + (schema.get("description") or "")
        ).strip(),
    }
    schema.pop("title", None)
    schema.pop("description", None)
    return {**head, **schema}


@dataclass(frozen=True, slots=True)
class Outcome:
    """A parsed record as a worker returns it: its JSON line (no newline), whether it
    parsed, and its diagnostic codes (for the batch's summary)."""

    line: bytes
    ok: bool
    codes: tuple[str, ...] = ()


def outcome(source: Source) -> Outcome:
    """Parse one source into its record. Never raises: every failure is an error record."""
    try:
        if source.error is not None:
            return failure(source, "InvalidRecord", source.error)
        if source.text is not None:
            speech = parse(source.text)
        else:
            data = source.data if source.data is not None else Path(str(source.path)).read_bytes()
            speech = parse_bytes(data)
    except OSError as exc:
        return failure(source, type(exc).__name__, f"cannot read {source.path}: {exc.strerror}")
    except Exception as exc:  # a record must not stop the batch: it becomes an error record
        return failure(source, type(exc).__name__, str(exc))
    line = b'{"id":' + orjson.dumps(source.id) + b',"ok":true,"speech":' + dumps(speech)
    codes = tuple(d.code for d in speech.diagnostics)
    return Outcome(line + _meta(source.meta) + b"}", True, codes)


def failure(source: Source, kind: str, message: str) -> Outcome:
    """The error record of a source."""
    error = orjson.dumps({"type": kind, "message": message})
    line = b'{"id":' + orjson.dumps(source.id) + b',"ok":false,"error":' + error
    return Outcome(line + _meta(source.meta) + b"}", False)


def _meta(meta: dict[str, Any] | None) -> bytes:
    return b',"meta":' + orjson.dumps(meta) if meta else b""
