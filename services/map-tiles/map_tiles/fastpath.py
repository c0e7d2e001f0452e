"""Tile requests answered before routing (``shared.web.add_fast_path``): a repeated tile
straight from the render cache, a new one rendered through ``service.tile`` without FastAPI's
route matching and dependency resolution (which cost more than rendering a tile in PostGIS).

Every request it cannot answer (an undeclared parameter, bad coordinates, an unknown
collection...) goes on to the tile route (``routes/tiles.py``), which answers it as it
answers any other, with the same problem+json."""

from __future__ import annotations

from fastapi import Request, Response

from map_tiles import service
from map_tiles.cache import RenderCache
from map_tiles.parameters import TILE_NAMES
from map_tiles.responses import conditional
from map_tiles.settings import MapTilesSettings
from shared.db.raw import Database
from shared.errors import Problem

# The tile route's template (routes/tiles.py get_tile).
TILE_ROUTE = "/v1/collections/{collection_ids}/tiles/{tms}/{z}/{x}/{y}"


async def answer_tile(request: Request) -> Response | None:
    """The tile of ``TILE_ROUTE``, or None for the route to answer."""
    state = request.app.state
    settings: MapTilesSettings = state.settings
    cache: RenderCache = state.render_cache
    url = (request.scope["path"], request.scope["query_string"])
    body = cache.lookup_url(url, settings.release_ttl_s)
    if body is None:
        database: Database | None = getattr(state, "database", None)
        query = request.query_params
        # A parameter the tile route does not declare: the route refuses it (400).
        if database is None or not TILE_NAMES.issuperset(query.keys()):
            return None
        try:
            # The path parameters are the route's: collection_ids, tms, z, x and y.
            body = await service.tile(
                database, cache, settings, **request.path_params, query=query, url=url
            )
        except Problem:
            return None
    return conditional(request, body, cache_control=settings.cache_control)
