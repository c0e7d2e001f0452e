"""The catalog service: ``uvicorn catalog.app:create_app --factory``."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
import httpx
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from catalog.routes import routers
from catalog.routes.practices import PRACTICES
from catalog.routes.providers import PROVIDERS
from catalog.routes.records import fast_list
from catalog.settings import CatalogSettings
from shared.db.raw import PoolDatabase, open_pool
from shared.handoff import TilesInvalidator
from shared.web import add_fast_path, create_service_app

logger = logging.getLogger("socmap.catalog")

# Loads the Polish dictionary into a backend (~0.3 s and ~28 MB on first use), so that the
# first searches on a pooled connection do not pay for it.
_LOAD_DICTIONARY = "SELECT to_tsvector('catalog.pl', 'ośrodkach')"


async def _load_dictionary(connection: asyncpg.Connection) -> None:
    await connection.execute(_LOAD_DICTIONARY)


async def warm_pools(engine: AsyncEngine, reader: asyncpg.Pool, connections: int) -> None:
    """The dictionary in every backend of both pools: the engine's (the write side, whose
    generated columns parse what editors write) and the read side's. A failure only delays
    that cost."""

    async def warm_engine() -> None:
        async with engine.connect() as connection:
            await connection.execute(text(_LOAD_DICTIONARY))
            # Hold the connection until every worker has one, so each warms its own backend.
            await asyncio.sleep(0)

    async def warm_reader() -> None:
        async with reader.acquire():  # a new connection runs _load_dictionary
            await asyncio.sleep(0)

    try:
        await asyncio.gather(
            *(warm_engine() for _ in range(connections)),
            *(warm_reader() for _ in range(connections)),
        )
    except Exception as exc:  # the database may come up after the service
        logger.warning("dictionary warm-up failed", extra={"error": type(exc).__name__})


def create_app(
    settings: CatalogSettings | None = None,
    *,
    tiles_transport: httpx.AsyncBaseTransport | None = None,
) -> FastAPI:
    """Build the catalog app; ``tiles_transport`` replaces the network for the map-tiles
    hand-off (tests)."""
    settings = settings or CatalogSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # The read side reads on raw asyncpg, its pool as large as the engine's.
        pool = await open_pool(
            settings, application_name="socmap-catalog", init=_load_dictionary, min_size=0
        )
        app.state.reader = PoolDatabase(pool)
        await warm_pools(app.state.engine, pool, settings.database.pool_size)
        # The ~170 000 objects alive after start-up (modules, models, schemas) live as long as
        # the process; frozen, a full collection no longer walks them and stalls every request
        # in flight (150 ms under load at concurrency 8, once every few hundred searches).
        gc.freeze()
        try:
            yield
        finally:
            await pool.close()

    app = create_service_app(
        service="catalog",
        title="socmap catalog",
        description=(
            "Good practices and service providers for ROPS and the public: Polish full-text "
            "and geographic search, editorial workflow, HSDS 3.0 output, import and export."
        ),
        settings=settings,
        routers=routers,
        lifespan=lifespan,
    )
    app.state.invalidator = TilesInvalidator(settings, transport=tiles_transport)
    # The public lists before routing (README "Search"); their routes answer the rest.
    for resource in (PRACTICES, PROVIDERS):
        add_fast_path(app, resource.path("collection"), fast_list(resource.kind, resource.key))
    return app
