"""Routers of the catalog service, one module per resource."""

from __future__ import annotations

from fastapi import APIRouter

from catalog.routes import feeds, hsds, practices, providers
from shared.auth import AuthFirstRoute

api_router = APIRouter(route_class=AuthFirstRoute, prefix="/v1")
api_router.include_router(practices.router)
api_router.include_router(providers.router)
api_router.include_router(feeds.router)

hsds_router = hsds.router
