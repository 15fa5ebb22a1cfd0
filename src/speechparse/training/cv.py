"""``make cv``: how the labeller carries over to sites it has not seen.

Grouped cross-validation of the whole parse on the real pages (``web/`` and ``web2/``): for
each site, a model is trained on every other page (and the seeds), the site's pages are
parsed with it, and the parse is scored by fact with the corpus scorer's own rules. The
rules' frame (``parse``) is scored on the same pages beside it, and each corpus apart:
``web2/`` is the fair comparison, as the rules were written on ``web/`` and never saw it.
Prints the by-fact table, the accuracy by corpus, then a last line in the scorer's form:
``accuracy 0.NNNN (…)``, the labeller's over every held-out page.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

from .. import api, labeller
from .align import Page, golds
from .train import GENERATED, SERVED, corpus_roots, fit, training_pages


def scorer(shared: Path) -> ModuleType:
    """The corpus scorer (``../shared/tools/score.py``), imported from its file."""
    spec = importlib.util.spec_from_file_location("score", shared / "tools" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sites(root: Path) -> dict[str, str]:
    """Page name → its site (the address's host, without www.), from SOURCES.tsv."""
    out = {}
    table = root / "SOURCES.tsv"
    for row in table.read_text(encoding="utf-8").splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) >= 2:
            host = urlsplit(cells[1]).hostname or cells[1]
            out[f"{root.name}/{cells[0]}"] = host.removeprefix("www.").removeprefix("m.")
    return out


def parse_with(text: str, model: str) -> dict[str, object]:
    """The parse of ``text`` with the frame's labeller read from ``model``."""
    return json.loads(api.parse_labelled(text, model).model_dump_json())  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--min-accuracy", type=float, default=None)
    ap.add_argument("-v", "--verbose", action="store_true", help="list every fact that fails")
    ap.add_argument("--generated", type=int, default=GENERATED, help="pages of our own writing")
    ap.add_argument("--served", type=int, default=SERVED, help="copies of each page served again")
    args = ap.parse_args(argv)
    score = scorer(args.shared)
    roots = corpus_roots(args.shared)
    pages = training_pages(args.shared, args.generated, args.served)
    site_of: dict[str, str] = {}
    for root in roots[1:]:
        site_of.update(sites(root))
    facts = golds(roots[1:])
    groups: dict[str, list[Page]] = defaultdict(list)
    for page in pages:
        if page.name in facts:
            groups[site_of.get(page.name, page.name)].append(page)
    sheets, rules = [], []
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "fold.crfsuite"
        for _, held in sorted(groups.items()):
            names = {p.name for p in held}
            fit([p for p in pages if p.name.split("#")[0] not in names], model)
            labeller.tagger.cache_clear()
            for page in held:
                out = parse_with(page.text, str(model))
                sheets.append(score.score_doc(page.name, page.text, facts[page.name], out))
                by_rules = json.loads(api.parse_rules(page.text).model_dump_json())
                rules.append(score.score_doc(page.name, page.text, facts[page.name], by_rules))
    if args.verbose:
        for sheet in sheets:
            for name, ok, detail in sheet.facts:
                if not ok:
                    print(f"{sheet.name}: {name}: {detail}")
    return _report(sheets, rules, len(groups), args.min_accuracy)


def _tally(sheets: list[Any]) -> dict[str, list[int]]:
    """Facts held and facts in all, by field."""
    by_field: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for sheet in sheets:
        for name, ok, _ in sheet.facts:
            by_field[name][0] += ok
            by_field[name][1] += 1
    return by_field


def _corpus(sheet: Any) -> str:
    """The corpus a scored page is from: its name's folder (web, web2)."""
    return str(sheet.name).split("/")[0]


def _share(by_field: dict[str, list[int]]) -> tuple[int, int, float]:
    held = sum(h for h, _ in by_field.values())
    total = sum(t for _, t in by_field.values())
    return held, total, held / total if total else 0.0


def _report(sheets: list[Any], rules: list[Any], folds: int, minimum: float | None) -> int:
    """Print the labeller's facts by field beside the rules', the accuracy of both by corpus
    (a page's corpus is its name's folder), and the labeller's accuracy in the scorer's form."""
    by_field, by_rules = _tally(sheets), _tally(rules)
    print(f"{'field':<28} {'held':>6} {'of':>5} {'labeller':>9} {'rules':>7}")
    for name, (held, total) in sorted(by_field.items()):
        kept, of = by_rules.get(name, [0, 0])
        theirs = f"{kept / of:>7.1%}" if of else f"{'-':>7}"
        print(f"{name:<28} {held:>6} {total:>5} {held / total:>9.1%} {theirs}")
    for corpus in sorted({_corpus(s) for s in sheets}):
        mine = _share(_tally([s for s in sheets if _corpus(s) == corpus]))[2]
        by_rule = _share(_tally([s for s in rules if _corpus(s) == corpus]))[2]
        print(f"{corpus + '/':<28} labeller {mine:.4f}  rules {by_rule:.4f}")
    held, total, accuracy = _share(by_field)
    print(f"accuracy {accuracy:.4f} ({held}/{total} facts, {len(sheets)} documents, {folds} folds)")
    if minimum is not None and accuracy < minimum:
        print(f"below the minimum {minimum}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
