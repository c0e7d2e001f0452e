"""The catalog service: ``uvicorn catalog.app:create_app --factory``."""

from __future__ import annotations

from fastapi import FastAPI

from catalog.routes import api_router
from catalog.settings import CatalogSettings
from shared.web import create_service_app


def create_app(settings: CatalogSettings | None = None) -> FastAPI:
    """Build the catalog app."""
    return create_service_app(
        service="catalog",
        title="socmap catalog",
        description="Good practices and service providers for ROPS and the public.",
        settings=settings or CatalogSettings(),
        routers=[api_router],
    )
