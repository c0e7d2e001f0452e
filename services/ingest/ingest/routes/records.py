"""Case records: ``POST /v1/records:batch``, ``DELETE /v1/records/{external_id}`` and the bulk
erasure ``POST /v1/records:erase``. No endpoint ever returns record contents."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Request, Response, status

from ingest import service
from ingest.deps import RecordsWriter, SessionDep, SettingsDep
from ingest.parsing import media_kind, read_body
from ingest.schemas import (
    EXTERNAL_ID_MAX_LENGTH,
    EXTERNAL_ID_PATTERN,
    BatchReport,
    EraseIn,
    EraseReport,
    RecordsBatchIn,
)
from shared.auth import AuthFirstRoute
from shared.openapi import problems

router = APIRouter(route_class=AuthFirstRoute, prefix="/records", tags=["records"])

_CSV_EXAMPLE = (
    "id_sprawy;pesel;data;kategorie;osiedle;ulica;nr_domu;simc;x;y;uklad;wiek;plec\n"
    "OPS-2024-000123;85010112345;2024-03-15;ubóstwo|rodziny niepełne;2461011-18;;;;;;;30-39;K\n"
)
_BATCH_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/RecordsBatchIn"}},
        "application/x-ndjson": {
            "schema": {"type": "string", "description": "one RecordIn JSON object per line"}
        },
        "text/csv": {
            "schema": {
                "type": "string",
                "description": "UTF-8 (with or without BOM), Windows-1250 (also behind a "
                "UTF-8 BOM) or UTF-16 with its BOM; ';', ',' or TAB, or the delimiter of an "
                "Excel 'sep=' first line; English or Polish headers (pesel, data, kategorie, "
                "osiedle, ulica, nr_domu, simc, x, y, uklad, wiek, plec ...); see the service "
                "README, 'Accepted export formats'",
            },
            "example": _CSV_EXAMPLE,
        },
    },
}


_LOCATION = {
    "Location": {
        "description": "The batch report: `/v1/batches/{id}`",
        "schema": {"type": "string"},
    }
}
_REPLAYED = {
    "Idempotent-Replayed": {
        "description": "`true`: this is the first push's report",
        "schema": {"type": "string", "enum": ["true"]},
    }
}


@router.post(
    ":batch",
    status_code=status.HTTP_201_CREATED,
    summary="Push a batch of case records (JSON, NDJSON or CSV)",
    openapi_extra={"requestBody": _BATCH_BODY},
    responses={
        201: {"description": "The batch report", "headers": _LOCATION},
        200: {
            "description": "Idempotency-Key replay: the first report",
            "model": BatchReport,
            "headers": {**_LOCATION, **_REPLAYED},
        },
        **problems(409, 413, 415, 422),
    },
)
async def push_records(
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    principal: RecordsWriter,
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> BatchReport:
    """Valid rows are stored and invalid ones reported in the batch report (row, field, code).
    ``409``: the Idempotency-Key was used for another body; ``413``: more than ``max_rows``
    records or ``max_bytes`` bytes; ``415``: another Content-Type; ``422``: a body that cannot
    be read at all (malformed, empty, unknown CSV columns or two columns for one field)."""
    content_type = request.headers.get("content-type")
    kind = media_kind(content_type)
    body, content_hash = await read_body(request, max_bytes=settings.max_bytes)
    outcome = await service.ingest_batch(
        session=session,
        settings=settings,
        principal=principal,
        kind=kind,
        media_type=(content_type or "").split(";", 1)[0].strip().lower(),
        body=body,
        content_hash=content_hash,
        idempotency_key=idempotency_key,
    )
    if outcome.replayed:
        response.status_code = status.HTTP_200_OK
        response.headers["Idempotent-Replayed"] = "true"
    response.headers["Location"] = f"/v1/batches/{outcome.report.id}"
    return outcome.report


@router.delete(
    "/{external_id:path}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Erase one record of the institution",
    responses=problems(404),
)
async def erase_record(
    external_id: Annotated[
        str, Path(max_length=EXTERNAL_ID_MAX_LENGTH, pattern=EXTERNAL_ID_PATTERN)
    ],
    session: SessionDep,
    settings: SettingsDep,
    principal: RecordsWriter,
) -> None:
    """``404`` when the institution has no record with this id, ``422`` when no record can
    have it."""
    await service.erase_records(
        session=session,
        settings=settings,
        principal=principal,
        external_ids=[external_id],
        bulk=False,
    )


@router.post(":erase", summary="Erase many records of the institution by external_id")
async def erase_records(
    payload: EraseIn, session: SessionDep, settings: SettingsDep, principal: RecordsWriter
) -> EraseReport:
    """An id no record can have is reported in ``errors`` and the others are still erased."""
    return await service.erase_records(
        session=session,
        settings=settings,
        principal=principal,
        external_ids=payload.external_ids,
        bulk=True,
    )


def openapi_components() -> dict[str, Any]:
    """Schemas of the JSON body, for ``components.schemas`` (the route reads the raw body)."""
    schema = RecordsBatchIn.model_json_schema(ref_template="#/components/schemas/{model}")
    definitions: dict[str, Any] = schema.pop("$defs", {})
    return {**definitions, "RecordsBatchIn": schema}
