"""Helpers of the anonymizer tests (importable from the test modules): a small fictional
geography (voivodeship 97, away from shipped codes), records inserted straight into
``ingest.record`` inside the test transaction, and running a run without the background
worker, so nothing depends on timing."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from anonymizer import repository, service, worker
from anonymizer.service import Outcome
from anonymizer.settings import AnonymizerSettings
from shared.handoff import TilesInvalidator

ClientFactory = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]

VOIVODESHIP = "97"
POWIAT = "9701"
CITY = "9701011"  # a city with three districts
TOWN = "9701022"  # a town without districts
DISTRICTS = ("9701011-01", "9701011-02", "9701011-03")
TODAY = date(2025, 2, 1)  # 2024 and its quarters are closed


@dataclass
class World:
    """Test geography and records; ``add`` inserts one pseudonymized record."""

    session: AsyncSession
    institution_id: uuid.UUID
    batch_id: uuid.UUID
    counter: int = 0
    ids: list[str] = field(default_factory=list)

    async def add(
        self,
        subject: str,
        *,
        categories: tuple[str, ...] = ("poverty",),
        district: str | None = DISTRICTS[0],
        gmina: str = CITY,
        day: date = date(2024, 2, 10),
        end: date | None = date(2024, 2, 20),
        source: str = "ops",
        household: str | None = None,
    ) -> str:
        self.counter += 1
        external_id = f"T-{self.counter}"
        await self.session.execute(
            text(
                "INSERT INTO ingest.record (institution_id, external_hash, subject_id_type,"
                " subject_hash, household_hash, reference_date, end_date, categories,"
                " gmina_code, district_code, unresolved_reason, source_kind, batch_id)"
                " VALUES (:institution, :external_hash, 'local', :subject, :household, :day, :end,"
                " :categories, :gmina, :district, :reason, :source, :batch)"
            ),
            {
                "institution": self.institution_id,
                "external_hash": _case_hash(external_id),
                "subject": hashlib.sha256(subject.encode()).digest(),
                "household": hashlib.sha256(household.encode()).digest() if household else None,
                "day": day,
                "end": end,
                "categories": list(categories),
                "gmina": gmina,
                "district": district,
                "reason": None if district else "municipality_only",
                "source": source,
                "batch": self.batch_id,
            },
        )
        return external_id

    async def add_many(self, count: int, prefix: str, **kwargs: Any) -> None:
        for number in range(count):
            await self.add(f"{prefix}-{number}", **kwargs)

    async def erase(self, external_id: str) -> None:
        await self.session.execute(
            text("DELETE FROM ingest.record WHERE external_hash = :hash"),
            {"hash": _case_hash(external_id)},
        )


def _case_hash(external_id: str) -> bytes:
    """Stands in for ingest's keyed hash of a case number (32 bytes, as stored)."""
    return hashlib.sha256(external_id.encode()).digest()


def box(x: float) -> str:
    return f"ST_Multi(ST_MakeEnvelope({x}, 50, {x + 0.01}, 50.01, 4326))"


async def publish(
    session: AsyncSession,
    settings: AnonymizerSettings,
    *,
    today: date = TODAY,
    gminas: list[str] | None = None,
    invalidator: TilesInvalidator | None = None,
    **parameters: Any,
) -> tuple[dict[str, Any], Outcome | None]:
    """Request a run and execute it at once; returns the run as stored and the outcome."""
    run, _ = await service.request_run(
        session=session,
        gminas=gminas,
        trigger="test",
        parameters=service.run_parameters(
            settings,
            k=parameters.get("k"),
            p=parameters.get("p"),
            include_open_periods=parameters.get("include_open_periods", False),
            as_of=parameters.get("as_of"),
            monthly=parameters.get("monthly"),
            full=parameters.get("full", False),
        ),
        events=[],
        idempotency_key=None,
    )
    claimed, outcome = await worker.run_next(
        session=session, settings=settings, invalidator=invalidator, today=today
    )
    assert claimed
    stored = await repository.get_run(session=session, run_id=run["id"])
    assert stored is not None
    return stored, outcome


async def cell_value(
    session: AsyncSession,
    release_id: int,
    unit: str,
    category: str = "any",
    period: str = "2024-Q1",
    measure: str = "persons",
    source: str = "all",
) -> tuple[int | None, bool] | None:
    row = (
        await session.execute(
            text(
                "SELECT value, suppressed FROM stats.published_cell WHERE release_id = :r"
                " AND unit_code = :u AND category = :c AND period = :p AND measure = :m"
                " AND source = :s"
            ),
            {"r": release_id, "u": unit, "c": category, "p": period, "m": measure, "s": source},
        )
    ).first()
    return None if row is None else (row[0], row[1])


async def small_changes(session: AsyncSession, earlier: int, later: int, *, k: int) -> int:
    """How many cells two releases both publish with values 0 < |delta| < k apart (A4)."""
    found = await session.scalar(
        text(
            "SELECT count(*) FROM stats.published_cell a JOIN stats.published_cell b"
            " USING (unit_code, category, period, measure, source)"
            " WHERE a.release_id = :a AND b.release_id = :b"
            " AND abs(a.value - b.value) BETWEEN 1 AND :k - 1"
        ),
        {"a": earlier, "b": later, "k": k},
    )
    return int(found or 0)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
