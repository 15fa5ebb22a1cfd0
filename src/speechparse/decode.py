"""Stage 0 (for bytes): decode a file's bytes to text, and say which encoding was used.

Speeches come as UTF-8 (with or without a byte-order mark), as GB18030/GBK files from
office software, and now and then as UTF-16. A byte-order mark decides first; then strict
UTF-8; then charset-normalizer, a maintained detector, picks among the rest. The GB family
(GB2312, GBK) is decoded as GB18030, the superset of all three.
"""

from __future__ import annotations

import codecs

import charset_normalizer

from .errors import ParseError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GB = {"gb2312", "gbk", "cp936", "hz", "gb18030", "euc_cn"}


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


def _error(name: str, exc: UnicodeDecodeError) -> DecodeError:
    return DecodeError(
        f"cannot decode the input: byte 0x{exc.object[exc.start]:02x} at byte offset "
        f"{exc.start} is not valid {name}, and no other encoding fits",
        offset=exc.start,
    )
