"""Generated speeches: speechparse finds in them what they were written with; the round
trips hold; and the generator is varied (hypothesis statistics show every marker family
and every optional section: run pytest with --hypothesis-show-statistics)."""

from hypothesis import HealthCheck, event, find, given, settings

import speechparse
from helpers import check_invariants
from speechparse import Speech, render
from speechparse.strategies import Draft, drafts, parsed_speeches

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def facts(s: Speech) -> dict:
    d = s.demands
    items = d.items if d else []
    return {
        "title": s.title.text if s.title else None,
        "addressees": s.salutation.addressees if s.salutation else [],
        "occasion": s.opening is not None and s.opening.occasion is not None,
        "greetings": len(s.opening.greetings) if s.opening else 0,
        "review": s.review is not None,
        "declared_count": d.declared_count if d else None,
        "markers": [i.marker for i in items],
        "headlines": [i.headline.text for i in items],
        "points": [[p.marker for p in i.points] for i in items],
        "hopes": [h.addressee for h in s.hopes.items] if s.hopes else [],
        "call": s.closing is not None and s.closing.call_to_action is not None,
        "wishes": [w.text for w in s.closing.wishes] if s.closing else [],
        "thanks": s.closing.thanks.text if s.closing and s.closing.thanks else None,
    }


def expected(d: Draft) -> dict:
    return {k: getattr(d, k) for k in facts(speechparse.parse(""))}


@SETTINGS
@given(drafts())
def test_the_parser_finds_what_a_generated_speech_was_written_with(draft):
    event(f"demands: {draft.style}")
    for p in {p for ps in draft.points for p in ps}:
        event(f"points: {'sequence' if p[0] in '首其再' else 'numbered'}")
    for section in draft.sections:
        event(f"section: {section}")
    s = speechparse.parse(draft.text)
    check_invariants(draft.text, s)
    assert [d.code for d in s.diagnostics if d.severity != "info"] in ([], ["no-salutation"])
    assert facts(s) == expected(draft)


@SETTINGS
@given(parsed_speeches())
def test_parse_of_render_is_the_speech_again(speech):
    text = render(speech)
    again = speechparse.parse(text)
    assert facts(again) == facts(speech)
    assert render(again) == text
    if speech.title is None and speech.salutation is None and not speech.noise:
        # clean generated text is canonical already: the same text, the same spans
        assert again == speech


@SETTINGS
@given(parsed_speeches())
def test_json_round_trips(speech):
    assert speechparse.loads(speechparse.dumps(speech)) == speech
    assert Speech.model_validate_json(speech.model_dump_json()) == speech


def test_every_family_and_section_occurs():
    """The generator reaches every marker family and every optional section."""
    quiet = settings(database=None, max_examples=500)
    for style in ("yao", "dun", "paren", "shi", "ordinal", "arabic"):
        assert find(drafts(), lambda d, style=style: d.style == style, settings=quiet)
    for section in ("opening", "review", "preamble", "hopes", "closing"):
        assert find(drafts(), lambda d, section=section: section in d.sections, settings=quiet)
    assert find(drafts(), lambda d: any(p[:1] == ["首先，"] for p in d.points), settings=quiet)
