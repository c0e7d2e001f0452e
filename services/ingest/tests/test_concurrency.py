"""Concurrent batches on separate database connections (committed data, cleaned up after)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from ingest.app import create_app
from ingest.settings import IngestSettings
from ingest.testing import GMINA, SIMC, create_test_geography, pesels, record
from shared.db.engine import make_service_engine, make_sessionmaker
from shared.institutions import create_api_key, create_institution

URL = "/v1/records:batch"
NAME = "MOPS concurrency test"


@pytest.fixture
async def committed_caller(engine: AsyncEngine) -> AsyncIterator[dict[str, str]]:
    async with AsyncSession(engine, expire_on_commit=False) as session:
        created = await create_test_geography(session)
        institution = await create_institution(session, kind="MOPS", name=NAME, territory=[GMINA])
        issued = await create_api_key(
            session, institution=institution, name="t", scopes=["records:write"]
        )
        await session.commit()
        institution_id = institution.id
    try:
        yield {"Authorization": f"Bearer {issued.token}"}
    finally:
        async with engine.begin() as connection:
            params: dict[str, Any] = {"institution": institution_id}
            for table in ("audit_log", "record", "outbox", "erasure", "batch"):
                where = (
                    "payload->>'institution_id' = CAST(CAST(:institution AS uuid) AS text)"
                    if table == "outbox"
                    else "institution_id = :institution"
                )
                await connection.execute(text(f"DELETE FROM ingest.{table} WHERE {where}"), params)
            await connection.execute(
                text("DELETE FROM auth.institution WHERE id = :institution"), params
            )
            # The test locality and its street (geo.locality has no foreign key to the units).
            for table in ("street_key", "street", "locality"):
                await connection.execute(
                    text(f"DELETE FROM geo.{table} WHERE simc = :simc"), {"simc": SIMC}
                )
            # Only the units this fixture created (their street register rows cascade).
            for code in reversed(created):
                await connection.execute(
                    text("DELETE FROM geo.territorial_unit WHERE code = :code"), {"code": code}
                )


@pytest.fixture
async def real_client() -> AsyncIterator[httpx.AsyncClient]:
    """An ASGI client whose requests each get their own connection of the ingest role."""
    settings = IngestSettings(environment="test", chunk_size=40, max_rows=1000)
    app = create_app(settings)
    engine = make_service_engine(settings)
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)
    try:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://test"
        ) as client:
            yield client
    finally:
        await engine.dispose()


async def test_concurrent_batches_with_the_same_external_ids(
    real_client: httpx.AsyncClient, committed_caller: dict[str, str], engine: AsyncEngine
) -> None:
    ids = pesels(300, seed=5)
    records = [record(f"CC-{n:04d}", pesel) for n, pesel in enumerate(ids)]
    other = [dict(item, categories=["disability"]) for item in reversed(records)]
    responses = await asyncio.gather(
        real_client.post(URL, json={"records": records}, headers=committed_caller),
        real_client.post(URL, json={"records": other}, headers=committed_caller),
        real_client.post(URL, json={"records": records[:150]}, headers=committed_caller),
    )
    assert [response.status_code for response in responses] == [201, 201, 201]
    reports = [response.json() for response in responses]
    assert all(report["rejected"] == 0 for report in reports)
    assert sum(report["inserted"] for report in reports) == 300
    async with engine.connect() as connection:
        count = await connection.scalar(
            text(
                "SELECT count(*) FROM ingest.record r"
                " JOIN auth.institution i ON i.id = r.institution_id WHERE i.name = :name"
            ),
            {"name": NAME},
        )
        assert count == 300


async def test_concurrent_replays_of_one_idempotency_key(
    real_client: httpx.AsyncClient, committed_caller: dict[str, str]
) -> None:
    body = {"records": [record(f"IK-{n}", pesel) for n, pesel in enumerate(pesels(50, seed=3))]}
    headers = {**committed_caller, "Idempotency-Key": "same-upload"}
    responses = await asyncio.gather(
        *(real_client.post(URL, json=body, headers=headers) for _ in range(3))
    )
    assert sorted(response.status_code for response in responses) == [200, 200, 201]
    assert len({response.json()["id"] for response in responses}) == 1
