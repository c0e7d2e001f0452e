"""Hand-off to map-tiles: retried, authenticated, and never able to fail a release."""

from __future__ import annotations

import json

import httpx
from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncSession

from anonymizer import repository
from anonymizer.settings import AnonymizerSettings
from anonymizer.testing import DISTRICTS, World, publish
from shared.handoff import TilesInvalidator


def _settings(url: str | None = "http://tiles.test") -> AnonymizerSettings:
    return AnonymizerSettings(
        worker_enabled=False,
        map_tiles_url=url,
        map_tiles_key=SecretStr("sm_aaaaaaaaaaaa_secret"),
        invalidate_attempts=3,
        invalidate_backoff_s=0,
    )


async def test_publication_invalidates_after_a_retry(
    db_session: AsyncSession, world: World
) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(503 if len(seen) == 1 else 202)

    settings = _settings()
    invalidator = TilesInvalidator(settings, transport=httpx.MockTransport(handler))
    await world.add_many(12, "d", district=DISTRICTS[0])
    run, outcome = await publish(db_session, settings, invalidator=invalidator)
    assert outcome is not None
    assert run["status"] == "published"
    assert len(seen) == 2
    assert seen[-1].url == "http://tiles.test/v1/cache:invalidate"
    assert seen[-1].headers["authorization"] == "Bearer sm_aaaaaaaaaaaa_secret"
    assert json.loads(seen[-1].content)["release_id"] == outcome.release_id


async def test_map_tiles_down_never_fails_the_release(
    db_session: AsyncSession, world: World
) -> None:
    settings = _settings("http://127.0.0.1:9")  # nothing listens on the discard port
    invalidator = TilesInvalidator(settings)
    await world.add_many(12, "d", district=DISTRICTS[0])
    run, outcome = await publish(db_session, settings, invalidator=invalidator)
    assert outcome is not None
    assert run["status"] == "published"
    assert invalidator.attempts_made == 3
    assert await repository.latest_release_id(session=db_session) == outcome.release_id


async def test_rejection_is_not_retried_and_disabled_does_nothing() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(403)

    invalidator = TilesInvalidator(_settings(), transport=httpx.MockTransport(handler))
    assert await invalidator.invalidate({"release_id": 1}) is False
    assert calls == [1]
    assert await TilesInvalidator(_settings(None)).invalidate({"release_id": 1}) is False
