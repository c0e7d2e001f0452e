"""Test geography for map-tiles: the demo geography (voivodeships, powiats, gminas, the
districts of Wrocław and Bielsko-Biała with their zoom bands) is loaded once per module inside a
transaction that is rolled back at the end; each test runs in a savepoint of it.

On top of it, a published release with cells of Bielsko-Biała's districts (some suppressed) and
two published providers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from map_tiles.app import create_app
from shared.geo.demo import load_demo
from shared.testing.plugin import raw_database

ClientFactory = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]

BIELSKO = "2461011"
# Every 4th district of Bielsko-Biała is suppressed in the test release.
SUPPRESSED_EVERY = 4


async def publish_release(session: AsyncSession, *, scale: int = 1) -> int:
    """A published release with persons/any/2025 cells of Bielsko-Biała's districts (every
    fourth suppressed) and of the gmina; returns its id."""
    release = (
        await session.execute(
            text(
                "INSERT INTO stats.release (method, k, periods, as_of)"
                " VALUES ('test', 5, ARRAY['2025'], DATE '2025-12-31') RETURNING id"
            )
        )
    ).scalar_one()
    await session.execute(
        text(
            """
            INSERT INTO stats.cell (release_id, unit_code, level, category, period, period_kind,
                                    measure, source, value, suppressed, suppression, population,
                                    rate, rate_lower, rate_upper)
            SELECT :release, code, 'district', category, '2025', 'year', 'persons', 'all',
                   CASE WHEN suppressed THEN NULL ELSE value END, suppressed,
                   CASE WHEN suppressed THEN 'primary' END, 5000,
                   CASE WHEN suppressed THEN NULL ELSE value / 5.0 END,
                   CASE WHEN suppressed THEN NULL ELSE value / 5.0 - 1 END,
                   CASE WHEN suppressed THEN NULL ELSE value / 5.0 + 1 END
            FROM (SELECT code, category,
                         (row_number() OVER (PARTITION BY category ORDER BY code))
                             % :every = 0 AS suppressed,
                         (10 + 7 * row_number() OVER (PARTITION BY category ORDER BY code))
                             * :scale AS value
                  FROM geo.territorial_unit, unnest(ARRAY['any', 'poverty']) AS category
                  WHERE level = 'district' AND parent_code = :gmina) AS cells
            """
        ),
        {"release": release, "gmina": BIELSKO, "every": SUPPRESSED_EVERY, "scale": scale},
    )
    await session.execute(
        text(
            "INSERT INTO stats.cell (release_id, unit_code, level, category, period, period_kind,"
            " measure, source, value, population, rate, rate_lower, rate_upper)"
            " VALUES (:release, :gmina, 'gmina', 'any', '2025', 'year', 'persons', 'all',"
            " 900, 170000, 5.3, 5.0, 5.6)"
        ),
        {"release": release, "gmina": BIELSKO},
    )
    return int(release)


@pytest.fixture(scope="module")
async def geography(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A connection whose open transaction holds the demo geography, a release and providers."""
    async with engine.connect() as conn:
        outer = await conn.begin()
        session = AsyncSession(bind=conn, join_transaction_mode="create_savepoint")
        await load_demo(session)
        await publish_release(session)
        await session.execute(
            text(
                """
                INSERT INTO catalog.provider (slug, status, name, description, provider_type,
                                              terc, voivodeship, city, geom, point_source,
                                              published_at)
                SELECT slug, status, name, 'test', (SELECT min(code) FROM ref.provider_type),
                       '2461011', '24', 'Bielsko-Biała', ST_SetSRID(ST_MakePoint(lon, lat), 4326),
                       'explicit', now()
                FROM (VALUES ('mops-bb', 'published', 'MOPS Bielsko-Biała', 19.04, 49.82),
                             ('pup-bb', 'published', 'PUP Bielsko-Biała', 19.05, 49.83),
                             ('draft-bb', 'draft', 'Draft provider', 19.03, 49.81))
                     AS p(slug, status, name, lon, lat)
                """
            )
        )
        await session.commit()  # releases the session's savepoint into the outer transaction
        await session.close()
        try:
            yield conn
        finally:
            await outer.rollback()


@pytest.fixture
async def connection(geography: AsyncConnection) -> AsyncIterator[AsyncConnection]:
    """Overrides the plugin's: each test runs in a savepoint of the module's transaction."""
    savepoint = await geography.begin_nested()
    try:
        yield geography
    finally:
        if savepoint.is_active:
            await savepoint.rollback()


@pytest.fixture
def app() -> FastAPI:
    return create_app()


@pytest.fixture
async def client(
    app: FastAPI, make_client: ClientFactory, db_session: AsyncSession
) -> AsyncIterator[httpx.AsyncClient]:
    app.state.database = await raw_database(db_session, role="socmap_map_tiles")
    async with make_client(app, role="socmap_map_tiles") as test_client:
        yield test_client
