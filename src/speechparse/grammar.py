"""Stage 6: the Lark grammar (grammar/speech.lark) orders the classified units into parts.

The grammar is LALR: one pass, no backtracking, and the parser state tells the lexer which
terminals may come next. It is built once per process, with ``strict=True`` so that a
conflict in the grammar is an error at load time rather than a silent choice.

No parse tree is built: Lark calls a rule's method as the rule is reduced (its ``transformer``
option, which it documents as faster than transforming a finished tree). The parser is
shared, while the transformer holds one parse's state, so the parser gets a relay that hands
each reduction to the transformer of the parse in progress.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from lark import Lark, Token, Transformer

from .lexer import SpeechLexer, Stream

GRAMMAR_NAME = "speech.lark"

#: The transformer of the parse in progress (per thread and per task).
_ACTIVE: ContextVar[Transformer[Token, Any]] = ContextVar("speechparse_transformer")


def grammar_text() -> str:
    """The grammar's source: from the installed package, or from the source tree."""
    packaged = resources.files("speechparse").joinpath("grammar").joinpath(GRAMMAR_NAME)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    # an editable install or a checkout: the grammar sits at the top of the repository
    tree = Path(__file__).resolve().parents[2] / "grammar" / GRAMMAR_NAME
    return tree.read_text(encoding="utf-8")


def rule_names() -> list[str]:
    """The grammar's rules, in the order they are defined."""
    return re.findall(r"^([a-z_]\w*):", grammar_text(), re.MULTILINE)


class _Relay:
    """One method per rule, each handing the rule's children to the active transformer."""

    def __init__(self, rules: list[str]) -> None:
        for name in rules:
            setattr(self, name, _forward(name))


def _forward(name: str) -> Callable[[list[Any]], Any]:
    def reduce(children: list[Any]) -> Any:
        return getattr(_ACTIVE.get(), name)(children)

    return reduce


@cache
def parser() -> Lark:
    """The LALR parser, built on first use; it reduces through :class:`_Relay`."""
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer=SpeechLexer,
        strict=True,
        transformer=_Relay(rule_names()),
    )


def parse_units(stream: Stream, transformer: Transformer[Token, Any]) -> Any:
    """What ``transformer`` makes of the stream's parse (the lexer sets each unit's
    ``kind``); each rule's method is called with its children as the rule is reduced."""
    reset = _ACTIVE.set(transformer)
    try:
        return parser().parse(stream)  # Lark hands the stream to SpeechLexer as it is
    finally:
        _ACTIVE.reset(reset)
