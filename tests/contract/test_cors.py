"""CORS as a front-end developer meets it: in development every documented operation of
every service answers the preflight of a page on ``http://localhost:5173`` and refuses other
origins (production takes an explicit allow-list: shared/tests/test_web.py)."""

from __future__ import annotations

import httpx
import pytest

from tests.contract.conftest import CALLERS, documented, sample_path, service_app

DEV_ORIGIN = "http://localhost:5173"


@pytest.mark.parametrize("service", sorted(CALLERS))
async def test_preflight_on_every_operation(service: str) -> None:
    app = service_app(service)
    faults: list[str] = []
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://cors"
    ) as client:
        for template, method, _ in documented(app):
            asked = {
                "Access-Control-Request-Method": method,
                "Access-Control-Request-Headers": "authorization, content-type",
            }
            path = sample_path(template)
            allowed = await client.options(path, headers=asked | {"Origin": DEV_ORIGIN})
            if (
                allowed.status_code != 200
                or allowed.headers.get("access-control-allow-origin") != DEV_ORIGIN
                or method not in allowed.headers.get("access-control-allow-methods", "")
            ):
                faults.append(f"{method} {template}: {allowed.status_code} for {DEV_ORIGIN}")
            foreign = await client.options(path, headers=asked | {"Origin": "https://evil.example"})
            if foreign.status_code == 200 or "access-control-allow-origin" in foreign.headers:
                faults.append(f"{method} {template}: allowed for another origin")
    assert not faults, "\n".join(faults)
