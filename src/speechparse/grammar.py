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
from lark.lexer import LexerState
from lark.parsers.lalr_analysis import Shift
from lark.parsers.lalr_parser_state import ParseConf

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
        return _drive(stream)
    finally:
        _ACTIVE.reset(reset)


def lark_parse(stream: Stream) -> Any:
    """The parse as Lark runs it (Lark hands the stream to SpeechLexer as it is): what
    _drive does, and the error it raises where the grammar takes no token."""
    return parser().parse(stream)


class _Position:
    """What SpeechLexer reads of the parse in progress: the table, and the state it is in."""

    __slots__ = ("parse_conf", "stack")

    def __init__(self, parse_conf: ParseConf[int], stack: list[int]) -> None:
        self.parse_conf = parse_conf
        self.stack = stack

    @property
    def position(self) -> int:
        return self.stack[-1]


@cache
def _tables() -> tuple[ParseConf[int], dict[Any, tuple[int, Callable[[list[Any]], Any], str]]]:
    """The parser's table, and each rule's size, reduction and the rule it reduces to."""
    inner = parser().parser.parser.parser  # the LALR parser inside Lark's frontend
    conf = ParseConf(inner.parse_table, inner.callbacks, "start")
    rules = {
        rule: (len(rule.expansion), callback, rule.origin.name)
        for rule, callback in inner.callbacks.items()
    }
    return conf, rules


def _drive(stream: Stream) -> Any:
    """Lark's LALR loop (ParserState.feed_token) over SpeechLexer's tokens, with the table's
    lookups hoisted out of it: the same shifts, the same reductions in the same order. A
    token the table does not take is left to Lark, which raises its error for it."""
    conf, rules = _tables()
    states = conf.states
    end = conf.end_state
    stack = [conf.start_state]
    values: list[Any] = []
    lexer = parser().parser.lexer

    def reduce_by(arg: Any) -> None:
        """Reduce by rule ``arg``: its children off the stacks, its value and goto on."""
        size, reduce, origin = rules[arg]
        if size:
            children = values[-size:]
            del stack[-size:]
            del values[-size:]
        else:
            children = []
        values.append(reduce(children))
        stack.append(states[stack[-1]][origin][1])

    try:
        for token in lexer.lex(LexerState(stream), _Position(conf, stack)):  # type: ignore[arg-type]
            kind = token.type
            while True:
                action, arg = states[stack[-1]][kind]
                if action is Shift:
                    stack.append(arg)
                    values.append(token)  # (the grammar has no token callbacks)
                    break
                reduce_by(arg)
        while True:
            reduce_by(states[stack[-1]]["$END"][1])
            if stack[-1] == end:
                return values[-1]
    except KeyError:
        return lark_parse(stream)
