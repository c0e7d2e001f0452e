"""Dependencies of the map-tiles routes: the database, settings, the render cache, and the
refusal of query parameters a route does not declare.

Plain ``async def``: FastAPI runs a sync dependency in a worker thread, which costs more than
the lookup itself."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from map_tiles.cache import RenderCache
from map_tiles.settings import MapTilesSettings
from shared.db.raw import Database
from shared.errors import BadRequest

__all__ = ["CacheDep", "DatabaseDep", "SettingsDep", "declared_parameters_only"]

# By the route's unique id (routes are not hashable): the same in every app of this code.
_DECLARED: dict[str, frozenset[str]] = {}


def _query_names(dependant: Dependant) -> set[str]:
    names = {parameter.alias for parameter in dependant.query_params}
    for dependency in dependant.dependencies:
        names |= _query_names(dependency)
    return names


def declared_parameters(route: APIRoute) -> frozenset[str]:
    """The query parameters ``route``'s OpenAPI operation lists: its FastAPI parameters and
    those its ``openapi_extra`` documents (``parameters.documented``)."""
    found = _DECLARED.get(route.unique_id)
    if found is None:
        extra = (route.openapi_extra or {}).get("parameters", [])
        found = frozenset(
            _query_names(route.dependant)
            | {parameter["name"] for parameter in extra if parameter.get("in") == "query"}
        )
        _DECLARED[route.unique_id] = found
    return found


async def declared_parameters_only(request: Request) -> None:
    """400 naming any query parameter the route does not declare (OGC API - Features,
    /req/core/query-param-unknown): a misspelt or unsupported one is never silently ignored."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    declared = declared_parameters(route)
    unknown = [name for name in dict.fromkeys(request.query_params) if name not in declared]
    if unknown:
        named = ", ".join(repr(name[:40]) for name in unknown[:5])
        takes = ", ".join(sorted(declared)) or "none"
        raise BadRequest(
            f"Unknown query parameter{'s' if len(unknown) > 1 else ''} {named}; this endpoint"
            f" takes: {takes}.",
            detail_pl=f"Nieznany parametr zapytania {named}; dozwolone: {takes}.",
            parameter=unknown[0][:40],
        )


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
