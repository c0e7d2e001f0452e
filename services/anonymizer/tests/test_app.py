from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import httpx

from anonymizer.app import create_app
from anonymizer.settings import AnonymizerSettings
from shared.testing.plugin import check_service_basics

ClientFactory = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


async def test_health_ready_metrics_docs_and_errors(make_client: ClientFactory) -> None:
    async with make_client(create_app(), role="socmap_anonymizer") as client:
        await check_service_basics(client, title="socmap anonymizer")


async def test_lifespan_starts_and_stops_the_worker(database_settings: object) -> None:
    """The worker task lives in the lifespan (on the test database, where nothing is
    pending); it starts, can be woken, and is cancelled cleanly."""
    app = create_app(AnonymizerSettings(worker_enabled=True, worker_poll_seconds=60))
    async with app.router.lifespan_context(app):
        assert app.state.wake_worker is not None
        app.state.wake_worker.set()
