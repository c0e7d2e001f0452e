"""The map-tiles service: ``uvicorn map_tiles.app:create_app --factory``."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.middleware import Middleware

from map_tiles.cache import RenderCache
from map_tiles.fastpath import CachedTiles
from map_tiles.routes import api_router, preview_router
from map_tiles.settings import MapTilesSettings
from shared.web import create_service_app


def create_app(settings: MapTilesSettings | None = None) -> FastAPI:
    """Build the map-tiles app."""
    settings = settings or MapTilesSettings()
    app = create_service_app(
        service="map-tiles",
        title="socmap map-tiles",
        description="GeoJSON and vector tiles of published data.",
        settings=settings,
        routers=[api_router, preview_router],
    )
    # Built here, not in the lifespan, so that it exists under test transports too.
    cache = RenderCache(max_bytes=settings.cache_max_bytes, max_entries=settings.cache_max_entries)
    app.state.render_cache = cache
    # Innermost middleware (appended, not added): request ids, metrics and CORS still apply.
    app.user_middleware.append(Middleware(CachedTiles, cache=cache, settings=settings))
    return app
