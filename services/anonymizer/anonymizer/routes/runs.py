"""``/v1/runs``: ask for a run (ingest's service key) and follow it."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Request, Response

from anonymizer import repository, service
from anonymizer.deps import RunReader, RunWriter, SettingsDep
from anonymizer.schemas import RunOut, RunRequest
from shared.auth import AuthFirstRoute
from shared.codes import unit_level
from shared.db.session import SessionDep
from shared.errors import Forbidden, NotFound, ValidationFailed
from shared.validation import StoredText

router = APIRouter(route_class=AuthFirstRoute, tags=["runs"])


@router.post(
    "/runs",
    status_code=202,
    response_model=RunOut,
    summary="Request a run",
    responses={
        202: {
            "headers": {"Location": {"description": "The run's URL", "schema": {"type": "string"}}}
        }
    },
)
async def create_run(
    body: RunRequest,
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    principal: RunWriter,
    idempotency_key: Annotated[StoredText | None, Header(max_length=200)] = None,
) -> RunOut:
    gminas = body.gmina_codes()
    invalid = [code for code in gminas or [] if unit_level(code) != "gmina"]
    if invalid:
        raise ValidationFailed(
            "gminas must be 7-digit TERC codes.",
            errors=[
                {"field": "gminas", "location": "body", "code": "format", "message": code}
                for code in invalid
            ],
        )
    if gminas is None and principal.territory is not None:
        raise Forbidden("A run of all municipalities needs an unrestricted key.")
    outside = [code for code in gminas or [] if not principal.covers(code)]
    if outside:
        raise Forbidden(f"The key may not act on: {', '.join(outside)}.")
    parameters = service.run_parameters(
        settings,
        k=body.k,
        p=body.p,
        include_open_periods=body.include_open_periods,
        as_of=body.as_of,
        monthly=body.monthly,
        full=body.full,
    )
    run, created = await service.request_run(
        session=session,
        gminas=gminas,
        trigger=body.trigger,
        parameters=parameters,
        events=[event.model_dump(mode="json") for event in body.events],
        idempotency_key=idempotency_key,
    )
    wake = getattr(request.app.state, "wake_worker", None)
    if wake is not None:
        wake.set()
    response.headers["Location"] = f"/v1/runs/{run['id']}"
    return RunOut(**run, coalesced=not created)


@router.get("/runs/{run_id}", response_model=RunOut, summary="A run's status and progress")
async def get_run(run_id: uuid.UUID, session: SessionDep, _: RunReader) -> RunOut:
    run = await repository.get_run(session=session, run_id=run_id)
    if run is None:
        raise NotFound(f"There is no run {run_id}.")
    return RunOut(**run)
