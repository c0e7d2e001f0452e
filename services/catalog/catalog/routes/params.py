"""Query parameters of the list endpoints, parsed once into ``SearchParams``."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import Depends, Query

from catalog.schemas import SearchParams, SortKey
from shared.errors import ValidationFailed

MAX_RADIUS_M = 300_000


def _floats(value: str, count: int, name: str) -> tuple[float, ...]:
    try:
        numbers = tuple(float(part) for part in value.split(","))
    except ValueError:
        numbers = ()
    if len(numbers) != count or any(n != n or abs(n) == float("inf") for n in numbers):
        raise ValidationFailed(
            f"{name} must be {count} comma-separated numbers.",
            errors=[{"field": name, "code": "invalid", "message": f"{count} numbers expected"}],
        )
    return numbers


def search_params(
    q: Annotated[str | None, Query(max_length=200, description="Polish full-text search")] = None,
    category: Annotated[list[str], Query(description="Problem category codes (OR)")] = [],  # noqa: B006
    service_area: Annotated[list[str], Query(description="Service area codes (OR)")] = [],  # noqa: B006
    target_group: Annotated[list[str], Query(description="Target group codes (OR)")] = [],  # noqa: B006
    provider_type: Annotated[list[str], Query(description="Provider type codes (OR)")] = [],  # noqa: B006
    territory: Annotated[
        str | None, Query(pattern=r"^[0-9]{2}([0-9]{2}([0-9]{3})?)?$", description="TERC prefix")
    ] = None,
    voivodeship: Annotated[str | None, Query(pattern=r"^[0-9]{2}$")] = None,
    lifecycle: Annotated[list[str], Query()] = [],  # noqa: B006
    evidence: Annotated[list[str], Query()] = [],  # noqa: B006
    year_from: Annotated[int | None, Query(ge=1900, le=2100)] = None,
    year_to: Annotated[int | None, Query(ge=1900, le=2100)] = None,
    bbox: Annotated[str | None, Query(description="minLon,minLat,maxLon,maxLat")] = None,
    near: Annotated[str | None, Query(description="lon,lat (with radius_m)")] = None,
    radius_m: Annotated[float | None, Query(gt=0, le=MAX_RADIUS_M)] = None,
    within: Annotated[
        str | None,
        Query(
            pattern=r"^[0-9]{2}([0-9]{2}([0-9]{3}(-[0-9]{2,3})?)?)?$",
            description="Territorial unit code (TERC or district)",
        ),
    ] = None,
    sort: Annotated[SortKey | None, Query()] = None,
    facets: Annotated[bool, Query(description="Add facet counts")] = False,
    modified_after: Annotated[datetime | None, Query()] = None,
) -> SearchParams:
    texts = [q, bbox, near, *category, *service_area, *target_group, *provider_type]
    if any("\x00" in value for value in [*texts, *lifecycle, *evidence] if value):
        raise ValidationFailed(
            "Query parameters must not contain NUL characters.",
            errors=[{"field": "query", "code": "nul", "message": "NUL character"}],
        )
    parsed_bbox = None
    if bbox is not None:
        min_lon, min_lat, max_lon, max_lat = _floats(bbox, 4, "bbox")
        if min_lon > max_lon or min_lat > max_lat or not (-90 <= min_lat <= max_lat <= 90):
            raise ValidationFailed(
                "bbox must be minLon,minLat,maxLon,maxLat with min <= max.",
                errors=[{"field": "bbox", "code": "invalid", "message": "min > max"}],
            )
        parsed_bbox = (min_lon, min_lat, max_lon, max_lat)
    parsed_near = None
    if near is not None:
        lon, lat = _floats(near, 2, "near")
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise ValidationFailed(
                "near must be lon,lat in degrees.",
                errors=[{"field": "near", "code": "invalid", "message": "out of range"}],
            )
        parsed_near = (lon, lat)
    if (near is None) != (radius_m is None) and sort != "distance":
        raise ValidationFailed(
            "near and radius_m go together.",
            errors=[{"field": "radius_m", "code": "missing", "message": "near needs radius_m"}],
        )
    if sort == "distance" and parsed_near is None:
        raise ValidationFailed(
            "sort=distance needs near=lon,lat.",
            errors=[{"field": "sort", "code": "invalid", "message": "needs near"}],
        )
    return SearchParams(
        q=q,
        categories=category,
        service_areas=service_area,
        target_groups=target_group,
        provider_types=provider_type,
        territory=territory,
        voivodeship=voivodeship,
        lifecycle=lifecycle,
        evidence=evidence,
        year_from=year_from,
        year_to=year_to,
        bbox=parsed_bbox,
        near=parsed_near,
        radius_m=radius_m,
        within=within,
        sort=sort,
        facets=facets,
        modified_after=modified_after,
    )


SearchDep = Annotated[SearchParams, Depends(search_params)]
