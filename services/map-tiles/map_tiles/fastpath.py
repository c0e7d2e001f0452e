"""Tile requests answered before routing: a repeated tile straight from the render cache, a
new one rendered through ``service.tile`` without FastAPI's route matching and dependency
resolution (which cost more than rendering a tile in PostGIS).

It sits inside the shared middleware (request id, metrics, access log, CORS), so those still
apply. Anything it does not recognise, and every request it cannot answer (bad coordinates,
unknown collection...), goes on to the app, whose tile route gives the same problem+json
response as for any other error."""

from __future__ import annotations

import re

from starlette.datastructures import QueryParams, State
from starlette.types import ASGIApp, Receive, Scope, Send

from map_tiles import service
from map_tiles.cache import RenderCache
from map_tiles.parameters import TILE_NAMES
from map_tiles.responses import conditional_for
from map_tiles.settings import MapTilesSettings
from shared.errors import Problem
from shared.web import ROUTE_TEMPLATE, match_get

_TILE_PATH = re.compile(r"^/v1/collections/([^/]+)/tiles/([^/]+)/([^/]+)/([^/]+)/([^/]+)$")
# The tile route's template (routes/tiles.py), the metrics' route label.
_TILE_ROUTE = "/v1/collections/{collection_ids}/tiles/{tms}/{z}/{x}/{y}"


class TileFastPath:
    def __init__(
        self, app: ASGIApp, *, cache: RenderCache, settings: MapTilesSettings, state: State
    ) -> None:
        self.app = app
        self.cache = cache
        self.settings = settings
        # The app's state: the database handle appears there when the lifespan starts.
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        match = match_get(scope, _TILE_PATH)
        if match is None:
            await self.app(scope, receive, send)
            return
        scope[ROUTE_TEMPLATE] = _TILE_ROUTE
        url = (scope["path"], scope["query_string"])
        body = self.cache.lookup_url(url, self.settings.release_ttl_s)
        if body is None:
            query = QueryParams(scope["query_string"])
            # A parameter the tile route does not declare: the route refuses it (400).
            if not TILE_NAMES.issuperset(query.keys()):
                await self.app(scope, receive, send)
                return
            collection_ids, tms, z, x, y = match.groups()
            try:
                body = await service.tile(
                    self.state.database,
                    self.cache,
                    self.settings,
                    collection_ids=collection_ids,
                    tms=tms,
                    z=z,
                    x=x,
                    y=y,
                    query=query,
                    url=url,
                )
            except Problem:
                await self.app(scope, receive, send)
                return
        headers = dict(scope["headers"])
        response = conditional_for(
            body,
            cache_control=self.settings.cache_control,
            if_none_match=headers.get(b"if-none-match", b"").decode("latin-1"),
            accept_encoding=headers.get(b"accept-encoding", b"").decode("latin-1"),
        )
        await response(scope, receive, send)
