"""Fixtures of the anonymizer tests: a small fictional geography (voivodeship 97, away from
shipped codes), records inserted straight into ``ingest.record`` inside the test transaction,
and keys and clients; helpers live in ``anonymizer.testing``."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from anonymizer.app import create_app
from anonymizer.settings import AnonymizerSettings
from anonymizer.testing import (
    CITY,
    DISTRICTS,
    POWIAT,
    TOWN,
    VOIVODESHIP,
    ClientFactory,
    World,
    box,
)
from shared.institutions import create_api_key, create_institution, create_loaded_batch


@pytest.fixture
async def world(db_session: AsyncSession) -> World:
    units = [
        (VOIVODESHIP, "voivodeship", "Testowe", None, 10.0),
        (POWIAT, "powiat", "powiat Testowo", VOIVODESHIP, 10.1),
        (CITY, "gmina", "Testowo", POWIAT, 10.2),
        (TOWN, "gmina", "Próbki", POWIAT, 10.3),
        *[
            (code, "district", f"Osiedle {code[-2:]}", CITY, 10.4 + n / 10)
            for n, code in enumerate(DISTRICTS)
        ],
    ]
    for code, level, name, parent, x in units:
        await db_session.execute(
            text(
                "INSERT INTO geo.territorial_unit (code, level, name, parent_code, geom)"
                f" VALUES (:code, :level, :name, :parent, {box(x)})"
            ),
            {"code": code, "level": level, "name": name, "parent": parent},
        )
    populations = {VOIVODESHIP: 50000, POWIAT: 20000, CITY: 15000, TOWN: 5000}
    populations |= dict.fromkeys(DISTRICTS, 5000)
    for code, population in populations.items():
        await db_session.execute(
            text(
                "INSERT INTO geo.population (unit_code, year, population, synthetic)"
                " VALUES (:code, 2024, :population, true)"
            ),
            {"code": code, "population": population},
        )
    institution = await create_institution(
        db_session, kind="OPS", name=f"MOPS Testowo {uuid.uuid4().hex[:6]}", territory=[POWIAT]
    )
    batch_id = await create_loaded_batch(db_session, institution_id=institution.id)
    return World(db_session, institution.id, batch_id)


@pytest.fixture
def settings() -> AnonymizerSettings:
    return AnonymizerSettings(worker_enabled=False, map_tiles_url=None)


@dataclass
class Keys:
    runs: str
    reader: str
    records: str
    limited: str


@pytest.fixture
async def keys(db_session: AsyncSession) -> Keys:
    ingest = await create_institution(
        db_session, kind="SERVICE", name=f"ingest {uuid.uuid4().hex[:6]}", territory=[]
    )
    ops = await create_institution(
        db_session, kind="OPS", name=f"OPS {uuid.uuid4().hex[:6]}", territory=[POWIAT]
    )
    runs = await create_api_key(db_session, institution=ingest, name="runs", scopes=["runs:write"])
    reader = await create_api_key(
        db_session, institution=ingest, name="reader", scopes=["releases:read"]
    )
    records = await create_api_key(
        db_session, institution=ops, name="records", scopes=["records:write"]
    )
    limited = await create_api_key(db_session, institution=ops, name="l", scopes=["runs:write"])
    return Keys(runs.token, reader.token, records.token, limited.token)


@pytest.fixture
async def client(
    make_client: ClientFactory, settings: AnonymizerSettings
) -> AsyncIterator[httpx.AsyncClient]:
    async with make_client(create_app(settings), role="socmap_anonymizer") as test_client:
        yield test_client
