"""Query parameters of the list endpoints, parsed once into ``SearchParams``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, TypeVar, get_origin

from fastapi import Depends, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, ValidationError

from catalog.problems import field_error
from catalog.schemas import SearchParams, SortKey
from shared.codes import TercPrefix, UnitCode, VoivodeshipCode
from shared.errors import ValidationFailed
from shared.geo.bbox import parse_bbox, parse_point

MAX_RADIUS_M = 300_000
T = TypeVar("T")


class SearchQuery(BaseModel):
    """The query parameters of the list endpoints, checked in one pass by pydantic."""

    q: str | None = Field(default=None, max_length=200, description="Polish full-text search")
    category: list[str] = Field(default=[], description="Problem category codes (OR)")
    service_area: list[str] = Field(default=[], description="Service area codes (OR)")
    target_group: list[str] = Field(default=[], description="Target group codes (OR)")
    provider_type: list[str] = Field(default=[], description="Provider type codes (OR)")
    territory: TercPrefix | None = Field(default=None, description="TERC prefix")
    voivodeship: VoivodeshipCode | None = None
    lifecycle: list[str] = []
    evidence: list[str] = []
    year_from: int | None = Field(default=None, ge=1900, le=2100)
    year_to: int | None = Field(default=None, ge=1900, le=2100)
    bbox: str | None = Field(default=None, description="minLon,minLat,maxLon,maxLat")
    near: str | None = Field(default=None, description="lon,lat (with radius_m)")
    radius_m: float | None = Field(default=None, gt=0, le=MAX_RADIUS_M)
    within: UnitCode | None = Field(
        default=None, description="Territorial unit code (TERC or district)"
    )
    sort: SortKey | None = None
    facets: bool = Field(default=False, description="Add facet counts")
    modified_after: datetime | None = None


# Parameters that may repeat (``?service_area=a&service_area=b``).
_REPEATED = frozenset(
    name for name, field in SearchQuery.model_fields.items() if get_origin(field.annotation) is list
)


def _search_openapi() -> dict[str, Any]:
    """The parameters of SearchQuery as OpenAPI (``search_params`` reads the query string
    itself, so FastAPI does not know them)."""
    schema = SearchQuery.model_json_schema()
    parameters = []
    for name, field in schema["properties"].items():
        parameter: dict[str, Any] = {"name": name, "in": "query", "required": False}
        if "description" in field:
            parameter["description"] = field.pop("description")
        field.pop("title", None)
        parameter["schema"] = field
        if name in _REPEATED:
            parameter.update(style="form", explode=True)
        parameters.append(parameter)
    extra: dict[str, Any] = {"parameters": parameters}
    if "$defs" in schema:
        extra["components"] = {"schemas": schema["$defs"]}
    return extra


def _read_query(request: Request) -> SearchQuery:
    """SearchQuery from the query string. FastAPI's own reading of a parameter model costs
    ~0.4 ms a request (it inspects each field's annotation on every call), a fifth of a
    whole search."""
    query = request.query_params
    raw = {
        name: query.getlist(name) if name in _REPEATED else query[name]
        for name in SearchQuery.model_fields
        if name in query
    }
    try:
        return SearchQuery.model_validate(raw)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**error, "loc": ("query", *error["loc"])} for error in exc.errors()]
        ) from None


async def search_params(request: Request) -> SearchParams:
    return to_search_params(_read_query(request))


def query_error(name: str, code: str, message: str) -> dict[str, Any]:
    return field_error(name, code, message, location="query")


def _parsed(parse: Callable[..., T], raw: str, name: str) -> T:
    """``raw`` parsed by a ``shared.geo.bbox`` parser, its error a 422 on ``name``."""
    try:
        return parse(raw, name=name)
    except ValueError as exc:
        raise ValidationFailed(str(exc), errors=[query_error(name, "invalid", str(exc))]) from None


def _with_nul(query: SearchQuery) -> list[str]:
    """The parameters holding a NUL character."""
    return [
        name
        for name, value in query
        if any(
            "\x00" in item
            for item in (value if isinstance(value, list) else [value])
            if isinstance(item, str)
        )
    ]


def to_search_params(query: SearchQuery) -> SearchParams:
    """The filters of a checked query: coordinates parsed, combinations checked."""
    texts = [
        query.q,
        query.bbox,
        query.near,
        *query.category,
        *query.service_area,
        *query.target_group,
        *query.provider_type,
        *query.lifecycle,
        *query.evidence,
    ]
    if any("\x00" in value for value in texts if value):  # quick; _with_nul names them
        raise ValidationFailed(
            "Query parameters must not contain NUL characters.",
            errors=[query_error(name, "nul", "NUL character") for name in _with_nul(query)],
        )
    parsed_bbox = None
    if query.bbox is not None:
        parsed_bbox = _parsed(parse_bbox, query.bbox, "bbox")
    parsed_near = None
    if query.near is not None:
        parsed_near = _parsed(parse_point, query.near, "near")
    if (query.near is None) != (query.radius_m is None) and query.sort != "distance":
        raise ValidationFailed(
            "near and radius_m go together.",
            errors=[query_error("radius_m", "missing", "near needs radius_m")],
        )
    if query.sort == "distance" and parsed_near is None:
        raise ValidationFailed(
            "sort=distance needs near=lon,lat.",
            errors=[query_error("sort", "invalid", "needs near")],
        )
    return SearchParams(
        q=query.q,
        categories=query.category,
        service_areas=query.service_area,
        target_groups=query.target_group,
        provider_types=query.provider_type,
        territory=query.territory,
        voivodeship=query.voivodeship,
        lifecycle=query.lifecycle,
        evidence=query.evidence,
        year_from=query.year_from,
        year_to=query.year_to,
        bbox=parsed_bbox,
        near=parsed_near,
        radius_m=query.radius_m,
        within=query.within,
        sort=query.sort,
        facets=query.facets,
        modified_after=query.modified_after,
    )


SearchDep = Annotated[SearchParams, Depends(search_params)]
# The OpenAPI of routes with SearchDep: ``@router.get(..., openapi_extra=SEARCH_OPENAPI)``.
SEARCH_OPENAPI = _search_openapi()
