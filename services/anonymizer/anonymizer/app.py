"""The anonymizer service: ``uvicorn anonymizer.app:create_app --factory``."""

from __future__ import annotations

from fastapi import FastAPI

from anonymizer.routes import api_router
from anonymizer.settings import AnonymizerSettings
from anonymizer.worker import worker_lifespan
from shared.web import create_service_app


def create_app(settings: AnonymizerSettings | None = None) -> FastAPI:
    """Build the anonymizer app; its lifespan runs the background worker."""
    settings = settings or AnonymizerSettings()
    return create_service_app(
        service="anonymizer",
        title="socmap anonymizer",
        description="Disclosure-controlled releases, indicators and benchmarking.",
        settings=settings,
        routers=[api_router],
        lifespan=worker_lifespan(settings),
    )
