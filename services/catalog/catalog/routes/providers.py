"""Service providers: search, detail, editor writes, workflow, export."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from catalog import service, transfer
from catalog.deps import SessionDep
from catalog.routes.params import SEARCH_OPENAPI, SearchDep
from catalog.routes.records import export_responses, records_router
from catalog.schemas import HsdsOrganization, ProviderIn, ProviderOut, ProviderPage, ProviderPatch
from shared.auth import AuthFirstRoute

router = APIRouter(route_class=AuthFirstRoute, tags=["providers"])


@router.get(
    "/providers:export",
    summary="Export published providers (CSV, JSON or HSDS)",
    description=(
        "JSON of the catalogue's providers (`format=json`, the default), of HSDS "
        "organizations (`format=hsds`), or CSV (`format=csv`)."
    ),
    openapi_extra=SEARCH_OPENAPI,
    responses=export_responses(list[ProviderOut] | list[HsdsOrganization]),
)
async def export_providers(
    session: SessionDep,
    params: SearchDep,
    format: Annotated[Literal["csv", "json", "hsds"], Query()] = "json",
    encoding: Annotated[Literal["utf-8", "windows-1250"], Query()] = "utf-8",
) -> Response:
    body = await service.export_providers(
        session,
        params=transfer.export_params(params),
        output=format,
        encoding="utf-8" if encoding == "utf-8" else "cp1250",
    )
    if format == "csv":
        return Response(body, media_type=f"text/csv; charset={encoding}")
    return Response(body, media_type="application/json")


router.include_router(
    records_router(
        kind="provider",
        collection="providers",
        input_schema=ProviderIn,
        patch_schema=ProviderPatch,
        output_schema=ProviderOut,
        page_schema=ProviderPage,
    )
)
