"""The catalog service: ``uvicorn catalog.app:create_app --factory``."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from catalog.invalidation import TilesInvalidator
from catalog.routes import api_router, hsds_router
from catalog.settings import CatalogSettings
from shared.web import create_service_app


def create_app(
    settings: CatalogSettings | None = None,
    *,
    tiles_transport: httpx.AsyncBaseTransport | None = None,
) -> FastAPI:
    """Build the catalog app; ``tiles_transport`` replaces the network for the map-tiles
    hand-off (tests)."""
    settings = settings or CatalogSettings()
    app = create_service_app(
        service="catalog",
        title="socmap catalog",
        description=(
            "Good practices and service providers for ROPS and the public: Polish full-text "
            "and geographic search, editorial workflow, HSDS 3.0 output, import and export."
        ),
        settings=settings,
        routers=[api_router, hsds_router],
    )
    app.state.invalidator = TilesInvalidator(settings, transport=tiles_transport)
    return app
