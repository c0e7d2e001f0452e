from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import httpx

from catalog.app import create_app
from shared.testing.plugin import check_service_basics

ClientFactory = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


async def test_health_ready_metrics_docs_and_errors(make_client: ClientFactory) -> None:
    async with make_client(create_app(), role="socmap_catalog") as client:
        await check_service_basics(client, title="socmap catalog")


async def test_metrics_label_routes_by_template(client: httpx.AsyncClient) -> None:
    # Paths with ids are counted under their route's template: a bounded set of labels.
    await client.get("/v1/practices/no-such-practice")
    await client.get("/v1/providers/another-one")
    metrics = (await client.get("/metrics")).text
    assert 'route="/v1/practices/{ref}"' in metrics
    assert 'route="/v1/providers/{ref}"' in metrics
    assert "no-such-practice" not in metrics
