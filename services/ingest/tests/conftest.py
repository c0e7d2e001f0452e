"""Fixtures of the ingest tests: a small test geography, institutions with keys, clients.

Everything is created inside the test transaction (rolled back after each test).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.app import create_app
from ingest.settings import IngestSettings
from ingest.testing import GMINA, OTHER_GMINA, create_test_geography
from shared.geo.addresses import import_address_points, import_teryt
from shared.institutions import create_api_key, create_institution
from shared.testing.geography import BIELSKO_BIALA, address_samples, load_demo_cities

ClientFactory = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


@dataclass(frozen=True)
class Caller:
    institution_id: Any
    token: str
    key_prefix: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@pytest.fixture
async def geography(db_session: AsyncSession) -> None:
    await create_test_geography(db_session)
    await db_session.flush()


async def _caller(
    session: AsyncSession,
    *,
    kind: str,
    name: str,
    territory: list[str],
    scopes: tuple[str, ...] = ("records:write",),
) -> Caller:
    institution = await create_institution(session, kind=kind, name=name, territory=territory)
    issued = await create_api_key(session, institution=institution, name="test", scopes=scopes)
    await session.flush()
    return Caller(institution.id, issued.token, issued.key.prefix)


@pytest.fixture
async def ops(db_session: AsyncSession, geography: None) -> Caller:
    """A MOPS whose territory is the test gmina."""
    return await _caller(db_session, kind="MOPS", name="MOPS test", territory=[GMINA])


@pytest.fixture
async def other_ops(db_session: AsyncSession, geography: None) -> Caller:
    """A GOPS of the neighbouring gmina."""
    return await _caller(db_session, kind="GOPS", name="GOPS test", territory=[OTHER_GMINA])


@pytest.fixture
async def pup(db_session: AsyncSession, geography: None) -> Caller:
    """A labour office serving two powiats."""
    return await _caller(db_session, kind="PUP", name="PUP test", territory=["9861", "9802"])


@pytest.fixture
def app() -> FastAPI:
    return create_app(IngestSettings(environment="test", max_rows=200, max_bytes=200_000))


@pytest.fixture
async def client(make_client: ClientFactory, app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with make_client(app, role="socmap_ingest") as test_client:
        yield test_client


@pytest.fixture
async def bielsko(db_session: AsyncSession) -> tuple[Any, dict[str, str]]:
    """The demo cities with their address register (the shipped samples), and a MOPS of
    Bielsko-Biała: (institution id, headers)."""
    await load_demo_cities(db_session)
    samples = address_samples()
    await import_teryt(db_session, samples / "SIMC.csv", samples / "ULIC.csv")
    await import_address_points(db_session, samples / "PRG_punkty_adresowe.csv")
    institution = await create_institution(
        db_session, kind="MOPS", name="MOPS Bielsko-Biała (test)", territory=[BIELSKO_BIALA]
    )
    issued = await create_api_key(
        db_session, institution=institution, name="test", scopes=("records:write",)
    )
    await db_session.flush()
    return institution.id, {"Authorization": f"Bearer {issued.token}"}
