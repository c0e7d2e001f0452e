"""A database outage as each service's callers see it: every documented GET answers 503
problem+json with ``Retry-After`` (or its data without the database), an authenticated call
cannot be told from an outage by a 401, ``/readyz`` says not ready, and nothing is a 500."""

from __future__ import annotations

import socket

import httpx
import pytest

from shared.errors import PROBLEM_MEDIA_TYPE
from tests.contract.conftest import CALLERS, DATABASE, documented, sample_path, service_app


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # nothing listens once the probe is closed


@pytest.mark.parametrize("service", sorted(CALLERS))
async def test_outage_is_a_503_never_a_500(service: str) -> None:
    down = DATABASE.model_copy(update={"port": _closed_port()})
    app = service_app(service, database=down)
    operations = [
        (template, method, operation)
        for template, method, operation in documented(app)
        if method == "GET" and template != "/healthz"
    ]
    faults: list[str] = []
    unavailable = 0
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://outage",
            headers={"Authorization": "Bearer sm_000000000000_unchecked"},
        ) as client,
    ):
        for template, method, operation in operations:
            required = [
                parameter["name"]
                for parameter in operation.get("parameters", [])
                if parameter.get("required") and parameter["in"] == "query"
            ]
            response = await client.request(
                method, sample_path(template), params=dict.fromkeys(required, "2024")
            )
            if response.status_code == 503:
                unavailable += 1
                if response.headers["content-type"] != PROBLEM_MEDIA_TYPE or (
                    template != "/readyz" and "retry-after" not in response.headers
                ):
                    faults.append(f"{method} {template}: 503 without problem+json/Retry-After")
            # 307/308: a documented redirect (map-tiles' root) needs no database.
            elif response.status_code not in (200, 304, 307, 308, 404, 422):
                faults.append(f"{method} {template}: {response.status_code}")
        assert (await client.get("/healthz")).status_code == 200
        assert (await client.get("/readyz")).status_code == 503
    assert not faults, "\n".join(faults)
    assert unavailable > 1, "no data endpoint met the outage"
