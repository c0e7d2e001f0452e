"""Pydantic inputs and outputs of the catalog API."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal, Required

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    Field,
    HttpUrl,
    StringConstraints,
    TypeAdapter,
    create_model,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError
from typing_extensions import TypedDict

from catalog.validators import (
    SLUG_PATTERN,
    digits_only,
    krs_is_valid,
    nip_is_valid,
    normalize_phone,
    regon_is_valid,
    voivodeship_is_valid,
)
from shared.codes import GminaCode, TercPrefix, VoivodeshipCode
from shared.pagination import Link as PageLink

RecordStatus = Literal["draft", "submitted", "published", "archived"]
LifecycleStatus = Literal["idea", "pilot", "implemented", "evaluated", "scaled", "discontinued"]
EvidenceLevel = Literal[
    "anecdotal", "monitored", "evaluated_internal", "evaluated_external", "counterfactual"
]
ServiceStatus = Literal["active", "inactive", "defunct", "temporarily closed"]
SupportType = Literal["administrative", "financial", "political", "technical"]


def _check(predicate: Any, message: str) -> Any:
    def validate(value: str) -> str:
        if not predicate(value):
            raise ValueError(message)
        return value

    return validate


def _phone(value: str) -> str:
    normalized = normalize_phone(value)
    if normalized is None:
        raise ValueError("not a phone number (9 digits, or + and 7-15 digits)")
    return normalized


def _strip_digits(value: Any) -> Any:
    return digits_only(value) if isinstance(value, str) else value


_HTTP_URL: TypeAdapter[HttpUrl] = TypeAdapter(HttpUrl)


def _url(value: str) -> str:
    return str(_HTTP_URL.validate_python(value))


ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Summary = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1500)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20_000)]
Code = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_]{1,64}$")]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=120)]
_IN_POLAND = AfterValidator(_check(voivodeship_is_valid, "not in a voivodeship (02, 04, …, 32)"))
Terc = Annotated[TercPrefix, _IN_POLAND]
Voivodeship = Annotated[VoivodeshipCode, _IN_POLAND]
Url = Annotated[str, StringConstraints(max_length=2000), AfterValidator(_url)]
Phone = Annotated[str, StringConstraints(max_length=40), AfterValidator(_phone)]
Nip = Annotated[
    str,
    BeforeValidator(_strip_digits),
    AfterValidator(_check(nip_is_valid, "invalid NIP (10 digits with a valid check digit)")),
]
Regon = Annotated[
    str,
    BeforeValidator(_strip_digits),
    AfterValidator(_check(regon_is_valid, "invalid REGON (9 or 14 digits, valid check digit)")),
]
Krs = Annotated[
    str,
    BeforeValidator(_strip_digits),
    AfterValidator(_check(krs_is_valid, "invalid KRS number (10 digits)")),
]


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    # Lists of text; nested objects are Strict models that check their own fields.
    return isinstance(value, list) and any(
        isinstance(item, str) and "\x00" in item for item in value
    )


class Strict(BaseModel):
    """Input models: unknown fields are errors; NUL characters (which PostgreSQL text cannot
    hold) are a field error (``nul``) in any text field."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="before")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        if _has_nul(value):
            raise PydanticCustomError("nul", "text must not contain NUL characters")
        return value


class Point(Strict):
    lon: float = Field(ge=-180, le=180, description="WGS84 longitude")
    lat: float = Field(ge=-90, le=90, description="WGS84 latitude")


PointSource = Literal["address_register", "explicit", "manual"]
APPROXIMATE = (
    "True when the point only approximates the address (a street, a locality, or an estimate): "
    "the map draws it hollow."
)


class ProviderPoint(Point):
    """A provider's point as an editor gives it: ``approximate`` when it is an estimate rather
    than the building itself."""

    approximate: bool = Field(default=False, description=APPROXIMATE)


class ProviderLocation(BaseModel):
    """Where a provider is: its point, whether it is approximate, and where it comes from
    (``address_register``: placed from the postal address; ``explicit``: given with the record
    or an import; ``manual``: placed by an editor on the map)."""

    lon: float
    lat: float
    approximate: bool = Field(description=APPROXIMATE)
    source: PointSource | None


class Contact(Strict):
    name: ShortText | None = None
    role: ShortText | None = None
    email: EmailStr | None = None
    phone: Phone | None = None


class Link(Strict):
    url: Url
    title: ShortText | None = None


class Partner(Strict):
    name: ShortText
    provider_id: uuid.UUID | None = None
    role: ShortText | None = None
    support_type: SupportType | None = None


class PracticeIn(Strict):
    """A good practice as an editor sends it (create, or the merged result of a patch)."""

    slug: Slug | None = None
    title: ShortText
    summary: Summary
    description: LongText | None = None
    problem_addressed: Annotated[str, StringConstraints(strip_whitespace=True, max_length=3000)]
    method: LongText | None = None
    results: LongText | None = None
    evidence_level: EvidenceLevel
    lifecycle_status: LifecycleStatus
    target_groups: list[Code] = Field(min_length=1, max_length=20)
    service_areas: list[Code] = Field(min_length=1, max_length=14)
    categories: list[Code] = Field(default_factory=list, max_length=40)
    resources_and_costs: LongText | None = None
    cost_amount_pln: Decimal | None = Field(default=None, ge=0, le=10**11, decimal_places=2)
    funding_sources: list[ShortText] = Field(default_factory=list, max_length=20)
    implementer_name: ShortText | None = None
    implementer_provider_id: uuid.UUID | None = None
    implementer_type: Code | None = None
    partners: list[Partner] = Field(default_factory=list, max_length=50)
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] = "PL"
    place: ShortText | None = None
    area_tercs: list[Terc] = Field(default_factory=list, max_length=400)
    voivodeship: Voivodeship | None = None
    location: Point | None = None
    start_year: int | None = Field(default=None, ge=1950, le=2100)
    end_year: int | None = Field(default=None, ge=1950, le=2100)
    transferability: LongText | None = None
    sustainability: LongText | None = None
    lessons_learned: LongText | None = None
    contact: Contact | None = None
    links: list[Link] = Field(default_factory=list, max_length=20)
    source: ShortText | None = None
    source_document: ShortText | None = None
    license: ShortText | None = None

    @model_validator(mode="after")
    def _years(self) -> PracticeIn:
        if self.start_year and self.end_year and self.start_year > self.end_year:
            raise ValueError("start_year is after end_year")
        return self


class ServiceIn(Strict):
    """An HSDS service offered by a provider."""

    id: uuid.UUID | None = None
    name: ShortText
    description: LongText | None = None
    status: ServiceStatus = "active"
    url: Url | None = None
    email: EmailStr | None = None
    eligibility_description: LongText | None = None
    application_process: LongText | None = None
    fees_description: LongText | None = None
    minimum_age: int | None = Field(default=None, ge=0, le=130)
    maximum_age: int | None = Field(default=None, ge=0, le=130)
    service_areas: list[Code] = Field(default_factory=list, max_length=14)
    target_groups: list[Code] = Field(default_factory=list, max_length=20)
    area_tercs: list[Terc] = Field(default_factory=list, max_length=400)


class PhoneIn(Strict):
    number: Phone
    type: Literal["voice", "text", "fax", "cell", "video", "pager", "textphone"] = "voice"
    description: ShortText | None = None


class ScheduleIn(Strict):
    byday: Annotated[
        str, StringConstraints(pattern=r"^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$")
    ]
    opens_at: Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    closes_at: Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-4]):[0-5][0-9]$")]
    description: ShortText | None = None


class ProviderIn(Strict):
    """A service provider (HSDS organization + location + services)."""

    slug: Slug | None = None
    name: ShortText
    alternate_name: ShortText | None = None
    description: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)
    ]
    provider_type: Code
    legal_status: ShortText | None = None
    email: EmailStr | None = None
    website: Url | None = None
    krs: Krs | None = None
    regon: Regon | None = None
    nip: Nip | None = None
    terc: Annotated[GminaCode, _IN_POLAND] | None = None
    voivodeship: Voivodeship | None = None
    area_tercs: list[Terc] = Field(default_factory=list, max_length=400)
    address_1: ShortText | None = None
    postal_code: Annotated[str, StringConstraints(pattern=r"^[0-9]{2}-[0-9]{3}$")] | None = None
    city: ShortText | None = None
    location: ProviderPoint | None = Field(
        default=None,
        description=(
            "The point, when known (source `explicit`). Without it, a provider with a street "
            "line (`address_1`) and a city, TERC or postal code is placed from the address "
            "register (source `address_register`)."
        ),
    )
    phones: list[PhoneIn] = Field(default_factory=list, max_length=20)
    schedules: list[ScheduleIn] = Field(default_factory=list, max_length=14)
    service_areas: list[Code] = Field(default_factory=list, max_length=14)
    target_groups: list[Code] = Field(default_factory=list, max_length=20)
    services: list[ServiceIn] = Field(default_factory=list, max_length=100)
    assured_date: date | None = None
    source: ShortText | None = None


def partial(model: type[Strict]) -> type[Strict]:
    """``model`` with every field optional, the body of a PATCH: it names the fields it
    changes (``model_dump(exclude_unset=True)``), each checked as in ``model``; the merged
    record is then validated as a whole."""
    fields: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        # The field's constraints (kept in its metadata) stay on the value, not on null.
        kept: Any = field.annotation
        if field.metadata:
            kept = Annotated[(kept, *field.metadata)]
        fields[name] = (kept | None, None)
    patch: type[Strict] = create_model(
        model.__name__.removesuffix("In") + "Patch",
        __base__=Strict,
        __doc__=f"Changed fields of a {model.__name__.removesuffix('In').lower()}: null clears.",
        **fields,
    )
    return patch


PracticePatch = partial(PracticeIn)
ProviderPatch = partial(ProviderIn)


class ChangeOut(BaseModel):
    """One change-log entry, shaped as HSDS ``metadata``."""

    id: uuid.UUID
    resource_id: uuid.UUID
    resource_type: str
    last_action_date: datetime
    last_action_type: str
    field_name: str
    previous_value: str
    replacement_value: str
    updated_by: str


# Nested values of a record as stored: an absent key was not given (never null). TypedDicts
# keep that shape in the output, with their keys in JSONB's order (shorter keys first, then
# bytewise), so a detail reads exactly as the public list's stored JSON.
class ContactOut(TypedDict, total=False):
    name: str
    role: str
    email: str
    phone: str


class LinkOut(TypedDict, total=False):
    url: Required[str]
    title: str


class PartnerOut(TypedDict, total=False):
    name: Required[str]
    role: str
    provider_id: uuid.UUID
    support_type: SupportType


class PhoneOut(TypedDict, total=False):
    type: str
    number: Required[str]
    description: str


class ScheduleOut(TypedDict, total=False):
    byday: Required[str]
    opens_at: Required[str]
    closes_at: Required[str]
    description: str


class PracticeOut(BaseModel):
    id: uuid.UUID
    slug: str
    status: RecordStatus
    title: str
    summary: str
    description: str | None
    problem_addressed: str
    method: str | None
    results: str | None
    evidence_level: str
    lifecycle_status: str
    target_groups: list[str]
    service_areas: list[str]
    categories: list[str]
    resources_and_costs: str | None
    cost_amount_pln: Decimal | None
    funding_sources: list[str]
    implementer_name: str | None
    implementer_provider_id: uuid.UUID | None
    implementer_type: str | None
    partners: list[PartnerOut]
    country: str
    place: str | None
    area_tercs: list[str]
    voivodeship: str | None
    location: Point | None
    start_year: int | None
    end_year: int | None
    transferability: str | None
    sustainability: str | None
    lessons_learned: str | None
    contact: ContactOut | None
    links: list[LinkOut]
    source: str | None
    source_document: str | None
    license: str | None
    published_at: datetime | None
    updated_at: datetime
    distance_m: float | None = None
    score: float | None = None
    metadata: list[ChangeOut] | None = None


class ServiceOut(BaseModel):
    id: uuid.UUID
    name: str
    description: str | None
    status: str
    url: str | None
    email: str | None
    eligibility_description: str | None
    application_process: str | None
    fees_description: str | None
    minimum_age: int | None
    maximum_age: int | None
    service_areas: list[str]
    target_groups: list[str]
    area_tercs: list[str]


class ProviderOut(BaseModel):
    id: uuid.UUID
    slug: str
    status: RecordStatus
    name: str
    alternate_name: str | None
    description: str
    provider_type: str
    legal_status: str | None
    email: str | None
    website: str | None
    krs: str | None
    regon: str | None
    nip: str | None
    terc: str | None
    voivodeship: str
    area_tercs: list[str]
    address_1: str | None
    postal_code: str | None
    city: str | None
    location: ProviderLocation | None
    phones: list[PhoneOut]
    schedules: list[ScheduleOut]
    service_areas: list[str]
    target_groups: list[str]
    services: list[ServiceOut] = Field(default_factory=list)
    assured_date: date | None
    source: str | None
    published_at: datetime | None
    updated_at: datetime
    distance_m: float | None = None
    score: float | None = None
    metadata: list[ChangeOut] | None = None


LOCATION_NOTE = (
    "Set when the record has a postal address the address register could not place: the "
    "provider has no point (give `location`, or place it with `:place`)."
)


class ProviderWritten(ProviderOut):
    """A provider as a write left it, with a note when its address found no point."""

    location_note: str | None = Field(default=None, description=LOCATION_NOTE)


# The public search examines at most this many matches (services/catalog/README.md, Search).
SEARCH_WINDOW = 500
MATCHED_RELATION = (
    "`eq`: numberMatched is the exact number of matches. `gte`: at least as many records "
    f"match as the search examines (the first {SEARCH_WINDOW} matches the indexes return): "
    "numberMatched is that number, a lower bound; facets are counted among those matches "
    "(lower bounds too) and relevance ranks them. Add words or filters for an exact count. "
    "Orders other than relevance page on past it."
)
FACETS = (
    "With facets=true: for each facet, the number of matching records per code (most "
    "frequent first); lower bounds when numberMatchedRelation is gte."
)

CORRECTED_QUERY = (
    "Present when q matched nothing at all and some of its words are misspelt: the text "
    "searched instead, each such word replaced by the closest word of the published records "
    "(the rest as typed), as in 'Showing results for ...'."
)


class ListPageOut(BaseModel):
    """The envelope of the public list (OGC API Features style), without the records."""

    model_config = ConfigDict(populate_by_name=True)

    number_matched: int = Field(
        alias="numberMatched", description="Matching records (see numberMatchedRelation)."
    )
    number_returned: int = Field(alias="numberReturned")
    links: list[PageLink]
    number_matched_relation: Literal["eq", "gte"] = Field(
        alias="numberMatchedRelation", description=MATCHED_RELATION
    )
    facets: dict[str, dict[str, int]] | None = Field(default=None, description=FACETS)
    corrected_query: str | None = Field(
        default=None, alias="correctedQuery", description=CORRECTED_QUERY
    )


class PracticePage(ListPageOut):
    practices: list[PracticeOut]


class ProviderPage(ListPageOut):
    providers: list[ProviderOut]


class FacetValue(BaseModel):
    code: str
    count: int


class ImportError_(BaseModel):
    row: int
    field: str
    code: str
    message: str


class ImportPoints(BaseModel):
    """Where the imported providers' points come from (rows written, not rejected ones)."""

    explicit: int = Field(0, description="Points given in the rows (lon/lat, latitude/longitude)")
    address_register: int = Field(0, description="Placed from the postal address")
    approximate: int = Field(0, description="Of those placed, only approximately")
    not_found: int = Field(0, description="Addresses the register could not place: no point")
    kept: int = Field(0, description="Updates that left the stored point as it was")


class ImportReport(BaseModel):
    dry_run: bool
    encoding: str | None
    rows: int
    created: int
    updated: int
    rejected: int
    errors: list[ImportError_]
    ids: list[uuid.UUID]
    points: ImportPoints | None = Field(default=None, description="Providers only")
    warnings: list[ImportError_] = Field(
        default_factory=list,
        description="Rows written with a remark (code `not_located`: the address found no point)",
    )


class TermOut(BaseModel):
    code: str
    label_pl: str
    label_en: str


class TaxonomiesOut(BaseModel):
    service_areas: list[TermOut]
    target_groups: list[TermOut]
    categories: list[TermOut]
    provider_types: list[TermOut]


SortKey = Literal["relevance", "date", "-date", "distance", "title"]


class SearchParams(BaseModel):
    """Filters of the list endpoints; all combine with AND, several values of one filter
    with OR (as HSDA requires)."""

    q: str | None = None
    categories: list[str] = Field(default_factory=list)
    service_areas: list[str] = Field(default_factory=list)
    target_groups: list[str] = Field(default_factory=list)
    provider_types: list[str] = Field(default_factory=list)
    territory: str | None = None
    voivodeship: str | None = None
    lifecycle: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
    year_from: int | None = None
    year_to: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    near: tuple[float, float] | None = None
    radius_m: float | None = None
    within: str | None = None
    organization_id: uuid.UUID | None = None
    modified_after: datetime | None = None
    statuses: list[str] = Field(default_factory=lambda: ["published"])
    sort: SortKey | None = None
    facets: bool = False
