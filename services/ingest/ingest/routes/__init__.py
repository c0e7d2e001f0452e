"""Routers of the ingest service, one module per resource."""

from __future__ import annotations

from fastapi import APIRouter

from ingest.routes import batches, records

api_router = APIRouter(prefix="/v1")
api_router.include_router(records.router)
api_router.include_router(batches.router)
