"""The parts of a parsed speech as marks over its source text, nested for drawing.

A Speech says where each part lies by spans into the input. A view draws every part over
the text the way displaCy draws entities: one element per part, inside the element of the
part that holds it. Spans of different parts may cross (a point that runs on past the end
of a body paragraph, a diagnostic over two parts); HTML elements cannot, so a mark that
crosses the end of the one that holds it is cut in two there, and its second piece goes
on after it. Every character of the input lies in exactly one place of the tree, in order.

Only the public models are read here: the view is a layer over ``parse``, not a stage of it.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from ..models import Block, Diagnostic, Item, Span, Speech

#: Every kind of mark, outermost first where two have the same span, with its name in the
#: legend. The order also breaks ties in nesting: a section holds its blocks, an item holds
#: its marker and headline.
KINDS: dict[str, str] = {
    "title": "title",
    "salutation": "salutation",
    "opening": "opening",
    "review": "review",
    "demands": "demands",
    "hopes": "hopes",
    "closing": "closing",
    "occasion": "occasion",
    "greeting": "greeting",
    "preamble": "preamble",
    "achievement": "achievement",
    "item": "demand",
    "point": "point",
    "subpoint": "sub-point",
    "hope": "hope",
    "call": "call to action",
    "wish": "wish",
    "thanks": "thanks",
    "body": "body",
    "marker": "marker",
    "headline": "headline",
    "addressee": "addressee",
    "target": "greeted",
    "act": "act",
    "noise": "noise",
    "diagnostic": "diagnostic",
}
_RANK = {kind: rank for rank, kind in enumerate(KINDS)}


@dataclass(slots=True)
class Mark:
    """One part over [start, end) of the input. ``id`` names the part (its first piece
    carries it as the element's id); ``label`` is what hovering over it says."""

    start: int
    end: int
    kind: str
    label: str
    id: str = ""
    detail: str = ""  # a second class (the noise kind, the severity of a diagnostic)
    children: list[Mark | str] = field(default_factory=list)
    first: bool = True  # the first piece of a mark cut in two


@dataclass(slots=True)
class Entry:
    """One line of the outline: an enumerated item, and the items inside it."""

    id: str
    marker: str
    headline: str
    children: list[Entry] = field(default_factory=list)


class _Collector:
    """Walks a Speech and collects its marks, giving each item an id."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.marks: list[Mark] = []
        self._ids = 0

    def add(self, span: Span, kind: str, label: str, detail: str = "") -> str:
        self._ids += 1
        mark_id = f"m{self._ids}"
        if span.end > span.start:
            self.marks.append(Mark(span.start, span.end, kind, label, mark_id, detail))
        return mark_id

    def block(self, block: Block | None, kind: str, label: str = "") -> str:
        return self.add(block.span, kind, label or KINDS[kind]) if block is not None else ""

    def phrase(self, within: Span, phrase: str | None, kind: str, label: str, after: int) -> int:
        """Mark ``phrase`` (a view that has no span of its own: an addressee, an act) where it
        is first written in ``within`` at or after ``after``; returns where it ends."""
        if not phrase:
            return after
        at = self.text.find(phrase, max(after, within.start), within.end)
        if at < 0:
            return after
        self.add(Span(start=at, end=at + len(phrase)), kind, label)
        return at + len(phrase)

    def item(self, item: Item, kind: str, depth: int) -> Entry:
        number = "" if item.index is None else f" {item.index}"
        item_id = self.add(item.span, kind, f"{KINDS[kind]}{number}")
        if item.marker:
            end = item.span.start + len(item.marker)
            if self.text[item.span.start : end] == item.marker:
                self.add(Span(start=item.span.start, end=end), "marker", f"marker ({item.style})")
        self.block(item.headline, "headline")
        for body in item.body:
            self.block(body, "body")
        sub = "subpoint" if depth >= 1 else "point"
        children = [self.item(point, sub, depth + 1) for point in item.points]
        return Entry(item_id, item.marker or "", item.headline.text, children)


def collect(speech: Speech, text: str) -> tuple[list[Mark], list[Entry], list[str]]:
    """The marks of every part of ``speech`` over ``text`` (the input it was parsed from),
    the outline of its demands, and the id of each diagnostic's mark ("" for none)."""
    c = _Collector(text)
    c.block(speech.title, "title")
    if speech.salutation is not None:
        c.block(speech.salutation, "salutation")
        pos = speech.salutation.span.start
        for name in speech.salutation.addressees:
            pos = c.phrase(speech.salutation.span, name, "addressee", "addressee", pos)
    if (opening := speech.opening) is not None:
        c.add(opening.span, "opening", "opening")
        c.block(opening.occasion, "occasion")
        for greeting in opening.greetings:
            c.block(greeting, "greeting")
            pos = greeting.span.start
            for act in greeting.acts:
                pos = c.phrase(greeting.span, act.target, "target", "greeted", pos)
                pos = c.phrase(greeting.span, act.act, "act", "act", pos)
    if (review := speech.review) is not None:
        c.add(review.span, "review", "review")
        for achievement in review.achievements:
            c.item(achievement, "achievement", 1)
    outline: list[Entry] = []
    if (demands := speech.demands) is not None:
        c.add(demands.span, "demands", "demands")
        for i, block in enumerate(demands.preamble):
            announced = demands.declared_count is not None and i == len(demands.preamble) - 1
            label = f"preamble (announces {demands.declared_count})" if announced else ""
            c.block(block, "preamble", label)
        outline = [c.item(item, "item", 0) for item in demands.items]
    if (hopes := speech.hopes) is not None:
        c.add(hopes.span, "hopes", "hopes")
        for hope in hopes.items:
            c.block(hope, "hope", "hope" if hope.addressee else "pledge of support")
            c.phrase(hope.span, hope.addressee, "addressee", "asked", hope.span.start)
    if (closing := speech.closing) is not None:
        c.add(closing.span, "closing", "closing")
        c.block(closing.call_to_action, "call")
        for wish in closing.wishes:
            c.block(wish, "wish")
        c.block(closing.thanks, "thanks")
    for noise in speech.noise:
        c.add(noise.span, "noise", f"noise: {noise.kind}", noise.kind)
    diagnostics = [_diagnostic(c, d) for d in speech.diagnostics]
    return c.marks, outline, diagnostics


def _diagnostic(c: _Collector, d: Diagnostic) -> str:
    if d.span is None or d.span.end <= d.span.start:
        return ""
    return c.add(d.span, "diagnostic", f"{d.severity}: {d.message}", d.severity)


def nest(marks: list[Mark], text: str) -> list[Mark | str]:
    """The marks as a tree over ``text``: each mark holds the text and the marks inside it.
    A mark that crosses the end of the one holding it is cut there; the rest goes on
    after it. Returns the top level: pieces of text and marks, in order, covering the text."""
    root = Mark(0, len(text), "", "")
    queue = [(m.start, -m.end, _RANK[m.kind], n, m) for n, m in enumerate(marks)]
    heapq.heapify(queue)
    stack = [root]
    pos = 0  # every character before this one is placed
    seq = len(marks)
    while queue:
        *_, mark = heapq.heappop(queue)
        while mark.start >= stack[-1].end:
            pos = _close(stack, text, pos)
        holder = stack[-1]
        if mark.end > holder.end:  # crossing: the rest goes on after the holder
            rest = Mark(holder.end, mark.end, mark.kind, mark.label, mark.id, mark.detail)
            rest.first = False
            seq += 1
            heapq.heappush(queue, (rest.start, -rest.end, _RANK[rest.kind], seq, rest))
            mark.end = holder.end
        if mark.start > pos:
            holder.children.append(text[pos : mark.start])
            pos = mark.start
        holder.children.append(mark)
        stack.append(mark)
    while len(stack) > 1:
        pos = _close(stack, text, pos)
    if pos < len(text):
        root.children.append(text[pos:])
    return root.children


def _close(stack: list[Mark], text: str, pos: int) -> int:
    """Close the innermost open mark: its text after its last child, then pop it."""
    mark = stack.pop()
    if mark.end > pos:
        mark.children.append(text[pos : mark.end])
    return max(pos, mark.end)
