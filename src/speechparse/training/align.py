"""Gold facts to labels: which pieces of a page are its title, byline, salutation, speech
and site text, read off the corpus's facts (the title, the salutation, where each stretch of
noise starts) and the order of the page.

``python -m speechparse.training.align CORPUS…`` prints what it cannot align: a title or a
salutation no piece equals (the splitter did not cut there), noise that starts inside a
piece.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..api import clean_view
from ..pieces import Piece, pieces
from ..segment import lines

LABELS = ("title", "byline", "salutation", "speech", "site")
_SPACE = re.compile(r"\s+")
_TRAILING = "。!?.;:, \u3000"
#: A pinyin annotation after a character, as the scorer drops it.
_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)")


def norm(s: str) -> str:
    """As the scorer compares: NFKC, no whitespace, no pinyin annotations."""
    return _PINYIN.sub("", _SPACE.sub("", unicodedata.normalize("NFKC", s)))


def bare(s: str) -> str:
    return norm(s).rstrip(_TRAILING)


@dataclass
class Page:
    """One page: its text, the cleaned view's text, its pieces and their labels."""

    name: str
    text: str
    clean: str
    pieces: list[Piece]
    labels: list[str]
    source: list[str]
    """Each piece's text as the page has it (the view's is simplified, without annotations)."""
    problems: list[str] = field(default_factory=list)


def corpus_pages(root: Path) -> list[tuple[str, Path, Path]]:
    """(name, text, gold) of every page under ``root`` (not its subfolders)."""
    out = []
    for gold in sorted(root.glob("*.gold.json")):
        text = gold.with_name(gold.name[: -len(".gold.json")] + ".txt")
        if text.exists():
            out.append((f"{root.name}/{text.stem}", text, gold))
    return out


def cut(text: str) -> tuple[str, list[Piece], list[tuple[int, int]]]:
    """What the labeller sees of ``text``: the cleaned view's text, its pieces, and where
    each piece lies in ``text``."""
    view, _ = clean_view(text)
    found = pieces(view.text, lines(view.text))
    return view.text, found, [view.span(p.start, p.end) for p in found]


def align(name: str, text: str, gold: dict[str, object]) -> Page:
    """Label the pieces of ``text`` from its gold facts."""
    clean, found, src = cut(text)
    page = Page(name, text, clean, found, [""] * len(found), [text[a:b] for a, b in src])
    _mark_noise(page, src, [str(g) for g in gold.get("noise") or []])  # type: ignore[attr-defined]
    titles = gold.get("title")
    wanted = [bare(str(t)) for t in (titles if isinstance(titles, list) else [titles]) if t]
    salutation = gold.get("salutation")
    k_title = _mark(page, "title", lambda t: bare(t) in wanted) if wanted else None
    k_sal = None
    if isinstance(salutation, str):
        k_sal = _mark(page, "salutation", lambda t: norm(t) == norm(salutation))
        if k_sal is None:
            k_sal = _two_line_salutation(page, norm(salutation))
    if wanted and k_title is None:
        page.problems.append(f"title {titles!r}: no piece equals it")
    if isinstance(salutation, str) and k_sal is None:
        page.problems.append(f"salutation {salutation!r}: no piece equals it")
    _fill(page, k_title, k_sal, wanted)
    return page


def _mark(page: Page, label: str, test: object) -> int | None:
    """Label the first free piece that passes ``test`` (and its copies before it)."""
    hits = [
        k
        for k, p in enumerate(page.pieces)
        if not page.labels[k] and test(page.source[k])  # type: ignore[operator]
    ]
    if not hits:
        return None
    for k in hits if label == "title" else hits[:1]:
        page.labels[k] = label
    return hits[0]


def _two_line_salutation(page: Page, want: str) -> int | None:
    for k in range(len(page.pieces) - 1):
        if page.labels[k] or page.labels[k + 1]:
            continue
        if norm(page.source[k] + page.source[k + 1]) == want:
            page.labels[k] = page.labels[k + 1] = "salutation"
            return k
    return None


def _mark_noise(page: Page, src: list[tuple[int, int]], noise: list[str]) -> None:
    """A piece is site text when a stretch of gold noise starts at its start, or covers
    most of it; noise that starts inside a piece is reported (the splitter did not cut)."""
    pos = 0
    for g in noise:
        i = page.text.find(g, pos)
        if i < 0:
            i = page.text.find(g)
        if i < 0:
            page.problems.append(f"noise {g!r}: not in the text")
            continue
        pos = i + len(g)
        hit = False
        for k, (a, b) in enumerate(src):
            if b <= i or a >= i + len(g):
                continue
            lead = page.text[a:i]
            if not lead.strip() or (min(b, i + len(g)) - max(a, i)) * 2 >= b - a:
                page.labels[k] = "site"
                hit = True
        if not hit and len(norm(g)) >= 4:
            inside = any(a < i < b for a, b in src)
            if inside:
                page.problems.append(f"noise {g[:20]!r}: starts inside a piece")


def _fill(page: Page, k_title: int | None, k_sal: int | None, titles: list[str]) -> None:
    """The pieces the facts do not name: copies of the title, bylines between the title
    and the speech, and the speech."""
    start = k_sal if k_sal is not None else (k_title + 1 if k_title is not None else 0)
    speech_started = False
    for k, t in enumerate(page.source):
        if page.labels[k]:
            speech_started = speech_started or (k_sal is not None and k > k_sal)
            continue
        if any(bare(t) and bare(t) in title for title in titles):
            page.labels[k] = "title"
        elif k < start or (k_sal is None and not speech_started and _byline_shaped(t)):
            page.labels[k] = "byline" if k_title is not None and k > k_title else "site"
            if page.labels[k] == "site" and len(norm(t)) >= 4:
                page.problems.append(f"{t[:24]!r}: before the speech, not in the noise")
        else:
            page.labels[k] = "speech"
            speech_started = True


def _byline_shaped(text: str) -> bool:
    return len(text) <= 40 and not any(ch in text for ch in "。!?,;")


def golds(roots: list[Path]) -> dict[str, dict[str, object]]:
    """Page name → its gold facts, for every page under ``roots``."""
    return {
        name: json.loads(gold.read_text(encoding="utf-8"))
        for root in roots
        for name, _, gold in corpus_pages(root)
    }


def load(roots: list[Path]) -> list[Page]:
    facts = golds(roots)
    pages = []
    for root in roots:
        for name, text, _ in corpus_pages(root):
            pages.append(align(name, text.read_text(encoding="utf-8"), facts[name]))
    return pages


def main(argv: list[str] | None = None) -> int:
    roots = [Path(a) for a in (argv if argv is not None else sys.argv[1:])]
    pages = load(roots)
    bad = 0
    for page in pages:
        for problem in page.problems:
            print(f"{page.name}: {problem}")
        bad += bool(page.problems)
    counts = {label: 0 for label in LABELS}
    for page in pages:
        for label in page.labels:
            counts[label] += 1
    print(f"{len(pages)} pages, {bad} with something not aligned; pieces: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
