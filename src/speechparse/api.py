"""parse(): the pipeline from a string to a validated Speech, stage by stage; and the same
for bytes and files, which are decoded first."""

from __future__ import annotations

import gc
import os
from pathlib import Path

from lark.exceptions import UnexpectedInput

from . import frame, noise, rules, segment
from .build import Builder
from .decode import decode
from .diagnose import diagnose
from .errors import ParseError
from .frame_model import Frame
from .grammar import parse_units
from .lexer import Stream
from .meta import read_meta
from .models import Diagnostic, Span, Speech
from .normalize import normalize


def parse(text: str, *, strict: bool = False) -> Speech:
    """Parse one speech.

    The default mode always returns a Speech, with ``diagnostics`` saying what was not
    found. ``strict=True`` raises :class:`ParseError` (with offset, line and column) when no
    part of a speech is recognised.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}; use parse_bytes()")
    # Python's cycle collector is off while a speech is parsed. A parse builds tens of
    # thousands of small, acyclic objects for a long text (reference counting frees them),
    # and each full collection walks all of them: on a 200,000-character text the collector
    # made validation twice as slow per character as on a 50,000-character one. It is put
    # back as it was (it is process-wide: a parse on another thread may turn it on early,
    # which costs only time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse(text, strict)
    finally:
        if collecting:
            gc.enable()


def clean_view(text: str) -> tuple[noise.View, list[noise.NoiseSpan]]:
    """Stages 1-3: the normalised text with inline noise and a page's own breaks taken out
    (the view the frame, the labeller and the lexer read), and the inline noise."""
    norm = normalize(text)
    inline = noise.find_inline(norm)
    view = noise.View(norm, inline)
    wraps = segment.hard_wraps(view.text)
    # a page's own breaks leave the view too (a hard-wrapped page's; those before a
    # document site's chunk label in mid-sentence), but they are no noise: node text keeps
    # them (only inline noise is cut from it)
    joins = [noise.NoiseSpan(*view.span(a, b), "wrap") for a, b in wraps]
    joins += [noise.NoiseSpan(a, b, "wrap") for a, b in noise.chunk_breaks(norm)]
    if joins:
        view = noise.View(norm, noise.merge(inline + joins))
    return view, inline


def _parse(text: str, strict: bool, model: str | None = "") -> Speech:
    """The pipeline. The trained labeller decides the frame with ``model`` (a model file, or
    "" for the packaged one); with ``None`` the rules (rules/) decide it."""
    view, inline = clean_view(text)
    clean = view.text
    outline = (
        rules.frame(clean, segment.lines(clean))
        if model is None
        else frame.frame(clean, segment.lines(clean), model or None)
    )
    units = segment.units(clean, outline.body)
    stream = Stream(
        title=_unit(clean, outline.title.start, outline.title.end) if outline.title else None,
        salutation=_salutation(clean, outline),
        units=units,
    )
    heads = [u for u in (stream.title, stream.salutation) if u is not None]
    builder = Builder(text, view, inline, outline.body, [*heads, *units], outline.addressees)
    try:
        parts = parse_units(stream, builder)
    except UnexpectedInput as exc:  # the grammar accepts TEXT everywhere: this is a bug
        if strict:
            raise ParseError(f"internal grammar error: {exc}", text, 0) from exc
        parts = _fallback(builder, units)
    lines_noise = [noise.NoiseSpan(*view.span(n.start, n.end), n.kind) for n in outline.noise]
    speech = Speech.model_validate(
        {"length": len(text), "noise": _noise(text, lines_noise, inline), **parts}
    )
    last = None
    if units:
        tail = builder.block(units[-1].start, units[-1].end)
        last = (Span(**tail["span"]), units[-1].text)
    unclassified = [
        Span(start=a, end=b)
        for a, b in (view.span(ln.start, ln.end) for ln in outline.unclassified)
    ]
    diagnostics = diagnose(speech, last, unclassified)
    if strict:
        error = next((d for d in diagnostics if d.severity == "error"), None)
        if error is not None:
            offset = error.span.start if error.span else len(text) - len(text.lstrip())
            raise ParseError(f"{error.code}: {error.message}", text, offset)
    # the metadata reads the parts found (title, bylines set aside as noise, opening)
    return speech.model_copy(
        update={"diagnostics": diagnostics, "meta": read_meta(text, speech, view.norm)}
    )


def parse_labelled(text: str, model: str = "") -> Speech:
    """:func:`parse` with the frame's labeller read from the model file ``model`` (what
    ``make cv`` trains for each fold); "" is the packaged model."""
    return _parse(text, False, model)


def parse_rules(text: str, *, strict: bool = False) -> Speech:
    """:func:`parse` with the frame decided by the hand-written rules (rules/) on every
    page, as before the labeller: the baseline ``make cv`` scores the labeller against."""
    return _parse(text, strict, None)


def parse_bytes(data: bytes, *, strict: bool = False) -> Speech:
    """Decode ``data`` (see decode.py) and parse it. Spans are offsets into the decoded text
    (a byte-order mark is not part of it); ``Speech.encoding`` says what was used. Raises
    :class:`speechparse.DecodeError` (a ParseError) when the bytes cannot be decoded."""
    text, encoding = decode(data)
    return parse(text, strict=strict).model_copy(update={"encoding": encoding})


def parse_file(path: str | os.PathLike[str], *, strict: bool = False) -> Speech:
    """Read a file as bytes and parse it with :func:`parse_bytes`."""
    return parse_bytes(Path(path).read_bytes(), strict=strict)


def _unit(clean: str, start: int, end: int) -> segment.Unit:
    return segment.Unit(start, end, -1, True, clean[start:end])


def _salutation(clean: str, outline: Frame) -> segment.Unit | None:
    return _unit(clean, *outline.salutation) if outline.salutation else None


def _fallback(builder: Builder, units: list[segment.Unit]) -> dict[str, object]:
    """Everything in one opening, so that nothing is lost."""
    return {"opening": builder.section(units)} if units else {}


def _noise(
    text: str, lines: list[noise.NoiseSpan], inline: list[noise.NoiseSpan]
) -> list[dict[str, object]]:
    """Whole-line and inline noise in document order; neighbouring lines of a kind merged."""
    inside = [n for n in inline if not any(w.start <= n.start and n.end <= w.end for w in lines)]
    merged: list[noise.NoiseSpan] = []
    for n in sorted(lines, key=lambda n: n.start):
        prev = merged[-1] if merged else None
        if prev and prev.kind == n.kind and not text[prev.end : n.start].strip():
            merged[-1] = noise.NoiseSpan(prev.start, n.end, n.kind)
        else:
            merged.append(n)
    return [
        {"span": {"start": n.start, "end": n.end}, "text": text[n.start : n.end], "kind": n.kind}
        for n in sorted(merged + inside, key=lambda n: n.start)
    ]


__all__ = ["Diagnostic", "ParseError", "parse", "parse_bytes", "parse_file"]
