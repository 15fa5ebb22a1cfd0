"""Stage 5: classify each unit by its cues, and let the grammar choose among the readings.

A unit's cues rarely settle its role alone: "希望各级党委…" is a hope after the demands and
plain text before them; "同志们，…" re-addresses the audience to close the speech, or not.
So the lexer gives every unit a list of candidate terminals, most specific first and TEXT
last, and yields the first one that the LALR parser accepts in its current state. The order
of the parts is the grammar's alone (grammar/speech.lark); the lexer only reads cues.

What needs a view of the whole body (the enumerations, where the tail begins) is worked
out before the first token, in analysis.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lark import Token
from lark.lexer import Lexer, LexerState

from .analysis import MAX_LEAD, Analysis
from .segment import Unit

#: Terminals that start a section and may pull plain sentences before them on their line.
SECTION_STARTS = ("REVIEW", "PREAMBLE", "ANNOUNCE", "HOPE", "CALL")


@dataclass(slots=True)
class Stream:
    """What the lexer reads: the frame's title and salutation, then the body units."""

    title: Unit | None
    salutation: Unit | None
    units: list[Unit]


class SpeechLexer(Lexer):
    """A Lark lexer over classified units instead of characters (interface 2: it is handed
    the parser state, so it can ask which terminals the grammar accepts next)."""

    __future_interface__ = 2

    def __init__(self, lexer_conf: Any) -> None:  # Lark passes its lexer configuration
        pass

    def lex(self, lexer_state: LexerState, parser_state: Any) -> Iterator[Token]:
        stream: Stream = lexer_state.text  # type: ignore[assignment]
        states = parser_state.parse_conf.states

        def accepts(kind: str) -> bool:
            return kind in states[parser_state.position]

        if stream.title is not None:
            yield _token("TITLE", stream.title, stream.title)
        if stream.salutation is not None:
            yield _token("SALUTATION", stream.salutation, stream.salutation)
        units = stream.units
        analysis = Analysis(units)
        # Plain text is held back and sent as one token with the plain text that follows it:
        # TEXT repeats wherever it is allowed, so this changes no parse, and the parser has
        # far fewer tokens to shift. It is sent before any other token, and before the
        # parser state is consulted.
        held: list[Unit] = []
        lead, lead_kind = 0, "TEXT"  # units that take the kind of a later unit on their line
        for i, unit in enumerate(units):
            cands = analysis.candidates(i)
            plain = cands == ["TEXT"]
            # (only a unit with more on its line can lead a section that starts later on it)
            more = i + 1 < len(units) and units[i + 1].line == unit.line
            j = (
                _section_start_later(analysis, i)
                if plain and more and unit.first and not lead
                else None
            )
            if held and (j is not None or lead or not plain):
                yield _token("TEXT", held[0], held[-1])
                held = []
            if j is not None:
                lead, lead_kind = _lead(analysis, i, j, accepts)
            if lead:
                unit.kind, unit.promoted = (lead_kind if unit.first else "TEXT"), True
                lead -= 1
                yield _token(unit.kind, unit, unit)
                continue
            unit.kind = "TEXT" if plain else next(k for k in cands if accepts(k))
            if unit.kind == "TEXT":
                held.append(unit)
            else:
                yield _token(unit.kind, unit, unit)
        if held:
            yield _token("TEXT", held[0], held[-1])


def _section_start_later(analysis: Analysis, i: int) -> int | None:
    """The unit, within MAX_LEAD of line-opening unit ``i`` and on its line, that could start
    a section, if every unit before it on the line is plain text."""
    units = analysis.units
    for j in range(i + 1, min(i + 1 + MAX_LEAD, len(units))):
        if units[j].line != units[i].line:
            return None
        cands = analysis.candidates(j)
        if any(k in SECTION_STARTS for k in cands):
            return j
        if cands != ["TEXT"]:
            return None
    return None


def _lead(analysis: Analysis, i: int, j: int, accepts: Any) -> tuple[int, str]:
    """If the section that unit ``j`` could start is the reading the grammar takes there, the
    plain units i..j-1 before it on its line open the section with it (a topic sentence
    before "希望各级党委…"). Returns how many units lead, and the kind they take."""
    kinds = [k for k in analysis.candidates(j) if accepts(k)]
    if kinds and kinds[0] in SECTION_STARTS:
        return j - i, "PREAMBLE" if kinds[0] == "ANNOUNCE" else kinds[0]
    return 0, "TEXT"


def _token(kind: str, first: Unit, last: Unit) -> Token:
    """A token for the units first..last (one unit, or a run of plain text)."""
    # (positional: Token's keywords cost it a third more; line and column are not kept)
    return Token(kind, first.text, first.start, None, None, None, None, last.end)
