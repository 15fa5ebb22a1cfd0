"""Stage 8: say what was not found or looks wrong, so a reader can trust or check the parse."""

from __future__ import annotations

from itertools import pairwise

from . import cues
from .models import Closing, Demands, Diagnostic, Opening, Severity, Span, Speech

_CN_NUMERALS = "零一二三四五六七八九十"


def _numeral(n: int) -> str:
    """1 -> 一, 12 -> 十二, 20 -> 二十: for messages that quote the speech's numbering."""
    if n <= 10:
        return _CN_NUMERALS[n]
    tens, ones = divmod(n, 10)
    return (_CN_NUMERALS[tens] if tens > 1 else "") + "十" + (_CN_NUMERALS[ones] if ones else "")


def _d(severity: Severity, code: str, message: str, span: Span | None = None) -> Diagnostic:
    return Diagnostic(severity=severity, code=code, message=message, span=span)


def diagnose(
    speech: Speech, last: tuple[Span, str] | None, unclassified: list[Span]
) -> list[Diagnostic]:
    """Diagnostics for a built speech, in document order where they have a place. ``last``
    is the span and recognition text of the body's last unit (None for no body);
    ``unclassified`` the lines before the speech that were set aside as unknown."""
    out = [
        _d("warning", "unclassified-paragraph",
           "a line before the speech was neither its title nor known site text; "
           "it is kept as noise of kind 'other'", span)
        for span in unclassified
    ]  # fmt: skip
    if last is None and speech.title is None and speech.salutation is None:
        out.append(_d("error", "no-structure", "the input holds no text to parse"))
        return out
    if speech.salutation is None:
        out.append(
            _d("warning", "no-salutation", "no salutation (同志们： / 各位代表：) was found")
        )
    out += _opening(speech.opening) + _demands(speech.demands) + _closing(speech.closing, last)
    opening = speech.opening
    recognised = (
        speech.salutation is not None
        or (opening is not None and (opening.occasion is not None or bool(opening.greetings)))
        or speech.review is not None
        or (speech.demands is not None and bool(speech.demands.items))
        or speech.hopes is not None
        or speech.closing is not None
    )
    if not recognised:
        out.append(_d("error", "no-structure",
                      "no part of a speech was recognised: no salutation, occasion, greeting, "
                      "review, enumerated demands, hopes or closing"))  # fmt: skip
    return out


def _opening(opening: Opening | None) -> list[Diagnostic]:
    if opening is None or opening.occasion is not None or opening.greetings:
        return []
    return [_d("info", "unclassified-paragraph",
               "the text before the review names no occasion and greets no one; "
               "it is kept as the opening", opening.span)]  # fmt: skip


def _demands(demands: Demands | None) -> list[Diagnostic]:
    if demands is None or not demands.items:
        return [
            _d("warning", "no-demands", "no enumerated demands (一、 / 一要 / （一） …) were found")
        ]
    out = []
    items = demands.items
    for prev, item in pairwise(items):
        if prev.index is not None and item.index is not None and item.index != prev.index + 1:
            marker = Span(start=item.span.start, end=item.span.start + len(item.marker or ""))
            out.append(_d("warning", "enum-gap", _gap(prev.index, item.index), marker))
    if demands.declared_count is not None and demands.declared_count != len(items):
        where = demands.preamble[-1].span if demands.preamble else None
        out.append(_d("warning", "enum-count-mismatch",
                      f"the preamble announces {demands.declared_count} items but "
                      f"{len(items)} were found", where))  # fmt: skip
    return out


def _gap(before: int, after: int) -> str:
    """In plain words, what is wrong with the numbering from ``before`` to ``after``."""
    a, b = _numeral(before), _numeral(after)
    if after == before:
        return f"the numbering repeats {a}"
    if after < before:
        return f"the numbering goes back from {a} to {b}"
    missing = _numeral(before + 1) + (f" to {_numeral(after - 1)}" if after - before > 2 else "")
    verb = "is" if after - before == 2 else "are"
    return f"the numbering jumps from {a} to {b}: {missing} {verb} missing"


def _closing(closing: Closing | None, last: tuple[Span, str] | None) -> list[Diagnostic]:
    if closing is not None:
        return []
    if last is not None and not cues.TEXT_ENDED.search(last[1]):
        return [_d("info", "truncated",
                   "the text stops mid-sentence and has no closing; it may be truncated",
                   last[0])]  # fmt: skip
    return [_d("info", "no-closing", "no closing (call to action, wishes or thanks) was found")]
