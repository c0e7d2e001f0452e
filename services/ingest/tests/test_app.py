from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import httpx

from ingest.app import create_app
from shared.testing.plugin import check_service_basics

ClientFactory = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


async def test_health_ready_metrics_docs_and_errors(make_client: ClientFactory) -> None:
    async with make_client(create_app(), role="socmap_ingest") as client:
        await check_service_basics(client, title="socmap ingest")
