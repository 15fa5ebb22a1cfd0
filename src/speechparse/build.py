"""Stage 7: a Lark Transformer that turns the parse into the speech's data.

The parse says which units make up which part (Lark calls a rule's method as it reduces
the rule: see grammar.py). This stage works out the views inside each
part (the occasion, the acts of a greeting, an item's marker, headline and body, a hope's
addressee …), cuts every section into its paragraphs, and slices every ``text`` from the
source with inline noise removed.

It builds plain JSON-shaped dicts, in the shape of models.py; api.py validates the whole
speech once (pydantic-core validates a nested dict many times faster than Python builds
the same models one by one, and the result is just as checked).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lark import Token, Transformer

from . import cues
from .markers import cn_number, marker_at
from .noise import NoiseSpan, View, cut
from .segment import Line, Unit

_TARGET = re.compile(r"(?<![方导面走转趋指一倾志意动去流取纵横双定])向(?![前上下着来往好善心])")
_TRIM = " ,;:、"

Data = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Built:
    """An enumerated item's data, and its extent in the view (spans in the data are into the
    input; sections are cut in the view)."""

    data: Data
    start: int
    end: int


class Builder(Transformer[Token, Any]):
    """Builds the sections of one speech; one instance per parse. Each rule's method
    returns the data of its node; ``start`` returns the speech's parts by name."""

    def __init__(
        self,
        source: str,
        view: View,
        noise: list[NoiseSpan],
        lines: list[Line],
        units: list[Unit],
        addressees: list[tuple[int, int]],
    ) -> None:
        super().__init__(visit_tokens=False)
        self.source = source
        self.view = view
        self.clean = view.text
        self.noise = noise
        self.lines = lines
        self._line_starts = [ln.start for ln in lines]
        self.addressees = addressees  # the salutation's parts, in the view
        self.all = units
        # (where each unit starts and ends: zip builds the maps in C, for tens of thousands)
        self._index = dict(zip([u.start for u in units], range(len(units)), strict=True))
        self._index_end = dict(zip([u.end for u in units], range(len(units)), strict=True))

    # --- helpers ----------------------------------------------------------------------
    def block(self, start: int, end: int) -> Data:
        """A block over the view's [start, end), whitespace at both ends left out; its span
        is into the input, and its text the input's with the noise cut out."""
        return self._block(*self.strip(start, end))

    def _block(self, start: int, end: int) -> Data:
        """block() of a stripped [start, end)."""
        start, end = self.view.span(start, end)
        return {
            "span": {"start": start, "end": end},
            "text": cut(self.source, start, end, self.noise),
        }

    def slice(self, start: int, end: int) -> str:
        """The input's text over the view's [start, end), noise cut out."""
        return cut(self.source, *self.view.span(start, end), self.noise)

    def strip(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.clean[start].isspace():
            start += 1
        while end > start and self.clean[end - 1].isspace():
            end -= 1
        return start, end

    def pieces(self, start: int, end: int) -> list[Data]:
        """The paragraphs (or pieces of them) that lie in [start, end)."""
        out: list[Data] = []
        clean, source = self.clean, self.source
        # (with no noise, a block is the source's slice, and a line inside [start, end) that
        # is stripped already, as most are, is taken as it is: a section of a long text has
        # tens of thousands of paragraphs)
        plain = not self.noise and self.view.identity
        lines = self.lines
        for k in range(max(0, bisect_right(self._line_starts, start) - 1), len(lines)):
            s, e = lines[k].start, lines[k].end
            if s >= end:
                break
            if not start <= s < e <= end or clean[s].isspace() or clean[e - 1].isspace():
                s, e = self.strip(max(start, s), min(end, e))
                if s >= e:
                    continue
            if plain:
                out.append({"span": {"start": s, "end": e}, "text": source[s:e]})
            else:
                out.append(self._block(s, e))
        return out

    def units(self, children: list[Any]) -> list[Unit]:
        """Every unit the tokens among ``children`` cover (a TEXT token may cover several)."""
        out: list[Unit] = []
        for c in children:
            if isinstance(c, Token):
                start, end = _bounds(c)
                out.extend(self.all[self._index[start] : self._index_end[end] + 1])
        return out

    @staticmethod
    def span(blocks: list[Data]) -> Data:
        return {"start": blocks[0]["span"]["start"], "end": blocks[-1]["span"]["end"]}

    def section(self, units: list[Unit], **views: Any) -> Data:
        """A section made of these units: its span, its paragraphs, and its views."""
        paragraphs = self.pieces(units[0].start, units[-1].end)
        return {"span": self.span(paragraphs), "paragraphs": paragraphs, **views}

    def headline_end(self, start: int, end: int, stops: str) -> int:
        """Where a headline that starts at ``start`` in a unit ending at ``end`` stops."""
        text = self.clean[start:end]
        for i, ch in enumerate(text):
            if ch in stops and (ch not in ":;" or i >= 4) and i + 1 < len(text):
                return start + i + 1
        return end

    def make_item(self, head: Unit, end: int, points: list[Data], stops: str) -> Data:
        """An enumerated item whose marker opens ``head`` and whose text runs to ``end``."""
        m = marker_at(head.text)
        mstart = head.start
        if m is None:  # a headed item without a number
            hstart, index, marker, style = head.start, None, None, None
        else:
            hstart = mstart + m.length
            index, style = m.index, m.family
            marker = self.slice(mstart, hstart)
        hstart, _ = self.strip(hstart, head.end)
        hend = self.headline_end(hstart, head.end, stops) if m is not None else head.end
        start, stop = self.view.span(head.start, end)
        return {
            "span": {"start": start, "end": stop},
            "index": index,
            "marker": marker,
            "style": style,
            "headline": self.block(hstart, hend),
            "body": self.pieces(hend, end),
            "points": points,
        }

    def enumerated(self, children: list[Any], stops: str) -> Built:
        units = self.units(children)
        points = [c for c in children if isinstance(c, Built)]
        end = max([units[-1].end, *(p.end for p in points)])
        data = self.make_item(units[0], end, [p.data for p in points], stops)
        return Built(data, units[0].start, end)

    # --- the rules of grammar/speech.lark ---------------------------------------------
    def title(self, children: list[Token]) -> tuple[str, Data]:
        u = self.all[self._index[_bounds(children[0])[0]]]
        return "title", self.block(u.start, u.end)

    def salutation(self, children: list[Token]) -> tuple[str, Data]:
        u = self.all[self._index[_bounds(children[0])[0]]]
        names = [self.slice(s, e) for s, e in self.addressees]
        return "salutation", {**self.block(u.start, u.end), "addressees": names}

    def opening(self, children: list[Token]) -> tuple[str, Data]:
        units = self.units(children)
        marked = [u for u in units if u.kind == "OCCASION"]
        strong = [u for u in marked if cues.OCCASION_STRONG.search(u.text)]
        occasion = (strong or marked)[0] if marked else None
        if occasion is None:
            occasion = next((u for u in units if cues.found("OCCASION", u.text)), None)
        return "opening", self.section(
            units,
            occasion=self.block(occasion.start, occasion.end) if occasion else None,
            greetings=[self.greeting(u) for u in units if u.kind == "GREETING"],
        )

    def greeting(self, u: Unit) -> Data:
        return {**self.block(u.start, u.end), "acts": self.acts(u)}

    def acts(self, u: Unit) -> list[Data]:
        """One act per 向… clause: "向A表示祝贺，向B，并通过你们向C致以问候" gives three."""
        text = u.text
        starts = [m.end() for m in _TARGET.finditer(text)]
        if not starts:
            m = re.search(r"对", text)
            starts = [m.end()] if m else []
        if not starts or not cues.ACT.search(text, starts[0]):
            return self.bare_acts(u)
        raw: list[tuple[tuple[int, int], tuple[int, int] | None]] = []
        for k, s in enumerate(starts):
            e = starts[k + 1] - 1 if k + 1 < len(starts) else len(text)
            verb = cues.ACT.search(text, s, e)
            if verb is not None:
                raw.append(((s, verb.start()), (verb.start(), verb.end())))
            else:
                comma = text.find(",", s, e)
                raw.append(((s, comma if comma >= 0 else e), None))
        acts: list[Data] = []
        for k, (target, act) in enumerate(raw):
            if act is None:
                act = next((a for _, a in raw[k + 1 :] if a is not None), None)
            if act is None:
                continue
            name = self.clause(u.start + target[0], u.start + target[1])
            what = self.clause(u.start + act[0], u.start + act[1])
            if name and what:
                acts.append({"target": name, "act": what})
        return acts

    def bare_acts(self, u: Unit) -> list[Data]:
        """Acts without 向: "衷心感谢各位老师…" -> {target: 各位老师…, act: 感谢}."""
        acts: list[Data] = []
        for m in cues.BARE_ACT.finditer(u.text):
            t, a = ("target", "act") if m["act"] else ("target2", "act2")
            name = self.clause(u.start + m.start(t), u.start + m.end(t))
            what = self.clause(u.start + m.start(a), u.start + m.end(a))
            if name and what:
                acts.append({"target": name, "act": what})
        return acts

    def clause(self, start: int, end: int) -> str:
        while start < end and self.clean[start] in _TRIM:
            start += 1
        while end > start and self.clean[end - 1] in _TRIM + "。!?":
            end -= 1
        return self.slice(start, end)

    def review(self, children: list[Token]) -> tuple[str, Data]:
        units = self.units(children)
        # a headed achievement is its paragraph; a numbered one runs to the next
        runs = _runs(
            units,
            lambda u: u.kind == "ACHIEVEMENT",
            lambda head, u: u.line == head.line or marker_at(head.text) is not None,
        )
        achievements = [self.make_item(head, end, [], "。!?:") for head, end in runs]
        return "review", self.section(units, achievements=achievements)

    def preamble(self, children: list[Token]) -> list[Unit]:
        return self.units(children)

    def subpoint(self, children: list[Any]) -> Built:
        return self.enumerated(children, "。!?;:")

    def point(self, children: list[Any]) -> Built:
        return self.enumerated(children, "。!?;:")

    def item(self, children: list[Any]) -> Built:
        return self.enumerated(children, "。!?:")

    def demands(self, children: list[Any]) -> tuple[str, Data]:
        preamble: list[Unit] = children[0] if children and isinstance(children[0], list) else []
        items = [c for c in children if isinstance(c, Built)]
        start = preamble[0].start if preamble else items[0].start
        end = items[-1].end if items else preamble[-1].end
        paragraphs = self.pieces(start, end)
        count = None
        for u in preamble:
            m = cues.ANNOUNCE.search(u.text) if u.kind == "ANNOUNCE" else None
            if m is not None:
                count = cn_number(m["n"])
                break
        return "demands", {
            "span": self.span(paragraphs),
            "paragraphs": paragraphs,
            "preamble": self.pieces(preamble[0].start, preamble[-1].end) if preamble else [],
            "declared_count": count,
            "items": [i.data for i in items],
        }

    def hopes(self, children: list[Token]) -> tuple[str, Data]:
        units = self.units(children)
        # a hope runs to the end of its line or the next hope (a lead sentence is no hope)
        runs = _runs(
            units,
            lambda u: u.kind == "HOPE" and not u.promoted,
            lambda head, u: u.line == head.line,
        )
        items = [
            {**self.block(head.start, end), "addressee": self.addressee(head)} for head, end in runs
        ]
        return "hopes", self.section(units, items=items)

    def addressee(self, u: Unit) -> str | None:
        m = cues.at_clause_start(cues.HOPE, u.text)
        if m is None:
            return None  # a pledge
        group = next(g for g in ("a1", "a2", "a3") if m[g] is not None)
        return self.clause(u.start + m.start(group), u.start + m.end(group)) or None

    def closing(self, children: list[Token]) -> tuple[str, Data]:
        units = self.units(children)
        cta = None
        call = next((i for i, u in enumerate(units) if u.kind == "CALL"), None)
        if call is not None:
            head = units[call]
            # a re-address alone on its line (同志们！) opens the paragraph that follows
            lines = {head.line, head.line + 1} if self.alone(call, units) else {head.line}
            end = head.end
            for u in units[call + 1 :]:
                if u.line not in lines or u.kind in ("WISH", "THANKS"):
                    break
                end = u.end
            cta = self.block(units[call].start, end)
        thanks = next((u for u in units if u.kind == "THANKS"), None)
        return "closing", self.section(
            units,
            call_to_action=cta,
            wishes=[self.wish(i, units) for i, u in enumerate(units) if u.kind == "WISH"],
            thanks=self.block(thanks.start, thanks.end) if thanks else None,
        )

    def wish(self, i: int, units: list[Unit]) -> Data:
        """A wish; one that ends in a colon (祝愿大家：) runs on over the plain lines that
        list what it wishes, to the one that ends the sentence."""
        end = units[i].end
        if units[i].text.endswith(":"):
            for u in units[i + 1 : i + 1 + cues.WISH_LINES_MAX]:
                if u.kind != "TEXT" or not u.first:
                    break
                end = u.end
                if u.text.endswith(("!", "。")):
                    break
        return self.block(units[i].start, end)

    @staticmethod
    def alone(i: int, units: list[Unit]) -> bool:
        """Whether units[i] is the only unit on its line."""
        line = units[i].line
        before = i > 0 and units[i - 1].line == line
        after = i + 1 < len(units) and units[i + 1].line == line
        return not before and not after

    def start(self, children: list[tuple[str, Data]]) -> dict[str, Data]:
        return dict(children)


def _bounds(token: Token) -> tuple[int, int]:
    """A token's [start, end) in the view (the lexer sets both on every token)."""
    assert token.start_pos is not None and token.end_pos is not None
    return token.start_pos, token.end_pos


def _runs(
    units: list[Unit], is_head: Callable[[Unit], bool], keep: Callable[[Unit, Unit], bool]
) -> list[tuple[Unit, int]]:
    """Each head among the units, with where its run ends: it takes the units after it, up
    to the next head, for as long as ``keep(head, unit)`` holds."""
    heads = [i for i, u in enumerate(units) if is_head(u)]
    out = []
    for n, i in enumerate(heads):
        stop = heads[n + 1] if n + 1 < len(heads) else len(units)
        end = units[i].end
        for u in units[i + 1 : stop]:
            if not keep(units[i], u):
                break
            end = u.end
        out.append((units[i], end))
    return out
