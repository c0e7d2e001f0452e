"""Good practices: search, record page, related, editor writes, workflow, import and export."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from catalog.deps import ReaderDep
from catalog.read import records
from catalog.routes.params import SEARCH_OPENAPI, SearchDep
from catalog.routes.records import Resource, add_record_routes, export_responses
from catalog.schemas import PracticeIn, PracticeOut, PracticePage, PracticePatch
from catalog.write import transfer
from shared.auth import AuthFirstRoute

router = APIRouter(route_class=AuthFirstRoute, tags=["practices"])

PRACTICES = Resource("practice", "practices", PracticeIn, PracticePatch, PracticeOut, PracticePage)


@router.get(
    "/v1/practices:export",
    summary="Export published practices (CSV or JSON)",
    description="CSV in the import's layout (`format=csv`, the default) or JSON (`format=json`).",
    openapi_extra=SEARCH_OPENAPI,
    responses=export_responses(list[PracticeOut]),
)
async def export_practices(
    reader: ReaderDep,
    params: SearchDep,
    format: Annotated[Literal["csv", "json"], Query()] = "csv",
    encoding: Annotated[Literal["utf-8", "windows-1250"], Query()] = "utf-8",
) -> Response:
    body = await transfer.export_practices(
        reader, params=params, output=format, encoding="utf-8" if encoding == "utf-8" else "cp1250"
    )
    if format == "json":
        return Response(body, media_type="application/json")
    return Response(
        body,
        media_type=f"text/csv; charset={encoding}",
        headers={"Content-Disposition": 'attachment; filename="practices.csv"'},
    )


@router.get(
    "/v1/practices/{ref}/related",
    summary="Published practices similar to this one",
    response_model=list[PracticeOut],
)
async def list_related_practices(
    ref: str, reader: ReaderDep, limit: Annotated[int, Query(ge=1, le=50)] = 5
) -> Any:
    return await records.related_practices(reader, ref=ref, limit=limit)


add_record_routes(router, PRACTICES)
