"""Shared paths, and the contract's invariants asserted on every parse the tests make."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from itertools import pairwise
from pathlib import Path

import jsonschema
from pydantic import BaseModel

import speechparse
from speechparse import Speech

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
#: The samples that are speeches, without the drafts `speechparse check` is shown on
#: (30-check-…, 31-check-…): the metamorphic and property tests draw their texts from this
#: pool, and drafts with deliberate faults are no speeches to hold a structure across them.
SPEECH_SAMPLES = [p for p in SAMPLES if "-check-" not in p.name]
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
CORPUS = sorted(CORPUS_DIR.glob("*.txt")) if CORPUS_DIR.is_dir() else []
#: Real pages as people download them (noise, collapsed lines, traditional characters, cuts):
#: those of web/ and those of web2/, first scored as pages nobody here had seen.
WEB = [p for d in ("web", "web2") for p in sorted((CORPUS_DIR / d).glob("*.txt"))]
SECTIONS = ("opening", "review", "demands", "hopes", "closing")


def run_cli(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """``speechparse ARGS…`` in a fresh interpreter, its output captured."""
    return subprocess.run(
        [sys.executable, "-m", "speechparse", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        check=False,
    )


def read(path: Path) -> str:
    """A sample or corpus text, decoded as speechparse decodes files."""
    from speechparse.decode import decode

    return decode(path.read_bytes())[0]


@cache
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((ROOT / "schema" / "speech.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _spans(node: object, parent: tuple[int, int] | None, n: int, path: str) -> None:
    """Every span in bounds, and inside the span of the node that holds it."""
    if isinstance(node, list):
        for i, child in enumerate(node):
            _spans(child, parent, n, f"{path}[{i}]")
        return
    if not isinstance(node, BaseModel):
        return
    here = parent
    span = getattr(node, "span", None)
    if span is not None:
        s, e = span.start, span.end
        assert 0 <= s <= e <= n, f"{path}: span {s}..{e} out of bounds (length {n})"
        if parent is not None:
            assert parent[0] <= s and e <= parent[1], f"{path}: {s}..{e} outside {parent}"
        here = (s, e)
    for name in type(node).model_fields:
        if name in ("span", "noise", "diagnostics"):
            continue
        _spans(getattr(node, name), here, n, f"{path}.{name}")


def check_invariants(source: str, speech: Speech) -> None:
    """The contract's invariants (spec: 'Invariants every output satisfies')."""
    n = len(source)
    assert speech.length == n
    _spans(speech, None, n, "$")
    for d in speech.diagnostics:
        if d.span is not None:
            assert 0 <= d.span.start <= d.span.end <= n
    # 2. sections in document order, not overlapping
    last = -1
    for key in ("title", "salutation", *SECTIONS):
        node = getattr(speech, key)
        if node is not None:
            assert node.span.start >= last, f"{key} starts before the part before it ends"
            last = node.span.end
    # 3. coverage, no overlap, text is the source minus inline noise
    blocks = [b for b in (speech.title, speech.salutation) if b is not None]
    for key in SECTIONS:
        section = getattr(speech, key)
        if section is not None:
            blocks.extend(section.paragraphs)
    noise = [(x.span.start, x.span.end) for x in speech.noise]
    ordered = sorted((b.span.start, b.span.end) for b in blocks)
    for (_, e1), (s2, _) in pairwise(ordered):
        assert s2 >= e1, "two blocks overlap"
    for s, e in noise:
        inside = any(bs <= s and e <= be for bs, be in ordered)
        apart = all(e <= bs or s >= be for bs, be in ordered)
        assert inside or apart, f"noise {s}..{e} straddles a block"
    covered = bytearray(n)
    for s, e in [*ordered, *noise]:
        covered[s:e] = b"\x01" * (e - s)
    lost = [i for i in range(n) if not covered[i] and not source[i].isspace()]
    assert not lost, f"{len(lost)} characters lost, first at {lost[0]}: {source[lost[0] :][:12]!r}"
    in_noise = bytearray(n)
    for s, e in noise:
        in_noise[s:e] = b"\x01" * (e - s)
    for b in blocks:
        s, e = b.span.start, b.span.end
        want = "".join(source[i] for i in range(s, e) if not in_noise[i])
        assert b.text == want, f"block at {s} does not equal its source"
    # 4. JSON round trip and the published schema
    assert Speech.model_validate_json(speech.model_dump_json()) == speech
    assert speechparse.loads(speechparse.dumps(speech)) == speech
    validator().validate(speech.model_dump(mode="json"))
