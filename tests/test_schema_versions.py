"""The schema's versions: a frozen copy per released version, and no breaking change without
a new major version (see the README's "Schema and versioning")."""

import copy
import json

import pytest

import speechparse
from helpers import ROOT
from schema_compat import breaking_changes


def frozen(version):
    path = ROOT / "schema" / f"speech-{version}.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


def released():
    names = sorted((ROOT / "schema").glob("speech-*.schema.json"))
    return [p.name[len("speech-") : -len(".schema.json")] for p in names]


def test_the_current_version_has_a_frozen_copy_equal_to_it():
    assert speechparse.SCHEMA_VERSION in released()
    assert frozen(speechparse.SCHEMA_VERSION) == speechparse.json_schema()


@pytest.mark.parametrize("version", released())
def test_no_breaking_change_within_a_major_version(version):
    if version.split(".")[0] != speechparse.SCHEMA_VERSION.split(".")[0]:
        pytest.skip(f"{version} is of another major version")
    assert breaking_changes(frozen(version), speechparse.json_schema()) == []


BASE = frozen("1.0")


def changed(edit):
    schema = copy.deepcopy(BASE)
    edit(schema)
    return breaking_changes(BASE, schema)


def test_the_checker_sees_a_removed_or_renamed_field():
    def rename(s):
        s["$defs"]["Item"]["properties"]["mark"] = s["$defs"]["Item"]["properties"].pop("marker")

    assert changed(rename) == [
        "$.review.achievements[].marker: removed or renamed",
        "$.demands.items[].marker: removed or renamed",
    ]


def test_the_checker_sees_a_new_required_field():
    assert changed(lambda s: s["$defs"]["Hope"]["required"].append("addressee")) == [
        "$.hopes.items[].addressee: newly required"
    ]


def test_the_checker_sees_a_narrowed_enum_and_type():
    def narrow_enum(s):
        s["$defs"]["Noise"]["properties"]["kind"]["enum"].remove("banner")

    assert changed(narrow_enum) == ["$.noise[].kind: enum lost ['banner']"]

    def narrow_type(s):
        s["properties"]["encoding"] = {"type": "string"}

    assert changed(narrow_type) == [
        "$.encoding: type narrowed from ['null', 'string'] to ['string']"
    ]


def test_adding_an_optional_field_is_not_breaking():
    def add(s):
        s["properties"]["language"] = {"anyOf": [{"type": "string"}, {"type": "null"}]}

    assert changed(add) == []


def test_a_constant_may_widen_to_an_enum_that_keeps_it():
    def widen(s):
        s["properties"]["schema_version"] = {"enum": ["1.0", "1.1"], "type": "string"}

    def replace(s):
        s["properties"]["schema_version"] = {"enum": ["1.1", "1.2"], "type": "string"}

    assert changed(widen) == []
    assert changed(replace) == ["$.schema_version: constant changed from '1.0' to None"]


def test_1_1_adds_meta_and_nothing_else():
    new = speechparse.json_schema()
    assert sorted(set(new["properties"]) - set(BASE["properties"])) == ["meta"]
    assert "meta" not in new.get("required", [])
    assert sorted(set(new["$defs"]) - set(BASE["$defs"])) == [
        "Event",
        "Meta",
        "OnBehalfOf",
        "Ordinal",
        "Speaker",
        "SpeechDate",
    ]
