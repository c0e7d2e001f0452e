"""Dependencies of the map-tiles routes: the database, settings, the render cache.

Plain ``async def``: FastAPI runs a sync dependency in a worker thread, which costs more than
the lookup itself."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request
from starlette.datastructures import QueryParams

from map_tiles.cache import RenderCache
from map_tiles.settings import MapTilesSettings
from shared.db.raw import Database

__all__ = ["CacheDep", "DatabaseDep", "FilterQuery", "SelectionQuery", "SettingsDep"]


async def get_settings(request: Request) -> MapTilesSettings:
    settings: MapTilesSettings = request.app.state.settings
    return settings


async def get_cache(request: Request) -> RenderCache:
    cache: RenderCache = request.app.state.render_cache
    return cache


async def get_database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


SettingsDep = Annotated[MapTilesSettings, Depends(get_settings)]
CacheDep = Annotated[RenderCache, Depends(get_cache)]
DatabaseDep = Annotated[Database, Depends(get_database)]


# Query parameters of the collections, declared once for the OpenAPI document and parsed by
# the service from the request's query (the tile fast path calls it without FastAPI).


async def selection_query(
    request: Request,
    release: Annotated[
        str | None, Query(description="Release number or `current` (the default)")
    ] = None,
    category: Annotated[str | None, Query(description="Category code; default `any`")] = None,
    period: Annotated[
        str | None, Query(description="`YYYY` or `YYYY-Qn`; default the latest")
    ] = None,
    measure: Annotated[str | None, Query(description="`persons` (default) or `households`")] = None,
    source: Annotated[str | None, Query(description="`ops`, `pup`, `both` or `all`")] = None,
    indicator: Annotated[
        str | None, Query(description="Classes by `rate` (default) or `value`")
    ] = None,
) -> QueryParams:
    """The choropleth of a unit collection (point collections ignore these)."""
    return request.query_params


async def filter_query(
    selection: Annotated[QueryParams, Depends(selection_query)],
    bbox: Annotated[
        str | None, Query(description="`minx,miny,maxx,maxy` in degrees (CRS84)")
    ] = None,
    territory: Annotated[str | None, Query(description="TERC code prefix")] = None,
    properties: Annotated[
        str | None, Query(description="Comma-separated properties to keep")
    ] = None,
    filter: Annotated[str | None, Query(description="CQL2 over the queryables")] = None,
    filter_lang: Annotated[
        str | None, Query(alias="filter-lang", description="`cql2-text` (default) or `cql2-json`")
    ] = None,
    filter_crs: Annotated[
        str | None,
        Query(alias="filter-crs", description="Only CRS84 (the default)"),
    ] = None,
) -> QueryParams:
    """The selection plus the filters of items and tiles."""
    return selection


SelectionQuery = Annotated[QueryParams, Depends(selection_query)]
FilterQuery = Annotated[QueryParams, Depends(filter_query)]
