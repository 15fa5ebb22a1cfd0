"""Stage 0 (for bytes): decode a file's bytes to text, and say which encoding was used.

Speeches come as UTF-8 (with or without a byte-order mark), as GB18030/GBK files from
office software, now and then as Big5 or UTF-16. A byte-order mark decides first; then
strict UTF-8; then the Chinese readings (GB18030, the superset of GB2312 and GBK, and Big5)
that read as Chinese text; then charset-normalizer, a maintained detector, picks among the
rest. The detector alone takes some GB18030 speeches for Japanese (EUC-JIS) and some Big5
ones for GB18030: both readings decode without error, and only the characters they give
tell them apart, so a parser of Chinese speeches asks how Chinese each reading is.
"""

from __future__ import annotations

import codecs
from functools import cache

import charset_normalizer
from charset_normalizer.constant import FREQUENCIES

from .errors import ParseError
from .normalize import normalize

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GB = {"gb2312", "gbk", "cp936", "hz", "gb18030", "euc_cn"}
#: The Chinese readings tried before the detector, and the share of a reading's CJK
#: characters that must be among the 100 most frequent in Chinese (charset-normalizer's
#: table): about 0.4 in a speech, a few hundredths in bytes of another encoding read so.
_CHINESE = ("gb18030", "big5", "cp950")
_COMMON_SHARE = 0.2


class DecodeError(ParseError):
    """The bytes are in no encoding speechparse can read; ``offset`` is a byte offset (there
    are no lines to count in bytes that cannot be read, so the message names the offset)."""

    def __str__(self) -> str:
        return self.message


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the name of the encoding it was decoded from."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise _error(name, exc) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as first:
        utf8_error = first
    reading = _chinese_reading(data)
    if reading is not None:
        return reading
    results = list(charset_normalizer.from_bytes(data))
    if not results:
        # the detector gives up on some GB18030 (its four-byte sequences: emoji, rare
        # characters); GB18030 maps every code point, so a strict decode that works is right
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            raise _error("utf-8", utf8_error) from None
    best = min(results, key=lambda r: r.percent_chaos)
    # short Chinese runs read as well in Korean or Japanese code pages: among the readings
    # that are as good as the best, a parser of Chinese speeches takes the Chinese one
    tied = [r for r in results if r.percent_chaos <= best.percent_chaos]
    chinese = next((r for r in tied if r.encoding in _GB), None)
    name = "gb18030" if chinese is not None or best.encoding in _GB else best.encoding
    try:
        return data.decode(name), name
    except UnicodeDecodeError as exc:
        raise _error(name, exc) from exc


def _chinese_reading(data: bytes) -> tuple[str, str] | None:
    """The Chinese reading of ``data`` that reads most as Chinese text, if one does."""
    best: tuple[float, str, str] | None = None
    for name in _CHINESE:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        share = _common_share(text)
        if share >= _COMMON_SHARE and (best is None or share > best[0]):
            best = (share, text, name)
    return (best[1], best[2]) if best is not None else None


def _common_share(text: str) -> float:
    """The share of the CJK characters of ``text`` (in simplified form) that are among the
    most frequent in Chinese; 0 with none."""
    cjk = [ch for ch in normalize(text) if "\u4e00" <= ch <= "\u9fff"]
    common = _common()
    return sum(ch in common for ch in cjk) / len(cjk) if cjk else 0.0


@cache
def _common() -> frozenset[str]:
    return frozenset(FREQUENCIES["Chinese"])


def _error(name: str, exc: UnicodeDecodeError) -> DecodeError:
    return DecodeError(
        f"cannot decode the input: byte 0x{exc.object[exc.start]:02x} at byte offset "
        f"{exc.start} is not valid {name}, and no other encoding fits",
        offset=exc.start,
    )
