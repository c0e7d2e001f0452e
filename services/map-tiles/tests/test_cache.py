"""Caching: the LRU's caps, invalidation by the anonymizer and the catalog, releases."""

from __future__ import annotations

import asyncio
import math
from typing import Any

import httpx
import mapbox_vector_tile
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from map_tiles import repository, service
from map_tiles.app import create_app
from map_tiles.cache import RenderCache, rendered
from map_tiles.settings import MapTilesSettings
from shared.institutions import create_api_key, create_institution
from shared.testing.plugin import raw_database

from .conftest import ClientFactory

BIELSKO = "2461011"


def bielsko_tile(zoom: int = 12) -> str:
    n = 2**zoom
    x = int((19.04 + 180.0) / 360.0 * n)
    y = int((1.0 - math.asinh(math.tan(math.radians(49.82))) / math.pi) / 2.0 * n)
    return f"/v1/collections/districts/tiles/WebMercatorQuad/{zoom}/{x}/{y}"


def values(content: bytes) -> dict[str, Any]:
    layer = mapbox_vector_tile.decode(content)["districts"]
    return {f["properties"]["code"]: f["properties"].get("value") for f in layer["features"]}


async def service_key(session: AsyncSession, scopes: list[str]) -> dict[str, str]:
    institution = await create_institution(
        session, kind="SERVICE", name=f"anonymizer {'-'.join(scopes)}", territory=[]
    )
    issued = await create_api_key(session, institution=institution, name="tiles", scopes=scopes)
    return {"Authorization": f"Bearer {issued.token}"}


async def publish_doubled_release(session: AsyncSession) -> int:
    """A second release whose district values are those of the first times two."""
    release = (
        await session.execute(
            text(
                "INSERT INTO stats.release (method, k, periods, as_of)"
                " VALUES ('test', 5, ARRAY['2025'], DATE '2026-03-31') RETURNING id"
            )
        )
    ).scalar_one()
    await session.execute(
        text(
            """
            INSERT INTO stats.cell (release_id, unit_code, level, category, period, period_kind,
                                    measure, source, value, suppressed, suppression, population,
                                    rate, rate_lower, rate_upper)
            SELECT :release, unit_code, level, category, period, period_kind, measure, source,
                   value * 2, suppressed, suppression, population, rate * 2, rate_lower * 2,
                   rate_upper * 2
            FROM stats.cell WHERE release_id = (SELECT min(id) FROM stats.release)
            """
        ),
        {"release": release},
    )
    return int(release)


async def test_invalidation_after_a_new_release(
    client: httpx.AsyncClient, db_session: AsyncSession
) -> None:
    url = bielsko_tile()
    first = await client.get(url)
    before = values(first.content)
    headers = await service_key(db_session, ["tiles:invalidate"])
    new_release = await publish_doubled_release(db_session)
    # Until map-tiles is told, it serves what it cached (no mix within one tile).
    assert (await client.get(url)).content == first.content
    response = await client.post(
        "/v1/cache:invalidate",
        json={"source": "anonymizer", "release_id": new_release, "layers": ["districts"]},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["dropped"] >= 1
    fresh = await client.get(url, headers={"If-None-Match": first.headers["etag"]})
    assert fresh.status_code == 200
    assert fresh.headers["etag"] != first.headers["etag"]
    after = values(fresh.content)
    assert after.keys() == before.keys()
    for code, value in before.items():
        assert after[code] == (None if value is None else value * 2), code
    # The old release stays addressable and is never mixed with the new one.
    pinned = await client.get(f"{url}?release={new_release - 1}")
    assert values(pinned.content) == before


async def test_catalog_invalidation_drops_only_its_collections(
    app: FastAPI, client: httpx.AsyncClient, db_session: AsyncSession
) -> None:
    headers = await service_key(db_session, ["tiles:invalidate"])
    await client.get(bielsko_tile())
    await client.get("/v1/collections/providers/items")
    cache: RenderCache = app.state.render_cache
    assert len(cache) == 2
    response = await client.post(
        "/v1/cache:invalidate",
        json={"collections": ["providers"], "ids": [], "territories": ["24"], "reason": "x"},
        headers=headers,
    )
    assert response.json()["dropped"] == 1
    assert len(cache) == 1
    everything = await client.post("/v1/cache:invalidate", json={}, headers=headers)
    assert everything.json()["dropped"] == 1
    assert len(cache) == 0


async def test_invalidation_needs_the_scope(
    client: httpx.AsyncClient, db_session: AsyncSession
) -> None:
    # Keys first: a failed request leaves the test session in the service's role.
    wrong = await service_key(db_session, ["releases:read"])
    right = await service_key(db_session, ["tiles:invalidate"])
    assert (await client.post("/v1/cache:invalidate", json={})).status_code == 401
    assert (await client.post("/v1/cache:invalidate", json={}, headers=wrong)).status_code == 403
    bad = await client.post("/v1/cache:invalidate", json={"collections": ["x"]}, headers=right)
    assert bad.status_code == 400
    not_json = await client.post(
        "/v1/cache:invalidate", content=b"{", headers={**right, "content-type": "application/json"}
    )
    assert not_json.status_code == 422


def test_lru_caps_bytes_and_entries() -> None:
    cache = RenderCache(max_bytes=100, max_entries=3)
    token = cache.generation(["districts"])
    for index in range(5):
        cache.put(index, rendered(b"x" * 30, "t"), collections=["districts"], generation=token)
    assert len(cache) == 3
    assert cache.size_bytes == 90
    assert cache.get(0) is None
    assert cache.get(4) is not None
    cache.get(2)  # most recently used now
    cache.put(5, rendered(b"y" * 30, "t"), collections=["districts"], generation=token)
    assert cache.get(2) is not None
    assert cache.get(3) is None
    cache.put("big", rendered(b"z" * 101, "t"), collections=["districts"], generation=token)
    assert cache.get("big") is None


def test_render_started_before_invalidation_is_not_stored() -> None:
    cache = RenderCache(max_bytes=1000, max_entries=10)
    token = cache.generation(["districts", "providers"])
    cache.invalidate(["providers"])
    cache.put(
        "tile", rendered(b"old", "t"), collections=["districts", "providers"], generation=token
    )
    assert cache.get("tile") is None
    token = cache.generation(["districts"])
    cache.invalidate()
    cache.put("tile", rendered(b"old", "t"), collections=["districts"], generation=token)
    assert cache.get("tile") is None


async def test_repeated_tile_is_served_before_routing(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = bielsko_tile(13)
    first = await client.get(url)
    assert first.status_code == 200

    async def no_render(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("rendered again")

    monkeypatch.setattr(service, "render_tile", no_render)
    again = await client.get(url)
    assert again.content == first.content
    assert again.headers["etag"] == first.headers["etag"]
    assert again.headers["x-request-id"]  # the shared middleware still runs
    revalidated = await client.get(url, headers={"If-None-Match": first.headers["etag"]})
    assert revalidated.status_code == 304


async def _concurrent_renders(
    app: FastAPI, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, *, renders: int
) -> tuple[int, list[httpx.Response]]:
    """Two requests for one tile while its render is held open; ``renders`` is how many
    renders (or renders plus joins) to wait for before letting them finish."""
    gate = asyncio.Event()
    calls = 0
    original = repository.unit_tile

    async def held(*args: Any, **kwargs: Any) -> bytes:
        nonlocal calls
        calls += 1
        await gate.wait()
        return await original(*args, **kwargs)

    monkeypatch.setattr(repository, "unit_tile", held)
    cache: RenderCache = app.state.render_cache
    url = bielsko_tile(15)
    requests = [asyncio.ensure_future(client.get(url)) for _ in range(2)]
    # Scheduling steps, not time: until both requests have reached the render.
    for _ in range(10_000):
        if calls + cache.joined >= renders:
            break
        await asyncio.sleep(0)
    gate.set()
    return calls, list(await asyncio.gather(*requests))


async def test_concurrent_requests_for_one_tile_share_its_render(
    app: FastAPI, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls, responses = await _concurrent_renders(app, client, monkeypatch, renders=2)
    assert calls == 1
    assert app.state.render_cache.joined == 1
    assert [r.status_code for r in responses] == [200, 200]
    assert responses[0].content == responses[1].content


async def test_without_a_cache_every_request_renders(
    make_client: ClientFactory, db_session: AsyncSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(MapTilesSettings(cache_max_entries=0))
    app.state.database = await raw_database(db_session, role="socmap_map_tiles")
    async with make_client(app, role="socmap_map_tiles") as client:
        calls, responses = await _concurrent_renders(app, client, monkeypatch, renders=2)
    assert calls == 2
    assert app.state.render_cache.joined == 0
    assert responses[0].content == responses[1].content
