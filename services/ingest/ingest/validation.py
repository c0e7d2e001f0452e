"""Row-by-row validation and pseudonymization, without the database (runs in a worker thread).

A valid row leaves here with its ids already replaced by HMACs and its location reduced to
what the resolver needs; the original values are dropped with the raw record.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import operator
import re
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ingest.messages import RowError
from ingest.schemas import ExternalId, RecordIn

EARLIEST_DATE = date(1990, 1, 1)
_PESEL_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
_PESEL_WEIGHT_SUM = sum(_PESEL_WEIGHTS)
# PESEL month offsets encode the century of birth.
_PESEL_CENTURIES = ((80, 1800), (60, 2200), (40, 2100), (20, 2000), (0, 1900))
_HOUSE_NUMBER = re.compile(r"^\s*(\d{1,5})")
_STREET_FEATURE = re.compile(
    r"^(ul|ulica|al|aleja|aleje|pl|plac|os|osiedle|rondo|skwer|bulw|bulwar)\.?\s+", re.IGNORECASE
)

# Generous envelope of Poland (lon/lat) and of the projected coordinates that can fall in it.
POLAND_LONLAT = (14.0, 49.0, 24.2, 54.9)
_PROJECTED_RANGES: dict[int, tuple[float, float, float, float]] = {
    2180: (100_000.0, 100_000.0, 900_000.0, 820_000.0),
    2176: (5_200_000.0, 5_400_000.0, 5_800_000.0, 6_150_000.0),
    2177: (6_200_000.0, 5_400_000.0, 6_800_000.0, 6_150_000.0),
    2178: (7_200_000.0, 5_400_000.0, 7_800_000.0, 6_150_000.0),
    2179: (8_200_000.0, 5_400_000.0, 8_800_000.0, 6_150_000.0),
}
_CRS_ALIASES = {
    "wgs84": 4326,
    "wgs-84": 4326,
    "crs84": 4326,
    "puwg1992": 2180,
    "puwg92": 2180,
    "cs92": 2180,
    "1992": 2180,
    "2000/15": 2176,
    "2000/18": 2177,
    "2000/21": 2178,
    "2000/24": 2179,
}
_EPSG = re.compile(r"^(?:urn:ogc:def:crs:)?(?:epsg:{1,2})?(\d{4})$")

# Pydantic error types → our stable codes.
_PYDANTIC_CODES = {
    "missing": "required",
    "extra_forbidden": "unknown_field",
    "string_too_long": "too_long",
    "too_long": "too_long",
    "string_too_short": "too_short",
    "too_short": "too_short",
    "string_pattern_mismatch": "invalid_format",
    "literal_error": "invalid_value",
    "date_parsing": "invalid_date",
    "date_from_datetime_parsing": "invalid_date",
    "date_from_datetime_inexact": "invalid_date",
    "date_type": "invalid_date",
    "model_type": "invalid_type",
    "model_attributes_type": "invalid_type",
    "dict_type": "invalid_type",
    "list_type": "invalid_type",
    "string_type": "invalid_type",
    "float_parsing": "invalid_format",
    "float_type": "invalid_type",
    "finite_number": "invalid_format",
    "tuple_type": "invalid_type",
    "invalid_characters": "invalid_characters",
}
# A field name the client made up is reported only if it looks like one (a report is stored,
# and must hold neither free text nor characters PostgreSQL refuses).
_FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")


@dataclass(frozen=True, slots=True)
class CategoryInfo:
    code: str
    source: str
    valid_from: date | None
    valid_to: date | None
    parent: str | None = None


# code, source, Polish label, valid from, valid to, parent code (ref.category).
CategoryRow = tuple[str, str, str, date | None, date | None, str | None]


@dataclass(slots=True)
class Catalogue:
    """Category codes and their Polish labels (normalized) for one request, and the ancestors
    of each sub-category."""

    by_code: dict[str, CategoryInfo]
    by_label: dict[str, str] = field(default_factory=dict)
    ancestors: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, rows: list[CategoryRow]) -> Catalogue:
        by_code = {
            code: CategoryInfo(code, source, valid_from, valid_to, parent)
            for code, source, _label, valid_from, valid_to, parent in rows
        }
        by_label = {normalize_label(label): code for code, _s, label, _f, _t, _p in rows}
        ancestors: dict[str, tuple[str, ...]] = {}
        for code, info in by_code.items():
            chain: list[str] = []
            parent = info.parent
            while parent is not None and parent in by_code and parent not in chain:
                chain.append(parent)
                parent = by_code[parent].parent
            if chain:
                ancestors[code] = tuple(chain)
        return cls(by_code=by_code, by_label=by_label, ancestors=ancestors)

    def closed(self, codes: set[str]) -> set[str]:
        """``codes`` with the ancestors of each: a person in a sub-category is in its parent
        too, so the published counts keep child <= parent (the anonymizer's attacker knows it)."""
        return codes.union(*(self.ancestors.get(code, ()) for code in codes))

    def lookup(self, value: str) -> CategoryInfo | None:
        info = self.by_code.get(value.strip().lower())
        if info is None:
            code = self.by_label.get(normalize_label(value))
            info = self.by_code.get(code) if code else None
        return info


@dataclass(slots=True)
class ValidRow:
    """A valid, pseudonymized row waiting for its location to be resolved."""

    row: int
    line: int | None
    external_hash: bytes
    subject_id_type: str
    subject_hash: bytes
    household_hash: bytes | None
    reference_date: date
    end_date: date | None
    categories: str  # sorted codes with their ancestors, joined with "|"
    # Location to resolve (precise values live only until the resolver has run).
    district: str | None = None
    gmina: str | None = None
    point: tuple[float, float, int] | None = None
    address: tuple[str, str | None, str | None, int | None] | None = None
    # Filled by the resolver.
    district_code: str | None = None
    gmina_code: str | None = None
    unresolved_reason: str | None = None

    def forget_location(self) -> None:
        """Drop the precise location once it has served."""
        self.point = None
        self.address = None


@dataclass(slots=True)
class Context:
    """What validation needs to know about the request."""

    institution_id: uuid.UUID
    source_kind: str
    hmac_key: bytes
    catalogue: Catalogue
    today: date


def normalize_label(value: str) -> str:
    """Lower-case, without diacritics, single spaces (for category labels and headers)."""
    text = value.strip().lower().replace("ł", "l")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(text.split())


def normalize_street(value: str) -> str:
    """Street name as the register keeps it: lower-case, no feature (ul., al.), no diacritics."""
    return normalize_label(_STREET_FEATURE.sub("", value.strip()))


def pesel_is_valid(value: str) -> bool:
    """11 digits, a valid checksum and a real date of birth."""
    if len(value) != 11 or not value.isascii() or not value.isdigit():
        return False
    digits = value.encode()
    # Bytes are ASCII codes: subtract 48 ('0') times the sum of the weights once.
    weighted = sum(map(operator.mul, _PESEL_WEIGHTS, digits)) - 48 * _PESEL_WEIGHT_SUM
    if (10 - weighted % 10) % 10 != digits[10] - 48:
        return False
    return pesel_birth_date(value) is not None


def pesel_birth_date(value: str) -> date | None:
    year, month, day = int(value[0:2]), int(value[2:4]), int(value[4:6])
    for offset, century in _PESEL_CENTURIES:
        if month > offset:
            try:
                return date(century + year, month - offset, day)
            except ValueError:
                return None
    return None


def parse_crs(value: str | None) -> int | None:
    """EPSG code of ``EPSG:2180``, ``2180``, ``PUWG1992``, ``WGS84``…; None if unsupported."""
    if value is None:
        return 4326
    text = value.strip().lower().replace(" ", "")
    if text in _CRS_ALIASES:
        return _CRS_ALIASES[text]
    match = _EPSG.match(text)
    if match:
        code = int(match.group(1))
        if code == 4326 or code in _PROJECTED_RANGES:
            return code
    return None


def point_in_poland_envelope(x: float, y: float, srid: int) -> bool:
    if not (math.isfinite(x) and math.isfinite(y)):
        return False
    if srid == 4326:
        west, south, east, north = POLAND_LONLAT
    else:
        west, south, east, north = _PROJECTED_RANGES[srid]
    return west <= x <= east and south <= y <= north


def _field(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            name = part if _FIELD_NAME.match(part) else "?"
            path += f".{name}" if path else name
    return path


def _pydantic_errors(row: int, line: int | None, exc: ValidationError) -> list[RowError]:
    errors: list[RowError] = []
    for error in exc.errors(include_url=False, include_input=False, include_context=True):
        kind = error["type"]
        code = _PYDANTIC_CODES.get(kind, "invalid_value")
        if kind == "value_error" and "too_many_locations" in str(error.get("ctx", {})):
            code = "too_many_locations"
        loc = tuple(part for part in error["loc"] if not str(part).startswith("function-"))
        errors.append(RowError(row=row, line=line, field=_field(loc) or "record", code=code))
    return errors


_EXTERNAL_ID: TypeAdapter[str] = TypeAdapter(ExternalId)


def check_external_ids(external_ids: Sequence[str]) -> tuple[list[str], list[RowError]]:
    """The ids of an erasure that a record can have, and a field error for each other one
    (``row`` is its index): one bad id never fails the others."""
    valid: list[str] = []
    errors: list[RowError] = []
    for index, value in enumerate(external_ids):
        try:
            valid.append(_EXTERNAL_ID.validate_python(value))
        except ValidationError as exc:
            code = _PYDANTIC_CODES.get(exc.errors()[0]["type"], "invalid_value")
            errors.append(RowError(row=index, field=f"external_ids[{index}]", code=code))
    return valid, errors


def _digest(key: bytes, message: str) -> bytes:
    return hmac.digest(key, message.encode(), hashlib.sha256)


def institution_hash(key: bytes, scope: str, institution_id: uuid.UUID, value: str) -> bytes:
    """HMAC-SHA256 of ``<scope>:<institution>:<value>``: how an id that only means something
    inside one institution is kept (case numbers, idempotency keys, local person and household
    ids); the same value of two institutions gives two hashes."""
    return _digest(key, f"{scope}:{institution_id}:{value}")


def validate_record(
    raw: Any, *, row: int, line: int | None, context: Context
) -> ValidRow | list[RowError]:
    """Validate one raw record (a dict from JSON, NDJSON or CSV)."""
    if not isinstance(raw, dict):
        return [RowError(row=row, line=line, field="record", code="invalid_record")]
    try:
        record = RecordIn.model_validate(raw)
    except ValidationError as exc:
        return _pydantic_errors(row, line, exc)
    errors: list[RowError] = []

    def fail(field_name: str, code: str) -> None:
        errors.append(RowError(row=row, line=line, field=field_name, code=code))

    if pesel_is_valid(record.external_id):
        fail("external_id", "external_id_is_pesel")

    subject_hash = b""
    if record.subject_id_type == "pesel":
        subject = record.subject_id.replace(" ", "")
        if pesel_is_valid(subject):
            # One hash per person for every institution: OPS and PUP records link up.
            subject_hash = _digest(context.hmac_key, f"pesel:{subject}")
        else:
            fail("subject_id", "invalid_pesel")
    else:
        subject_hash = institution_hash(
            context.hmac_key, "local", context.institution_id, record.subject_id
        )

    for name, day in (("reference_date", record.reference_date), ("end_date", record.end_date)):
        if day is None:
            continue
        if day > context.today:
            fail(name, "date_in_future")
        elif day < EARLIEST_DATE:
            fail(name, "date_too_early")
    if record.end_date is not None and record.end_date < record.reference_date:
        fail("end_date", "end_before_start")

    reference_ok = not any(error.field == "reference_date" for error in errors)
    codes: set[str] = set()
    for position, value in enumerate(record.categories):
        info = context.catalogue.lookup(value)
        name = f"categories[{position}]"
        if info is None:
            fail(name, "unknown_category")
        elif info.source != context.source_kind:
            fail(name, "category_not_for_institution")
        elif reference_ok and (
            (info.valid_from and record.reference_date < info.valid_from)
            or (info.valid_to and record.reference_date > info.valid_to)
        ):
            fail(name, "category_not_valid_on_date")
        else:
            codes.add(info.code)

    location = record.location
    point: tuple[float, float, int] | None = None
    address: tuple[str, str | None, str | None, int | None] | None = None
    if location is not None:
        if location.point is not None:
            srid = parse_crs(location.crs)
            if srid is None:
                fail("location.crs", "unsupported_crs")
            elif not point_in_poland_envelope(location.point[0], location.point[1], srid):
                fail("location.point", "point_outside_poland")
            else:
                point = (location.point[0], location.point[1], srid)
        elif location.crs is not None and parse_crs(location.crs) is None:
            fail("location.crs", "unsupported_crs")
        if location.address is not None:
            number: int | None = None
            if location.address.number is not None:
                match = _HOUSE_NUMBER.match(location.address.number)
                if match is None:
                    fail("location.address.number", "invalid_house_number")
                else:
                    number = int(match.group(1))
            street = location.address.street
            address = (
                location.address.simc,
                location.address.ulic,
                normalize_street(street) if street else None,
                number,
            )

    if errors:
        return errors

    # Age band and sex (``attributes``) are checked but not kept: no published breakdown uses
    # them (DESIGN §3).
    household = (
        institution_hash(context.hmac_key, "household", context.institution_id, record.household_id)
        if record.household_id
        else None
    )
    return ValidRow(
        row=row,
        line=line,
        external_hash=institution_hash(
            context.hmac_key, "external", context.institution_id, record.external_id
        ),
        subject_id_type=record.subject_id_type,
        subject_hash=subject_hash,
        household_hash=household,
        reference_date=record.reference_date,
        end_date=record.end_date,
        categories="|".join(sorted(context.catalogue.closed(codes))),
        district=location.district if location else None,
        gmina=location.gmina if location else None,
        point=point,
        address=address,
    )
