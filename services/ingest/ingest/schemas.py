"""Inputs and outputs of the ingest API (DESIGN §5)."""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    model_validator,
)

from shared.codes import GMINA_RE, SIMC_RE, ULIC_RE, anchored
from shared.db.models.ingest import UNRESOLVED_REASONS
from shared.pagination import Link
from shared.validation import refuse_nul

# Day first with ".", "/" or "-" (the Polish order), or year first; "r." (roku) may follow.
DAY_FIRST_DATE = re.compile(r"^\s*(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:\s*r\.?)?\s*$")
_YEAR_FIRST_DATE = re.compile(r"^\s*(\d{4})([./-])(\d{1,2})\2(\d{1,2})(?:\s*r\.?)?\s*$")
_SEXES = {
    "f": "F",
    "k": "F",
    "female": "F",
    "kobieta": "F",
    "m": "M",
    "male": "M",
    "mężczyzna": "M",
    "mezczyzna": "M",
}


def _polish_date(value: Any) -> Any:
    """``DD.MM.YYYY`` with ``.``, ``/`` or ``-`` and ``YYYY-MM-DD`` (also ``YYYY.MM.DD``), each
    optionally followed by ``r.``, as ISO. Anything else (two-digit years, ``15 marca``) goes on
    unchanged and fails as a date; so do impossible dates such as 31.02.2026."""
    if not isinstance(value, str) or (len(value) == 10 and value[4] == "-" == value[7]):
        return value  # not text, or ISO already (most records)
    match = DAY_FIRST_DATE.match(value)
    if match:
        day, _separator, month, year = match.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    match = _YEAR_FIRST_DATE.match(value)
    if match:
        year, _separator, month, day = match.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    return value.strip()


def _sex(value: Any) -> Any:
    """``K``/``kobieta``/``female`` are ``F``, ``mężczyzna``/``male`` are ``M`` (any case)."""
    if isinstance(value, str):
        text = value.strip()
        return _SEXES.get(text.lower(), text.upper())
    return value


RecordDate = Annotated[date, BeforeValidator(_polish_date)]
# Every free-form string of a record (the others have a pattern, a literal or a date format).
# A NUL is a field error of its row, never a failed batch.
Text = Annotated[
    str, AfterValidator(refuse_nul("invalid_characters", "the value contains a NUL character"))
]
# The institution's case number, as pushed and as named by an erasure.
EXTERNAL_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:/\-]*$"
EXTERNAL_ID_MAX_LENGTH = 64
ExternalId = Annotated[
    str, Field(min_length=1, max_length=EXTERNAL_ID_MAX_LENGTH, pattern=EXTERNAL_ID_PATTERN)
]
AgeBand = Literal["0-17", "18-24", "25-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80+"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, str_strip_whitespace=True)


class AddressIn(_Strict):
    """An address resolved through the street register (``geo.street_district``). Without
    ``simc``, the street is looked up among the localities of the record's ``gmina`` (or the
    institution's only gmina) and used when exactly one street there has that name."""

    simc: str | None = Field(
        default=None, pattern=anchored(SIMC_RE), description="SIMC id of the locality"
    )
    ulic: str | None = Field(default=None, pattern=anchored(ULIC_RE), description="ULIC street id")
    street: Text | None = Field(default=None, min_length=1, max_length=120)
    number: Text | None = Field(default=None, min_length=1, max_length=16)

    @model_validator(mode="after")
    def _locality_or_street(self) -> AddressIn:
        if self.simc is None and self.street is None:
            raise ValueError("an address needs simc or street")
        return self


class LocationIn(_Strict):
    """Where the case is: a district code, a point or an address (one of them), optionally the
    municipality (TERC) to fall back on when that does not resolve to a district."""

    district: Text | None = Field(
        default=None,
        min_length=1,
        max_length=120,
        description="district (osiedle) code `<TERC>-<nn>`, or its name in the institution's "
        "municipality (or in `gmina`)",
    )
    gmina: str | None = Field(default=None, pattern=anchored(GMINA_RE))
    point: tuple[float, float] | None = Field(
        default=None, description="[x, y]: easting/longitude first, as in GeoJSON"
    )
    crs: Text | None = Field(
        default=None, max_length=40, description="EPSG:4326 (default), 2180 or 2176-2179"
    )
    address: AddressIn | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> LocationIn:
        given = sum(value is not None for value in (self.district, self.point, self.address))
        if given > 1:
            raise ValueError("too_many_locations")
        return self


class AttributesIn(_Strict):
    """Accepted and checked as before, but not stored: no published breakdown uses them (DESIGN
    §3, migration 0013). ``sex`` also reads ``K``, ``kobieta``, ``mężczyzna``, ``female``,
    ``male`` (any case)."""

    age_band: AgeBand | None = None
    sex: Annotated[Literal["F", "M"] | None, BeforeValidator(_sex)] = None


class RecordIn(_Strict):
    """A case record as pushed by an institution."""

    external_id: ExternalId
    subject_id: Text = Field(min_length=1, max_length=64)
    subject_id_type: Literal["pesel", "local"] = "pesel"
    household_id: Text | None = Field(default=None, min_length=1, max_length=64)
    reference_date: RecordDate
    end_date: RecordDate | None = None
    categories: list[Annotated[Text, Field(min_length=1, max_length=200)]] = Field(
        min_length=1, max_length=40
    )
    location: LocationIn | None = None
    attributes: AttributesIn | None = None


class RecordsBatchIn(BaseModel):
    """``application/json`` body of ``POST /v1/records:batch``."""

    records: list[RecordIn]


class RowErrorOut(BaseModel):
    row: int = Field(
        description="0-based index of the record in the batch (of the id in an erasure)"
    )
    line: int | None = Field(default=None, description="1-based line of the NDJSON/CSV file")
    field: str
    code: str
    message: str
    message_pl: str


class BatchSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    status: Literal["processing", "completed"]
    media_type: str
    idempotency_key: str | None = Field(
        description="the Idempotency-Key of the push, in the push's answer only (it is kept as "
        "a keyed hash)"
    )
    received: int = Field(description="rows in the batch")
    accepted: int = Field(description="valid rows: inserted + updated + unchanged")
    inserted: int
    updated: int
    unchanged: int
    rejected: int
    unresolved: dict[str, int] = Field(
        description=f"records kept at municipality level, by reason ({', '.join(UNRESOLVED_REASONS)})"
    )
    created_at: datetime
    completed_at: datetime | None
    profile: str | None = Field(
        default=None, description="the export profile the batch was read with, `NAME@version`"
    )


class BatchReport(BatchSummary):
    rejected_by_code: dict[str, int]
    errors: list[RowErrorOut]
    errors_truncated: bool


class DryRunReport(BaseModel):
    """``POST /v1/records:batch?dry_run=true``: the report the batch would get, nothing stored."""

    dry_run: Literal[True] = True
    media_type: str
    profile: str | None = Field(description="`NAME@version` of the profile used, if any")
    received: int = Field(description="rows in the batch")
    accepted: int = Field(description="rows that would be stored")
    rejected: int
    unresolved: dict[str, int]
    rejected_by_code: dict[str, int]
    errors: list[RowErrorOut]
    errors_truncated: bool


class ReplayOrDryRunReport(RootModel[BatchReport | DryRunReport]):
    """``200`` of a push: an Idempotency-Key replay's first report, or a dry run's report."""


class BatchList(BaseModel):
    batches: list[BatchSummary]
    numberMatched: int
    numberReturned: int
    links: list[Link]


class EraseIn(BaseModel):
    """Bulk erasure: every record of the institution with one of these external ids."""

    model_config = ConfigDict(extra="forbid")

    # Each id is checked on its own (``EraseReport.errors``): one bad id never fails the others.
    external_ids: list[str] = Field(min_length=1, max_length=50_000)


class EraseReport(BaseModel):
    erasure_id: uuid.UUID
    requested: int = Field(description="distinct ids in the request")
    erased: int
    not_found: int = Field(description="well-formed ids of no record of the institution")
    rejected: int = Field(description="ids no record can have (see errors)")
    errors: list[RowErrorOut]


# Export profiles (issue 16, item 2) ------------------------------------------------------------

# What a profile's column can be mapped to: a record field path (the built-in CSV aliases map
# onto the same paths, see ``ingest.parsing``).
ProfileField = Literal[
    "external_id",
    "subject_id",
    "subject_id_type",
    "household_id",
    "reference_date",
    "end_date",
    "categories",
    "location.district",
    "location.gmina",
    "location.x",
    "location.y",
    "location.crs",
    "location.address.simc",
    "location.address.ulic",
    "location.address.street",
    "location.address.number",
    "attributes.age_band",
    "attributes.sex",
]
PROFILE_NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
ProfileName = Annotated[str, Field(min_length=1, max_length=64, pattern=PROFILE_NAME_PATTERN)]
ColumnName = Annotated[Text, Field(min_length=1, max_length=120)]
ExportValue = Annotated[Text, Field(min_length=1, max_length=200)]
# A date format is strftime's: day, month and four-digit year, each once, and literal text.
_DATE_DIRECTIVE = re.compile(r"%(.)")
_DATE_FORMAT_EXAMPLE = "%d.%m.%Y"


def _date_format(value: str) -> str:
    directives = _DATE_DIRECTIVE.findall(value.replace("%%", ""))
    if sorted(directives) != ["Y", "d", "m"]:
        raise ValueError(
            "a date format needs %d, %m and %Y once each and no other directive "
            f"(e.g. {_DATE_FORMAT_EXAMPLE})"
        )
    return value


DateFormat = Annotated[str, Field(min_length=2, max_length=40), AfterValidator(_date_format)]


class ValueMapping(_Strict):
    """Export values → canonical values, compared without case, diacritics and surrounding
    spaces. A category maps to a code of ``ref.category``."""

    categories: dict[ExportValue, Annotated[str, Field(min_length=1, max_length=64)]] = Field(
        default_factory=dict, max_length=500
    )
    sex: dict[ExportValue, Literal["F", "M"]] = Field(default_factory=dict, max_length=50)
    subject_id_type: dict[ExportValue, Literal["pesel", "local"]] = Field(
        default_factory=dict,
        max_length=50,
        description="source codes of the identifier: export value → `pesel` or `local`",
    )


class ProfileBody(_Strict):
    """How to read one institution's CSV export. Columns are compared like the built-in
    headers (without case and diacritics; spaces and dashes as ``_``); a column the profile
    does not name goes through the built-in aliases."""

    columns: dict[ColumnName, ProfileField] = Field(
        default_factory=dict,
        max_length=200,
        description="export column → record field (e.g. `Nr sprawy` → `external_id`)",
    )
    ignore: list[ColumnName] = Field(
        default_factory=list,
        max_length=200,
        description="columns whose values are never read, stored, logged or echoed",
    )
    values: ValueMapping = Field(default_factory=ValueMapping)
    date_formats: list[DateFormat] = Field(
        default_factory=list,
        max_length=10,
        description="tried in order before the built-in date formats (strftime directives)",
    )
    encoding: Literal["utf-8", "cp1250", "utf-16"] | None = Field(
        default=None, description="when sniffing is not enough"
    )
    delimiter: Literal[";", ",", "\t"] | None = Field(
        default=None, description="when the header line does not tell"
    )


_PROFILE_EXAMPLE: dict[str, Any] = {
    "name": "mops-system",
    "columns": {
        "Nr sprawy": "external_id",
        "PESEL": "subject_id",
        "Data od": "reference_date",
        "Powód": "categories",
        "Ulica": "location.address.street",
        "Nr domu": "location.address.number",
    },
    "ignore": ["Nazwisko", "Imię", "Kwota świadczenia", "Miejscowość"],
    "values": {"categories": {"UB": "poverty"}, "sex": {"kobieta": "F"}},
    "date_formats": ["%d.%m.%Y"],
    "encoding": "cp1250",
    "delimiter": ";",
}


class ProfileIn(ProfileBody):
    """A new export profile (version 1)."""

    model_config = ConfigDict(json_schema_extra={"examples": [_PROFILE_EXAMPLE]})

    name: ProfileName


class ProfileOut(ProfileBody):
    """One version of an export profile."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{**_PROFILE_EXAMPLE, "version": 2, "created_at": "2026-12-03T10:00:00Z"}]
        }
    )

    name: str
    version: int
    created_at: datetime


class ProfileList(BaseModel):
    """The latest version of each of the institution's profiles."""

    profiles: list[ProfileOut]


class ProfileSuggestion(ProfileBody):
    """A profile proposed from a sample of an export: the columns the built-in aliases (or the
    first word of the column name) recognise, the other columns as candidates to ignore (by
    name; none of their values is read), category values the catalogue recognises, and the
    sample's encoding and delimiter. Review it, then ``POST /v1/profiles``."""

    unrecognised_categories: list[str] = Field(
        default_factory=list,
        description="values of the categories column that no code, label or earlier name "
        "matches: map them in `values.categories`",
    )
