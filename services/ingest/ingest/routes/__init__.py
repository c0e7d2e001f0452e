"""Routers of the ingest service, one module per resource."""

from __future__ import annotations

from fastapi import APIRouter

from ingest.routes import batches, profiles, records
from shared.auth import AuthFirstRoute

api_router = APIRouter(route_class=AuthFirstRoute, prefix="/v1")
api_router.include_router(records.router)
api_router.include_router(batches.router)
api_router.include_router(profiles.router)
