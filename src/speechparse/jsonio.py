"""JSON in and out (orjson), and the published JSON Schema."""

from __future__ import annotations

from typing import Any

import orjson

from .models import SCHEMA_VERSION, Speech

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = f"urn:speechparse:schema:speech:{SCHEMA_VERSION}"


def dumps(speech: Speech, *, indent: bool = False) -> bytes:
    """The speech as UTF-8 JSON bytes, Chinese unescaped."""
    option = orjson.OPT_INDENT_2 if indent else 0
    return orjson.dumps(speech.model_dump(mode="json"), option=option)


def loads(data: bytes | str) -> Speech:
    """A Speech from JSON produced by dumps() (or any JSON valid against the schema)."""
    return Speech.model_validate(orjson.loads(data))


def json_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of the speech JSON, as checked in at schema/."""
    schema = Speech.model_json_schema(mode="serialization")
    head = {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        "title": "speechparse Speech",
        "description": (
            f"A Chinese official speech parsed by speechparse, contract version {SCHEMA_VERSION}. "
            "Offsets are Unicode code points into the parsed text, half-open. "
            "speechparse always writes every field; a field with a default may be absent from "
            "JSON that other tools produce, and means its default then. Rules JSON Schema "
            "cannot state, which the Python models check: span.start <= span.end; children "
            "lie inside their parents' spans; sections are in document order. "
            + (schema.get("description") or "")
        ).strip(),
    }
    schema.pop("title", None)
    schema.pop("description", None)
    return {**head, **schema}
