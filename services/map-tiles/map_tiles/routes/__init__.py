"""Routers of the map-tiles service, one module per resource."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from map_tiles.deps import declared_parameters_only
from map_tiles.routes import cache, categories, labels, ogc, preview, tiles
from shared.auth import AuthFirstRoute

# Every API route refuses the query parameters it does not declare (OGC API - Features).
_DECLARED_ONLY = [Depends(declared_parameters_only)]

api_router = APIRouter(route_class=AuthFirstRoute, prefix="/v1", dependencies=_DECLARED_ONLY)
api_router.include_router(ogc.router)
api_router.include_router(tiles.router)
api_router.include_router(cache.router)
api_router.include_router(labels.router)
api_router.include_router(categories.router)

root_router = APIRouter(route_class=AuthFirstRoute, dependencies=_DECLARED_ONLY)
root_router.include_router(ogc.root_router)

preview_router = preview.router
