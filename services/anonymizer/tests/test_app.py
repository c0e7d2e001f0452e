from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import httpx

from anonymizer.app import create_app

ClientFactory = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


async def test_health_ready_metrics_and_docs(make_client: ClientFactory) -> None:
    app = create_app()
    async with make_client(app, role="socmap_anonymizer") as client:
        assert (await client.get("/healthz")).json() == {"status": "ok"}
        ready = await client.get("/readyz")
        assert ready.status_code == 200, ready.text
        assert (await client.get("/openapi.json")).json()["info"]["title"] == "socmap anonymizer"
        assert (await client.get("/docs")).status_code == 200
        metrics = await client.get("/metrics")
        assert 'socmap_http_requests_total{method="GET",route="/healthz"' in metrics.text


async def test_unknown_path_is_problem_json(make_client: ClientFactory) -> None:
    async with make_client(create_app()) as client:
        response = await client.get("/v1/nothing-here", headers={"X-Request-ID": "abc-123"})
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["x-request-id"] == "abc-123"
    assert response.json()["type"] == "urn:socmap:problem:not-found"
