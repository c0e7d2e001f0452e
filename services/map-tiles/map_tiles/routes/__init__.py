"""Routers of the map-tiles service, one module per resource."""

from __future__ import annotations

from fastapi import APIRouter

from map_tiles.routes import cache, ogc, preview, tiles
from shared.auth import AuthFirstRoute

api_router = APIRouter(route_class=AuthFirstRoute, prefix="/v1")
api_router.include_router(ogc.router)
api_router.include_router(tiles.router)
api_router.include_router(cache.router)

preview_router = preview.router
