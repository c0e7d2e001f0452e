"""Request bodies of ``POST /v1/records:batch`` → raw records, one at a time.

JSON (``{"records": [...]}``), NDJSON (one record per line) and CSV as exports write it: UTF-8
with or without BOM, Windows-1250 (also behind a UTF-8 BOM) or UTF-16 with its BOM; ``;``,
``,`` or TAB, or the delimiter of an Excel ``sep=`` first line; English or Polish headers; a
trailing delimiter on every line. NDJSON and CSV are decoded line by line, so a batch never
exists in memory both as text and as Python objects.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

import orjson
from starlette.requests import Request

from ingest.messages import field_error
from ingest.profiles import ReadingProfile, column_key
from shared import web
from shared.errors import PayloadTooLarge, UnsupportedMediaType, ValidationFailed
from shared.textio import DELIMITERS, UTF8_BOM, TextEncoding, detect_encoding, sniff_delimiter

MediaKind = Literal["json", "ndjson", "csv"]
MEDIA_TYPES: dict[str, MediaKind] = {
    "application/json": "json",
    "application/x-ndjson": "ndjson",
    "application/ndjson": "ndjson",
    "application/jsonl": "ndjson",
    "text/csv": "csv",
    "application/csv": "csv",
}

# CSV header (normalized: lower-case, no diacritics, "_" for spaces and dashes) → record path.
CSV_COLUMNS: dict[str, tuple[str, ...]] = {}
_ALIASES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("external_id",): ("external_id", "id", "id_sprawy", "nr_sprawy", "numer_sprawy", "sprawa"),
    ("subject_id",): ("subject_id", "pesel", "id_osoby", "identyfikator_osoby", "osoba"),
    ("subject_id_type",): ("subject_id_type", "typ_id", "rodzaj_id", "typ_identyfikatora"),
    ("household_id",): ("household_id", "id_rodziny", "rodzina", "gospodarstwo", "id_gospodarstwa"),
    ("reference_date",): ("reference_date", "data", "data_od", "data_rozpoczecia", "od"),
    ("end_date",): ("end_date", "data_do", "data_zakonczenia", "do"),
    ("categories",): ("categories", "category", "kategorie", "kategoria", "powody", "powod"),
    ("location", "district"): ("district", "osiedle", "dzielnica", "kod_osiedla"),
    ("location", "gmina"): ("gmina", "terc", "teryt", "kod_gminy"),
    ("location", "x"): ("x", "lon", "lng", "longitude", "dlugosc", "easting"),
    ("location", "y"): ("y", "lat", "latitude", "szerokosc", "northing"),
    ("location", "crs"): ("crs", "uklad", "epsg", "srid", "uklad_wspolrzednych"),
    ("location", "address", "simc"): ("simc", "miejscowosc_simc", "kod_simc"),
    ("location", "address", "ulic"): ("ulic", "sym_ul", "kod_ulicy"),
    ("location", "address", "street"): ("street", "ulica"),
    ("location", "address", "number"): ("number", "house_number", "nr_domu", "numer_domu", "nr"),
    ("attributes", "age_band"): ("age_band", "wiek", "grupa_wieku", "przedzial_wieku"),
    ("attributes", "sex"): ("sex", "plec"),
}
for _path, _names in _ALIASES.items():
    for _name in _names:
        CSV_COLUMNS[_name] = _path


@dataclass(frozen=True, slots=True)
class RawRecord:
    row: int
    line: int | None
    value: Any  # dict for a well-formed record; anything else is a row error


class RowLimit:
    """Counts rows and raises 413 past ``max_rows``."""

    def __init__(self, max_rows: int) -> None:
        self.max_rows = max_rows
        self.count = 0

    def tick(self) -> int:
        row = self.count
        self.count += 1
        if self.count > self.max_rows:
            raise PayloadTooLarge(
                f"The batch has more than {self.max_rows} records; split it.",
                detail_pl=f"Paczka ma więcej niż {self.max_rows} rekordów; podziel ją.",
                max_rows=self.max_rows,
            )
        return row


def media_kind(content_type: str | None) -> MediaKind:
    """The body format from ``Content-Type`` (parameters such as charset are ignored)."""
    base = (content_type or "").split(";", 1)[0].strip().lower()
    kind = MEDIA_TYPES.get(base)
    if kind is None:
        raise UnsupportedMediaType(
            "Send application/json, application/x-ndjson or text/csv.",
            detail_pl="Wyślij application/json, application/x-ndjson lub text/csv.",
        )
    return kind


def _malformed(detail: str, detail_pl: str) -> ValidationFailed:
    return ValidationFailed(detail, detail_pl=detail_pl, errors=[])


def iter_records(
    kind: MediaKind,
    body: bytes,
    *,
    max_rows: int,
    split_categories: Callable[[str], list[str]],
    profile: ReadingProfile | None = None,
) -> Iterator[RawRecord]:
    """Raw records of a body; raises 422 for a body that cannot be read at all and 413 past
    ``max_rows``. An empty batch is a 422. ``split_categories`` splits a CSV categories cell;
    ``profile`` names, ignores and decodes CSV columns (its value mapping is applied later)."""
    limit = RowLimit(max_rows)
    if kind == "json":
        yield from _iter_json(body, limit)
    elif kind == "ndjson":
        yield from _iter_ndjson(body, limit)
    else:
        yield from _iter_csv(body, limit, split_categories, profile)
    if limit.count == 0:
        raise ValidationFailed(
            "The batch has no records.",
            detail_pl="Paczka nie zawiera żadnych rekordów.",
            errors=[
                {
                    "field": "records",
                    "location": "body",
                    "code": "empty_batch",
                    "message": "no records",
                }
            ],
        )


def _iter_json(body: bytes, limit: RowLimit) -> Iterator[RawRecord]:
    if body.startswith(codecs.BOM_UTF8):
        body = body[len(codecs.BOM_UTF8) :]
    try:
        document = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise _malformed(
            f"The body is not valid JSON (at character {exc.pos}).",
            f"Treść nie jest poprawnym JSON-em (znak {exc.pos}).",
        ) from None
    records = document.get("records") if isinstance(document, dict) else None
    if not isinstance(records, list):
        raise _malformed(
            'The body must be a JSON object {"records": [...]}.',
            'Treść musi być obiektem JSON {"records": [...]}.',
        )
    if len(records) > limit.max_rows:
        limit.count = len(records) - 1
        limit.tick()
    del document
    for index in range(len(records)):
        value, records[index] = records[index], None  # free each record once validated
        yield RawRecord(row=limit.tick(), line=None, value=value)


def _iter_ndjson(body: bytes, limit: RowLimit) -> Iterator[RawRecord]:
    if body.startswith(codecs.BOM_UTF8):
        body = body[len(codecs.BOM_UTF8) :]
    for number, line in enumerate(io.BytesIO(body), start=1):
        if not line.strip():
            continue
        row = limit.tick()
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError:
            value = _BadLine()
        yield RawRecord(row=row, line=number, value=value)


class _BadLine:
    """Marks an NDJSON line that is not JSON."""


def is_bad_line(value: Any) -> bool:
    return isinstance(value, _BadLine)


_header_name = column_key


# Excel's first line naming the delimiter: "sep=;" ("sep=\t" also as the two characters).
_SEP_LINE = re.compile(r"^sep=(.*)$", re.IGNORECASE)
# A header cell that holds a value (a PESEL or other long number, a date, an e-mail address):
# the file has no header line, and its first record must not be echoed back.
_VALUE_IN_HEADER = re.compile(r"\d{5}|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|@")
_SHOWN_HEADER_LENGTH = 64


def _read_line(text: io.TextIOWrapper) -> str:
    try:
        return text.readline()
    except UnicodeDecodeError:
        raise _malformed(
            "The CSV header is not text in UTF-8, Windows-1250 or UTF-16 (with its BOM); save "
            "the export in one of them.",
            "Nagłówek CSV nie jest tekstem w UTF-8, Windows-1250 ani UTF-16 (z BOM); zapisz "
            "eksport w jednym z tych kodowań.",
        ) from None


def _declared_delimiter(value: str) -> str:
    value = value.strip(" ")
    delimiter = "\t" if value == "\\t" else value
    if delimiter not in DELIMITERS:
        raise ValidationFailed(
            "The sep= line names a delimiter other than ';', ',' or TAB.",
            detail_pl="Wiersz sep= podaje separator inny niż ';', ',' lub tabulator.",
            errors=[field_error("sep", "unsupported_delimiter")],
        )
    return delimiter


def _header_paths(
    header: list[str], profile: ReadingProfile | None = None
) -> list[tuple[str, ...] | None]:
    """The record path of each column (``None`` for a column the profile ignores); a 422
    listing every column that is unknown, unnamed or a second column of one field (nothing of
    the body is stored then)."""
    if any(_VALUE_IN_HEADER.search(cell) for cell in header):
        raise ValidationFailed(
            "The first line of the CSV holds values, not column names.",
            detail_pl="Pierwszy wiersz pliku CSV zawiera wartości, a nie nazwy kolumn.",
            errors=[field_error("header", "header_missing")],
        )
    errors: list[dict[str, Any]] = []
    unknown: list[str] = []
    paths: list[tuple[str, ...] | None] = []
    columns_of: dict[tuple[str, ...], list[str]] = {}
    for column, cell in enumerate(header, start=1):
        name = cell.strip()
        shown = (
            name if name.isprintable() and len(name) <= _SHOWN_HEADER_LENGTH else f"column {column}"
        )
        key = _header_name(name)
        if name and profile is not None and key in profile.ignored:
            paths.append(None)
            continue
        path = None
        if name:
            path = profile.columns.get(key) if profile is not None else None
            path = path or CSV_COLUMNS.get(key)
        if not name:
            errors.append(field_error(f"column {column}", "unnamed_column", column=column))
        elif path is None:
            unknown.append(shown)
            errors.append(field_error(shown, "unknown_column", column=column))
        else:
            columns_of.setdefault(path, []).append(shown)
        paths.append(path or ())
    errors += [
        field_error(".".join(path), "duplicate_column", (("columns", ", ".join(columns)),))
        for path, columns in columns_of.items()
        if len(columns) > 1
    ]
    if not errors:
        return paths
    if unknown:
        listed = ", ".join(unknown)
        raise ValidationFailed(
            f"The CSV has columns that are not record fields: {listed}. Remove them from the "
            "export, or use an export profile that ignores them (free text and personal data "
            "other than the identifier are never accepted).",
            detail_pl=f"Plik CSV ma kolumny, które nie są polami rekordu: {listed}. Usuń je z "
            "eksportu albo użyj profilu eksportu, który je pomija (wolny tekst i dane osobowe "
            "poza identyfikatorem nie są przyjmowane).",
            errors=errors,
        )
    raise ValidationFailed(
        "The CSV header has unnamed columns or several columns for one field.",
        detail_pl="Nagłówek CSV ma kolumny bez nazwy lub kilka kolumn jednego pola.",
        errors=errors,
    )


def _encoding(body: bytes, profile: ReadingProfile | None) -> TextEncoding:
    """The profile's encoding (skipping a UTF-8 BOM before UTF-8 or Windows-1250), else the
    sniffed one."""
    if profile is None or profile.encoding is None:
        return detect_encoding(body)
    if profile.encoding == "utf-16":
        return TextEncoding("utf-16")
    return TextEncoding(profile.encoding, len(UTF8_BOM) if body.startswith(UTF8_BOM) else 0)


def _iter_csv(
    body: bytes,
    limit: RowLimit,
    split_categories: Callable[[str], list[str]],
    profile: ReadingProfile | None = None,
) -> Iterator[RawRecord]:
    encoding = _encoding(body, profile)
    stream = io.BytesIO(body)
    stream.seek(encoding.start)
    text = io.TextIOWrapper(stream, encoding=encoding.codec, newline="")
    first = _read_line(text)
    lines_before = 1  # of the first record: the header, and a sep= line if there is one
    declared = _SEP_LINE.match(first.rstrip("\r\n"))
    delimiter = _declared_delimiter(declared.group(1)) if declared else None
    if declared:
        first = _read_line(text)
        lines_before = 2
    if not first.strip():
        return
    if delimiter is None and profile is not None:
        delimiter = profile.delimiter
    delimiter = delimiter or sniff_delimiter(first)
    header = next(csv.reader([first], delimiter=delimiter))
    while header and not header[-1].strip():  # a delimiter at the end of every line
        header.pop()
    paths = _header_paths(header, profile)
    width = len(paths)
    has_pesel_column = any(
        _header_name(name) == "pesel" and path == ("subject_id",)
        for name, path in zip(header, paths, strict=True)
    )
    if profile is not None and profile.categories:
        split_categories = _mapped_split(profile, split_categories)
    reader = csv.reader(text, delimiter=delimiter)
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except (csv.Error, UnicodeDecodeError):
            raise _malformed(
                f"The CSV cannot be read near line {reader.line_num + lines_before}.",
                f"Nie można odczytać pliku CSV w okolicy wiersza {reader.line_num + lines_before}.",
            ) from None
        if not any(cell.strip() for cell in cells):
            continue
        row = limit.tick()
        line = reader.line_num + lines_before
        if len(cells) != width:
            # Cells past the header's last column may only be empty (trailing delimiters).
            if len(cells) < width or any(cell.strip() for cell in cells[width:]):
                yield RawRecord(row=row, line=line, value=_WrongColumns())
                continue
            del cells[width:]
        yield RawRecord(
            row=row,
            line=line,
            value=_csv_record(paths, cells, has_pesel_column, split_categories),
        )


@dataclass(frozen=True, slots=True)
class CsvSample:
    """The head of a CSV export, for proposing a profile: its encoding and delimiter, its
    column names, and an iterator over the cells of its rows (read only when asked for)."""

    encoding: str
    delimiter: str
    header: list[str]
    rows: Iterator[list[str]]


def read_sample(body: bytes) -> CsvSample:
    """Read a CSV sample as a push would (encoding, ``sep=`` line, delimiter, header); a 422
    when it cannot be read. Cells are decoded only when ``rows`` is iterated."""
    encoding = detect_encoding(body)
    stream = io.BytesIO(body)
    stream.seek(encoding.start)
    text = io.TextIOWrapper(stream, encoding=encoding.codec, newline="")
    first = _read_line(text)
    declared = _SEP_LINE.match(first.rstrip("\r\n"))
    delimiter = _declared_delimiter(declared.group(1)) if declared else None
    if declared:
        first = _read_line(text)
    delimiter = delimiter or sniff_delimiter(first)
    header = next(csv.reader([first], delimiter=delimiter), [])
    while header and not header[-1].strip():
        header.pop()
    if not header:
        raise _malformed("The sample has no header line.", "Próbka nie ma wiersza nagłówka.")
    if any(_VALUE_IN_HEADER.search(cell) for cell in header):
        raise ValidationFailed(
            "The first line of the CSV holds values, not column names.",
            detail_pl="Pierwszy wiersz pliku CSV zawiera wartości, a nie nazwy kolumn.",
            errors=[field_error("header", "header_missing")],
        )

    def rows() -> Iterator[list[str]]:
        try:
            yield from csv.reader(text, delimiter=delimiter)
        except (csv.Error, UnicodeDecodeError):
            return  # a sample may be cut anywhere: what was read is enough

    return CsvSample(
        encoding="utf-8" if encoding.codec == "utf-8" else encoding.codec,
        delimiter=delimiter,
        header=header,
        rows=rows(),
    )


class _WrongColumns:
    """Marks a CSV row whose column count differs from the header's."""


def is_wrong_columns(value: Any) -> bool:
    return isinstance(value, _WrongColumns)


def _mapped_split(
    profile: ReadingProfile, split_categories: Callable[[str], list[str]]
) -> Callable[[str], list[str]]:
    """A categories cell the profile maps as a whole (a label that holds a separator) is one
    category; otherwise the cell is split as without a profile."""

    def split(cell: str) -> list[str]:
        code = profile.category(cell)
        return [code] if code is not None else split_categories(cell)

    return split


def _csv_record(
    paths: list[tuple[str, ...] | None],
    cells: list[str],
    has_pesel_column: bool,
    split_categories: Callable[[str], list[str]],
) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for path, cell in zip(paths, cells, strict=True):
        if path is None:
            continue  # an ignored column: its value is never read
        value = cell.strip()
        if not value:
            continue
        target = record
        for part in path[:-1]:
            target = target.setdefault(part, {})
        target[path[-1]] = value
    if has_pesel_column:
        record.setdefault("subject_id_type", "pesel")
    categories = record.get("categories")
    if isinstance(categories, str):
        # Several categories in one cell: "poverty|disability" or "ubóstwo, niepełnosprawność".
        record["categories"] = split_categories(categories)
    location = record.get("location")
    if isinstance(location, dict) and ("x" in location or "y" in location):
        x, y = location.pop("x", None), location.pop("y", None)
        location["point"] = [_number(x), _number(y)]
    return record


def _number(value: str | None) -> float | str | None:
    """A CSV coordinate; a decimal comma is accepted (Polish spreadsheets)."""
    if value is None:
        return None
    try:
        return float(value.replace(",", ".").replace(" ", ""))
    except ValueError:
        return value


async def read_body(request: Request, *, max_bytes: int) -> tuple[bytes, bytes]:
    """The request body and its SHA-256; 413 with the batch's advice past ``max_bytes``."""
    refusal = PayloadTooLarge(
        f"The body is larger than {max_bytes} bytes; split the batch.",
        detail_pl=f"Treść jest większa niż {max_bytes} bajtów; podziel paczkę.",
        max_bytes=max_bytes,
    )
    return await web.read_body(request, max_bytes=max_bytes, refusal=refusal)
