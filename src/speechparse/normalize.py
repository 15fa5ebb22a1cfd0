"""Stage 1: a recognition form of the input with the same length as the input.

Recognition folds widths (，→, ：→: （→( ！→! ０→0), turns odd spaces, tabs and carriage
returns into plain spaces, converts traditional characters to simplified ones (同志們 →
同志们, with OpenCC's character table), and leaves everything else alone (zero-width
characters and the byte-order mark are inline noise, found by noise.py).

Each code point is mapped to exactly one code point, so an offset into the normalised text
*is* the offset into the input: the offset map back to the source is the identity, and no
stage has to translate spans.
Nothing of this reaches a node's ``text``, which is always sliced from the source.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache


@cache
def _table() -> dict[str, str]:
    """NFKC for every character whose compatibility form is one other character."""
    table: dict[str, str] = {}
    ranges = (
        (0x00A0, 0x00BF),  # no-break space and Latin-1 signs
        (0x2000, 0x206F),  # general punctuation: odd spaces
        (0x3000, 0x3000),  # ideographic space
        (0xFE10, 0xFE6F),  # vertical and small forms (﹡ ﹐)
        (0xFF01, 0xFFEF),  # full-width and half-width forms
    )
    for lo, hi in ranges:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            folded = unicodedata.normalize("NFKC", ch)
            if len(folded) == 1 and folded != ch:
                table[ch] = folded
    table["\r"] = " "
    table["\t"] = " "
    return table


@cache
def _folder() -> re.Pattern[str]:
    """A character class of every character that normalisation changes."""
    return re.compile("[" + re.escape("".join(_table())) + "]")


@cache
def _simplified() -> tuple[dict[str, str], re.Pattern[str]]:
    """OpenCC's traditional-to-simplified conversion, character by character, for every
    CJK unified ideograph whose simplified form is one other character. Each character is
    converted on a line of its own, so no phrase rule can change the text's length."""
    import opencc  # imported on first use: it loads dictionaries

    chars = [chr(cp) for cp in range(0x4E00, 0xA000)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    table = {a: b for a, b in zip(chars, converted, strict=True) if a != b and len(b) == 1}
    return table, re.compile("[" + "".join(table) + "]")


def normalize(text: str) -> str:
    """Return the recognition form of ``text``; ``len(result) == len(text)`` always."""
    text = _replace(text, _folder(), _table())
    simplified, traditional = _simplified()
    if traditional.search(text) is None:
        return text
    return _replace(text, traditional, simplified)


def _replace(text: str, pattern: re.Pattern[str], table: dict[str, str]) -> str:
    """Each character of ``pattern`` (a class) in ``text`` replaced by ``table``'s. One
    scan finds the distinct characters a text has (a regular expression over the
    characters that change is several times faster than str.translate, which looks up
    every character). A few are swapped everywhere by str.replace at C speed; many (a
    whole text in traditional characters) by one substitution, since each str.replace
    reads the whole text."""
    found = set(pattern.findall(text))
    if len(found) > _FEW:
        return pattern.sub(lambda m: table[m.group()], text)
    for ch in found:
        text = text.replace(ch, table[ch])
    return text


#: How many distinct characters are swapped one by one (see _replace).
_FEW = 24
