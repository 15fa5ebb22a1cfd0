"""Stage 4: find where the speech begins and ends, its title and its salutation.

Scraped pages put site text before the speech (notices, keywords one per line, the title
repeated or broken) and page furniture after it. This stage reads whole lines: the lines
before the salutation are front matter (the title, or noise of some kind), the lines from
the first piece of page furniture on are back matter. What is left is the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import cues
from .noise import NoiseSpan
from .salutation import TITLE_END as _TITLE_END
from .salutation import addressee_parts, salutation_at
from .salutation import addressees_start as _addressees_start
from .salutation import split_salutation as _split_salutation
from .segment import Line
from .shape import CJK, INNER_SPACE, shape, stray
from .shape import byline as _byline
from .shape import noise_kind as _noise_kind
from .shape import title_like as _title_like

_NUMBERED_RULE = re.compile(r"^\d{1,2}\s*[.、]")
#: A telephone or QQ number (site text), as opposed to a year or a count (2024年, 5次).
_PHONE = re.compile(r"[ ]*[\d-]{5,}(?![\d年月日号届次])")
#: The 在…上的讲话 form of a title, and what cannot come before it in the same title.
_AT_MEETING = re.compile(rf"在[^在]{{2,60}}(?:上|中|时|之际)的{cues.TITLE_WORD}")
_NOT_A_TITLE_HEAD = re.compile(rf"{cues.TITLE_WORD}|>|»|/|首页|位置")
#: A bracketed note after a title, such as its date: （2023年3月15日）.
_TITLE_NOTE = re.compile(r"\s*\([^()]{1,30}\)\s*")
_SENTENCE = re.compile(r"[。!?]")


def _sentence_in(text: str) -> bool:
    """``_SENTENCE.search(text)``, several times faster for the short lines the frame asks
    about (three substring tests, no call into the regular-expression engine)."""
    return "。" in text or "!" in text or "?" in text


#: The ellipsis where a preview was cut mid-sentence, at the end of the speech's last line.
_CUT = re.compile(
    r"(?<=[^。!?…. ])( *)(?:…{1,6}|\.{3,6}|。{3,6})$"
    # or an opening bracket or quote left after the last sentence (…节日快乐！（)
    r"|(?<=[。!?])( *)[(\[{“‘《<|/\\-]{1,3}$"
)
#: How far from the line's end a cut ellipsis starts (with the spaces before it).
_CUT_REACH = 40
#: A main title's line before a subtitle: a phrase without punctuation.
_MAIN_TITLE = re.compile(r"[^\s。!?,:;()“”\"]{4,30}")
#: A date in brackets after a space at the end of a title's line: (2009年3月 日).
_DATE_NOTE = re.compile(r"(\s+)\([^()]{0,12}[年月][^()]{0,12}日?\s*\)\s*$")
#: The number of a piece on a collection page after its name: …致辞(1).
_ITEM_NUMBER = re.compile(r"\(\d{1,2}\)")


@dataclass(slots=True)
class Frame:
    """The outline of the page: title, salutation, body lines and whole-line noise."""

    title: Line | None = None
    salutation: tuple[int, int] | None = None
    addressees: list[tuple[int, int]] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    noise: list[NoiseSpan] = field(default_factory=list)
    unclassified: list[Line] = field(default_factory=list)


def _title_then_salutation(
    clean: str, line: Line
) -> tuple[Line, list[NoiseSpan], int, list[tuple[int, int]]] | None:
    """A title run into the salutation on one line (…大会上的讲话同志们：今天，…), perhaps
    with its date in brackets between them: the title's when it follows the title word
    right away (讲话（2008年2月5日）, as the corpus reads it), else noise of its own."""
    for m in _TITLE_END.finditer(clean, line.start, min(line.end, line.start + 80)):
        ends = [m.end()]
        note = _TITLE_NOTE.match(clean, m.end(), line.end)
        if note is not None:
            ends.insert(0, note.end())  # the title's date or place, in brackets
        for end in ends:
            title = clean[line.start : m.end()]
            if _sentence_in(title) or ":" in title or not cues.TITLE.search(title):
                continue  # site text before the title: see _salutation_inside
            rest = end
            while rest < line.end and clean[rest].isspace():
                rest += 1
            found = salutation_at(clean, Line(line.index, rest, line.end))
            if found is not None:
                # a note right after the title word is the title's; after a space, its own
                own = end > m.end() and clean[m.end()] == "("
                notes = [NoiseSpan(m.end(), end, "other")] if end > m.end() and not own else []
                head = Line(line.index, line.start, end if own else m.end())
                return head, notes, found[0], found[1]
    return None


def _decoy(clean: str, lines: list[Line], i: int, end: int) -> bool:
    """A salutation that opens a line of running text, followed within a few lines by a
    title or a salutation on a line of its own, belongs to another speech quoted in a site
    summary (猜你喜欢：同志们：今天……), not to this one."""
    if end >= lines[i].end or lines[i].end - lines[i].start > cues.SUMMARY_MAX:
        return False  # a salutation on its own line, or a whole speech on one line
    for line in lines[i + 1 : i + 5]:
        text = clean[line.start : line.end]
        if cues.BACK_MATTER.match(text):
            return False  # what follows is page furniture after this speech
        found = salutation_at(clean, line)
        if _title_like(text) or (found is not None and found[0] >= line.end):
            return True
    return False


def _outline(clean: str, lines: list[Line]) -> set[int]:
    """A site's outline of the page (目录/提纲: then its headings, one per line): the label,
    the headings and the dots after them, as line indices."""
    if all(clean.find(hint, 0, cues.FRONT_REACH) < 0 for hint in cues.OUTLINE_HINTS):
        return set()  # (a fast test before looking at the lines)
    for k, line in enumerate(lines[: cues.FRONT_MAX]):
        if not cues.OUTLINE.match(clean, line.start, line.end):
            continue
        found = {line.index}
        for nxt in lines[k + 1 : cues.FRONT_MAX]:
            text = clean[nxt.start : nxt.end]
            heading = (
                text[0] in cues.MARKER_FIRST
                and len(text) <= cues.HEADLINE_MAX * 2
                and not _sentence_in(text)
            )
            if not (heading or _DOTS.fullmatch(text)):
                break
            found.add(nxt.index)
        return found
    return set()


def _repeated(clean: str, lines: list[Line], i: int) -> tuple[int, int] | None:
    """A salutation line whose start of the speech comes again a few lines on (the same line
    before it, such as the title, then the same salutation): the first copy is a site's
    summary of the page. Returns the first copy's first line and the second copy's."""

    def at(k: int) -> str:  # a line as compared: without spaces (noise may leave one)
        return clean[lines[k].start : lines[k].end].replace(" ", "")

    if i == 0:
        return None  # a copy comes with its title
    first = clean[lines[i].start]
    for k in range(i + 1, min(len(lines), i + 10)):
        if lines[k].start - lines[i].end > cues.SUMMARY_MAX:
            return None  # more than a summary between them
        # the same title, then the same salutation (perhaps run into more)
        if clean[lines[k].start] == first and at(k).startswith(at(i)) and at(k - 1) == at(i - 1):
            return i - 1, k - 1
    return None


#: A salutation found inside a line: the noise before it, the title, its span, its parts.
Inside = tuple[list[NoiseSpan], Line | None, tuple[int, int], list[tuple[int, int]]]


def _salutation_inside(clean: str, line: Line) -> Inside | None:
    """A salutation in the middle of a line, after site text and perhaps the title run
    together with it (a page that lost its line breaks: 温馨提示：…删除。在…的讲话在…的讲话同志们：
    今天…). Returns the noise before it, the title, the salutation's span, and its
    parts."""
    limit = min(line.end, line.start + cues.FRONT_REACH)
    for colon in re.finditer(r":", clean[line.start : limit]):
        p = line.start + colon.start()
        head = max(line.start, max(clean.rfind(ch, line.start, p) for ch in "。!?…】:") + 1)
        number = _PHONE.match(clean, head, p)
        if number is not None:
            head = number.end()  # the number of a customer-service line, not a title
        begin = _addressees_start(clean, head, p)
        if begin is None or begin == line.start:
            continue
        if begin == head and cues.SUMMARY_LABEL.search(clean, line.start, head):
            continue  # 导读：同志们：… quotes another speech (a decoy)
        noise: list[NoiseSpan] = []
        title: Line | None = None
        words = [w for w in _TITLE_END.finditer(clean, head, begin) if w.end() <= begin]
        note = _TITLE_NOTE.fullmatch(clean, words[-1].end(), begin) if words else None
        if note is not None and _ITEM_NUMBER.fullmatch(note.group().strip()):
            words = []  # …致辞(1): a piece's label on a collection page, not its title
        if words and (note is not None or not clean[words[-1].end() : begin].strip()):
            # the title, right before the salutation (perhaps with its date between them)
            end = words[-1].end()
            cut = _title_start(clean, head, end, words)
            crumb = clean[max(line.start, cut - 3) : cut].rstrip().endswith((">", "»", "›"))
            if _title_like(clean[cut:end]) and not (crumb and end - cut < 8):
                title = Line(line.index, cut, end)
                if cut > head and _repeats(clean[head:cut], clean[cut:end]):
                    noise.append(NoiseSpan(head, cut, "duplicate_title"))
                    head = cut
        before = head if title is not None and noise else (title.start if title else begin)
        while before > line.start and clean[before - 1].isspace():
            before -= 1
        if before > line.start:
            kind = _noise_kind(clean[line.start : before]) or "other"
            noise.insert(0, NoiseSpan(line.start, before, kind))
        if title is not None and note is not None:
            noise.append(NoiseSpan(title.end, begin, "other"))
        noise.sort(key=lambda n: n.start)
        return noise, title, (begin, p + 1), addressee_parts(clean[begin:p], begin) or []
    return None


def _title_start(clean: str, head: int, end: int, words: list[re.Match[str]]) -> int:
    """Where a title that ends at ``end`` begins, in site text run into it: after an earlier
    copy of it, or at 在 of 在…上的讲话 when what comes before holds a title word or a
    breadcrumb arrow (…> 讲话材料在全县…的讲话)."""
    if len(words) > 1 and _repeats(clean[head : words[-2].end()], clean[words[-2].end() : end]):
        return words[-2].end()
    # site text run into the title ends where its last cue ends (…阅读 88 次市委副书记在…)
    cues_end = [
        m.end()
        for pattern in (cues.META, cues.SITE_NOTICE, cues.BREADCRUMB, cues.COLLECTION)
        for m in pattern.finditer(clean, head, end)
    ]
    start = max([head, *cues_end])
    while start < end and clean[start].isspace():
        start += 1
    at = _AT_MEETING.search(clean, start, end)
    if at is not None and at.end() == end and _NOT_A_TITLE_HEAD.search(clean, start, at.start()):
        return at.start()
    return start


def _repeats(first: str, title: str) -> bool:
    """Whether ``first`` is the title written before it (whole or broken): they end alike."""
    a, b = re.sub(r"\W", "", first), re.sub(r"\W", "", title)
    return len(a) * 2 >= len(b) and a[-4:] == b[-4:]


def _late_anchor(clean: str, lines: list[Line], start: int) -> tuple[int, Inside] | None:
    """A salutation after running text that is not the speech (a blogger's story, a
    document site's description): only one that cannot be a re-address in the middle of a
    speech anchors it there — the title right before it (…的讲话 / 同志们：, or on one line),
    or a salutation line of its own answered by a greeting (各位同事们： / 大家好！)."""
    for k in range(start, min(len(lines), cues.FRONT_MAX)):
        line = lines[k]
        found = salutation_at(clean, line)
        if found is not None and found[0] >= line.end:
            before = clean[lines[k - 1].start : lines[k - 1].end] if k else ""
            after = clean[lines[k + 1].start : lines[k + 1].end] if k + 1 < len(lines) else ""
            if _title_like(before) or cues.HELLO.match(after):
                return k, ([], None, (line.start, found[0]), found[1])
            continue
        inside = _salutation_inside(clean, line)
        if inside is not None and inside[1] is not None:
            return k, inside
    return None


def _is_prose(text: str) -> bool:
    """A line with a sentence in it: once one that is not site text is passed, the speech has
    begun, and a later 同志们！ re-addresses the audience rather than salutes it."""
    return _sentence_in(text)


def _front(clean: str, front: list[Line], frame: Frame, decoys: set[int]) -> None:
    """Classify the lines before the speech: one is the title, the rest is noise."""
    front = [piece for line in front for piece in _title_after_sentence(clean, line)]
    texts = [clean[ln.start : ln.end] for ln in front]
    kinds: list[str | None] = ["other" if ln.index in decoys else None for ln in front]
    # a title cut into one keyword per line: three or more short lines without punctuation
    run: list[int] = []
    for i, t in enumerate([*texts, "。"]):
        if len(t) <= cues.KEYWORD_MAX and not cues.PUNCT.search(t) and not _title_like(t):
            run.append(i)
            continue
        if len(run) >= 3:
            for k in run:
                kinds[k] = "keywords"
        run = []
    for i, t in enumerate(texts):
        if kinds[i] is None:
            kinds[i] = _noise_kind(t)
        if kinds[i] is None and i and kinds[i - 1] == "site_notice" and _NUMBERED_RULE.match(t):
            kinds[i] = "site_notice"
    free = [i for i in range(len(front)) if kinds[i] is None and not _sentence_in(texts[i])]
    if frame.title is None:
        _choose_title(clean, front, texts, free, kinds, frame)
    if frame.title is not None:
        title = clean[frame.title.start : frame.title.end].replace("\n", "")
        for i in free:
            if kinds[i] is None and (texts[i] in title or _title_like(texts[i])):
                kinds[i] = "duplicate_title"
    for line, kind in zip(front, kinds, strict=True):
        if kind == "title":
            continue
        if kind is None:
            frame.unclassified.append(line)
            kind = "other"
        frame.noise.append(NoiseSpan(line.start, line.end, kind))


def _title_after_sentence(clean: str, line: Line) -> list[Line]:
    """A line of site text with the title run on after its last sentence (…请勿照搬照抄！在XX
    大会上的讲话) is two lines: the sentence, and the title."""
    text = clean[line.start : line.end]
    k = max(text.rfind(ch) for ch in "。!?") + 1
    rest = text[k:].lstrip()
    if 0 < k < len(text) and _title_like(rest):
        return [
            Line(line.index, line.start, line.start + k),
            Line(line.index, line.end - len(rest), line.end),
        ]
    # a title with a site's separators after it (元旦致辞 | |): the title, and them
    junk = _TRAILING_SEPARATORS.search(text)
    if junk is not None and junk.start() > 0 and _title_like(text[: junk.start()]):
        return [
            Line(line.index, line.start, line.start + junk.start()),
            Line(line.index, line.start + junk.start() + len(junk[1]), line.end),
        ]
    return [line]


def _choose_title(
    clean: str,
    front: list[Line],
    texts: list[str],
    free: list[int],
    kinds: list[str | None],
    frame: Frame,
) -> None:
    """The most complete title among the free front lines: the longest title-like line, or
    two neighbouring lines that make one (在XX区工会第五次代表大会 / 上的讲话)."""
    best: tuple[int, int] | None = None  # (first, last) front index
    for i in free:
        if _title_like(texts[i]) and (best is None or len(texts[i]) > _length(texts, best)):
            best = (i, i)
    for i in free:
        pair = (
            i + 1 in free
            and not _title_like(texts[i])
            # the tail of a title (上的讲话, 开幕词), not a title of its own
            and len(texts[i + 1]) < len(texts[i])
            and (
                len(INNER_SPACE.sub("", texts[i + 1])) <= cues.TITLE_TAIL
                or not _title_like(texts[i + 1])
            )
            and _title_like(texts[i] + texts[i + 1])
        )
        if pair and (best is None or _length(texts, (i, i + 1)) > _length(texts, best)):
            best = (i, i + 1)
    if best is None:
        # no cue word: a short line without punctuation just before the speech
        plain = [
            i
            for i in free
            if 6 <= len(texts[i]) <= 60
            and not cues.PUNCT.search(texts[i])
            and len(CJK.findall(texts[i])) >= 4
        ]
        best = (plain[-1], plain[-1]) if plain else None
    if best is not None:
        a, b = best
        # a subtitle (——在…上的讲话) follows its main title, on up to two lines before it
        while (
            (texts[a].startswith("—") or (a < b and texts[b].startswith("—")))
            and a - 1 in free
            and b - a < 2
            and _MAIN_TITLE.fullmatch(texts[a - 1])
        ):
            a -= 1
        end = front[b].end
        byline = _byline_after_title(clean, front[b])
        if byline is not None:
            end = byline[0]
            frame.noise.append(NoiseSpan(*byline[1:], "other"))
        date = _DATE_NOTE.search(clean, front[a].start, end)
        if date is not None:
            # a date after a space on the title's line, as on a line of its own, is not the
            # title (one right after the title word is)
            end = date.start()
            frame.noise.append(NoiseSpan(date.start() + len(date[1]), date.end(), "other"))
        frame.title = Line(front[a].index, front[a].start, end)
        for k in range(a, b + 1):
            kinds[k] = "title"


def _byline_after_title(clean: str, line: Line) -> tuple[int, int, int] | None:
    """A byline run on after the title word (…上的讲话 县委书记 XXX): where the title ends,
    and the byline's span."""
    words = list(_TITLE_END.finditer(clean, line.start, line.end))
    if not words:
        return None
    end = words[-1].end()
    start = end
    while start < line.end and clean[start].isspace():
        start += 1
    if start == line.end or not _byline(clean[start : line.end]):
        return None
    return end, start, line.end


def _length(texts: list[str], span: tuple[int, int]) -> int:
    return sum(len(texts[k]) for k in range(span[0], span[1] + 1))


def _back_start(clean: str, lines: list[Line], first: int) -> int:
    """Index of the first line of page furniture after the speech (len(lines) if none): a
    line that opens the furniture in the second half of the body, or else the run of lines
    at the end that are site-shaped, or short and uncertain with site text below them."""
    if first >= len(lines):
        return len(lines)
    middle = (lines[first].start + lines[-1].end) // 2
    for i in range(first + 1, len(lines)):
        if lines[i].end > middle and _furniture(clean[lines[i].start : lines[i].end]):
            return i
    last = clean[lines[-1].start : lines[-1].end]
    if not (_trailing_noise(last) or _edge_uncertain(last)):
        return len(lines)  # the speech runs to the end of the page
    shaped = _has_speech(clean, lines[first:])
    end = len(lines)
    site_below = False
    while end > first + 1:
        text = clean[lines[end - 1].start : lines[end - 1].end]
        if _trailing_noise(text, shaped=shaped):
            site_below = True
        elif not (shaped and _edge_uncertain(text) and (site_below or end == len(lines))):
            break
        end -= 1
    return end


def _has_speech(clean: str, lines: list[Line]) -> bool:
    """Whether some line is speech-shaped: shape tells site text from speech only where
    there is speech to tell it from (a page of English stays text)."""
    return any(shape(clean[ln.start : ln.end]) == "speech" for ln in lines)


def _edge_uncertain(text: str) -> bool:
    """A short line without sentence punctuation or a marker at the edge of the page (附件
    列表): page furniture, unless it is a heading (一、…) or a cue of the genre."""
    return (
        len(text) <= 12
        and text[0] not in cues.MARKER_FIRST
        and not cues.PUNCT.search(text)
        and shape(text) == "uncertain"
    )


def _furniture(text: str) -> bool:
    """A short line that opens the page furniture after a speech (相关文章, 上一篇：…)."""
    return len(text) <= 40 and not _sentence_in(text) and cues.BACK_MATTER.match(text) is not None


def _trailing_noise(text: str, *, shaped: bool = True) -> bool:
    """A short line of site text after the speech (and not the speech's last sentence with
    furniture run on, which frame() splits)."""
    if _furniture(text):
        return True
    if len(text) > 60 or _noise_kind(text, shaped=shaped) is None:
        return False
    return cues.INLINE_BACK.search(text, 1) is None


def _collection(clean: str, lines: list[Line]) -> tuple[list[Line], list[NoiseSpan]]:
    """On a collection page (a site's page of several speeches), the first piece starts
    after its label (…讲话稿 篇1, 第一篇:…): what comes before is the page's, not the
    speech's, and the collection's name is no title. Labels in a row label the same piece
    (【篇一】 / …讲话稿 篇1): the last one before the piece begins counts — before its
    salutation, or before more running text than a site's blurb. Returns the lines from the
    first piece on (its own title, if the label had one after it) and the noise before
    them."""
    reach = min(lines[min(len(lines), cues.FRONT_MAX) - 1].end if lines else 0, cues.FRONT_REACH)
    if clean.find("篇", 0, reach) < 0 and not _numbered_piece(clean, reach):
        return lines, []  # (a fast test: no label of any form on the page's first lines)
    found: tuple[int, re.Match[str]] | None = None
    prose = 0  # characters of running text passed
    for k, line in enumerate(lines[: cues.FRONT_MAX]):
        if found is not None and salutation_at(clean, line) is not None:
            break  # the piece has begun
        if _SENTENCE.search(clean, line.start, line.end):
            prose += line.end - line.start
            if prose > cues.BLURB_MAX:
                break  # more than a blurb: a piece has begun
            continue
        if clean[line.end - 1] not in "):0123456789" and clean.find("篇", line.start, line.end) < 0:
            continue  # (a fast test: every label has one of these)
        m = cues.COLLECTION_ITEM.match(clean[line.start : line.end])
        if m is not None:
            found = k, m
    if found is None:
        return _label_inside(clean, lines)
    k, m = found
    line = lines[k]
    noise = _page_text(clean, lines[:k])
    rest = lines[k + 1 :]
    if m["title"]:
        start = line.start + m.start("title")
        noise.append(NoiseSpan(line.start, start, "other"))
        rest.insert(0, Line(line.index, start, line.end))
    else:
        noise.append(NoiseSpan(line.start, line.end, "other"))
    return rest, noise


def _page_text(clean: str, lines: list[Line]) -> list[NoiseSpan]:
    """The page's own lines before a collection's first piece, as noise of their kind."""
    return [
        NoiseSpan(ln.start, ln.end, _noise_kind(clean[ln.start : ln.end]) or "other")
        for ln in lines
    ]


#: A collection's label run into the text after a sentence (…仅供参考。…讲话(一):在…).
_INLINE_LABEL = re.compile(
    rf"(?<=[。!?])[ ]*[^。!?:]{{2,60}}?{cues.TITLE_WORD}{cues.TITLE_SUFFIX}?"
    rf"{cues.PIECE_AFTER}[ ]*:?[ ]*"
)


def _numbered_piece(clean: str, reach: int) -> bool:
    """Whether a bracket follows a title word before ``reach`` (…致辞(1)): the other form of
    a collection label (a fast test, by the brackets, which are few)."""
    p = clean.find("(", 1, reach)
    while p >= 0:
        if clean[p - 1] in cues.TITLE_WORD_ENDS:
            return True
        p = clean.find("(", p + 1, reach)
    return False


def _label_inside(clean: str, lines: list[Line]) -> tuple[list[Line], list[NoiseSpan]]:
    """A page that lost its line breaks: the first piece's label inside the first line of
    running text, after the site's blurb. The blurb and the label are noise."""
    for k, line in enumerate(lines[: cues.FRONT_MAX]):
        if not _SENTENCE.search(clean, line.start, line.end):
            continue
        limit = min(line.end, line.start + cues.FRONT_REACH)
        if clean.find("篇", line.start, limit) < 0 and clean.find("(", line.start, limit) < 0:
            return lines, []  # (a fast test: every label has one of these)
        m = _INLINE_LABEL.search(clean, line.start, limit)
        if m is None or m.end() >= line.end:
            return lines, []
        rest = [Line(line.index, m.end(), line.end), *lines[k + 1 :]]
        return rest, [*_page_text(clean, lines[:k]), NoiseSpan(line.start, m.end(), "other")]
    return lines, []


#: Separators a site put after a title on its line (… | |, … ›).
_TRAILING_SEPARATORS = re.compile(r"(\s*)[|›»>·-][\s|›»>·-]*$")
#: What every stray line has (a fast test before shape.stray): something other than Chinese
#: words and their punctuation (a digit, a sign, a bracket, a dot, a letter).
_STRAY_HINT = re.compile(r"[^\u4e00-\u9fff\s,。、:;!?“”‘’]")
#: A line of dots where text was left out.
_DOTS = re.compile(r"[….·]{2,}")
#: Where site text run into a title may end: after a sentence or a colon (and spaces), a
#: field's number (客服热线：400-000-0000) or a collection's count (…范文(精选3篇)).
_AFTER_CLAUSE = re.compile(r"[。!?:][ ]*|:[ ]*[\d-]{5,}[ ]*|篇\)[ ]*")
#: A title of the 在…上的讲话 form at the start of a line, perhaps after the speaker or a year.
_TITLE_AT_START = re.compile(
    # a collection's label before it (第一篇:), then the title: 在…上的讲话, or any title
    # words right before the first heading (…开幕式上的讲话三、…)
    rf"(?P<label>{cues.PIECE_BEFORE}\s*:?\s*)?"
    rf"(?P<title>[^。!?:,]{{0,30}}?在[^在。!?:]{{2,60}}(?:上|中|时|之际)的{cues.TITLE_WORD}"
    rf"{cues.TITLE_SUFFIX}?(?:\([^()]{{1,10}}\))?"
    # and not a sentence about that speech (…上的讲话中指出 / …的讲话精神)
    r"(?![中里时上后前精要指,、的和与])"
    rf"|[^。!?:,]{{2,40}}?{cues.TITLE_WORD}{cues.TITLE_SUFFIX}?(?:\([^()]{{1,10}}\))?"
    # (before the first heading, or before a sentence that opens with a quote or 今天)
    rf"(?=(?:{cues.CN_NUM}、|\({cues.CN_NUM}\)|“|今天|今年)))"
)


def _title_run_into_text(clean: str, line: Line) -> list[Line]:
    """The first line of running text, when it opens with a title run straight into it
    (…在春耕生产会议上的讲话在春耕大忙到来之际，…): the title, and the rest."""
    limit = min(line.end, line.start + cues.FRONT_REACH)
    if _TITLE_END.search(clean, line.start, limit) is None:
        return [line]  # (a fast test: every title has a title word)
    starts = [line.start, *(b.end() for b in _AFTER_CLAUSE.finditer(clean, line.start, limit))]
    for start in sorted(set(starts)):
        m = _TITLE_AT_START.match(clean, start, line.end)
        if m is None or not _SENTENCE.search(clean, m.end(), line.end):
            continue
        if cues.COLLECTION.search(clean, m.start("title"), m.end()):
            continue  # a collection's name before the title: the title starts after it
        rest = m.end()
        while rest < line.end and clean[rest].isspace():
            rest += 1
        if start > line.start and salutation_at(clean, Line(line.index, rest, line.end)):
            return [line]  # a title and salutation after site text: _salutation_inside
        # site text before it (温馨提示：…), a label (第一篇:), the title, and the rest
        before = [Line(line.index, line.start, start)] if start > line.start else []
        if m["label"]:
            before.append(Line(line.index, start, m.end("label")))
        title = Line(line.index, m.start("title"), m.end())
        return [*before, title, Line(line.index, rest, line.end)]
    return [line]


def forget() -> None:
    """Forget the classes of the last text's lines: the frame asks about the same lines from
    the front and from the back, and they are remembered for one text only (a pure function
    of the line; never stale)."""
    _noise_kind.cache_clear()
    salutation_at.cache_clear()
    shape.cache_clear()


def frame(clean: str, lines: list[Line], *, fresh: bool = True) -> Frame:
    """Split the lines into front matter, salutation, body and back matter. ``fresh=False``
    keeps what was remembered of this text's lines before (frame_labels.py has forgotten
    the last text's)."""
    if fresh:
        forget()
    result = Frame()
    lines, result.noise = _collection(clean, lines)
    # the first line of running text may open with the title, or hold it after site text
    # (温馨提示：…在…的讲话在…之际，…): tried on lines of site text until the first other one
    for k, line in enumerate(lines[: cues.FRONT_MAX]):
        if not _SENTENCE.search(clean, line.start, line.end):
            if clean[line.end - 1] in ":!," and cues.ADDRESSEE_STRONG.search(
                clean, line.start, line.end
            ):
                break  # the salutation comes first: no title runs into the text after it
            continue
        split = _title_run_into_text(clean, line)
        if len(split) > 1:
            lines[k : k + 1] = split
            break
        if _noise_kind(clean[line.start : line.end]) is None:
            break
    first = 0  # the line the body starts on (where the salutation ends)
    front_end = 0  # the lines before this one are front matter
    # lines that are another text's: a quoted salutation, a site's outline of the page
    decoys: set[int] = _outline(clean, lines)
    scanned: list[int] = []  # the lines the search passed
    skip = 0  # lines before this one are a copy of the speech's start (a site summary)
    for i, line in enumerate(lines[: cues.FRONT_MAX]):
        if i < skip:
            decoys.add(line.index)
            continue
        found = None
        start, first = line.start, i
        titled = _title_then_salutation(clean, line)
        if titled is not None:
            result.title, notes, end, parts = titled
            result.noise.extend(notes)
            start, found = (notes[-1].end if notes else result.title.end), (end, parts)
            while clean[start].isspace():
                start += 1
        if found is None and i + 1 < len(lines):
            found = _split_salutation(clean, line, lines[i + 1])
            first = i + 1  # the salutation ends on the next line; the body starts there
        if found is None:
            found, first = salutation_at(clean, line), i
            if found is not None and _decoy(clean, lines, i, found[0]):
                decoys.add(line.index)
                continue
            again = _repeated(clean, lines, i) if found is not None else None
            if again is not None:
                decoys.update(ln.index for ln in lines[again[0] : i + 1])
                skip = again[1]
                continue
        if found is not None:
            end, parts = found
            result.salutation = (start, end)
            result.addressees = parts
            front_end = i
            break
        text = clean[line.start : line.end]
        scanned.append(i)
        if _is_prose(text) and _noise_kind(text) is None:
            break
    for k in scanned if result.salutation is None else ():
        # the speech may have run into a line of site text or begun mid-line
        inside = _salutation_inside(clean, lines[k])
        if inside is not None:
            noise, result.title, result.salutation, result.addressees = inside
            result.noise.extend(noise)
            first = front_end = k
            break
    if result.salutation is None and scanned:
        late = _late_anchor(clean, lines, scanned[-1] + 1)
        if late is not None:
            k, inside = late
            noise, result.title, result.salutation, result.addressees = inside
            result.noise.extend(noise)
            first = front_end = k
    if result.salutation is None:
        shaped = _has_speech(clean, lines)
        first = 0
        while first < min(len(lines), cues.FRONT_MAX):
            text = clean[lines[first].start : lines[first].end]
            if lines[first].index in decoys:
                first += 1
                continue
            is_site = _noise_kind(text, shaped=shaped) is not None
            if not is_site and (_is_prose(text) or text.endswith(":")):
                break  # running text, or a lead-in (下面，我讲四点意见：): the speech
            if not (is_site or _title_like(text) or len(text) <= cues.KEYWORD_MAX):
                break
            first += 1
        limit = min(len(lines), cues.FRONT_MAX)
        if first == limit:
            # nothing but short lines and site text: the body begins after the last line of
            # site text or title (if every line is site text, there is no body); with no
            # speech to stand beside, shape alone makes no line site text
            texts = [clean[ln.start : ln.end] for ln in lines[:limit]]
            site = [
                k + 1
                for k, t in enumerate(texts)
                if lines[k].index in decoys or _noise_kind(t, shaped=False) or _title_like(t)
            ]
            first = max(site, default=0)
        front_end = first
    _front(clean, lines[:front_end], result, decoys)
    back = _back_start(clean, lines, first)
    body = list(lines[first:back])
    if result.salutation is not None and body:
        rest = result.salutation[1]
        while rest < body[0].end and clean[rest].isspace():
            rest += 1
        if rest >= body[0].end:
            body = body[1:]
        else:
            body[0] = Line(body[0].index, rest, body[0].end)
            if len(body) == 1 and _trailing_noise(clean[rest : body[0].end]):
                # the rest of the salutation's line is site text, as it would be on a line
                # of its own after the speech
                result.noise.append(NoiseSpan(rest, body[0].end, "site_notice"))
                body = []
    if body:
        # page furniture run on after the last sentence of the speech
        last = body[-1]
        half = last.start + (last.end - last.start) // 2
        m = cues.INLINE_BACK.search(clean, half, last.end)
        if m is not None:
            body[-1] = Line(last.index, last.start, m.start())
            result.noise.append(NoiseSpan(m.end(), last.end, "site_notice"))
        # a preview cut mid-sentence: the ellipsis the site put there (…支持青年、...)
        last = body[-1]
        cut = _CUT.search(clean, max(last.start, last.end - _CUT_REACH), last.end)
        if cut is not None and cut.start() > last.start:
            body[-1] = Line(last.index, last.start, cut.start())
            lead = len(cut[1] or cut[2] or "")
            kind = "truncation" if cut[1] is not None else "other"
            result.noise.append(NoiseSpan(cut.start() + lead, last.end, kind))
    # a line inside the speech that is not speech (……, a page number, a stage direction;
    # every one is short, which is tested first)
    strays = {
        k
        for k in range(1, len(body) - 1)
        if body[k].end - body[k].start <= 60
        and _STRAY_HINT.search(clean, body[k].start, body[k].end)
        and stray(clean[body[k].start : body[k].end])
    }
    result.noise.extend(NoiseSpan(body[k].start, body[k].end, "other") for k in sorted(strays))
    result.body = [ln for k, ln in enumerate(body) if k not in strays] if strays else body
    for line in lines[back:]:
        result.noise.append(NoiseSpan(line.start, line.end, "site_notice"))
    if result.title is not None:
        result.title = _one_title(clean, _unlabelled(clean, result.title, result.noise), result)
    return result


def _one_title(clean: str, title: Line, result: Frame) -> Line:
    """Two titles on one line, separated by spaces (a site's heading, then the speech's
    own: …讲话稿xx 全市“…”…讲话稿): the last is the title, the others duplicates."""
    text = clean[title.start : title.end]
    if " " not in text:
        return title
    parts = [m.span() for m in re.finditer(r"\S+", text)]
    if len(parts) < 2 or not _title_like(text[parts[-1][0] :]):
        return title
    # (the others have a title word, perhaps with a template's placeholder after it: 讲话稿xx)
    if not all(_TITLE_END.search(text, a, b) and b - a > 4 for a, b in parts[:-1]):
        return title
    for a, b in parts[:-1]:
        result.noise.append(NoiseSpan(title.start + a, title.start + b, "duplicate_title"))
    a, b = parts[-1]
    return Line(title.index, title.start + a, title.start + b)


#: A document site's chunk label at the start of a title (1、…开幕词): no title is numbered.
_TITLE_LABEL = re.compile(r"\d{1,2}[、.](?=[^\d\s])")


def _unlabelled(clean: str, title: Line, noise: list[NoiseSpan]) -> Line:
    """The title without a chunk label before it (the label is noise)."""
    m = _TITLE_LABEL.match(clean, title.start, title.end)
    if m is None or not _title_like(clean[m.end() : title.end]):
        return title
    noise.append(NoiseSpan(title.start, m.end(), "other"))
    return Line(title.index, m.end(), title.end)
