"""Every sample and corpus speech: invariants hold, and samples match their snapshots."""

import pytest

import speechparse
from helpers import CORPUS, SAMPLES, check_invariants, read
from update_snapshots import render


@pytest.mark.parametrize("path", SAMPLES + CORPUS, ids=lambda p: p.name)
def test_invariants(path):
    text = read(path)
    check_invariants(text, speechparse.parse(text))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_snapshot(path):
    expected = path.with_suffix(".json")
    assert expected.exists(), f"no snapshot for {path.name}: run `make samples`"
    assert render(path) == expected.read_bytes(), f"{path.name} changed: run `make samples`"


def test_there_are_enough_samples_covering_every_marker_family():
    assert len(SAMPLES) >= 10
    styles = set()
    for path in SAMPLES:
        s = speechparse.parse(read(path))
        if s.demands:
            for item in s.demands.items:
                styles.add(item.style)
                styles.update(p.style for p in item.points)
    assert styles == {"yao", "dun", "paren", "shi", "ordinal", "arabic", "arabic_paren", "sequence"}


def test_seed_001_has_the_structure_of_seed_000():
    """The same speech, clean and as a download site serves it."""
    if len(CORPUS) < 2:
        pytest.skip("the development corpus is not beside the project")
    clean, served = (speechparse.parse(read(p)) for p in CORPUS[:2])
    assert [i.style for i in clean.demands.items] == [i.style for i in served.demands.items]
    assert len(clean.opening.greetings) == len(served.opening.greetings) == 3
    assert len(clean.hopes.items) == len(served.hopes.items) == 2
    assert served.title is not None and clean.title is None
