"""Bytes and files: the encodings speeches come in, and a clear error for the rest."""

import codecs

import pytest

import speechparse
from helpers import SAMPLES, check_invariants, read
from speechparse import DecodeError, ParseError
from speechparse.decode import decode

TEXT = "同志们：\n今天，全县工会大会隆重召开。\n一要学习。\n二要实干。\n谢谢大家！\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    ],
)
def test_decodes_the_encodings_speeches_come_in(data, encoding):
    assert decode(data) == (TEXT, encoding)


def test_parse_bytes_reports_the_encoding_and_spans_are_into_the_decoded_text():
    data = codecs.BOM_UTF8 + TEXT.encode("utf-8")
    s = speechparse.parse_bytes(data)
    assert s.encoding == "utf-8-sig"
    assert s.salutation.span.start == 0  # the byte-order mark is not part of the text
    check_invariants(TEXT, s)
    assert s.model_copy(update={"encoding": None}) == speechparse.parse(TEXT)
    assert speechparse.parse(TEXT).encoding is None


def test_parse_file(tmp_path):
    path = tmp_path / "speech.txt"
    path.write_bytes(read(SAMPLES[0]).encode("gb18030"))
    s = speechparse.parse_file(path)
    assert s.encoding == "gb18030"
    assert s.salutation.text == "同志们："


def test_undecodable_bytes_raise_a_decode_error_with_a_byte_offset():
    with pytest.raises(DecodeError) as err:
        speechparse.parse_bytes(b"\xff\xfe\xfa\x00\x81")
    assert isinstance(err.value, ParseError)
    assert err.value.offset == 4
    assert str(err.value) == (
        "cannot decode the input: byte 0x81 at byte offset 4 is not valid utf-16, "
        "and no other encoding fits"
    )


def test_a_short_chinese_run_in_gb18030_is_not_read_as_korean():
    text = "溫馨提示：\nThe committee met on Monday and agreed on three points.\n"
    assert decode(text.encode("gb18030")) == (text, "gb18030")


def test_gb18030_with_four_byte_sequences():
    text = "时间：2024-05-01\n同志们：\n劳动最光荣👍！\n"
    assert decode(text.encode("gb18030")) == (text, "gb18030")


#: A template's placeholders (全×工会) and a line of English: charset-normalizer alone reads
#: this GB18030 text as another code page (the readings all decode without error).
GB_TEMPLATE = (
    "同志们：\n"
    "在全×工会工作会议上的讲话\n"
    "The committee met on Monday and agreed on three points.\n"
    "刚才，XX同志通报了去年以来的工作情况，我都同意。\n"
)
#: Traditional characters in Big5, which GB18030 also decodes without error (to nonsense):
#: the detector alone takes it for GB18030.
BIG5_SPEECH = (
    "同志們：\n"
    "祝大家節日快樂、身體健康、工作順利！\n"
    "去年以來，全×各級工會認真履行職責，基層組織建設取得新進展，服務職工工作取得新成效。\n"
    "在全×慶祝“五一”國際勞動節大會上的講話\n"
)


@pytest.mark.parametrize(
    ("text", "encoding", "name"),
    [
        (GB_TEMPLATE, "gb18030", "gb18030"),
        (GB_TEMPLATE, "gbk", "gb18030"),
        (BIG5_SPEECH, "big5", "big5"),
    ],
)
def test_the_chinese_reading_that_reads_as_chinese_wins(text, encoding, name):
    assert decode(text.encode(encoding)) == (text, name)


def test_bytes_of_another_language_are_left_to_the_detector():
    # (GB18030 cannot decode these bytes; the detector's code page reads the text right)
    text = "Grüße aus München: Bürgerversammlung am Montag, Überblick über die Maßnahmen.\n"
    assert decode(text.encode("latin-1"))[0] == text
