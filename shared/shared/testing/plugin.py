"""pytest plugin for every socmap test suite (loaded with ``-p shared.testing.plugin``).

A test database ``socmap_test_<worker>`` is created once per run on the local cluster and
migrated with the real Alembic history; each test runs inside a transaction that is rolled back,
and the application's own ``commit()`` only releases a savepoint.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from shared.db.admin import drop_database, migrate_database, recreate_database
from shared.db.engine import make_engine
from shared.db.raw import ConnectionDatabase
from shared.db.session import get_session
from shared.settings import DatabaseSettings


def _test_database_name() -> str:
    # The pid keeps concurrent runs (two terminals, CI beside a developer) apart.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return f"socmap_test_{worker}_{os.getpid()}"


@pytest.fixture(scope="session")
def database_settings() -> Iterator[DatabaseSettings]:
    """Settings of the migrated test database; ``SOCMAP_DB_NAME`` points at it for the run,
    so settings built inside tests (service apps, CLIs) use it too."""
    base = DatabaseSettings()
    name = _test_database_name()
    recreate_database(base, name)
    previous = {key: os.environ.get(key) for key in ("SOCMAP_DB_NAME", "SOCMAP_ENV")}
    os.environ["SOCMAP_DB_NAME"] = name
    os.environ["SOCMAP_ENV"] = "test"
    settings = DatabaseSettings()
    migrate_database(settings)
    yield settings
    for key, value in previous.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    if not os.environ.get("SOCMAP_KEEP_TEST_DB"):
        drop_database(base, name)


@pytest.fixture(scope="session")
async def engine(database_settings: DatabaseSettings) -> AsyncIterator[AsyncEngine]:
    """Engine of the owner role on the test database."""
    test_engine = make_engine(database_settings.url(), pool_size=5, max_overflow=5)
    yield test_engine
    await test_engine.dispose()


@pytest.fixture
async def connection(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A connection inside an outer transaction that is rolled back after the test."""
    async with engine.connect() as conn:
        outer = await conn.begin()
        try:
            yield conn
        finally:
            if outer.is_active:
                await outer.rollback()


@pytest.fixture
async def db_session(connection: AsyncConnection) -> AsyncIterator[AsyncSession]:
    """A session joined to the test transaction: its ``commit()`` releases a savepoint."""
    session = AsyncSession(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )
    try:
        yield session
    finally:
        await session.close()


async def raw_database(session: AsyncSession, *, role: str) -> ConnectionDatabase:
    """A service's raw asyncpg handle (``shared.db.raw``) on the test transaction, querying as
    the service's ``role``."""
    connection = await (await session.connection()).get_raw_connection()
    assert connection.driver_connection is not None
    return ConnectionDatabase(connection.driver_connection, role=role)


@asynccontextmanager
async def as_role(session: AsyncSession, role: str) -> AsyncIterator[None]:
    """Run the block as a service's database role (``SET ROLE``) within the test transaction."""
    await session.execute(text(f'SET LOCAL ROLE "{role}"'))
    try:
        yield
    finally:
        # After a database error the transaction is aborted (and rolled back by the fixture):
        # RESET ROLE cannot run then, and need not.
        with contextlib.suppress(DBAPIError):
            await session.execute(text("RESET ROLE"))


@pytest.fixture
def make_client(
    db_session: AsyncSession, engine: AsyncEngine
) -> Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]:
    """``async with make_client(app, role="socmap_ingest") as client``: an ASGI client whose
    requests use the test session (optionally as a service role), from ``address``."""

    @asynccontextmanager
    async def factory(
        app: FastAPI,
        *,
        role: str | None = None,
        headers: dict[str, str] | None = None,
        address: tuple[str, int] = ("127.0.0.1", 123),
    ) -> AsyncIterator[httpx.AsyncClient]:
        async def override() -> AsyncIterator[AsyncSession]:
            if role is None:
                yield db_session
                return
            async with as_role(db_session, role):
                yield db_session

        app.dependency_overrides[get_session] = override
        app.state.engine = engine
        transport = httpx.ASGITransport(app=app, client=address)
        try:
            async with httpx.AsyncClient(
                transport=transport, base_url="http://test", headers=headers
            ) as client:
                yield client
        finally:
            app.dependency_overrides.pop(get_session, None)

    return factory


async def check_service_basics(client: httpx.AsyncClient, *, title: str) -> None:
    """What every service answers: liveness, readiness, OpenAPI, docs, metrics, and
    problem+json with the request id for an unknown path."""
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200, ready.text
    assert (await client.get("/openapi.json")).json()["info"]["title"] == title
    assert (await client.get("/docs")).status_code == 200
    metrics = await client.get("/metrics")
    assert 'socmap_http_requests_total{method="GET",route="/healthz"' in metrics.text
    missing = await client.get("/v1/nothing-here", headers={"X-Request-ID": "abc-123"})
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.headers["x-request-id"] == "abc-123"
    assert missing.json()["type"] == "urn:socmap:problem:not-found"
