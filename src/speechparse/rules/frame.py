"""The rules' frame: where the speech begins and ends, its title and its salutation.

Scraped pages put site text before the speech (notices, keywords one per line, the title
repeated or broken) and page furniture after it. The rules read whole lines: the lines
before the salutation are front matter (the title, or noise of some kind: front.py), the
lines from the first piece of page furniture on are back matter (here). A collection's page
starts at its piece's label (pages.py). What is left is the body.
"""

from __future__ import annotations

import re

from .. import cues
from ..frame_model import Frame
from ..noise import NoiseSpan
from ..salutation import TITLE_END as _TITLE_END
from ..salutation import salutation_at
from ..salutation import split_salutation as _split_salutation
from ..segment import Line
from ..shape import kind_of, shape, stray
from ..shape import noise_kind as _noise_kind
from ..shape import title_like as _title_like
from .front import (
    SENTENCE,
    decoy,
    is_prose,
    late_anchor,
    outline_lines,
    read_front,
    repeated,
    salutation_inside,
    sentence_in,
    title_then_salutation,
)
from .pages import collection, title_run_into_text

#: The ellipsis where a preview was cut mid-sentence, at the end of the speech's last line.
_CUT = re.compile(
    r"(?<=[^。!?…. ])( *)(?:…{1,6}|\.{3,6}|。{3,6})$"
    # or an opening bracket or quote left after the last sentence (…节日快乐！（)
    r"|(?<=[。!?])( *)[(\[{“‘《<|/\\-]{1,3}$"
)

#: How far from the line's end a cut ellipsis starts (with the spaces before it).
_CUT_REACH = 40

#: What every stray line has (a fast test before shape.stray): something other than Chinese
#: words and their punctuation (a digit, a sign, a bracket, a dot, a letter).
_STRAY_HINT = re.compile(r"[^\u4e00-\u9fff\s,。、:;!?“”‘’]")


def forget() -> None:
    """Forget the classes of the last text's lines: the frame asks about the same lines from
    the front and from the back, and they are remembered for one text only (a pure function
    of the line; never stale)."""
    kind_of.cache_clear()
    salutation_at.cache_clear()
    shape.cache_clear()


def _rejoined(clean: str, body: list[Line]) -> list[Line]:
    """Neighbouring pieces of one line that are all the body's are one line again: a line
    split where a title seemed to run into it, with no title taken from it, is one
    paragraph (and renders as one)."""
    out: list[Line] = []
    for line in body:
        last = out[-1] if out else None
        if (
            last is not None
            and last.index == line.index
            and not clean[last.end : line.start].strip()
        ):
            out[-1] = Line(line.index, last.start, line.end)
        else:
            out.append(line)
    return out


def frame(clean: str, lines: list[Line], *, fresh: bool = True) -> Frame:
    """Split the lines into front matter, salutation, body and back matter. ``fresh=False``
    keeps what was remembered of this text's lines before (frame.py has forgotten
    the last text's)."""
    if fresh:
        forget()
    result = Frame()
    lines, result.noise = collection(clean, lines)
    # the first line of running text may open with the title, or hold it after site text
    # (温馨提示：…在…的讲话在…之际，…): tried on lines of site text until the first other one
    for k, line in enumerate(lines[: cues.FRONT_MAX]):
        if not SENTENCE.search(clean, line.start, line.end):
            if clean[line.end - 1] in ":!," and cues.ADDRESSEE_STRONG.search(
                clean, line.start, line.end
            ):
                break  # the salutation comes first: no title runs into the text after it
            continue
        split = title_run_into_text(clean, line)
        if len(split) > 1:
            lines[k : k + 1] = split
            break
        if _noise_kind(clean[line.start : line.end]) is None:
            break
    first = 0  # the line the body starts on (where the salutation ends)
    front_end = 0  # the lines before this one are front matter
    # lines that are another text's: a quoted salutation, a site's outline of the page
    decoys: set[int] = outline_lines(clean, lines)
    scanned: list[int] = []  # the lines the search passed
    skip = 0  # lines before this one are a copy of the speech's start (a site summary)
    for i, line in enumerate(lines[: cues.FRONT_MAX]):
        if i < skip:
            decoys.add(line.index)
            continue
        found = None
        start, first = line.start, i
        titled = title_then_salutation(clean, line)
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
            if found is not None and decoy(clean, lines, i, found[0]):
                decoys.add(line.index)
                continue
            again = repeated(clean, lines, i) if found is not None else None
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
        if is_prose(text) and _noise_kind(text) is None:
            break
    for k in scanned if result.salutation is None else ():
        # the speech may have run into a line of site text or begun mid-line
        inside = salutation_inside(clean, lines[k])
        if inside is not None:
            noise, result.title, result.salutation, result.addressees = inside
            result.noise.extend(noise)
            first = front_end = k
            break
    if result.salutation is None and scanned:
        late = late_anchor(clean, lines, scanned[-1] + 1)
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
            if not is_site and (is_prose(text) or text.endswith(":")):
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
    read_front(clean, lines[:front_end], result, decoys)
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
    result.body = _rejoined(clean, [ln for k, ln in enumerate(body) if k not in strays])
    for line in lines[back:]:
        result.noise.append(NoiseSpan(line.start, line.end, "site_notice"))
    if result.title is not None:
        result.title = _one_title(clean, _unlabelled(clean, result.title, result.noise), result)
    return result


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
    列表): page furniture, unless it is a heading (一、…), a wish cut short (祝在座的…) or
    a cue of the genre."""
    return (
        len(text) <= 12
        and text[0] not in cues.MARKER_FIRST
        and cues.WISH_OPENS.match(text) is None
        and not cues.PUNCT.search(text)
        and shape(text) == "uncertain"
    )


def _furniture(text: str) -> bool:
    """A short line that opens the page furniture after a speech (相关文章, 上一篇：…)."""
    return len(text) <= 40 and not sentence_in(text) and cues.BACK_MATTER.match(text) is not None


def _trailing_noise(text: str, *, shaped: bool = True) -> bool:
    """A short line of site text after the speech (and not the speech's last sentence with
    furniture run on, which frame() splits)."""
    if _furniture(text):
        return True
    if len(text) > 60 or _noise_kind(text, shaped=shaped) is None:
        return False
    return cues.INLINE_BACK.search(text, 1) is None


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
