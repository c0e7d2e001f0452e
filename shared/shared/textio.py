"""Decoding of text uploads from Polish institutions: UTF-8 (with or without BOM) or
Windows-1250, comma or semicolon separated."""

from __future__ import annotations

import codecs

UTF8_BOM = codecs.BOM_UTF8


def detect_encoding(sample: bytes) -> str:
    """``utf-8-sig`` with a BOM, ``utf-8`` when the sample decodes as UTF-8, else ``cp1250``.

    A sample cut in the middle of a multi-byte character still counts as UTF-8.
    """
    if sample.startswith(UTF8_BOM):
        return "utf-8-sig"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=False)
    except UnicodeDecodeError:
        return "cp1250"
    return "utf-8"


def decode_text(data: bytes) -> str:
    """Decode a whole upload with :func:`detect_encoding`."""
    return data.decode(detect_encoding(data))


def sniff_delimiter(header_line: str) -> str:
    """``;`` (Polish spreadsheets) or ``,``, whichever the header line uses more."""
    return ";" if header_line.count(";") > header_line.count(",") else ","
