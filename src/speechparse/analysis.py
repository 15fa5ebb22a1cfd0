"""Stage 5a: what the lexer must know about the whole body before its first token.

A unit's role often depends on units far from it: which 一、二、三、 form the list of
demands and which 一是/二是 are points inside one; where the tail of the speech begins
(hopes and closing come after the last demand); whether a look back sits before a greeting
on someone's behalf. Analysis works these out once, over all units, and then answers
``candidates(i)``: the terminals unit ``i`` may be, most specific first and TEXT last. The
lexer (lexer.py) asks the parser which of them it accepts.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from . import cues
from .markers import Marker, marker_at
from .salutation import addressee_parts
from .segment import Unit

#: How many plain sentences at a line start may join a section that starts later on the line.
MAX_LEAD = 2


def _runs(cands: list[tuple[int, int | None]]) -> list[list[int]]:
    """Runs 1, 2, 3 … among (unit, index) pairs; one missing number is tolerated."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] | None = None
    for unit, index in cands:
        if index == 1:
            current = [(unit, 1)]
            runs.append(current)
        elif current is not None and (index is None or 0 < index - current[-1][1] <= 2):
            current.append((unit, index if index is not None else current[-1][1] + 1))
    return [[u for u, _ in run] for run in runs if len(run) >= 2]


def readdress(text: str) -> bool:
    """True when a sentence opens by addressing the audience again (同志们，…)."""
    if not cues.ADDRESSEE_STRONG.search(text, 0, 40):
        return False
    m = cues.READDRESS_CLAUSE.match(text)
    return m is not None and addressee_parts(m["clause"], 0) is not None


class Analysis:
    """What the lexer knows about the whole body before the first token."""

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        per_line = Counter(u.line for u in units)
        lines = per_line.keys()
        #: the whole speech on a few lines: every sentence may open a paragraph
        self.collapsed = len(lines) <= 3 and max(per_line.values(), default=0) >= 6
        self.markers: list[Marker | None] = [marker_at(u.text) for u in units]
        #: family -> [(unit, index)] of every marker of that family, in order
        self.by_family: dict[str, list[tuple[int, int | None]]] = {}
        for i, m in enumerate(self.markers):
            if m is not None:
                self.by_family.setdefault(m.family, []).append((i, m.index))
        self.roles: dict[int, str] = {}
        self._cache: dict[int, list[str]] = {}
        self.items: list[int] = []
        self.family: str | None = None
        self._enumerations()
        self._achievements()
        # the tail, where hopes and the closing may come: after the last demand; with no
        # demands, the last three paragraphs (the last three sentences of collapsed text);
        # in a text cut mid-sentence (a preview), from a closing cue there, or nowhere
        if self.items:
            self.tail = self.items[-1] + 1
        elif self.collapsed:
            self.tail = self._collapsed_tail()
        else:
            last_lines = sorted(lines)[-3:]
            self.tail = self._call_before(
                self._listed_wish(next((i for i, u in enumerate(units) if u.line in last_lines), 0))
            )
        if not self.items and units and not cues.TEXT_ENDED.search(units[-1].text):
            self.tail = self._cut_tail(self.tail)
        self.first_item = self.items[0] if self.items else len(units)
        self._first_occasion: int | None = None
        self._last_greeting: int | None = None

    def _collapsed_tail(self) -> int:
        """Where the closing may start in a speech on one line with no demands: at the
        earliest closing cue (a re-address, a call, a wish, thanks) among its last sentences,
        or the last three sentences."""
        n = len(self.units)
        lo = max(0, n - cues.COLLAPSED_TAIL)
        for i in range(lo, n):
            text = self.units[i].text
            if self._closes(i) or readdress(text):
                return min(i, n - 3) if n > 3 else 0
        return max(0, n - 3)

    def _cut_tail(self, tail: int) -> int:
        """The tail of a text cut mid-sentence with no demands: its last paragraphs are the
        middle of a speech, not its end, unless they already close it (a call, a wish,
        thanks, a re-address)."""
        for i in range(tail, len(self.units)):
            if self._closes(i) or readdress(self.units[i].text):
                return i
        return len(self.units)

    def _call_before(self, tail: int) -> int:
        """When the tail is all wishes and thanks (预祝… / 预祝… / 谢谢大家！), the paragraph
        before it that calls on the audience (同志们！让我们…) begins the tail."""
        units = self.units
        if tail == 0 or not all(self._closes(i) for i in range(tail, len(units))):
            return tail
        start = tail - 1
        while start > 0 and units[start - 1].line == units[tail - 1].line:
            start -= 1
        opening = range(start, min(start + 2, tail))
        if readdress(units[start].text) or any(cues.found("CALL", units[i].text) for i in opening):
            return start
        return tail

    def _listed_wish(self, tail: int) -> int:
        """A wish that lists what it wishes on the lines up to the tail (祝愿同事们： /
        工作上，… / 身体上，…！) begins the tail."""
        for i in range(tail - 1, max(-1, tail - 2 - cues.WISH_LINES_MAX), -1):
            text = self.units[i].text
            if text.endswith(":") and cues.WISH_LEAD.match(text):
                return i
        return tail

    def first_occasion(self) -> int:
        """The first unit that names the occasion (worked out when first asked)."""
        if self._first_occasion is None:
            self._first_occasion = next(
                (i for i, u in enumerate(self.units) if cues.found("OCCASION", u.text)),
                len(self.units),
            )
        return self._first_occasion

    def last_greeting(self) -> int:
        """The last unit in the first GREETING_PARAGRAPHS paragraphs, before the demands,
        where the speaker greets on behalf of someone (我代表…向…表示祝贺): a look back
        before it still belongs to the opening. (Thanks for the work done, 对…的辛勤付出
        表示感谢, end a review: they hold none back.)"""
        if self._last_greeting is None:
            self._last_greeting, paragraphs = -1, 0
            for i in range(self.first_item):
                u = self.units[i]
                paragraphs += u.first
                if paragraphs > cues.GREETING_PARAGRAPHS:
                    break
                if (
                    cues.ON_BEHALF.search(u.text)
                    and cues.found("GREETING", u.text)
                    and not cues.THANKING.search(u.text)
                ):
                    self._last_greeting = i
        return self._last_greeting

    def para_start(self, i: int) -> bool:
        return self.units[i].first or self.collapsed

    def _candidates(
        self, family: str, lo: int, hi: int, heading: bool
    ) -> list[tuple[int, int | None]]:
        # 一是… lists run inside paragraphs as points or achievements; as demands they open
        # real lines (inside a paragraph, only after an announcement: see _enumerations)
        opens = (lambda i: self.units[i].first) if family == "shi" else self.para_start
        return [
            (i, index)
            for i, index in self.by_family.get(family, ())
            if lo <= i < hi and (not heading or opens(i))
        ]

    def _enumerations(self) -> None:
        n = len(self.units)
        announce = next(
            (i for i, u in enumerate(self.units) if cues.found("ANNOUNCE", u.text)), None
        )
        # demands head their own paragraphs; only after an announcement ("做到以下三点：
        # 一要…，二要…") may a list inside a paragraph be the demands
        if not self._demands(True, 0, announce) and announce is not None:
            heading = any(
                m is not None and m.family in cues.HEADING_FAMILIES[:4] and self.para_start(i)
                for i, m in enumerate(self.markers[announce + 1 :], announce + 1)
            )
            if not heading:  # a lone 一、 (the rest cut off) is no list inside a paragraph
                self._demands(False, announce + 1, announce)
        if not self.items:
            self._lone_heading(announce)
        for i in self.items:
            self.roles[i] = "ITEM"
        bounds = [*self.items, n]
        for lo, hi in pairwise(bounds):
            self._nested(lo + 1, hi, {self.family}, ("POINT", "SUBPOINT"))

    def _demands(self, heading: bool, lo: int, announce: int | None) -> bool:
        """Take the best run of the first heading family that has one as the demands;
        earlier runs of that family are numbered achievements."""
        for rank, family in enumerate(cues.HEADING_FAMILIES):
            if family not in self.by_family:
                continue  # no marker of the family: no run of it
            cands = self._candidates(family, lo, len(self.units), heading=heading)
            if family == "sequence":
                # 首先，…其次，… are the demands after an announcement, or without one when
                # three or more paragraphs so opened each ask for something (首先，要…);
                # 最后，祝… is the closing, not the last demand
                cands = [(i, n) for i, n in cands if not self._closes(i)]
                if announce is not None:
                    cands = [(i, n) for i, n in cands if i > announce]
                else:
                    cands = [(i, n) for i, n in cands if "要" in self.units[i].text]
                    if len(cands) < 3:
                        cands = []
            runs = _runs(cands)
            # a list that follows a lone heading of a higher level (一、 with the rest cut
            # off) is that heading's points, not the demands
            lone = [
                i
                for higher in cues.HEADING_FAMILIES[:rank]
                for i, index in self.by_family.get(higher, ())
                if index == 1
                and self.para_start(i)
                and i > (announce if announce is not None else -1)
            ]
            runs = [r for r in runs if not any(i < r[0] for i in lone)]
            # a list introduced as something else (通报两条喜讯：) is not the demands
            runs = [r for r in runs if not self._other_list(r[0])]
            if not runs:
                continue
            after = [r for r in runs if announce is not None and r[0] > announce]
            best = after[0] if after else max(reversed(runs), key=len)
            self.family, self.items = family, best
            for r in runs:
                if r[-1] < best[0]:
                    for i in r:
                        self.roles[i] = "ACHIEVEMENT"
            return True
        return False

    def _lone_heading(self, announce: int | None) -> None:
        """A list with one visible item: a preview cut after the first heading. The first
        number of a heading family that opens a real line is the demands' first item after
        an announcement, or as a headline on a short line of its own, without a sentence end
        (一、提高站位 with its body below)."""
        for i, m in enumerate(self.markers):
            if m is None or m.family not in cues.HEADING_FAMILIES[:4]:
                continue
            if m.index != 1:
                if i == 0 and self.units[0].first:
                    # the page starts mid-list (page 2 of an article): 三、… opens the body
                    self.family, self.items = m.family, [i]
                    return
                continue
            unit = self.units[i]
            alone = i + 1 == len(self.units) or self.units[i + 1].line != unit.line
            # after the announcement: opening a paragraph, or right after it mid-line
            # (…我讲四点意见。一、认清形势…)
            after = announce is not None and (
                i == announce + 1 or (i > announce and self.para_start(i))
            )
            heading = (
                alone
                and m.length + 2 <= len(unit.text) <= cues.HEADLINE_MAX
                and unit.text[-1] not in "。!?"
            )
            if (after or (unit.first and heading)) and not self._other_list(i):
                self.family, self.items = m.family, [i]
                return

    def _other_list(self, i: int) -> bool:
        """Whether the unit before list item ``i`` introduces a counted list that is not
        an announcement of demands (先通报两条喜讯：)."""
        if i == 0:
            return False
        text = self.units[i - 1].text
        return (
            text.endswith(":")
            and cues.COUNTED.search(text) is not None
            and not cues.found("ANNOUNCE", text)
        )

    def _hope_follows(self, i: int) -> bool:
        """A hope to a body within MAX_LEAD units after ``i`` on its line: the audience
        addressed again (各位代表、同志们，当前…。希望各级团组织…) opens the hopes, not a
        call."""
        units = self.units
        for j in range(i + 1, min(i + 1 + MAX_LEAD, len(units))):
            if units[j].line != units[i].line:
                return False
            if cues.found("HOPE", units[j].text):
                # (a hope of the audience itself, 希望大家…, is part of the call)
                m = cues.at_clause_start(cues.HOPE, units[j].text)
                return m is not None and not cues.AUDIENCE.match(m[0], m[0].find("希望") + 2)
        return False

    def _closes(self, i: int) -> bool:
        """Whether unit ``i`` reads as part of the closing (a wish, thanks, a call)."""
        text = self.units[i].text
        return bool(cues.found("WISH", text) or cues.THANKS.match(text) or cues.found("CALL", text))

    def _nested(self, lo: int, hi: int, used: set[str | None], roles: tuple[str, ...]) -> None:
        """Mark the best enumeration inside [lo, hi) with roles[0], and recurse."""
        if not roles or hi - lo < 2:
            return
        for family in cues.POINT_FAMILIES:
            if family in used or family not in self.by_family:
                continue
            runs = _runs(self._candidates(family, lo, hi, heading=False))
            if not runs:
                continue
            members = [i for r in runs for i in r]
            for i in members:
                self.roles[i] = roles[0]
            bounds = [*members, hi]
            for a, b in pairwise(bounds):
                self._nested(a + 1, b, used | {family}, roles[1:])
            return
        if hi == len(self.units) and roles[0] == "POINT":
            # the last demand of a preview cut after its first point (1、…): a list of one
            for family in cues.POINT_FAMILIES[:3]:
                if family in used:
                    continue
                first = [
                    i for i, index in self._candidates(family, lo, hi, heading=True) if index == 1
                ]
                if first:
                    self.roles[first[0]] = roles[0]
                    return

    def _achievements(self) -> None:
        """Short heading sentences that open two or more nearby paragraphs of the review."""
        limit = self.items[0] if self.items else len(self.units)
        heads = []
        for i in range(limit):
            u = self.units[i]
            nxt = self.units[i + 1] if i + 1 < len(self.units) else None
            if (
                u.first
                and nxt is not None
                and nxt.line == u.line
                and len(u.text) <= cues.HEADED_MAX
                and u.text[-1] in "。!"
                and "," not in u.text
                and self.markers[i] is None
            ):
                heads.append(i)
        group: list[int] = []
        ends: list[int | None] = [*heads, None]  # None closes the last group
        for head in ends:
            if (
                head is not None
                and group
                and self.units[head].line - self.units[group[-1]].line <= 3
            ):
                group.append(head)
                continue
            if len(group) >= 2:
                for k in group:
                    self.roles[k] = "ACHIEVEMENT"
            group = [head] if head is not None else []

    def candidates(self, i: int) -> list[str]:
        """The terminals unit ``i`` could be, most specific first; TEXT always last."""
        found = self._cache.get(i)
        if found is None:
            found = self._cache[i] = self._classify(i)
        return found

    def _classify(self, i: int) -> list[str]:
        role = self.roles.get(i)
        if role in ("ITEM", "POINT", "SUBPOINT"):
            return [role, "TEXT"]
        text = self.units[i].text
        out: list[str] = []
        if i >= self.tail:
            if cues.THANKS.match(text):
                out.append("THANKS")
            closing_side = cues.AFTER_DEMANDS.search(text) is not None  # (a fast test)
            if closing_side and (
                cues.found("WISH", text) or (text[-1] == ":" and cues.WISH_LEAD.match(text))
            ):
                out.append("WISH")
            if readdress(text) and not self._hope_follows(i):
                out.append("CALL")
            if closing_side and (cues.found("HOPE", text) or cues.found("PLEDGE", text)):
                out.append("HOPE")
            if closing_side and "CALL" not in out and cues.found("CALL", text):
                out.append("CALL")
        if i < self.first_item:
            if role == "ACHIEVEMENT":
                out.append("ACHIEVEMENT")
            if cues.BEFORE_DEMANDS.search(text):
                for cue in ("GREETING", "OCCASION", "ANNOUNCE", "REVIEW"):
                    if cues.found(cue, text):
                        out.append(cue)
                if "GREETING" in out and "除了" in text and cues.BESIDES_GREETING.search(text):
                    out.remove("GREETING")  # 除了…表示祝贺外，还要…: what follows is the point
                if "REVIEW" in out and "OCCASION" in out and i > self.first_occasion():
                    # once the occasion is named, a sentence that also looks back (这次大会
                    # 审议通过了…) starts the review rather than naming the occasion again
                    out.remove("REVIEW")
                    out.insert(out.index("OCCASION"), "REVIEW")
                if "REVIEW" in out and i < self.last_greeting():
                    out.remove("REVIEW")  # the review starts after the greetings
            if i + 1 == self.first_item and text.endswith(":") and "ANNOUNCE" not in out:
                out.insert(0, "ANNOUNCE")  # "希望…：" right before the list introduces it
            if self.para_start(i) and cues.PREAMBLE.match(text):
                out.append("PREAMBLE")
        out.append("TEXT")
        return out
