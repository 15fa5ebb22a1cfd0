"""Both directions between the schema and the models: every instance that
hypothesis-jsonschema generates from the published schema is accepted by Speech.model_validate
(the models are not stricter than the schema), except where the schema's description says
JSON Schema cannot state a rule the models check."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis_jsonschema import from_schema
from pydantic import ValidationError

from helpers import ROOT
from speechparse import Speech


def inline(schema, depth=1):
    """The schema with its $refs written out; a list of a definition nested in itself
    (Item.points) ``depth`` times deep must be empty (hypothesis-jsonschema resolves no
    recursive references)."""
    defs = schema["$defs"]

    def walk(node, stack):
        if isinstance(node, list):
            return [walk(n, stack) for n in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("items", {}).get("$ref") if isinstance(node.get("items"), dict) else None
        if ref is not None and stack.count(ref.rsplit("/", 1)[-1]) >= depth:
            return {**node, "items": {}, "maxItems": 0}  # no deeper nesting
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            return walk(defs[name], [*stack, name])
        return {k: walk(v, stack) for k, v in node.items() if k not in ("$defs", "$id", "$schema")}

    return walk(schema, [])


SCHEMA = json.loads((ROOT / "schema" / "speech.schema.json").read_text(encoding="utf-8"))


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(from_schema(inline(SCHEMA)))
def test_every_instance_of_the_schema_is_accepted_by_the_models(instance):
    try:
        Speech.model_validate(instance)
    except ValidationError as exc:
        # the one rule the schema cannot state and its description names: start <= end
        for error in exc.errors():
            assert "precedes start" in error["msg"], error
        assert "span.start <= span.end" in SCHEMA["description"]
