"""What a writer wants checked in a draft, listed the way a compiler lists problems.

``check(text)`` parses the draft with the public API and returns its problems in document
order: the parser's own diagnostics, and the checks a writer needs (numbering at every
level, marker styles, headings, empty items, placeholders left in, unbalanced brackets and
quotes, the salutation's colon, a byline date that contradicts the title). Each has a code;
``format_line`` writes one as ``FILE:LINE:COL: severity[code] message``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from . import cues
from .api import parse
from .dates import find_dates
from .markers import marker_at
from .models import Item, Severity, Span, Speech
from .normalize import normalize

#: A headline longer than this (in characters) is a paragraph, not a heading.
HEADING_MAX = 60
#: Parser diagnostics the checks here replace with finer ones.
_REPLACED = frozenset({"enum-gap", "enum-count-mismatch"})


Found = tuple[Severity, str, str, "Span | None"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem: how bad, which check, what is wrong, and where (span into the text,
    and the 1-based line and column of its start)."""

    severity: Severity
    code: str
    message: str
    start: int
    end: int
    line: int
    column: int

    def as_json(self, file: str) -> dict[str, object]:
        """The problem as ``--format json`` writes it."""
        return {
            "file": file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "span": {"start": self.start, "end": self.end},
        }


def check(text: str) -> list[Problem]:
    """Every problem of the draft ``text``, in document order."""
    return check_speech(parse(text), text)


def check_speech(speech: Speech, text: str) -> list[Problem]:
    """Every problem of ``speech``, parsed from ``text``, in document order."""
    meta = [n.span for n in (speech.meta.speaker, speech.meta.date) if n is not None]
    found: list[Found] = [
        (d.severity, d.code, d.message, d.span)
        for d in speech.diagnostics
        if d.code not in _REPLACED
        # a line the frame kept as unknown that the metadata reads as a byline is known
        and not (d.code == "unclassified-paragraph" and d.span and _holds(d.span, meta))
    ]
    found += _count(speech)
    if speech.demands:
        found += _numbering(speech.demands.items, top=True)
        found += _hidden_markers(speech.demands.items, text)
    found += _headings(speech) + _placeholders(speech, text) + _unbalanced(speech, text)
    found += _salutation(speech, text) + _date_mismatch(speech, text)
    colon = [f[3] for f in found if f[1] == "salutation-colon"]
    if colon:  # the salutation is there, only without its colon: say that alone
        found = [
            f
            for f in found
            if f[1] != "no-salutation" and not (f[1] == "unclassified-paragraph" and f[3] in colon)
        ]
    starts = _line_starts(text)
    unique = {(f[1], f[3].start if f[3] else 0): f for f in found}  # one problem, told once
    problems = [_problem(text, starts, *f) for f in unique.values()]
    return sorted(problems, key=lambda p: (p.start, p.code))


def format_line(file: str, p: Problem) -> str:
    """``FILE:LINE:COL: severity[code] message``."""
    return f"{file}:{p.line}:{p.column}: {p.severity}[{p.code}] {p.message}"


def _holds(outer: Span, inner: list[Span]) -> bool:
    return any(outer.start <= s.start and s.end <= outer.end for s in inner)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts += [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return starts


def _problem(
    text: str, starts: list[int], severity: Severity, code: str, message: str, span: Span | None
) -> Problem:
    start, end = (span.start, span.end) if span else (0, 0)
    line = max(i for i, s in enumerate(starts) if s <= start) if starts else 0
    return Problem(severity, code, message, start, end, line + 1, start - starts[line] + 1)


def _marker(item: Item) -> Span:
    return Span(start=item.span.start, end=item.span.start + len(item.marker or ""))


def _count(speech: Speech) -> list[Found]:
    demands = speech.demands
    if demands is None or demands.declared_count is None or not demands.items:
        return []
    n, found = demands.declared_count, len(demands.items)
    if n == found:
        return []
    where = demands.preamble[-1].span if demands.preamble else _marker(demands.items[0])
    return [("warning", "enum-count", f"announces {n} items but {found} are found", where)]


def _numbering(items: list[Item], *, top: bool) -> list[Found]:
    """Gaps, repeats and order of the markers at one level, and their styles; then the
    points inside each item, the same way (point-skip, point-repeat, point-restart)."""
    out: list[Found] = []
    numbered = [i for i in items if i.index is not None and i.style != "sequence"]
    styles = list(dict.fromkeys(i.style for i in numbered))
    if len(styles) > 1:
        odd = next(i for i in numbered if i.style != numbered[0].style)
        first = (numbered[0].marker or "").strip()
        message = f"two marker styles at one level: {first} and {(odd.marker or '').strip()}"
        out.append(("warning", "mixed-markers", message, _marker(odd)))
    for prev, item in pairwise(numbered):
        a, b = prev.index or 0, item.index or 0
        code = ""
        if b == a:
            code, message = ("enum-repeat" if top else "point-repeat"), f"number {b} repeats"
        elif b > a + 1:
            missing = ", ".join(str(k) for k in range(a + 1, b))
            code = "enum-gap" if top else "point-skip"
            message = f"the numbering jumps from {a} to {b}: {missing} missing"
        elif b < a:
            code = "point-restart" if not top and b == 1 else "enum-order"
            message = f"number {b} comes after {a}"
        if code:
            out.append(("warning", code, message, _marker(item)))
    for item in items:
        out += _numbering(item.points, top=False)
    return out


def _items(items: list[Item]) -> list[Item]:
    return [x for i in items for x in (i, *_items(i.points))]


def _headings(speech: Speech) -> list[Found]:
    """A headline far too long for a heading; an item with nothing under its heading."""
    out: list[Found] = []
    for item in _items(speech.demands.items if speech.demands else []):
        head = item.headline
        if len(head.text) > HEADING_MAX:
            out.append(("warning", "heading-too-long",
                        f"the heading has {len(head.text)} characters (more than {HEADING_MAX})",
                        head.span))  # fmt: skip
        ended = head.text.rstrip().endswith(("。", "！", "？", "；", ".", "!", "?", ";"))
        if not item.body and not item.points and not ended:
            out.append(("warning", "empty-item", "the item has a heading and nothing under it",
                        head.span))  # fmt: skip
    return out


def _noise_free(speech: Speech, text: str) -> list[tuple[int, str]]:
    """The lines of the draft outside whole-line noise, normalised, with their offsets."""
    out: list[tuple[int, str]] = []
    norm = normalize(text)
    start = 0
    for line in norm.split("\n"):
        end = start + len(line)
        if not any(n.span.start <= start and end <= n.span.end for n in speech.noise):
            out.append((start, line))
        start = end + 1
    return out


def _placeholders(speech: Speech, text: str) -> list[Found]:
    out: list[Found] = []
    for offset, line in _noise_free(speech, text):
        for m in cues.PLACEHOLDER.finditer(line):
            span = Span(start=offset + m.start(), end=offset + m.end())
            shown = text[span.start : span.end]
            out.append(("warning", "placeholder", f"a placeholder is left in: {shown}", span))
    return out


def _unbalanced(speech: Speech, text: str) -> list[Found]:
    """《》“”（）【】 that do not pair up within their line."""
    closers = {v: k for k, v in cues.PAIRS.items()}
    out: list[Found] = []
    for offset, line in _noise_free(speech, text):
        stack: list[int] = []
        for i, ch in enumerate(line):
            if ch in cues.PAIRS:
                stack.append(i)
            elif ch in closers:
                if stack and line[stack[-1]] == closers[ch]:
                    stack.pop()
                else:
                    span = Span(start=offset + i, end=offset + i + 1)
                    out.append(("warning", "unbalanced",
                                f"{text[span.start]} closes nothing opened", span))  # fmt: skip
        for i in stack:
            span = Span(start=offset + i, end=offset + i + 1)
            want = cues.PAIRS[line[i]]
            want = {")": "）"}.get(want, want) if text[span.start] == "（" else want
            out.append(("warning", "unbalanced",
                        f"{text[span.start]} is not closed by {want}", span))  # fmt: skip
    return out


def _salutation(speech: Speech, text: str) -> list[Found]:
    """A salutation without its colon: one the parser found, or (since without the colon it
    is often not found) a line before the first sentence that only addresses people."""
    s = speech.salutation
    if s is not None:
        if s.text.rstrip().endswith(("：", ":")):
            return []
        return [("warning", "salutation-colon", _NO_COLON, s.span)]
    offset = 0
    for line in normalize(text).split("\n")[:6]:
        bare, here = line.strip(), offset
        offset += len(line) + 1
        if re.search(r"[。!?]", bare):
            break
        if bare and not bare.endswith(":") and cues.ADDRESSEE_STRONG.search(bare):
            pieces = cues.SALUTATION_SPLIT.split(bare)
            if len(bare) <= 30 and all(len(p) <= 12 for p in pieces):
                start = here + line.index(bare)
                span = Span(start=start, end=start + len(bare))
                return [("warning", "salutation-colon", _NO_COLON, span)]
    return []


_NO_COLON = "the salutation does not end with a colon (：)"


def _hidden_markers(items: list[Item], text: str, *, top: bool = True) -> list[Found]:
    """A paragraph of an item's body (outside its points) that opens with a marker the
    parser did not take: the next number in another style (一、 … （二） …) is a second
    style at the level; a point's marker repeated, gone back or skipping is a point
    problem (the parser reads such a paragraph as body, the writer meant an item)."""
    out: list[Found] = []
    for item in items:
        starts = {p.span.start for p in item.points}
        blocks = {b.span.start: b for b in [*item.body, *(b for p in item.points for b in p.body)]}
        for block in blocks.values():
            if block.span.start in starts:
                continue
            m = marker_at(normalize(text[block.span.start : block.span.end]))
            if m is None or m.index is None:
                continue
            end = block.span.start + m.length
            span, shown = Span(start=block.span.start, end=end), text[block.span.start : end]
            before = [p for p in item.points if p.span.start < block.span.start]
            last = before[-1] if before else None
            if last is not None and last.index is not None and m.family == last.style:
                a, b = last.index, m.index
                if b == a:
                    out.append(("warning", "point-repeat", f"number {b} repeats", span))
                elif b < a:
                    code = "point-restart" if b == 1 else "enum-order"
                    out.append(("warning", code, f"number {b} comes after {a}", span))
                elif b > a + 1:
                    missing = ", ".join(str(k) for k in range(a + 1, b))
                    message = f"the numbering jumps from {a} to {b}: {missing} missing"
                    out.append(("warning", "point-skip", message, span))
            elif item.index is not None and m.family == item.style and m.index <= item.index:
                a, b = item.index, m.index  # the level's own marker again, or going back
                if b == a:
                    code, message = (
                        ("enum-repeat" if top else "point-repeat"),
                        f"number {b} repeats",
                    )
                else:
                    code = "point-restart" if not top and b == 1 else "enum-order"
                    message = f"number {b} comes after {a}"
                out.append(("warning", code, message, span))
            elif item.index is not None and m.index == item.index + 1 and m.family != item.style:
                first = (item.marker or "").strip()
                message = f"two marker styles at one level: {first} and {shown}"
                out.append(("warning", "mixed-markers", message, span))
        out += _hidden_markers(item.points, text, top=False)
    return out


def _date_mismatch(speech: Speech, text: str) -> list[Found]:
    """A byline date whose year, month or day contradicts a date in the title."""
    date, title = speech.meta.date, speech.title
    if date is None or date.iso is None or title is None:
        return []
    if title.span.start <= date.span.start < title.span.end:
        return []
    norm = normalize(text[title.span.start : title.span.end])
    for d in find_dates(norm, year_only=True):
        if d.iso is None:
            continue
        short, long = sorted((d.iso, date.iso), key=len)
        if not long.startswith(short):
            message = f"the byline's date {date.text} contradicts the title's {d.text}"
            return [("warning", "date-mismatch", message, date.span)]
    return []


__all__ = ["HEADING_MAX", "Problem", "check", "check_speech", "format_line"]
