"""The map-tiles service: ``uvicorn map_tiles.app:create_app --factory``."""

from __future__ import annotations

from fastapi import FastAPI

from map_tiles.routes import api_router
from map_tiles.settings import MapTilesSettings
from shared.web import create_service_app


def create_app(settings: MapTilesSettings | None = None) -> FastAPI:
    """Build the map-tiles app."""
    return create_service_app(
        service="map-tiles",
        title="socmap map-tiles",
        description="GeoJSON and vector tiles of published data.",
        settings=settings or MapTilesSettings(),
        routers=[api_router],
    )
