"""Stage 4a: cut lines into the pieces the labeller labels.

A line is usually one thing: a title, a notice, a paragraph. A page that lost its line
breaks puts several on one: a title run into the salutation, site text before it, page
furniture after the last sentence, a title after a site's sentence. This splitter only
proposes where such a line may be cut, by generic shapes (a salutation's colon, a title
word, a sentence end); the labeller decides what each piece is, and pieces of one line with
the same label join again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import cues
from .salutation import TITLE_END, addressees_start, salutation_at
from .segment import Line
from .shape import title_like


@dataclass(slots=True, frozen=True)
class Piece:
    """[start, end) of the cleaned text, on line number ``line`` of the page."""

    start: int
    end: int
    line: int


#: A bracketed note right after a title word, such as its date: 讲话（2023年3月15日）
#: (after a space, it is a piece of its own).
_NOTE = re.compile(r"\([^()]{1,30}\)")
#: A site's separators after a title (元旦致辞 | |).
_TRAILING_SEPARATORS = re.compile(r"\s*(?<![A-Za-z0-9/\"'])[|›»>·-][\s|›»>·-]*$")
#: A site's label or name before a title on its line: [政治], 【讲话】, 某某之家— .
_PREFIX = re.compile(r"(?:\[[^\]]{1,8}\]|【[^】]{1,8}】|[^\s—|\[【]{2,10}(?:—(?!—)|\||-))\s*")
#: A collection's label of one piece after its name (…安全生产讲话 篇1, …致辞(二):): the
#: piece starts after it, on a collapsed page too.
_PIECE_LABEL = re.compile(rf"{cues.TITLE_WORD}{cues.TITLE_SUFFIX}?{cues.PIECE_AFTER}\s*:?")
#: What separates a sentence's clauses and no title's speaker before its 在…上的讲话.
_CLAUSE = re.compile(r"[,、;]")
#: The end of a bracketed label with text run on after it (【加入会员】在…).
_LABEL_END = re.compile(r"】(?=[^\s【】,。:;!?])")
#: A date in brackets (a byline's or a title's): (2011年3月7日), (二〇〇九年三月 日).
_BRACKET_DATE = re.compile(r"\((?:\d{4}|[〇零一二三四五六七八九○]{4})\s*年[^()]{1,12}\)")
#: How far into a line a title run into its salutation is looked for, and the longest
#: salutation looked for after it.
_REACH = 400
_SALUTATION_MAX = 60
#: The ellipsis where a preview was cut mid-sentence, at the end of a line.
_CUT = re.compile(r"(?<=[^。!?…. ])\s*(?:…{1,6}|\.{3,6}|。{3,6})$")
#: How a match of _CUT ends its line (after spaces), and the last characters a match of
#: _TRAILING_SEPARATORS can end it with: fast tests before the patterns, which try every
#: position of a line.
_CUT_ENDS = ("…", "...", "。。。")
_SEPARATOR_LAST = "|›»>·-"
#: A word every match of cues.INLINE_BACK holds (one scan of a class of first characters).
_BACK_WORDS = re.compile(
    r"相关文章|相关推荐|相关阅读|推荐阅读|猜你喜欢|热门文章|用户评论|网友评论|上一篇|下一篇|"
    r"手机扫码|扫一扫|分享到|打开APP|下载APP|THE END"
)
#: What every site label _PREFIX matches has in a line's first 11 characters (a bracket
#: that opens it, or a separator after 2-10 characters).
_PREFIX_MARKS = ("[", "【", "—", "|", "-")
#: A title word, which every cut of _title_cuts but the separators' needs.
_TITLE_WORD = re.compile(cues.TITLE_WORD)


def _last(text: str, start: int, end: int) -> str:
    """The last character of text[start:end] that is not a space ("" if none)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[end - 1] if end > start else ""


def pieces(clean: str, lines: list[Line]) -> list[Piece]:
    """Every line as one piece or more, in order, covering each line exactly."""
    out: list[Piece] = []
    for k, line in enumerate(lines):
        cuts = _cuts(clean, line, front=k < cues.FRONT_MAX)
        start = line.start
        for cut in sorted(set(cuts)):
            if start < cut < line.end:
                out.extend(_stripped(clean, start, cut, line.index))
                start = cut
        out.extend(_stripped(clean, start, line.end, line.index))
    return out


def _stripped(clean: str, start: int, end: int, line: int) -> list[Piece]:
    while start < end and clean[start].isspace():
        start += 1
    while end > start and clean[end - 1].isspace():
        end -= 1
    return [Piece(start, end, line)] if start < end else []


def _cuts(clean: str, line: Line, *, front: bool) -> list[int]:
    cuts: list[int] = []
    if front:
        cuts += _salutation_cuts(clean, line)
        cuts += _title_cuts(clean, line)
        reach = min(line.end, line.start + cues.FRONT_REACH)
        paren = clean.find("(", line.start, reach) >= 0
        if paren or clean.find("篇", line.start, reach) >= 0:
            cuts += [m.end() for m in _PIECE_LABEL.finditer(clean, line.start, reach)]
        # after a site's bracketed labels run into the text (【收藏】【加入会员】在第…)
        if clean.find("】", line.start, reach) >= 0:
            cuts += [m.end() for m in _LABEL_END.finditer(clean, line.start, reach)]
        # a byline's date in brackets run into the text (…讲话某某(2024年5月1日)今天，…)
        # (right after a title word, the date is the title's: 讲话(2008年2月5日))
        # (a fast test: every date in brackets has "(" and 年)
        dated = paren and clean.find("年", line.start, reach) >= 0
        for m in _BRACKET_DATE.finditer(clean, line.start, reach) if dated else ():
            if m.end() >= line.end:
                break  # it ends its line: nothing is run into it
            if not cues.TITLE_WORD_AT_END.search(clean, max(line.start, m.start() - 8), m.start()):
                cuts.append(m.start())
            cuts.append(m.end())
    half = line.start + (line.end - line.start) // 2
    if _BACK_WORDS.search(clean, half, line.end) is not None:
        back = cues.INLINE_BACK.search(clean, half, line.end)
        if back is not None:
            cuts.append(back.start())
    if clean[line.start : line.end].rstrip().endswith(_CUT_ENDS):
        cut = _CUT.search(clean, max(line.start, line.end - 40), line.end)
        if cut is not None:
            cuts.append(cut.start())
    return cuts


def _salutation_cuts(clean: str, line: Line) -> list[int]:
    """Around a salutation: after it when text follows on its line, before it when site
    text or a title comes first."""
    if not _may_address(clean[line.start : line.end]):
        return []
    return _addressed_cuts(clean, line)


def _may_address(text: str) -> bool:
    """Whether a salutation may open or end in the line (a fast test): salutation_at needs a
    colon or a short line that ends in ! or ,, and addressees_start a colon."""
    return ":" in text or (0 < len(text) <= 40 and text[-1] in "!,")


def _addressed_cuts(clean: str, line: Line) -> list[int]:
    """_salutation_cuts without its fast test."""
    found = salutation_at(clean, line)
    if found is not None:
        return [found[0]]
    limit = min(line.end, line.start + cues.FRONT_REACH)
    colon = clean.find(":", line.start, limit)
    while colon >= 0:
        head = max(line.start, max(clean.rfind(ch, line.start, colon) for ch in "。!?…】:") + 1)
        begin = addressees_start(clean, head, colon)
        if begin is not None and begin > line.start:
            return [begin, colon + 1]
        colon = clean.find(":", colon + 1, limit)
    return []


def _copy(clean: str, start: int, end: int, limit: int) -> int | None:
    """The end of a copy of the title [start, end) that follows it (after spaces), if one
    does before ``limit``."""
    title = clean[start:end].strip()
    at = end
    while at < limit and clean[at].isspace():
        at += 1
    if title_like(title) and clean.startswith(title, at) and at + len(title) <= limit:
        return at + len(title)
    return None


def _title_before_salutation(clean: str, line: Line, after: int) -> list[int]:
    """Around a title run into its salutation further on a collapsed page (…的开头……在…上的
    讲话同志们：): before and after the title, and after the salutation."""
    reach = min(line.end, line.start + _REACH)
    if not _salutation_may_follow(clean, line, after, reach):
        return []
    for m in TITLE_END.finditer(clean, after, reach):
        if m.end() >= line.end:
            break
        following = Line(line.index, m.end(), min(line.end, m.end() + _SALUTATION_MAX))
        salutation = salutation_at(clean, following)
        if salutation is None:
            continue
        head = max(after, max(clean.rfind(ch, after, m.start()) for ch in "。!?:】…") + 1)
        if head < m.start() and title_like(clean[head : m.end()]):
            return [head, m.end(), salutation[0]]
    return []


def _salutation_may_follow(clean: str, line: Line, after: int, reach: int) -> bool:
    """Whether a salutation can follow a title word in [after, reach) of the line (a fast
    test): it ends in a colon within _SALUTATION_MAX of the word, or, on a short rest of
    the line, in the ! or , that ends the line."""
    return clean.find(":", after, reach + _SALUTATION_MAX) >= 0 or clean[line.end - 1] in "!,"


def _label(text: str) -> int:
    """Where a site's label or name before a title on its line ends ([政治], 秘书之家—), or a
    collection's label of one piece (第一篇:, 【篇二】); 0 when the line has none."""
    if "篇" in text or "【" in text:  # (a label with a title after it has one)
        item = cues.COLLECTION_ITEM.match(text)
        if item is not None and item["title"]:
            return item.start("title")
    if not any(mark in text[:11] for mark in _PREFIX_MARKS):
        return 0
    prefix = _PREFIX.match(text)
    return prefix.end() if prefix is not None and prefix.end() < len(text) else 0


def _title_cuts(clean: str, line: Line) -> list[int]:
    """After a title word that ends a title-like stretch of the line (and its note), and
    before a title that follows the last sentence or ends in a site's separators."""
    text = clean[line.start : line.end]
    if not _may_title(text):
        return _separator_cuts(text, line.start)
    return _titled_cuts(clean, line, text)


def _may_title(text: str) -> bool:
    """Whether a title word stands on the line, perhaps spaced out as title_like reads one
    (开  幕  词): every cut of _title_cuts but the separators' needs one (a fast test)."""
    if _TITLE_WORD.search(text) is not None:
        return True
    return " " in text and _TITLE_WORD.search("".join(text.split())) is not None


def _titled_cuts(clean: str, line: Line, text: str) -> list[int]:
    """_title_cuts without its fast test."""
    cuts: list[int] = []
    after = -1  # the end of the title cut off the line
    floor = line.start  # where a title may start: after a collection's name
    for m in TITLE_END.finditer(clean, line.start, min(line.end, line.start + 200)):
        if m.end() >= line.end:
            break
        if m.start() < after or cues.IN_SENTENCE.match(clean, m.end()):
            continue
        name = cues.COLLECTION_AFTER.match(clean, m.end())
        if name is not None:  # a collection's name: a title starts after it, if any
            floor = name.end()
            continue
        if after >= 0:
            # past the first title, only a title run into its copy (a collapsed page's
            # header title, then the title) is cut, after each
            copy = _copy(clean, after, m.end(), line.end)
            if copy is not None:
                cuts += [m.end(), copy]
                break
            continue
        head = max(floor, max(clean.rfind(ch, line.start, m.start()) for ch in "。!?:】") + 1)
        if cues.BREADCRUMB.search(clean[head : m.end()]):
            # a breadcrumb that ends in a title word (首页 >> 工作讲话): the title follows
            cuts.append(m.end())
            floor = m.end()
            continue
        at = clean.find("在", head, m.start())
        if at > head and _CLAUSE.search(clean, head, at):
            continue  # a clause before 在…的讲话: a sentence that names a speech
        if title_like(clean[head : m.end()]):
            note = _NOTE.match(clean, m.end(), line.end)
            after = note.end() if note is not None else m.end()
            if clean.startswith(":", after):
                after += 1  # a collection's label of one piece (…讲话(一):)
            cuts += [head, after]
            copy = _copy(clean, head, after, line.end)
            if copy is not None:
                cuts.append(copy)
                break
    cuts += _title_before_salutation(clean, line, max(cuts, default=line.start))
    prefix = _label(text)
    if prefix:
        # the title after it ends at the line's end or at the next cut
        end = min((c - line.start for c in cuts if c - line.start > prefix), default=len(text))
        if title_like(text[prefix:end]) and not title_like(text[:prefix]):
            cuts.append(line.start + prefix)
    k = max(text.rfind(ch) for ch in "。!?") + 1
    if 0 < k < len(text) and title_like(text[k:].strip()):
        cuts.append(line.start + k)
    cuts += _separator_cuts(text, line.start)
    return cuts


def _separator_cuts(text: str, start: int) -> list[int]:
    """Before a site's separators that end the line (元旦致辞 | |)."""
    if _last(text, 0, len(text)) in _SEPARATOR_LAST:
        junk = _TRAILING_SEPARATORS.search(text)
        if junk is not None and junk.start() > 0:
            return [start + junk.start()]
    return []
