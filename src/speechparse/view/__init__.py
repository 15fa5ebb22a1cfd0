"""See a speech's structure: the source text with every part marked, in one HTML file.

``to_html(speech, text)`` draws the parts of a parsed speech over the text it was parsed
from (marks.py works out where), with a legend, an outline of the demands whose entries jump
to the text, and the diagnostics linked to where they point. The file is self-contained (its
style sheet is inside it) and works offline. Jinja2 writes it with autoescaping on, so the
speech's text is always shown and never run.

Needs the ``view`` extra (Jinja2): ``pip install 'speechparse[view]'``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import jinja2
import markupsafe

from ..models import Diagnostic, Span, Speech
from .marks import KINDS, Entry, Mark, collect, nest


@dataclass(frozen=True, slots=True)
class View:
    """What the templates draw: the marked text, the outline, the diagnostics with the id
    of the mark each points to, and the kinds of mark that occur (for the legend)."""

    nodes: list[Mark | str]
    outline: list[Entry]
    diagnostics: list[tuple[Diagnostic, str]]
    legend: list[tuple[str, str]]
    speech: Speech
    header: list[str]
    """The metadata's header line, part by part: speaker, date, event (those found)."""


def build_view(speech: Speech, text: str, *, checks: bool = False) -> View:
    """The view of ``speech`` over ``text``, the exact string it was parsed from (offsets
    into anything else would mark the wrong characters, so a mismatch is an error). With
    ``checks`` the list is what ``speechparse check`` finds (the draft page's), each problem
    marked and linked like a diagnostic."""
    if speech.length != len(text):
        raise ValueError(
            f"the text has {len(text)} characters but the speech was parsed from "
            f"{speech.length}: pass the exact text given to parse()"
        )
    if checks:
        speech = speech.model_copy(update={"diagnostics": _problems(speech, text)})
    marks, outline, ids = collect(speech, text)
    used = {m.kind for m in marks}
    legend = [(kind, name) for kind, name in KINDS.items() if kind in used]
    diagnostics = list(zip(speech.diagnostics, ids, strict=True))
    return View(nest(marks, text), outline, diagnostics, legend, speech, header(speech))


def _problems(speech: Speech, text: str) -> list[Diagnostic]:
    """``speechparse check``'s problems as diagnostics, so the page marks and links them."""
    from ..check import check_speech

    return [
        Diagnostic(
            severity=p.severity,
            code=p.code,
            message=p.message,
            span=Span(start=p.start, end=p.end) if p.end > p.start else None,
        )
        for p in check_speech(speech, text)
    ]


def header(speech: Speech) -> list[str]:
    """speaker · date · event, as the reader of a page wants them first: the speaker's
    post and name, the date in ISO form where known (else as written), the meeting."""
    meta = speech.meta
    parts = []
    if meta.speaker:
        parts.append(" ".join(p for p in (meta.speaker.post, meta.speaker.name) if p))
    if meta.date:
        parts.append(meta.date.iso or meta.date.text)
    if meta.event:
        parts.append(meta.event.name)
    return parts


@cache
def environment() -> jinja2.Environment:
    """The template environment: templates from this package, autoescaping always on."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("speechparse.view", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["source"] = source_text
    return env


def source_text(text: str) -> markupsafe.Markup:
    """Source text for the page, escaped, and with each carriage return written as a
    character reference: an HTML parser turns a raw CR or CRLF into LF before it reads the
    text, a reference survives, so every character of the input is in the page. (A NUL
    cannot be shown: browsers drop it however it is written.)"""
    return markupsafe.Markup(str(markupsafe.escape(text)).replace("\r", "&#13;"))


def to_html(speech: Speech, text: str, *, title: str | None = None) -> str:
    """One self-contained HTML page showing ``text`` with the parts of ``speech`` (parsed
    from it) marked. ``title`` names the page (by default the speech's title)."""
    view = build_view(speech, text)
    heading = title or (speech.title.text if speech.title else "speech")
    return environment().get_template("view.html.j2").render(view=view, heading=heading)


__all__ = ["View", "build_view", "environment", "header", "to_html"]
