from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request

from catalog.app import create_app
from catalog.settings import CatalogSettings
from shared.handoff import TilesInvalidator
from shared.settings import DatabaseSettings

Keys = Any
ClientFactory = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]
AppFactory = Callable[..., Awaitable[FastAPI]]


def settings(url: str | None, **extra: Any) -> CatalogSettings:
    return CatalogSettings(
        map_tiles_url=url,
        map_tiles_key="sm_test_key",
        invalidate_attempts=3,
        invalidate_backoff_s=0,
        **extra,
    )


class FlakyTiles:
    """A map-tiles stand-in that fails ``failures`` times with 503, then accepts."""

    def __init__(self, failures: int, final_status: int = 202) -> None:
        self.failures = failures
        self.final_status = final_status
        self.calls: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(request)
        if len(self.calls) <= self.failures:
            return httpx.Response(503)
        return httpx.Response(self.final_status, json={"invalidated": True})


async def publish_flow(client: httpx.AsyncClient, keys: Keys, payload: dict[str, Any]) -> str:
    created = await client.post("/v1/practices", json=payload, headers=keys.moderator24)
    assert created.status_code == 201
    pid: str = created.json()["id"]
    published = await client.post(f"/v1/practices/{pid}:publish", headers=keys.moderator24)
    assert published.status_code == 200
    return pid


async def test_publish_and_archive_call_map_tiles_with_retries(
    make_client: ClientFactory,
    make_app: AppFactory,
    keys: Keys,
    practice_payload: Callable[..., dict[str, Any]],
) -> None:
    tiles = FlakyTiles(failures=2)
    app = await make_app(settings("http://tiles.test"), tiles_transport=httpx.MockTransport(tiles))
    async with make_client(app, role="socmap_catalog") as client:
        pid = await publish_flow(client, keys, practice_payload())
        assert len(tiles.calls) == 3  # two 503s, then accepted
        request = tiles.calls[-1]
        assert request.url == "http://tiles.test/v1/cache:invalidate"
        assert request.headers["authorization"] == "Bearer sm_test_key"
        body = json.loads(request.content)
        assert body["collections"] == ["practices"]
        assert body["ids"] == [pid]
        assert body["reason"] == "practice.published"
        assert "24" in body["territories"]
        # Drafts are not public: editing or submitting one does not invalidate anything.
        draft = await client.post(
            "/v1/practices", json=practice_payload(title="Inny szkic"), headers=keys.editor24
        )
        await client.post(f"/v1/practices/{draft.json()['id']}:submit", headers=keys.editor24)
        assert len(tiles.calls) == 3
        archived = await client.post(f"/v1/practices/{pid}:archive", headers=keys.moderator24)
        assert archived.status_code == 200
        assert json.loads(tiles.calls[-1].content)["reason"] == "practice.archived"


async def test_unreachable_map_tiles_never_fails_the_edit(
    make_client: ClientFactory,
    make_app: AppFactory,
    keys: Keys,
    practice_payload: Callable[..., dict[str, Any]],
) -> None:
    # Port 9 (discard) on localhost: connection refused, no waiting.
    app = await make_app(settings("http://127.0.0.1:9"))
    async with make_client(app, role="socmap_catalog") as client:
        pid = await publish_flow(client, keys, practice_payload())
        assert app.state.invalidator.attempts_made == 3
        assert (await client.get(f"/v1/practices/{pid}")).status_code == 200


async def test_map_tiles_always_failing_or_rejecting(
    make_client: ClientFactory,
    make_app: AppFactory,
    keys: Keys,
    practice_payload: Callable[..., dict[str, Any]],
) -> None:
    down = FlakyTiles(failures=100)
    app = await make_app(settings("http://tiles.test"), tiles_transport=httpx.MockTransport(down))
    async with make_client(app, role="socmap_catalog") as client:
        pid = await publish_flow(client, keys, practice_payload())
        assert len(down.calls) == 3
        assert (await client.get(f"/v1/practices/{pid}")).json()["status"] == "published"
    rejecting = FlakyTiles(failures=0, final_status=401)
    invalidator = TilesInvalidator(
        settings("http://tiles.test"), transport=httpx.MockTransport(rejecting)
    )
    assert await invalidator.invalidate({"collections": ["practices"]}) is False
    assert len(rejecting.calls) == 1  # a 4xx is not retried


async def test_stub_map_tiles_asgi_app() -> None:
    """The hand-off against a stub map-tiles ASGI app (its real route and auth header)."""
    tiles = FastAPI()
    received: list[dict[str, Any]] = []

    @tiles.post("/v1/cache:invalidate", status_code=202)
    async def invalidate(request: Request) -> dict[str, bool]:
        assert request.headers["authorization"] == "Bearer sm_test_key"
        received.append(await request.json())
        return {"ok": True}

    invalidator = TilesInvalidator(
        settings("http://tiles.test"), transport=httpx.ASGITransport(app=tiles)
    )
    assert await invalidator.invalidate({"collections": ["providers"], "ids": []}) is True
    assert received == [{"collections": ["providers"], "ids": []}]


def test_key_is_required_outside_development() -> None:
    with pytest.raises(ValueError, match="map_tiles_key"):
        CatalogSettings(map_tiles_url="http://tiles", environment="production")


async def test_disabled_without_url() -> None:
    invalidator = TilesInvalidator(CatalogSettings(map_tiles_url=None))
    assert not invalidator.enabled
    assert await invalidator.invalidate({}) is False


async def test_lifespan_warms_the_pools_and_survives_a_dead_database() -> None:
    app = create_app(CatalogSettings(map_tiles_url=None, database=DatabaseSettings(pool_size=2)))
    async with app.router.lifespan_context(app):
        assert app.state.engine is not None
        assert (await app.state.reader.fetch("SELECT 1 AS one"))[0]["one"] == 1
    dead = CatalogSettings(map_tiles_url=None, database=DatabaseSettings(pool_size=2))
    dead.database.port = 9  # nothing listens there: the warm-up logs and carries on
    dead_app = create_app(dead)
    async with dead_app.router.lifespan_context(dead_app):
        assert dead_app.state.engine is not None
