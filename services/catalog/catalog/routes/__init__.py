"""Routers of the catalog service, one module per resource."""

from __future__ import annotations

from fastapi import APIRouter

api_router = APIRouter(prefix="/v1")
