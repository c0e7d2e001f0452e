"""Batch reports: ``GET /v1/batches`` and ``GET /v1/batches/{batch_id}`` (own batches only)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request

from ingest import service
from ingest.deps import RecordsWriter, SessionDep
from ingest.schemas import BatchList, BatchReport
from shared.auth import AuthFirstRoute
from shared.openapi import problems
from shared.pagination import PageDep, page_links

router = APIRouter(route_class=AuthFirstRoute, prefix="/batches", tags=["batches"])


@router.get("", summary="The institution's batches, newest first")
async def list_batches(
    request: Request, session: SessionDep, principal: RecordsWriter, page: PageDep
) -> BatchList:
    batches, total = await service.list_batches(
        session=session, principal=principal, limit=page.limit, offset=page.offset
    )
    return BatchList(
        batches=batches,
        numberMatched=total,
        numberReturned=len(batches),
        links=page_links(request, page, total=total, returned=len(batches)),
    )


@router.get(
    "/{batch_id}",
    summary="A batch report: counts, unresolved locations and row errors",
    responses=problems(404),
)
async def get_batch(
    batch_id: uuid.UUID, session: SessionDep, principal: RecordsWriter
) -> BatchReport:
    """``404`` for another institution's batch as for a missing one."""
    return await service.get_batch(session=session, principal=principal, batch_id=batch_id)
