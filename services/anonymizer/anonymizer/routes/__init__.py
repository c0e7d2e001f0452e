"""Routers of the anonymizer service, one module per resource."""

from __future__ import annotations

from fastapi import APIRouter

from anonymizer.routes import benchmarks, releases, runs
from shared.auth import AuthFirstRoute

api_router = APIRouter(route_class=AuthFirstRoute, prefix="/v1")
api_router.include_router(runs.router)
api_router.include_router(releases.router)
api_router.include_router(benchmarks.router)
