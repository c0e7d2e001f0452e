"""The background worker: claims pending runs one at a time and executes them; lives in the
app's lifespan. Tests call :func:`run_next` directly, so nothing depends on timing."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from typing import Any

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from anonymizer import repository, service
from anonymizer.service import Outcome, Reporter
from anonymizer.settings import AnonymizerSettings
from shared.handoff import TilesInvalidator

logger = logging.getLogger("socmap.anonymizer.worker")


async def run_next(
    *,
    session: AsyncSession,
    settings: AnonymizerSettings,
    invalidator: TilesInvalidator | None = None,
    today: date | None = None,
    sessionmaker: async_sessionmaker[AsyncSession] | None = None,
) -> tuple[bool, Outcome | None]:
    """Claim and execute the oldest pending run: ``(claimed, outcome)``; on publication,
    map-tiles is told (its failure never undoes the release). With a ``sessionmaker`` the
    run's progress is written as it goes, in sessions of its own."""
    run = await repository.claim_next_run(session=session)
    await session.commit()
    if run is None:
        return False, None
    report = service.silent if sessionmaker is None else _reporter(sessionmaker, run["id"])
    outcome = await service.process_run(
        session=session, run=run, settings=settings, today=today, report=report
    )
    if outcome is not None and invalidator is not None:
        await invalidator.invalidate(
            {
                "source": "anonymizer",
                "release_id": outcome.release_id,
                "layers": ["districts", "municipalities"],
            }
        )
    return True, outcome


def _reporter(sessionmaker: async_sessionmaker[AsyncSession], run_id: uuid.UUID) -> Reporter:
    async def report(progress: dict[str, Any]) -> None:
        try:
            async with sessionmaker() as session:
                await repository.update_run(session=session, run_id=run_id, progress=progress)
                await session.commit()
        except Exception:  # progress is informative; the run goes on without it
            logger.warning("progress not written", exc_info=True, extra={"run_id": str(run_id)})

    return report


async def work(
    sessionmaker: async_sessionmaker[AsyncSession],
    settings: AnonymizerSettings,
    wake: asyncio.Event,
    invalidator: TilesInvalidator,
) -> None:
    while True:
        try:
            async with sessionmaker() as session:
                claimed, _ = await run_next(
                    session=session,
                    settings=settings,
                    invalidator=invalidator,
                    sessionmaker=sessionmaker,
                )
        except Exception:  # a dead database only delays the next attempt
            logger.exception("worker step failed")
            claimed = False
        if claimed:
            continue
        wake.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(wake.wait(), timeout=settings.worker_poll_seconds)


def worker_lifespan(settings: AnonymizerSettings):  # type: ignore[no-untyped-def]
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        wake = asyncio.Event()
        app.state.wake_worker = wake
        app.state.invalidator = TilesInvalidator(settings)
        task: asyncio.Task[None] | None = None
        if settings.worker_enabled:
            task = asyncio.create_task(
                work(app.state.sessionmaker, settings, wake, app.state.invalidator)
            )
        try:
            yield
        finally:
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    return lifespan
