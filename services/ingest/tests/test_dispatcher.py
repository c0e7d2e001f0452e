"""Outbox hand-off to the anonymizer: retries with backoff, nothing lost while it is down."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.dispatcher import Dispatcher, DispatchResult, backoff
from ingest.settings import IngestSettings
from ingest.testing import GMINA, OTHER_GMINA, pesels, record
from shared.testing.plugin import as_role

URL = "/v1/records:batch"
SERVICE_KEY = "sm_0123456789ab_anonymizer-service-key"


def _settings() -> IngestSettings:
    return IngestSettings(
        environment="test",
        anonymizer_url="http://anonymizer.test/",
        anonymizer_key=SERVICE_KEY,
        dispatch_backoff_base_seconds=2,
        dispatch_backoff_max_seconds=60,
    )


def _stub_anonymizer(received: list[dict[str, Any]]) -> FastAPI:
    """Stands in for the anonymizer's POST /v1/runs."""
    stub = FastAPI()

    @stub.post("/v1/runs", status_code=202)
    async def runs(request: Request) -> dict[str, str]:
        received.append(
            {
                "body": await request.json(),
                "authorization": request.headers.get("authorization"),
                "idempotency_key": request.headers.get("idempotency-key"),
            }
        )
        return {"status": "queued"}

    return stub


def _factory(session: AsyncSession) -> Any:
    @asynccontextmanager
    async def factory() -> AsyncIterator[AsyncSession]:
        async with as_role(session, "socmap_ingest"):
            yield session

    return factory


async def _pending(session: AsyncSession) -> list[tuple[int, int]]:
    rows = await session.execute(text("SELECT id, attempts FROM ingest.outbox ORDER BY id"))
    return [tuple(row) for row in rows.all()]  # type: ignore[misc]


def test_backoff_doubles_up_to_the_cap() -> None:
    delays = [backoff(n, base=2, maximum=60).total_seconds() for n in range(1, 8)]
    assert delays == [2, 4, 8, 16, 32, 60, 60]


async def test_events_wait_while_the_anonymizer_is_down_and_arrive_later(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    first, second = pesels(2)
    await client.post(URL, json={"records": [record("O-1", first)]}, headers=ops.headers)
    # Ahead of the database clock, so that "due" never depends on how fast the test runs.
    t0 = datetime.now(UTC) + timedelta(hours=1)

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(refuse)) as down:
        dispatcher = Dispatcher(
            settings=_settings(), session_factory=_factory(db_session), client=down
        )
        assert await dispatcher.dispatch_once(now=t0) == DispatchResult(failed=1)
        # Not due again before the backoff has passed.
        assert await dispatcher.dispatch_once(now=t0 + timedelta(seconds=1)) == DispatchResult()
        assert await dispatcher.dispatch_once(now=t0 + timedelta(seconds=2)) == DispatchResult(
            failed=1
        )

    # Ingest keeps accepting batches meanwhile.
    response = await client.post(
        URL, json={"records": [record("O-2", second)]}, headers=ops.headers
    )
    assert response.status_code == 201
    pending = await _pending(db_session)
    assert [attempts for _, attempts in pending] == [2, 0]
    last_error = await db_session.scalar(
        text("SELECT last_error FROM ingest.outbox ORDER BY id LIMIT 1")
    )
    assert last_error.startswith("ConnectError")

    def unavailable(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503)

    async with httpx.AsyncClient(transport=httpx.MockTransport(unavailable)) as failing:
        dispatcher = Dispatcher(
            settings=_settings(), session_factory=_factory(db_session), client=failing
        )
        assert await dispatcher.dispatch_once(now=t0 + timedelta(minutes=5)) == DispatchResult(
            failed=2
        )

    received: list[dict[str, Any]] = []
    transport = httpx.ASGITransport(app=_stub_anonymizer(received))
    async with httpx.AsyncClient(transport=transport) as up:
        dispatcher = Dispatcher(
            settings=_settings(), session_factory=_factory(db_session), client=up
        )
        assert await dispatcher.dispatch_once(now=t0 + timedelta(minutes=10)) == DispatchResult(
            delivered=2
        )
        assert await dispatcher.dispatch_once(now=t0 + timedelta(minutes=20)) == DispatchResult()

    assert len(received) == 1
    delivery = received[0]
    assert delivery["authorization"] == f"Bearer {SERVICE_KEY}"
    ids = [event_id for event_id, _ in pending]
    assert delivery["idempotency_key"] == f"ingest-outbox-{ids[0]}-{ids[1]}"
    assert delivery["body"]["trigger"] == "ingest"
    assert delivery["body"]["gminas"] == [GMINA]
    assert [event["id"] for event in delivery["body"]["events"]] == ids
    # The anonymizer never used the dates of the records: they are not sent (nor kept).
    assert "date_from" not in delivery["body"]
    # Delivered events are deleted.
    assert await _pending(db_session) == []


async def test_run_loop_delivers_until_stopped(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    await client.post(URL, json={"records": [record("O-9", pesels(1)[0])]}, headers=ops.headers)
    stop = asyncio.Event()

    def accept(request: httpx.Request) -> httpx.Response:
        stop.set()
        return httpx.Response(202, json={})

    async with httpx.AsyncClient(transport=httpx.MockTransport(accept)) as up:
        dispatcher = Dispatcher(
            settings=_settings(), session_factory=_factory(db_session), client=up
        )
        await asyncio.wait_for(dispatcher.run(stop), timeout=30)
    assert await _pending(db_session) == []


async def test_an_erasure_asks_for_the_institutions_territory(
    client: httpx.AsyncClient, pup, db_session: AsyncSession
) -> None:
    first, second = pesels(2)
    pushed = [
        record("P-1", first, categories=["registered_unemployed"], location={"gmina": GMINA}),
        record("P-2", second, categories=["registered_unemployed"], location={"gmina": GMINA}),
    ]
    await client.post(URL, json={"records": pushed}, headers=pup.headers)
    assert (await client.delete("/v1/records/P-1", headers=pup.headers)).status_code == 204

    received: list[dict[str, Any]] = []
    transport = httpx.ASGITransport(app=_stub_anonymizer(received))
    async with httpx.AsyncClient(transport=transport) as up:
        dispatcher = Dispatcher(
            settings=_settings(), session_factory=_factory(db_session), client=up
        )
        later = datetime.now(UTC) + timedelta(hours=1)
        assert await dispatcher.dispatch_once(now=later) == DispatchResult(delivered=1)
    # Every gmina of the labour office's two powiats, not where the erased record was.
    body = received[0]["body"]
    assert body["gminas"] == sorted([GMINA, OTHER_GMINA])
    assert [event["cause"] for event in body["events"]] == ["erasure"]


def test_the_dispatcher_needs_an_anonymizer_url() -> None:
    settings = IngestSettings(environment="test")
    with pytest.raises(ValueError, match="ANONYMIZER_URL"):
        Dispatcher(settings=settings, session_factory=None, client=None)  # type: ignore[arg-type]


async def test_the_app_starts_and_stops_its_dispatcher(database_settings: object) -> None:
    from ingest.app import create_app

    settings = _settings().model_copy(
        update={"anonymizer_url": "http://127.0.0.1:9", "dispatch_interval_seconds": 0.01}
    )
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        assert app.state.sessionmaker is not None
