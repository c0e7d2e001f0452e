"""Service providers: search, record page, editor writes, workflow, import and export."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from catalog.deps import ReaderDep
from catalog.routes.params import SEARCH_OPENAPI, SearchDep
from catalog.routes.records import Resource, add_record_routes, export_responses
from catalog.schemas import HsdsOrganization, ProviderIn, ProviderOut, ProviderPage, ProviderPatch
from catalog.write import transfer
from shared.auth import AuthFirstRoute

router = APIRouter(route_class=AuthFirstRoute, tags=["providers"])

PROVIDERS = Resource("provider", "providers", ProviderIn, ProviderPatch, ProviderOut, ProviderPage)


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


add_record_routes(router, PROVIDERS)
