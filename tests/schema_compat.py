"""What counts as a breaking change between two versions of the JSON Schema.

A consumer written against the old schema must still read every document the new one
allows: so no property may be removed or renamed, no property may become required, no type
may narrow, no enum may lose a value, and no constant may change.
"""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]


def breaking_changes(old: Schema, new: Schema) -> list[str]:
    """Every breaking change from ``old`` to ``new``, as readable paths; [] if compatible."""
    out: list[str] = []
    _compare(old, new, old, new, "$", out, set())
    return out


def _resolve(node: Schema, root: Schema) -> Schema:
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = {**root["$defs"][name], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _types(node: Schema, root: Schema) -> set[str]:
    node = _resolve(node, root)
    if "anyOf" in node:
        return set().union(*(_types(n, root) for n in node["anyOf"]))
    kind = node.get("type")
    if kind is None:
        return {"object"} if "properties" in node else {"any"}
    return set(kind) if isinstance(kind, list) else {kind}


def _compare(o: Schema, n: Schema, oroot: Schema, nroot: Schema, path: str, out: list[str],
             seen: set[tuple[str, str]]) -> None:  # fmt: skip
    key = (o.get("$ref", ""), n.get("$ref", ""))
    if key != ("", "") and key in seen:
        return  # a recursive definition (Item.points) already compared
    seen = seen | {key}
    o, n = _resolve(o, oroot), _resolve(n, nroot)
    otypes, ntypes = _types(o, oroot), _types(n, nroot)
    if "any" not in ntypes and not otypes <= ntypes:
        out.append(f"{path}: type narrowed from {sorted(otypes)} to {sorted(ntypes)}")
    # a constant may widen to an enum that keeps it (schema_version "1.0" -> "1.0" | "1.1")
    widened = "enum" in n and o.get("const") in n["enum"]
    if "const" in o and o.get("const") != n.get("const") and not widened:
        out.append(f"{path}: constant changed from {o['const']!r} to {n.get('const')!r}")
    if "enum" in o and "enum" in n and not set(o["enum"]) <= set(n["enum"]):
        lost = sorted(set(o["enum"]) - set(n["enum"]))
        out.append(f"{path}: enum lost {lost}")
    for branch in o.get("anyOf", []):
        match = [b for b in n.get("anyOf", [n]) if _types(b, nroot) & _types(branch, oroot)]
        if match:
            _compare(branch, match[0], oroot, nroot, path, out, seen)
    oprops, nprops = o.get("properties", {}), n.get("properties", {})
    for name in oprops:
        if name not in nprops:
            out.append(f"{path}.{name}: removed or renamed")
        else:
            _compare(oprops[name], nprops[name], oroot, nroot, f"{path}.{name}", out, seen)
    for name in sorted(set(n.get("required", [])) - set(o.get("required", []))):
        out.append(f"{path}.{name}: newly required")
    if "items" in o and "items" in n:
        _compare(o["items"], n["items"], oroot, nroot, f"{path}[]", out, seen)
