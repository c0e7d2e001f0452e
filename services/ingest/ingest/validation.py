"""Row-by-row validation and pseudonymization, without the database (runs in a worker thread;
only an inflected category label goes to the lemmatiser the catalogue was given).

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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ingest.messages import RowError
from ingest.schemas import DAY_FIRST_DATE, ExternalId, RecordIn
from shared.codes import DISTRICT_RE, anchored
from shared.geo.names import normalize_street as street_key

EARLIEST_DATE = date(1990, 1, 1)
_PESEL_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
_PESEL_WEIGHT_SUM = sum(_PESEL_WEIGHTS)
# PESEL month offsets encode the century of birth.
_PESEL_CENTURIES = ((80, 1800), (60, 2200), (40, 2100), (20, 2000), (0, 1900))
_HOUSE_NUMBER = re.compile(r"^\s*(\d{1,5})")
_DISTRICT_CODE = re.compile(anchored(DISTRICT_RE))

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
    label: str = ""


# code, source, Polish label, valid from, valid to, parent code (ref.category).
CategoryRow = tuple[str, str, str, date | None, date | None, str | None]
# Earlier name, code, in use from, in use to (ref.category_alias).
AliasRow = tuple[str, str, date | None, date | None]
# Polish words → the lemmas of each (the word itself when unknown, nothing for a stop word).
Lemmatise = Callable[[Sequence[str]], Mapping[str, frozenset[str]]]

_WORD = re.compile(r"[^\W\d_]+|\d+")
# Ignored when labels are compared word by word (conjunctions and prepositions; the Hunspell
# dictionary of ref.lemmas has no stop list).
_STOP_WORDS = frozenset({
    "a", "albo", "dla", "do", "i", "lub", "na", "o", "od", "oraz", "po", "przy", "w", "we", "z",
    "ze", "za",
})  # fmt: skip
# Several categories in one CSV cell: "ubóstwo, bezrobocie", "poverty|disability".
_CATEGORY_SEPARATOR = re.compile(r"([,;|/])")
# Distinct unmatched labels of one batch that are lemmatised (each may cost a database call).
MAX_INFLECTED_LABELS = 200


@dataclass(frozen=True, slots=True)
class FormerName:
    """An earlier name of a category and the dates it was in use (inclusive, open if None)."""

    valid_from: date | None
    valid_to: date | None

    def in_use(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def period(self) -> tuple[tuple[str, str], ...]:
        """Message parameters: the period in English and in Polish."""
        start, end = self.valid_from, self.valid_to
        if start and end:
            return (("period", f"from {start} to {end}"), ("period_pl", f"od {start} do {end}"))
        if end:
            return (("period", f"until {end}"), ("period_pl", f"do {end}"))
        return (("period", f"from {start}"), ("period_pl", f"od {start}"))


@dataclass(frozen=True, slots=True)
class CategoryName:
    """What a code, label or name denotes: a category, under an earlier name or not."""

    info: CategoryInfo
    former: FormerName | None = None


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a category value is refused: an error code and its message parameters."""

    code: str
    params: tuple[tuple[str, str], ...] = ()


def _lower(text: str) -> str:
    return " ".join(text.lower().split())


def _same_words(sought: list[frozenset[str]], named: list[frozenset[str]]) -> bool:
    """Every word of each side shares a lemma with a word of the other."""
    return all(any(word & other for other in named) for word in sought) and all(
        any(word & other for other in sought) for word in named
    )


@dataclass(slots=True)
class Catalogue:
    """Category codes, their Polish labels and earlier names for one request, and the ancestors
    of each sub-category. Labels match without case or diacritics; with ``lemmatise``, also
    inflected ("ubóstwa", "przemocy domowej"), word by word."""

    by_code: dict[str, CategoryInfo]
    # Codes, and normalized labels and earlier names → what they denote.
    names: dict[str, tuple[CategoryName, ...]] = field(default_factory=dict)
    ancestors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    lemmatise: Lemmatise | None = None
    # Labels and earlier names as written (the dictionary knows words with their diacritics).
    spelled: list[tuple[str, CategoryName]] = field(default_factory=list)
    # Names that contain a category separator, in lower case with and without diacritics; the
    # separators they contain, and the most of them one name has.
    joined: frozenset[str] = frozenset()
    joining: frozenset[str] = frozenset()
    max_separators: int = 0
    _inflected: dict[str, tuple[CategoryName, ...]] = field(default_factory=dict)
    _spelled_lemmas: list[tuple[list[frozenset[str]], CategoryName]] | None = None

    @classmethod
    def build(
        cls,
        rows: list[CategoryRow],
        aliases: Sequence[AliasRow] = (),
        *,
        lemmatise: Lemmatise | None = None,
    ) -> Catalogue:
        by_code = {
            code: CategoryInfo(code, source, valid_from, valid_to, parent, label)
            for code, source, label, valid_from, valid_to, parent in rows
        }
        spelled = [(info.label, CategoryName(info)) for info in by_code.values()]
        spelled += [
            (label, CategoryName(by_code[code], FormerName(valid_from, valid_to)))
            for label, code, valid_from, valid_to in aliases
            if code in by_code
        ]
        names: dict[str, tuple[CategoryName, ...]] = {
            code: (CategoryName(info),) for code, info in by_code.items()
        }
        for label, denoted in spelled:
            key = normalize_label(label)
            names[key] = (*names.get(key, ()), denoted)
        ancestors: dict[str, tuple[str, ...]] = {}
        for code, info in by_code.items():
            chain: list[str] = []
            parent = info.parent
            while parent is not None and parent in by_code and parent not in chain:
                chain.append(parent)
                parent = by_code[parent].parent
            if chain:
                ancestors[code] = tuple(chain)
        joined = [label for label, _denoted in spelled if _CATEGORY_SEPARATOR.search(label)]
        return cls(
            by_code=by_code,
            names=names,
            ancestors=ancestors,
            lemmatise=lemmatise,
            spelled=spelled,
            joined=frozenset(
                form for label in joined for form in (_lower(label), normalize_label(label))
            ),
            joining=frozenset(_CATEGORY_SEPARATOR.findall("".join(joined))),
            max_separators=max((len(_CATEGORY_SEPARATOR.findall(j)) for j in joined), default=0),
        )

    def closed(self, codes: set[str]) -> set[str]:
        """``codes`` with the ancestors of each: a person in a sub-category is in its parent
        too, so the published counts keep child <= parent (the anonymizer's attacker knows it)."""
        return codes.union(*(self.ancestors.get(code, ()) for code in codes))

    def split(self, cell: str) -> list[str]:
        """The categories of one CSV cell, separated by ``,``, ``;``, ``|`` or ``/``, except
        inside a name that contains one of them."""
        parts = _CATEGORY_SEPARATOR.split(cell)  # texts at even indexes, separators between
        if len(parts) == 1:
            return [cell.strip()] if cell.strip() else []
        count = len(parts) // 2 + 1
        labels: list[str] = []
        first = 0
        while first < count:
            end = first + 1
            if first + 1 < count and parts[2 * first + 1] in self.joining:
                for last in range(min(count, first + 1 + self.max_separators), first + 1, -1):
                    if _lower("".join(parts[2 * first : 2 * last - 1])) in self.joined:
                        end = last
                        break
            label = "".join(parts[2 * first : 2 * end - 1]).strip()
            if label:
                labels.append(label)
            first = end
        return labels

    def candidates(self, value: str) -> tuple[CategoryName, ...]:
        """What a code, label or earlier name may denote."""
        text = value.strip()
        found = self.names.get(text.lower())
        if found is not None:
            return found
        key = normalize_label(text)
        found = self.names.get(key)
        if found is not None or self.lemmatise is None:
            return found or ()
        found = self._inflected.get(key)
        if found is None:
            found = ()
            if len(self._inflected) < MAX_INFLECTED_LABELS:
                found = self._inflected_candidates(text, self.lemmatise)
            self._inflected[key] = found
        return found

    def resolve(self, value: str, day: date) -> CategoryName | Refusal:
        """The category ``value`` denotes on ``day``: an earlier name counts only while it was
        in use, and a name of two categories is refused."""
        found = self.candidates(value)
        if not found:
            return Refusal("unknown_category")
        if len(found) == 1 and found[0].former is None:
            return found[0]  # a code or current label: the usual case
        in_use = [name for name in found if name.former is None or name.former.in_use(day)]
        if len({name.info.code for name in in_use}) > 1:
            return Refusal("ambiguous_category")
        if in_use:
            return in_use[0]
        former = found[0]
        assert former.former is not None
        return Refusal(
            "category_name_not_in_use",
            (("code", former.info.code), ("label", former.info.label), *former.former.period()),
        )

    def _inflected_candidates(self, text: str, lemmatise: Lemmatise) -> tuple[CategoryName, ...]:
        sought = _lemma_sets([text], lemmatise)[0]
        if not sought:
            return ()
        if self._spelled_lemmas is None:
            sets = _lemma_sets([label for label, _denoted in self.spelled], lemmatise)
            self._spelled_lemmas = [
                (words, denoted)
                for words, (_label, denoted) in zip(sets, self.spelled, strict=True)
            ]
        return tuple(
            denoted for words, denoted in self._spelled_lemmas if _same_words(sought, words)
        )


def _lemma_sets(texts: list[str], lemmatise: Lemmatise) -> list[list[frozenset[str]]]:
    """For each text, the lemmas of each of its words but the stop words (one lemmatiser call)."""
    words = [
        [word for word in _WORD.findall(text.lower()) if word not in _STOP_WORDS] for text in texts
    ]
    lemmas = lemmatise(sorted({word for text_words in words for word in text_words}))
    return [[lemmas[word] for word in text_words if lemmas[word]] for text_words in words]


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
    district_name: str | None = None  # an osiedle given by name, resolved to ``district``
    gmina: str | None = None
    point: tuple[float, float, int] | None = None
    address: tuple[str | None, str | None, str | None, int | None] | None = None
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
    """Street name as the register keeps it (``shared.geo.names.normalize_street``): lower case,
    no diacritics, no feature (ul., al.), titles or initials."""
    return street_key(value)


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


def restore_pesel(value: str, today: date) -> str | None:
    """A PESEL of 9 or 10 digits whose leading zeros a spreadsheet dropped, with the zeros
    back: only when the result has a valid checksum and a birth date no later than ``today``."""
    if len(value) not in (9, 10) or not value.isascii() or not value.isdigit():
        return None
    pesel = value.zfill(11)
    born = pesel_birth_date(pesel)
    return pesel if pesel_is_valid(pesel) and born is not None and born <= today else None


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


_SLASH_OR_DASH = ("/", "-")


@dataclass(slots=True)
class DateOrder:
    """Dates written day first with ``/`` or ``-`` are read in the Polish order. A batch in
    which one such date can only be month first (10/15/2026, the US order) was written month
    first: its dates that read both ways with that separator (03/04/2026) are refused, not
    read as 3 April. Dates with dots are always day first."""

    month_first: set[str] = field(default_factory=set)
    ambiguous: list[tuple[int, int | None, str, str]] = field(default_factory=list)

    def observe(self, raw: Any, row: int, line: int | None) -> None:
        if not isinstance(raw, dict):
            return
        for name in ("reference_date", "end_date"):
            value = raw.get(name)
            text = value.lstrip() if isinstance(value, str) else ""
            if text[1:2] not in _SLASH_OR_DASH and text[2:3] not in _SLASH_OR_DASH:
                continue  # no day first date with "/" or "-" (an ISO date, a dotted one)
            match = DAY_FIRST_DATE.match(text)
            if match is None:
                continue
            first, separator, second = int(match.group(1)), match.group(2), int(match.group(3))
            if 1 <= first <= 12 < second <= 31:
                self.month_first.add(separator)
            elif 1 <= first <= 12 and 1 <= second <= 12 and first != second:
                self.ambiguous.append((row, line, name, separator))

    def errors(self) -> list[RowError]:
        """``ambiguous_date`` for each date that reads both ways in a month-first batch."""
        return [
            RowError(row, name, "ambiguous_date", line)
            for row, line, name, separator in self.ambiguous
            if separator in self.month_first
        ]


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
        shortened = len(subject) in (9, 10) and subject.isascii() and subject.isdigit()
        pesel = restore_pesel(subject, context.today) if shortened else subject
        if pesel is not None and pesel_is_valid(pesel):
            # One hash per person for every institution: OPS and PUP records link up (a
            # restored PESEL hashes as its 11 digits do).
            subject_hash = _digest(context.hmac_key, f"pesel:{pesel}")
        else:
            fail("subject_id", "short_pesel" if shortened else "invalid_pesel")
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
        denoted = context.catalogue.resolve(value, record.reference_date)
        name = f"categories[{position}]"
        if isinstance(denoted, Refusal):
            errors.append(RowError(row, name, denoted.code, line, denoted.params))
            continue
        info = denoted.info
        if info.source != context.source_kind:
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
    address: tuple[str | None, str | None, str | None, int | None] | None = None
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

    district = location.district if location else None
    district_name = None
    if district is not None and not _DISTRICT_CODE.match(district):
        district, district_name = None, district

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
        district=district,
        district_name=district_name,
        gmina=location.gmina if location else None,
        point=point,
        address=address,
    )
