"""Case records: ``POST /v1/records:batch``, ``DELETE /v1/records/{external_id}`` and the bulk
erasure ``POST /v1/records:erase``. No endpoint ever returns record contents."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Request, Response, status
from fastapi.responses import JSONResponse

from ingest import service
from ingest.deps import RecordsWriter, SessionDep, SettingsDep
from ingest.parsing import media_kind, read_body
from ingest.schemas import (
    EXTERNAL_ID_MAX_LENGTH,
    EXTERNAL_ID_PATTERN,
    PROFILE_NAME_PATTERN,
    BatchReport,
    DryRunReport,
    EraseIn,
    EraseReport,
    RecordsBatchIn,
    ReplayOrDryRunReport,
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


# ``NAME`` or ``NAME@version``.
_PROFILE_REF = PROFILE_NAME_PATTERN[:-1] + r"(?:@[1-9][0-9]{0,8})?$"
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
    response_model=BatchReport,
    summary="Push a batch of case records (JSON, NDJSON or CSV)",
    openapi_extra={"requestBody": _BATCH_BODY},
    responses={
        201: {"description": "The batch report", "headers": _LOCATION},
        200: {
            "description": "Idempotency-Key replay: the first report (headers as described); "
            "or, with `dry_run=true`, the report the batch would get (a DryRunReport, no "
            "headers)",
            "model": ReplayOrDryRunReport,
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
    profile: Annotated[
        str | None,
        Query(
            max_length=74,
            pattern=_PROFILE_REF,
            description="export profile to read the batch with: `NAME` (its latest version) or "
            "`NAME@version`",
            examples=["mops-system"],
        ),
    ] = None,
    socmap_profile: Annotated[
        str | None,
        Header(
            max_length=74,
            pattern=_PROFILE_REF,
            description="export profile as `NAME` or `NAME@version` (the query wins)",
            examples=["mops-system@2"],
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        Query(description="validate and resolve only: nothing is stored, `200` + DryRunReport"),
    ] = False,
) -> BatchReport | Response:
    """Valid rows are stored and invalid ones reported in the batch report (row, field, code).
    ``409``: the Idempotency-Key was used for another body; ``413``: more than ``max_rows``
    records or ``max_bytes`` bytes; ``415``: another Content-Type; ``422``: a body that cannot
    be read at all (malformed, empty, unknown CSV columns or two columns for one field), or an
    export profile the institution does not have. With ``dry_run=true`` nothing is stored
    (no batch, record, outbox event or idempotency record) and the answer is ``200`` with the
    report the batch would get."""
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
        profile_ref=profile or socmap_profile,
        dry_run=dry_run,
    )
    if isinstance(outcome, DryRunReport):
        return JSONResponse(outcome.model_dump(mode="json"))
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
