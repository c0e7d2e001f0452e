"""The contract tests' world: a committed database of its own with the demo geography, the
catalogue seed, records of Bielsko-Biała pushed through the ingest API and one published
release; an API key per service. The services run in this process (ASGI) with their real
lifespans, as their own database roles."""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from anonymizer.app import create_app as create_anonymizer
from anonymizer.settings import AnonymizerSettings
from anonymizer.testing import publish
from catalog.app import create_app as create_catalog
from catalog.seed import seed_catalog
from catalog.settings import CatalogSettings
from ingest.app import create_app as create_ingest
from ingest.settings import IngestSettings
from ingest.testing import pesels, record
from map_tiles.app import create_app as create_map_tiles
from map_tiles.settings import MapTilesSettings
from shared.db.admin import drop_database, migrate_database, recreate_database
from shared.db.engine import make_engine, make_sessionmaker
from shared.geo.demo import load_demo
from shared.institutions import create_api_key, create_institution
from shared.reference import data_dir
from shared.settings import DatabaseSettings

BIELSKO = "2461011"
# Enough records for published and suppressed cells side by side.
RECORDS = 240
# Generated requests send wrong keys on purpose; the throttle must not hide the routes.
UNTHROTTLED = 1_000_000

# Who calls each service in the tests: (institution kind, territory, scopes).
CALLERS = {
    "ingest": ("MOPS", [BIELSKO], ["records:write"]),
    "anonymizer": ("SERVICE", [], ["runs:write", "releases:read"]),
    "catalog": ("ROPS", ["24"], ["catalog:edit", "catalog:moderate"]),
    "map-tiles": ("SERVICE", [], ["tiles:invalidate"]),
}


# The committed database of this process's contract tests (the apps are built before it).
# Small pools: each test of an operation starts its service's lifespan anew, and the catalog
# warms every connection of its pools.
DATABASE = DatabaseSettings().model_copy(
    update={"name": f"socmap_contract_{os.getpid()}", "pool_size": 2, "max_overflow": 2}
)


def service_app(service: str, *, database: DatabaseSettings = DATABASE) -> FastAPI:
    """An app of ``service`` on the contract database (or ``database``); its lifespan starts
    at its first request."""
    common: dict[str, Any] = {
        "environment": "test",
        "database": database,
        "auth_failures_per_minute": UNTHROTTLED,
    }
    factories: dict[str, Callable[[], FastAPI]] = {
        "ingest": lambda: create_ingest(IngestSettings(**common)),
        "anonymizer": lambda: create_anonymizer(AnonymizerSettings(**common, worker_enabled=False)),
        "catalog": lambda: create_catalog(CatalogSettings(**common)),
        "map-tiles": lambda: create_map_tiles(MapTilesSettings(**common)),
    }
    return factories[service]()


# A valid-looking value of each path parameter of the documents, by name.
UUID = "00000000-0000-4000-8000-000000000000"
SAMPLES = {
    "release_id": "1",
    "run_id": UUID,
    "batch_id": UUID,
    "service_id": UUID,
    "organization_id": UUID,
    "fid": f"{BIELSKO}-01",
    "collection_id": "districts",
    "collection_ids": "districts",
    "tms": "WebMercatorQuad",
    "z": "10",
    "x": "570",
    "y": "352",
}
_PARAMETER = re.compile(r"\{([^}]+)\}")


def sample_path(template: str) -> str:
    """A path of ``template`` with a sample value for each parameter."""
    return _PARAMETER.sub(lambda match: SAMPLES.get(match[1], "x"), template)


def documented(app: FastAPI) -> list[tuple[str, str, dict[str, Any]]]:
    """(path template, method, operation) of every operation of ``app``'s document."""
    return [
        (path, method.upper(), operation)
        for path, methods in app.openapi()["paths"].items()
        for method, operation in methods.items()
    ]


async def _push_records(key: str) -> None:
    app = service_app("ingest")
    districts = [f"{BIELSKO}-{number:02d}" for number in range(1, 31)]
    records = [
        record(
            f"CONTRACT-{number}",
            pesel,
            reference_date=f"2024-{number % 12 + 1:02d}-10",
            categories=["poverty", "disability"][: number % 2 + 1],
            location={"district": districts[number % len(districts)]},
        )
        for number, pesel in enumerate(pesels(RECORDS))
    ]
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://contract",
            headers={"Authorization": f"Bearer {key}"},
        ) as client,
    ):
        response = await client.post("/v1/records:batch", json={"records": records})
        assert response.status_code == 201, response.text


async def _seed() -> dict[str, str]:
    """The demo geography, the catalogue seed, a key per service, records and a release;
    returns the keys by service."""
    engine = make_engine(DATABASE.url(), pool_size=1, max_overflow=0)
    keys: dict[str, str] = {}
    try:
        async with make_sessionmaker(engine)() as session:
            await load_demo(session)
            for service, (kind, territory, scopes) in CALLERS.items():
                institution = await create_institution(
                    session, kind=kind, name=f"contract {service}", territory=territory
                )
                issued = await create_api_key(
                    session, institution=institution, name="contract", scopes=scopes
                )
                keys[service] = issued.token
            await seed_catalog(session, data_dir=data_dir())  # commits
        await _push_records(keys["ingest"])
        async with make_sessionmaker(engine)() as session:
            run, published = await publish(
                session,
                AnonymizerSettings(environment="test", database=DATABASE, worker_enabled=False),
                gminas=[BIELSKO],
                today=date(2025, 2, 1),
            )
            assert published is not None, run["reason"]  # the data endpoints need a release
            await session.commit()
    finally:
        await engine.dispose()
    return keys


@pytest.fixture(scope="session")
def keys() -> Iterator[dict[str, str]]:
    """The seeded contract database, for the session; the API key of each service's caller."""
    recreate_database(DATABASE, DATABASE.name)
    try:
        migrate_database(DATABASE)
        yield asyncio.run(_seed())
    finally:
        if not os.environ.get("SOCMAP_KEEP_TEST_DB"):
            drop_database(DATABASE, DATABASE.name)
