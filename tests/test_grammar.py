import pytest
from lark import Lark

from speechparse.grammar import grammar_text, parser, rule_names


def test_grammar_builds_lalr_without_conflicts():
    # strict=True makes Lark raise on any shift/reduce conflict
    assert isinstance(parser(), Lark)
    assert parser().options.parser == "lalr"


def terminals():
    table = parser().parser.parser.parser.parse_table
    return {s for actions in table.states.values() for s in actions if s.isupper()} - {"$END"}


def test_every_terminal_is_declared_and_there_are_no_character_patterns():
    assert parser().terminals == []  # no terminal matches characters: the lexer feeds units
    assert terminals() == {
        "TITLE", "SALUTATION", "OCCASION", "GREETING", "REVIEW", "ACHIEVEMENT", "PREAMBLE",
        "ANNOUNCE", "ITEM", "POINT", "SUBPOINT", "HOPE", "CALL", "WISH", "THANKS", "TEXT",
    }  # fmt: skip
    assert "%declare" in grammar_text()


def test_text_is_accepted_in_every_state_the_lexer_can_meet():
    """The lexer falls back to TEXT, so lenient parsing can never fail if the grammar takes
    TEXT in every state the parser waits in for the next unit: the start state and every
    state entered by shifting a terminal (states entered by a reduction are passed through
    while a token is being fed, never waited in)."""
    table = parser().parser.parser.parser.parse_table
    names = terminals()
    waiting = set(table.start_states.values())
    for actions in table.states.values():
        for symbol, (action, target) in actions.items():
            if symbol in names and action.name == "Shift":
                waiting.add(target)
    assert len(waiting) > 20
    for state in waiting:
        assert "TEXT" in table.states[state] or set(table.states[state]) == {"$END"}, state


def test_every_rule_reduces_through_a_builder_method():
    # the parser calls the active Builder's method of each rule's name as it reduces
    from speechparse.build import Builder

    assert rule_names()[0] == "start"
    assert set(rule_names()) == {
        "start", "title", "salutation", "opening", "review", "demands", "preamble", "item",
        "point", "subpoint", "hopes", "closing",
    }  # fmt: skip
    assert all(callable(getattr(Builder, name, None)) for name in rule_names())


def test_a_parse_outside_a_builder_says_so():
    from speechparse.lexer import Stream

    with pytest.raises(LookupError):
        parser().parse(Stream(title=None, salutation=None, units=[]))


def _streams():
    """The stream and the transformer of each sample and corpus page, as api._parse makes
    them."""
    from helpers import CORPUS, SAMPLES, WEB
    from speechparse import api, frame, segment
    from speechparse.build import Builder
    from speechparse.decode import decode
    from speechparse.lexer import Stream

    for path in [*SAMPLES, *CORPUS, *WEB]:
        text = decode(path.read_bytes())[0]
        view, inline = api.clean_view(text)
        clean = view.text
        outline = frame.frame(clean, segment.lines(clean))
        units = segment.units(clean, outline.body)
        title = outline.title and api._unit(clean, outline.title.start, outline.title.end)
        stream = Stream(title=title, salutation=api._salutation(clean, outline), units=units)
        heads = [u for u in (stream.title, stream.salutation) if u is not None]
        yield (
            stream,
            Builder(text, view, inline, outline.body, [*heads, *units], outline.addressees),
        )


def test_the_parse_loop_reduces_as_lark_does():
    """grammar._drive runs Lark's LALR loop itself: on every page it makes what Lark makes,
    and it leaves each unit of the kind Lark's run leaves it."""
    from speechparse import grammar

    for stream, builder in _streams():
        reset = grammar._ACTIVE.set(builder)
        try:
            ours = grammar._drive(stream)
            kinds = [u.kind for u in stream.units]
            assert ours == grammar.lark_parse(stream)
            assert kinds == [u.kind for u in stream.units]
        finally:
            grammar._ACTIVE.reset(reset)
