"""The ingest service: ``uvicorn ingest.app:create_app --factory``."""

from __future__ import annotations

from fastapi import FastAPI

from ingest.routes import api_router
from ingest.settings import IngestSettings
from shared.web import create_service_app


def create_app(settings: IngestSettings | None = None) -> FastAPI:
    """Build the ingest app."""
    return create_service_app(
        service="ingest",
        title="socmap ingest",
        description="Municipal institutions push pseudonymized case records.",
        settings=settings or IngestSettings(),
        routers=[api_router],
    )
