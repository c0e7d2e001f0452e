"""Query parameters the service parses itself (``service.parse_filters`` and
``service.resolve_selection``, 400 when wrong), described for the OpenAPI document.

They are not FastAPI parameters: the tile fast path reads them without FastAPI, and declared
on the routes they would only have FastAPI check on every request that a string is a string.
Routes list the ones they read with ``openapi_extra=documented(...)``.

What a route documents is all it accepts: any other query parameter is a 400 naming it, as
OGC API - Features asks (``deps.declared_parameters_only``; the tile fast path checks
``TILE_NAMES`` itself)."""

from __future__ import annotations

from typing import Any

from map_tiles.cql2 import MAX_FILTER_CHARS
from map_tiles.service import (
    BBOX_CRS,
    CATEGORY,
    CRS84,
    DATETIME,
    DATETIME_EXAMPLE,
    INDICATORS,
    MEASURES,
    PERIOD,
    SOURCES,
    UNIT,
)
from shared.codes import anchored


def _query(name: str, description: str, **schema: Any) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": {"type": "string", **schema},
    }


# The choropleth of a unit collection (point collections ignore these).
SELECTION = [
    _query(
        "release",
        "Release number, or `current` (the default)",
        pattern=anchored(r"current|[1-9][0-9]{0,9}"),
    ),
    _query("category", "Category code; default `any`", pattern=anchored(CATEGORY.pattern)),
    _query("period", "`YYYY` or `YYYY-Qn`; default the latest", pattern=anchored(PERIOD.pattern)),
    _query(
        "datetime",
        f"The period as an RFC 3339 interval of one year or quarter: {DATETIME_EXAMPLE}"
        " (with `period`, both must name the same)",
        pattern=anchored(DATETIME.pattern),
    ),
    _query("measure", "Default `persons`", enum=list(MEASURES)),
    _query("source", "Default `all`", enum=list(SOURCES)),
    _query("indicator", "Classes by `rate` (the default) or `value`", enum=list(INDICATORS)),
]
PROPERTIES = _query("properties", "Comma-separated properties to keep (default: all)")
# What items and tiles are filtered by.
FILTERS = [
    _query("bbox", "`minx,miny,maxx,maxy` in degrees, in the axis order of `bbox-crs`"),
    _query(
        "bbox-crs",
        "CRS of `bbox`: CRS84 (the default, longitude first) or EPSG:4326 (latitude first)",
        enum=list(BBOX_CRS),
    ),
    _query("territory", "TERC code prefix", pattern=anchored(UNIT.pattern)),
    PROPERTIES,
    _query("filter", "CQL2 over the queryables", maxLength=MAX_FILTER_CHARS),
    _query("filter-lang", "Default `cql2-text`", enum=["cql2-text", "cql2-json"]),
    _query("filter-crs", "Only CRS84 (the default)", enum=[CRS84]),
]


# The CRS of the features served (items): CRS84 only.
CRS = _query("crs", "Only CRS84 (the default)", enum=[CRS84])
# What a tile takes (the tile route documents these; the fast path accepts only these).
TILE = [*FILTERS, *SELECTION]
TILE_NAMES = frozenset(parameter["name"] for parameter in TILE)


def documented(*parameters: dict[str, Any]) -> dict[str, Any]:
    """``openapi_extra`` of a route that reads ``parameters`` from its query."""
    return {"parameters": list(parameters)}
