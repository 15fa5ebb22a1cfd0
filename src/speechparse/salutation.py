"""How a salutation is read: a list of addressees ending in a colon (尊敬的各位领导、同志们：).

The frame's splitter uses it to cut a salutation out of the line it shares with a title or
site text, the labeller uses it as a feature, and the lexer uses it for a re-address in the
middle of a speech (同志们，…).
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import cues
from .segment import Line

#: What no addressee contains: digits, brackets, quotes (a date, a quotation).
_NOT_A_NAME = re.compile(r"[\d()《》“”【】\"':;。!?]|讲话|致辞|致词|发言|报告|主持词|贺词")
#: How an addressee ends: an address word (同志们, 各位, 尊敬的), a role (书记, 代表, 乡亲们)
#: or a placeholder (XX, **).
_ADDRESSEE_END = re.compile(rf"(?:{cues.ADDRESSEE_STRONG.pattern}|(?:{cues.ROLES})们?|[*×X]+)$")
#: An addressee that is a role and at most two characters before it (老师, 各位来宾, XX书记),
#: perhaps after the whole of a place's people (全县广大职工, 全国各族职工).
_BARE_ROLE = re.compile(rf"{cues.ALL_THE_PEOPLE}?[\u4e00-\u9fff*×X]{{0,2}}(?:{cues.ROLES})")
#: The whole of a place's people opening the list: an address on its own (全国各族职工：).
_PEOPLE = re.compile(cues.ALL_THE_PEOPLE)
#: Where a title ends: its title word, perhaps with 稿, 全文…
TITLE_END = re.compile(rf"{cues.TITLE_WORD}{cues.TITLE_SUFFIX}?")


def addressee_parts(clause: str, offset: int) -> list[tuple[int, int]] | None:
    """Spans of the addressees if ``clause`` (starting at ``offset``) is a list of them."""
    strong = cues.ADDRESSEE_STRONG.search(clause) is not None or _PEOPLE.match(clause) is not None
    if cues.NOT_ADDRESSEE.search(clause):
        return None
    parts: list[tuple[int, int]] = []
    pos = 0
    for piece in [*cues.SALUTATION_SPLIT.split(clause)]:
        s = clause.index(piece, pos) if piece else pos
        pos = s + len(piece)
        stripped = piece.strip()
        if not stripped:
            continue
        if (
            len(stripped) > 20
            or _NOT_A_NAME.search(stripped)
            or cues.NOT_ONE_ADDRESSEE.search(stripped)
        ):
            return None
        if not (cues.ADDRESSEE_STRONG.search(stripped) or cues.ADDRESSEE_WEAK.search(stripped)):
            return None
        # (every address word and role is short: its end is looked for near the end)
        tail = max(0, len(stripped) - 8)
        if not (cues.ADDRESS_OPENER.match(stripped) or _ADDRESSEE_END.search(stripped, tail)):
            return None  # an address word inside a phrase (感谢各位代表这几天的辛苦付出)
        if not strong and not _BARE_ROLE.fullmatch(stripped):
            return None
        lead = len(piece) - len(piece.lstrip())
        parts.append((offset + s + lead, offset + s + lead + len(stripped)))
    # without a word that only an address has (们, 各位, 尊敬的), two or more bare roles
    # (老师、同学：) still make a list of addressees
    return parts if parts and (strong or len(parts) >= 2) else None


@lru_cache(maxsize=256)
def salutation_at(clean: str, line: Line) -> tuple[int, list[tuple[int, int]]] | None:
    """If the line opens with a salutation: where it ends (after the colon) and its parts."""
    text = clean[line.start : line.end]
    if not text:
        return None
    m = cues.SALUTATION_CLAUSE.match(text) if ":" in text else None  # (a fast test first)
    if m is None:
        # a salutation line that ends in ! or , instead of a colon (同志们！)
        if len(text) <= 40 and text[-1] in "!,":
            parts = addressee_parts(text[:-1], line.start)
            return (line.end, parts) if parts else None
        return None
    parts = addressee_parts(m["clause"], line.start)
    return (line.start + m.end(), parts) if parts else None


def split_salutation(clean: str, line: Line, nxt: Line) -> tuple[int, list[tuple[int, int]]] | None:
    """A salutation broken over two lines (尊敬的各位领导、 / 同志们：)."""
    text = clean[line.start : line.end]
    if len(text) > 40 or text[-1] not in ",、":
        return None
    head = addressee_parts(text[:-1], line.start)
    found = salutation_at(clean, nxt) if head else None
    return (found[0], head + found[1]) if head and found else None


def addressees_start(clean: str, head: int, colon: int) -> int | None:
    """Where the list of addressees that ends at ``colon`` begins, or None. It can begin at
    ``head``, after a title word, after a character that is not Chinese (a phone number, a
    space), at a placeholder (*书记) or at a word that opens an address (尊敬的, 各位 …). Of
    the lists that can be read, the one with the most addressees wins, then the one whose
    first addressee opens with an address word or a placeholder, then the longest."""
    ends = {w.end() for w in TITLE_END.finditer(clean, head, colon)}
    best: tuple[int, int, int] | None = None
    for start in range(max(head, colon - 60), colon):
        if clean[start].isspace():
            continue
        natural = (
            start == head
            or start in ends
            or clean[start] in "*×X"
            or not ("\u4e00" <= clean[start - 1] <= "\u9fff")
            or cues.ADDRESS_OPENER.match(clean, start) is not None
        )
        parts = addressee_parts(clean[start:colon], start) if natural else None
        if not parts:
            continue
        first = clean[parts[0][0] : parts[0][1]]
        if not cues.FIRST_ADDRESSEE.match(first):
            continue
        # an address word, a placeholder, or a start right after a sentence, a colon or a
        # title word
        plain = (
            start == head or start in ends or cues.ADDRESS_OPENER.match(first) or first[0] in "*×X"
        )
        score = (len(parts), 1 if plain else 0, -start)
        if best is None or score > best:
            best = score
    return -best[2] if best is not None else None
