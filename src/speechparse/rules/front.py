"""The rules' front matter: the title, the salutation and the site text before them.

Read whole lines at the top of the page: a title run into its salutation, a salutation
inside a line after site text, a decoy salutation quoted by a site's summary, the longest
title among the free lines (or two that make one), its byline and date.
"""

from __future__ import annotations

import re

from .. import cues
from ..frame_model import Frame
from ..noise import NoiseSpan
from ..salutation import TITLE_END as _TITLE_END
from ..salutation import addressee_parts, salutation_at
from ..salutation import addressees_start as _addressees_start
from ..segment import Line
from ..shape import CJK, INNER_SPACE
from ..shape import byline as _byline
from ..shape import noise_kind as _noise_kind
from ..shape import title_like as _title_like

_NUMBERED_RULE = re.compile(r"^\d{1,2}\s*[.、]")

#: A telephone or QQ number (site text), as opposed to a year or a count (2024年, 5次).
_PHONE = re.compile(r"[ ]*[\d-]{5,}(?![\d年月日号届次])")

#: The 在…上的讲话 form of a title, and what cannot come before it in the same title.
_AT_MEETING = re.compile(rf"在[^在]{{2,60}}(?:上|中|时|之际)的{cues.TITLE_WORD}")

_NOT_A_TITLE_HEAD = re.compile(rf"{cues.TITLE_WORD}|>|»|/|首页|位置")

#: A bracketed note after a title, such as its date: （2023年3月15日）.
_TITLE_NOTE = re.compile(r"\s*\([^()]{1,30}\)\s*")

#: A sentence's end (the rules ask whether a line holds one).
SENTENCE = cues.SENTENCE_MARK


def sentence_in(text: str) -> bool:
    """``SENTENCE.search(text)``, several times faster for the short lines the frame asks
    about (three substring tests, no call into the regular-expression engine)."""
    return "。" in text or "!" in text or "?" in text


#: A main title's line before a subtitle: a phrase without punctuation.
_MAIN_TITLE = re.compile(r"[^\s。!?,:;()“”\"]{4,30}")

#: A date in brackets after a space at the end of a title's line: (2009年3月 日).
_DATE_NOTE = re.compile(r"(\s+)\([^()]{0,12}[年月][^()]{0,12}日?\s*\)\s*$")

#: The number of a piece on a collection page after its name: …致辞(1).
_ITEM_NUMBER = re.compile(r"\(\d{1,2}\)")

#: Separators a site put after a title on its line (… | |, … ›).
_TRAILING_SEPARATORS = re.compile(r"(\s*)[|›»>·-][\s|›»>·-]*$")

#: A line of dots where text was left out.
_DOTS = re.compile(r"[….·]{2,}")


def title_then_salutation(
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
            if sentence_in(title) or ":" in title or not cues.TITLE.search(title):
                continue  # site text before the title: see salutation_inside
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


def decoy(clean: str, lines: list[Line], i: int, end: int) -> bool:
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


def outline_lines(clean: str, lines: list[Line]) -> set[int]:
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
                and not sentence_in(text)
            )
            if not (heading or _DOTS.fullmatch(text)):
                break
            found.add(nxt.index)
        return found
    return set()


def repeated(clean: str, lines: list[Line], i: int) -> tuple[int, int] | None:
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


def salutation_inside(clean: str, line: Line) -> Inside | None:
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


def late_anchor(clean: str, lines: list[Line], start: int) -> tuple[int, Inside] | None:
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
        inside = salutation_inside(clean, line)
        if inside is not None and inside[1] is not None:
            return k, inside
    return None


def is_prose(text: str) -> bool:
    """A line with a sentence in it: once one that is not site text is passed, the speech has
    begun, and a later 同志们！ re-addresses the audience rather than salutes it."""
    return sentence_in(text)


def read_front(clean: str, front: list[Line], frame: Frame, decoys: set[int]) -> None:
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
    free = [i for i in range(len(front)) if kinds[i] is None and not sentence_in(texts[i])]
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
