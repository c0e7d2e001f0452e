"""Service providers: search, record page, editor writes, workflow, import and export."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, BackgroundTasks, Body, Query
from fastapi.responses import Response

from catalog.deps import EditorDep, InvalidatorDep, ReaderDep, SessionDep
from catalog.hsds_schemas import HsdsOrganization
from catalog.routes.params import SEARCH_OPENAPI, SearchDep
from catalog.routes.records import (
    Resource,
    add_record_routes,
    export_responses,
    schedule_invalidation,
    written_record,
)
from catalog.schemas import (
    ProviderIn,
    ProviderOut,
    ProviderPage,
    ProviderPatch,
    ProviderPoint,
    ProviderWritten,
)
from catalog.write import transfer, workflow
from shared.auth import AuthFirstRoute
from shared.openapi import problems

router = APIRouter(route_class=AuthFirstRoute, tags=["providers"])

PROVIDERS = Resource(
    "provider",
    "providers",
    ProviderIn,
    ProviderPatch,
    ProviderOut,
    ProviderPage,
    written_schema=ProviderWritten,
)


@router.get(
    "/v1/providers:export",
    summary="Export published providers (CSV, JSON or HSDS)",
    description=(
        "JSON of the catalogue's providers (`format=json`, the default), of HSDS "
        "organizations (`format=hsds`), or CSV (`format=csv`)."
    ),
    openapi_extra=SEARCH_OPENAPI,
    responses=export_responses(list[ProviderOut] | list[HsdsOrganization]),
)
async def export_providers(
    reader: ReaderDep,
    params: SearchDep,
    format: Annotated[Literal["csv", "json", "hsds"], Query()] = "json",
    encoding: Annotated[Literal["utf-8", "windows-1250"], Query()] = "utf-8",
) -> Response:
    body = await transfer.export_providers(
        reader, params=params, output=format, encoding="utf-8" if encoding == "utf-8" else "cp1250"
    )
    if format == "csv":
        return Response(body, media_type=f"text/csv; charset={encoding}")
    return Response(body, media_type="application/json")


# Before the records' routes: ``/v1/providers/{ref}:{action}`` would take these paths too.
@router.post(
    "/v1/providers/{ref}:place",
    summary="Place a provider on the map (point source manual)",
    description=(
        "An editor's point for the provider (`approximate` when it is an estimate): its "
        "`point_source` becomes `manual`, and the point stays through later address edits. "
        "Logged in the change log; published records are edited by moderators only."
    ),
    response_model=ProviderWritten,
    responses=problems(409),
)
async def place_provider(
    ref: str,
    point: Annotated[ProviderPoint, Body()],
    session: SessionDep,
    reader: ReaderDep,
    principal: EditorDep,
    background: BackgroundTasks,
    invalidator: InvalidatorDep,
) -> Any:
    placed, invalidation = await workflow.place(session, principal=principal, ref=ref, point=point)
    schedule_invalidation(background, invalidator, invalidation)
    return await written_record(reader, "provider", placed)


@router.post(
    "/v1/providers/{ref}:geocode",
    summary="Place a provider again from its address (address register)",
    description=(
        "Looks the stored postal address up in the address register (`point_source` "
        "`address_register`, `approximate` unless the house number itself was found), "
        "replacing any point. 422 when the provider has no address or the register cannot "
        "place it."
    ),
    response_model=ProviderWritten,
    responses=problems(409),
)
async def geocode_provider(
    ref: str,
    session: SessionDep,
    reader: ReaderDep,
    principal: EditorDep,
    background: BackgroundTasks,
    invalidator: InvalidatorDep,
) -> Any:
    placed, invalidation = await workflow.geocode(session, principal=principal, ref=ref)
    schedule_invalidation(background, invalidator, invalidation)
    return await written_record(reader, "provider", placed)


add_record_routes(router, PROVIDERS)
