"""The checked-in JSON Schema is what the models generate, and outputs validate against it."""

import json

import speechparse
from helpers import ROOT, SAMPLES, read, validator


def test_checked_in_schema_is_up_to_date():
    checked_in = json.loads((ROOT / "schema" / "speech.schema.json").read_text(encoding="utf-8"))
    assert checked_in == speechparse.json_schema(), "schema/ is stale: run `make schema`"


def test_schema_declares_dialect_id_and_version():
    schema = speechparse.json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(":1.1")
    version = schema["properties"]["schema_version"]
    assert version["enum"] == ["1.0", "1.1"]
    assert version["default"] == speechparse.SCHEMA_VERSION
    validator().check_schema(schema)


def test_every_field_is_described():
    schema = speechparse.json_schema()
    for name, definition in [("Speech", schema), *schema["$defs"].items()]:
        for field, prop in definition.get("properties", {}).items():
            assert prop.get("description"), f"{name}.{field} has no description"


def test_sample_outputs_validate():
    for path in SAMPLES:
        out = speechparse.parse(read(path)).model_dump(mode="json")
        validator().validate(out)


def test_dumps_is_utf8_with_chinese_unescaped_and_loads_round_trips():
    s = speechparse.parse("同志们：\n今天，大会隆重召开。\n")
    data = speechparse.dumps(s)
    assert isinstance(data, bytes) and "同志们".encode() in data
    assert speechparse.loads(data) == s
    assert speechparse.loads(data.decode()) == s
    assert speechparse.dumps(s, indent=True).startswith(b'{\n  "schema_version": "1.1"')
