"""Decoding of text uploads from Polish institutions: UTF-8 (with or without BOM), Windows-1250
(also behind a UTF-8 BOM, which some export tools write in front of it) or UTF-16 with its BOM
(Excel's "Unicode text"); comma, semicolon or TAB separated."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

UTF8_BOM = codecs.BOM_UTF8
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# UTF-8 is checked a slice at a time: a whole upload is never held twice (bytes and text).
_CHECK_BYTES = 1 << 20
DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True, slots=True)
class TextEncoding:
    """How to decode an upload: skip ``start`` bytes (a UTF-8 byte-order mark), then ``codec``."""

    codec: str  # "utf-8", "cp1250" or "utf-16" (which reads its own byte-order mark)
    start: int = 0

    @property
    def name(self) -> str:
        """The name to report: ``utf-8-sig`` for UTF-8 behind its BOM, else the codec."""
        return "utf-8-sig" if self.codec == "utf-8" and self.start else self.codec

    def decode(self, data: bytes) -> str:
        """The whole of ``data`` as text (raises ``UnicodeDecodeError``)."""
        return str(memoryview(data)[self.start :], self.codec)


def detect_encoding(data: bytes) -> TextEncoding:
    """UTF-16 with its BOM; else UTF-8 when the bytes after any UTF-8 BOM are UTF-8, else
    Windows-1250 (after the BOM, if there is one).

    Data cut in the middle of a multi-byte character still counts as UTF-8.
    """
    if data.startswith(_UTF16_BOMS):
        return TextEncoding("utf-16")
    start = len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for offset in range(start, len(data), _CHECK_BYTES):
            decoder.decode(view[offset : offset + _CHECK_BYTES], final=False)
    except UnicodeDecodeError:
        return TextEncoding("cp1250", start)
    return TextEncoding("utf-8", start)


def decode_text(data: bytes) -> str:
    """Decode a whole upload with :func:`detect_encoding`."""
    return detect_encoding(data).decode(data)


def sniff_delimiter(header_line: str) -> str:
    """``;`` (Polish spreadsheets), TAB or ``,``: whichever the header line uses most (``,`` on
    a tie)."""
    return max(DELIMITERS, key=header_line.count)
