"""Delivers outbox events to the anonymizer (``POST {anonymizer_url}/v1/runs``).

Events are claimed with ``FOR UPDATE SKIP LOCKED`` (several replicas may dispatch), sent as one
request per round, and deleted only after a 2xx (or 409: the run exists already). On any
failure they stay in the outbox with an exponential backoff, so nothing is lost while the
anonymizer is down. The ``Idempotency-Key`` lets the anonymizer ignore a repeated delivery.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from ingest import repository
from ingest.settings import IngestSettings
from shared.db.models.ingest import Outbox

logger = logging.getLogger("socmap.ingest.dispatcher")

SessionFactory = Callable[[], AbstractAsyncContextManager[AsyncSession]]


@dataclass(frozen=True, slots=True)
class DispatchResult:
    delivered: int = 0
    failed: int = 0


def backoff(attempts: int, *, base: float, maximum: float) -> timedelta:
    """Delay before the next try after ``attempts`` failed ones: base·2^(attempts-1), capped."""
    return timedelta(seconds=min(maximum, base * 2 ** max(0, attempts - 1)))


def run_request(events: Sequence[Outbox], territory: list[str] | None) -> dict[str, Any]:
    """The body of ``POST /v1/runs``: which municipalities changed, and why. ``territory`` is
    every gmina of the institutions of the events that name none (an erasure's), None for all
    gminas."""
    gminas = {code for event in events for code in event.payload.get("gminas", [])}
    return {
        "trigger": "ingest",
        # An empty list asks for every municipality.
        "gminas": [] if territory is None else sorted(gminas | set(territory)),
        "events": [
            {
                "id": event.id,
                "event": event.event,
                "cause": event.payload.get("cause"),
                "cause_id": event.payload.get("cause_id"),
                "institution_id": event.payload.get("institution_id"),
            }
            for event in events
        ],
    }


class Dispatcher:
    def __init__(
        self,
        *,
        settings: IngestSettings,
        session_factory: SessionFactory,
        client: httpx.AsyncClient,
    ) -> None:
        if not settings.anonymizer_url:
            raise ValueError("the dispatcher needs SOCMAP_INGEST_ANONYMIZER_URL")
        self.settings = settings
        self.session_factory = session_factory
        self.client = client
        self.url = settings.anonymizer_url.rstrip("/") + "/v1/runs"

    def _headers(self, events: Sequence[Outbox]) -> dict[str, str]:
        headers = {"Idempotency-Key": f"ingest-outbox-{events[0].id}-{events[-1].id}"}
        if self.settings.anonymizer_key is not None:
            headers["Authorization"] = f"Bearer {self.settings.anonymizer_key.get_secret_value()}"
        return headers

    async def dispatch_once(self, *, now: datetime | None = None) -> DispatchResult:
        """Deliver the events that are due at ``now``; one request, one transaction."""
        moment = now or datetime.now(UTC)
        async with self.session_factory() as session:
            events = await repository.claim_due_events(
                session=session, now=moment, limit=self.settings.dispatch_batch_size
            )
            if not events:
                await session.commit()
                return DispatchResult()
            ids = [event.id for event in events]
            territory = await repository.territory_gminas(
                session=session,
                institution_ids=sorted(
                    {
                        uuid.UUID(event.payload["institution_id"])
                        for event in events
                        if "gminas" not in event.payload
                    }
                ),
            )
            error: str | None = None
            try:
                response = await self.client.post(
                    self.url,
                    json=run_request(events, territory),
                    headers=self._headers(events),
                    timeout=self.settings.dispatch_timeout_seconds,
                )
                if not (response.is_success or response.status_code == 409):
                    error = f"HTTP {response.status_code}"
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"[:200]
            if error is None:
                await repository.delete_events(session=session, ids=ids)
                await session.commit()
                return DispatchResult(delivered=len(ids))
            attempts = max(event.attempts for event in events) + 1
            retry_at = moment + backoff(
                attempts,
                base=self.settings.dispatch_backoff_base_seconds,
                maximum=self.settings.dispatch_backoff_max_seconds,
            )
            await repository.mark_failed(session=session, ids=ids, error=error, retry_at=retry_at)
            await session.commit()
            logger.warning(
                "anonymizer unreachable; events stay in the outbox",
                extra={"events": len(ids), "attempts": attempts, "error": error},
            )
            return DispatchResult(failed=len(ids))

    async def run(self, stop: asyncio.Event) -> None:
        """Dispatch until ``stop`` is set; a failing round never ends the loop."""
        while not stop.is_set():
            try:
                result = await self.dispatch_once()
            except Exception:  # database hiccup: log and try again next round
                logger.exception("outbox dispatch failed")
                result = DispatchResult()
            if result.delivered:
                continue  # more may be waiting
            with suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.settings.dispatch_interval_seconds)
