"""Stage 6: the Lark grammar (grammar/speech.lark) orders the classified units into parts.

The grammar is LALR: one pass, no backtracking, and the parser state tells the lexer which
terminals may come next. It is built once per process, with ``strict=True`` so that a
conflict in the grammar is an error at load time rather than a silent choice.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from lark import Lark, Token, Tree

from .lexer import SpeechLexer, Stream

GRAMMAR_NAME = "speech.lark"


def grammar_text() -> str:
    """The grammar's source: from the installed package, or from the source tree."""
    packaged = resources.files("speechparse").joinpath("grammar").joinpath(GRAMMAR_NAME)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    # an editable install or a checkout: the grammar sits at the top of the repository
    tree = Path(__file__).resolve().parents[2] / "grammar" / GRAMMAR_NAME
    return tree.read_text(encoding="utf-8")


@cache
def parser() -> Lark:
    """The LALR parser, built on first use."""
    return Lark(grammar_text(), parser="lalr", lexer=SpeechLexer, strict=True)


def parse_units(stream: Stream) -> Tree[Token]:
    """The parse tree of a stream of units; the lexer sets each unit's ``kind``."""
    return parser().parse(stream)  # Lark hands the stream to SpeechLexer as it is
