"""The ingest service: ``uvicorn ingest.app:create_app --factory``."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import FastAPI

from ingest.dispatcher import Dispatcher
from ingest.routes import api_router
from ingest.routes.records import openapi_components
from ingest.settings import IngestSettings
from shared.web import create_service_app


def _lifespan(settings: IngestSettings) -> Any:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        """Run the outbox dispatcher when an anonymizer is configured."""
        if not settings.anonymizer_url:
            yield
            return
        stop = asyncio.Event()
        async with httpx.AsyncClient() as client:
            dispatcher = Dispatcher(
                settings=settings, session_factory=app.state.sessionmaker, client=client
            )
            task = asyncio.create_task(dispatcher.run(stop), name="ingest-outbox-dispatcher")
            try:
                yield
            finally:
                stop.set()
                with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                    await asyncio.wait_for(task, timeout=settings.dispatch_timeout_seconds + 1)

    return lifespan


def create_app(settings: IngestSettings | None = None) -> FastAPI:
    """Build the ingest app; refuses to start without a pseudonymization key in production."""
    settings = settings or IngestSettings()
    app = create_service_app(
        service="ingest",
        title="socmap ingest",
        description="Municipal institutions push pseudonymized case records.",
        settings=settings,
        routers=[api_router],
        lifespan=_lifespan(settings),
        openapi_components=openapi_components,
    )

    return app
