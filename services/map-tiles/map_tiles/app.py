"""The map-tiles service: ``uvicorn map_tiles.app:create_app --factory``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from map_tiles.cache import RenderCache
from map_tiles.fastpath import TILE_ROUTE, answer_tile
from map_tiles.routes import api_router, preview_router, root_router
from map_tiles.schemas import component_schemas
from map_tiles.settings import MapTilesSettings
from shared.db.raw import PoolDatabase, open_pool
from shared.web import add_fast_path, create_service_app


def create_app(settings: MapTilesSettings | None = None) -> FastAPI:
    """Build the map-tiles app."""
    settings = settings or MapTilesSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        pool = await open_pool(settings, application_name="socmap-map-tiles")
        app.state.database = PoolDatabase(pool)
        try:
            yield
        finally:
            await pool.close()

    app = create_service_app(
        service="map-tiles",
        title="socmap map-tiles",
        description="GeoJSON and vector tiles of published data.",
        settings=settings,
        routers=[root_router, api_router, preview_router],
        lifespan=lifespan,
        openapi_components=component_schemas,
    )
    # Built here, not in the lifespan, so that it exists under test transports too.
    cache = RenderCache(max_bytes=settings.cache_max_bytes, max_entries=settings.cache_max_entries)
    app.state.render_cache = cache
    # Tiles before routing (README "Caching"); the tile route answers the rest.
    add_fast_path(app, TILE_ROUTE, answer_tile)
    return app
