"""render(): a clean, canonical speech from a Speech — the inverse of parse() on clean text.

Canonical text is one paragraph per line, "\\n" line ends, no indentation and no noise:
the title, the salutation, then each section's paragraphs. A paragraph that holds the start
of a demand (a collapsed speech) is broken there, so that every demand opens a line, as it
does in a clean speech. Rendering is a fixpoint: for t = render(parse(x)),
render(parse(t)) == t.
"""

from __future__ import annotations

from .models import Block, Item, Noise, Speech


def render(speech: Speech) -> str:
    """The speech as canonical text (an empty string for a speech with no text)."""
    lines: list[str] = []
    for head in (speech.title, speech.salutation):
        if head is not None:
            lines.append(_one_line(head.text))
    starts = _item_starts(speech)
    for section in (speech.opening, speech.review, speech.demands, speech.hopes, speech.closing):
        if section is None:
            continue
        for paragraph in section.paragraphs:
            # (a paragraph broken by its page, hard-wrapped or cut into chunks, is one line)
            lines.extend(_one_line(line) for line in _split(paragraph, starts, speech.noise))
    return "".join(line + "\n" for line in lines)


def _one_line(text: str) -> str:
    """A title, salutation or paragraph broken over lines, joined again."""
    return "".join(part.strip() for part in text.splitlines())


def _item_starts(speech: Speech) -> list[int]:
    """Where each demand (and each headed achievement) begins in the input."""
    items: list[Item] = []
    if speech.demands is not None:
        items += speech.demands.items
    if speech.review is not None:
        items += speech.review.achievements
    return sorted(i.span.start for i in items)


def _split(paragraph: Block, starts: list[int], noise: list[Noise]) -> list[str]:
    """The paragraph's text, broken before every item that starts inside it."""
    s, e = paragraph.span.start, paragraph.span.end
    cuts = [c for c in starts if s < c < e]
    if not cuts:
        return [paragraph.text]
    out, pos = [], 0
    for c in cuts:
        k = c - s - _noise_between(noise, s, c)  # the offset in the text, noise cut out
        out.append(paragraph.text[pos:k].strip())
        pos = k
    out.append(paragraph.text[pos:].strip())
    return [line for line in out if line]


def _noise_between(noise: list[Noise], start: int, end: int) -> int:
    return sum(max(0, min(end, n.span.end) - max(start, n.span.start)) for n in noise)
