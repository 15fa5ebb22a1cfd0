"""What a line is shaped like: speech, site text, or uncertain (for the frame stage).

Site text on pages never seen before cannot be told by a list of its phrases: every site
writes its own. Like jusText, this reads a line's *shape* instead — how much of it is
Chinese prose with sentence punctuation and the function words of written Chinese, and
whether it has the shapes of page furniture: a short label with a colon and a value
(格式:DOCX), dates and times, file sizes and prices, bullets and separators, Latin letters
for most of it, a file name. Short lines with neither (a heading, a title, a keyword) are
uncertain: the rules (rules/) give them the class of their neighbours.

The phrases used here are function words and units of the page, not any site's words;
the site phrases that only a phrase can tell stay in cues/.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from . import cues
from .salutation import TITLE_END

Shape = Literal["speech", "site", "uncertain"]

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
#: Function words of written Chinese: prose has several, site text few.
FUNCTION_WORDS = re.compile(r"[的了是在和要这为对把以也都将与并中我们你他们其所而就]")


def runs(chars: re.Pattern[str]) -> re.Pattern[str]:
    """Runs of a class of characters: the lengths of its runs add up to its count of them in
    a match a run (findall of the class makes one a character)."""
    return re.compile(f"(?:{chars.pattern})+")


def count(run: re.Pattern[str], text: str) -> int:
    """How many characters of ``run``'s class (see runs) ``text`` has."""
    return sum(map(len, run.findall(text)))


CJK_RUN, LATIN_RUN, FUNCTION_RUN = runs(CJK), runs(LATIN), runs(FUNCTION_WORDS)
#: A short label, a colon and a short value: 格式:DOCX, 时间:2022-10-21, 上传人:专**文.
_KEY_VALUE = re.compile(r"^[^\s:,。!?、]{1,6}[ ]{0,4}:[ ]{0,4}[^,。!?\s][^,。!?]{0,40}$")
#: Dates, times, sizes, prices, counters and file names of a page.
_PAGE_FIGURE = re.compile(
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?|\d+(?:\.\d+)?\s*(?:KB|MB|kb|M|K)\b"
    r"|[¥$￥]\s*\d|\.(?:docx?|pdf|pptx?|txt|wps)\b|_\d{1,3}$|/\s*\d{1,4}\s*$"
)
#: What every page figure has: a digit, a currency sign, a dot, an underscore or a slash.
_FIGURE_HINT = re.compile(r"[\d¥$￥._/]")
#: Counters of a page (浏览 12 次, 共 8 页, 3256 字): site text on a line without prose
#: punctuation, where a sentence of the speech would have some.
_COUNTER = re.compile(r"\d+\s*(?:次|页|字|人|条|篇)")
#: Bullets and separators of menus and breadcrumbs.
_SEPARATOR = re.compile(r"^[•·▪►◆■●\-*]\s|[|›»]|>>|\s>\s")
#: What every bullet and separator has (a fast test: one class is scanned many times
#: faster than an alternation).
_SEPARATOR_HINT = re.compile(r"[•·▪►◆■●\-*|›»>]")
#: A whole line in brackets that is a prompt or a stage direction, not speech:
#: (请仔细阅读…), (全体起立), (根据录音整理).
_ASIDE = re.compile(r"^\([^()]{2,40}\)$")
#: How much of a line its shape is read from.
_SAMPLE = 80
#: Sentence punctuation of prose.
_PROSE_PUNCT = re.compile(r"[,。!?;、]")
#: A title word, which every match of cues.TITLE has (a fast test before it).
_TITLE_WORD = re.compile(cues.TITLE_WORD)
#: What every match of cues.META has (a label's colon, 阅读 …次, 【收藏】, a date's 年), and of
#: cues.BREADCRUMB (its separator): fast tests before the patterns.
_META_HINTS = (":", "阅读", "【", "年")
_BREADCRUMB_HINTS = (":", ">", "»", "›")


def _has(text: str, hints: tuple[str, ...]) -> bool:
    # (a loop: any() over a generator costs twice as much)
    for hint in hints:  # noqa: SIM110
        if hint in text:
            return True
    return False


def has_title(text: str) -> bool:
    """``cues.TITLE.search(text)`` finds a title (a title word at the end)."""
    return _TITLE_WORD.search(text) is not None and cues.TITLE.search(text) is not None


def is_meta(text: str) -> bool:
    """``cues.META.search(text)`` finds a meta label, date or counter."""
    return _has(text, _META_HINTS) and cues.META.search(text) is not None


@lru_cache(maxsize=4096)
def shape(text: str) -> Shape:
    """The class of one line (normalised text, without surrounding whitespace). A long line
    is judged by its opening: site text that long is a notice its cue words already tell.
    (Cached for the frame, which clears the cache for each text.)"""
    text = text[:_SAMPLE]
    stripped = text.replace(" ", "")
    if not stripped:
        return "uncertain"
    if _site(text, stripped):
        return "site"
    if _speech(stripped):
        return "speech"
    return "uncertain"


def is_site(text: str) -> bool:
    """``shape(text) == "site"``, without weighing the speech side; answered at once for a
    long line without Latin letters, which no site shape fits (they are short, or mostly
    Latin)."""
    if len(text) > 60 and LATIN.search(text, 0, _SAMPLE) is None:
        return False
    text = text[:_SAMPLE]
    stripped = text.replace(" ", "")
    return bool(stripped) and _site(text, stripped)


def stray(text: str) -> bool:
    """A line inside the speech that is not speech: no Chinese at all (a page number, a row
    of dots where text was left out), a bracketed stage direction or prompt, or a page's
    date, size or file name — but never an enumeration marker split from its headline."""
    if len(text) > 60:  # every shape below is short; most lines of a speech are not
        return False
    stripped = text.replace(" ", "")
    if not stripped:
        return False
    if not CJK.search(stripped):
        found = len(stripped) <= 20
    elif stripped[0] == "(":
        found = _aside(stripped)
    else:
        found = (
            len(stripped) <= 40
            and _FIGURE_HINT.search(stripped) is not None  # (a fast test first)
            and not _PROSE_PUNCT.search(stripped)
            and _PAGE_FIGURE.search(text) is not None
        )
    return found and not any(p.match(stripped) for p in cues.MARKERS.values())


def _site(text: str, stripped: str) -> bool:
    n = len(stripped)
    if n >= 6 and LATIN.search(stripped):
        latin, cjk = count(LATIN_RUN, stripped), count(CJK_RUN, stripped)
        if latin > max(cjk, n // 2):
            return True  # a URL, a style sheet, a translation into English
    if n > 60:
        return False  # the shapes below are short
    figure = _FIGURE_HINT.search(text) is not None  # (a digit among them: a counter's too)
    if (_SEPARATOR_HINT.search(text) and _SEPARATOR.search(text)) or (
        figure and _PAGE_FIGURE.search(text)
    ):
        return not _genre(stripped)
    if n <= 30 and figure and _COUNTER.search(text) and not _PROSE_PUNCT.search(stripped):
        return not (_genre(stripped) or has_title(stripped))  # 第3次…大会上的讲话
    if ":" in text and _KEY_VALUE.match(text) and not _genre(stripped):
        # (a demand's marker before the colon is no key: 第一点：抓好安全生产)
        return not any(cues.MARKERS[family].match(stripped) for family in _WORDED)
    if stripped[0] == "(" and _aside(stripped):
        return True
    # digits and signs alone: a counter, a price, "| |"
    return n <= 12 and not CJK.search(stripped)


#: The marker families written in words (一、, 第一点, （一）), which no list of a page's
#: fields opens with (1. 来源：… may be one).
_WORDED = ("paren", "ordinal", "dun", "yao", "shi", "sequence")


def _aside(stripped: str) -> bool:
    """A whole line in brackets without the punctuation of a sentence inside."""
    return _ASIDE.match(stripped) is not None and not _PROSE_PUNCT.search(
        stripped[1:-1].rstrip("!。")
    )


def _speech(stripped: str) -> bool:
    if _genre(stripped):
        return True
    n = len(stripped)
    if n < 12:
        return False
    return (
        _PROSE_PUNCT.search(stripped) is not None
        and count(FUNCTION_RUN, stripped) >= 2
        and count(CJK_RUN, stripped) * 10 >= n * 7
    )


def _genre(stripped: str) -> bool:
    """The cues of the genre make a line speech however short (同志们：, 谢谢大家！)."""
    return bool(
        cues.ADDRESSEE_STRONG.search(stripped)
        or cues.THANKS.match(stripped)
        or cues.found("WISH", stripped)
        or cues.found("CALL", stripped)
    )


#: Spaces between Chinese characters, which spread a heading out (开  幕  词).
INNER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def noise_kind(text: str, *, shaped: bool = True) -> str | None:
    """What kind of site text a whole line is, or None: by its cue words, or (``shaped``)
    by its shape alone. (Cached in kind_of, for the frame, which clears the cache for each
    text: noise_kind(t) and noise_kind(t, shaped=True) are one entry there.)"""
    return kind_of(text, shaped)


@lru_cache(maxsize=1024)
def kind_of(text: str, shaped: bool) -> str | None:
    """noise_kind(text, shaped=shaped)."""
    if len(text) > cues.NOISE_LINE_MAX:
        return None
    # a long line is site text when it opens as site text: a site word near its end is
    # furniture run on after a speech that lost its line breaks (…取得新成绩。手机扫码…);
    # and not when the speech follows (温馨提示：…今天，大会隆重召开…)
    long = len(text) > cues.NOISE_HEAD * 2
    head = text[: cues.NOISE_HEAD] if long else text
    kind = _cue_kind(text, head) or ("other" if shaped and is_site(text) else None)
    if kind is not None and long and _speech_follows(text[cues.NOISE_HEAD :]):
        return None
    return kind


def site_class(text: str) -> tuple[str | None, bool, bool]:
    """``noise_kind(text)``; for a text without one, whether it has a site's shape
    (``is_site``); and whether it is a line noise_kind has read whole and found nothing on
    (no meta label, no collection's name, no byline in it): what the labeller reads. A line
    of at most 2 * NOISE_HEAD characters is read whole, its shape too (a site's shape
    makes it "other"): without a kind, it has no shape and no cue of _cue_kind."""
    kind = kind_of(text, True)
    if kind is not None:
        return kind, False, False
    if len(text) <= cues.NOISE_HEAD * 2:
        return None, False, True
    return None, is_site(text), False


def collection_name(text: str) -> bool:
    """``cues.COLLECTION.search(text)`` finds a collection's name or a piece's label (every
    form but the words of COLLECTION_WORDS has 篇: a fast test)."""
    return (cues.COLLECTION if "篇" in text else cues.COLLECTION_WORDS).search(text) is not None


def _cue_kind(text: str, head: str) -> str | None:
    """The kind of site text whose cue words open the line."""
    if _has(head, _BREADCRUMB_HINTS) and cues.BREADCRUMB.search(head):
        return "breadcrumb"
    if is_meta(head) or collection_name(head) or byline(text):
        return "other"
    if cues.SITE_NOTICE.search(head):
        return "site_notice"
    return None


def _speech_follows(rest: str) -> bool:
    """Whether the rest of a long line holds what only a speech says: it names its
    occasion, greets someone, or announces its demands."""
    return (
        cues.found("OCCASION", rest)
        or cues.found("ANNOUNCE", rest)
        or cues.GREETING_TO.search(rest) is not None
    )


#: The longest text cues.BYLINE matches: 12 characters, a post of 3, 4 spaces, a name of 4
#: (and a line break before its end): a fast test before it.
_BYLINE_MAX = 24


def byline(text: str) -> bool:
    """A line that is a byline (区委书记 XXX), and not a title that ends in one."""
    return (
        len(text) <= _BYLINE_MAX
        and cues.BYLINE.match(text) is not None
        and TITLE_END.search(text) is None
    )


def title_like(text: str) -> bool:
    """A line that reads as a title: no sentence, a title word at its end, and more than the
    title word alone (a lone 讲话 is a keyword, not a title)."""
    if len(text) > 80 or ("。" in text or "!" in text or "?" in text):
        return False
    if " " in text:
        text = INNER_SPACE.sub("", text)  # 开  幕  词
    if not has_title(text):
        return False
    end = cues.TITLE_WORD_AT_END.search(text)
    return (end.start() if end is not None else len(text)) >= 2
