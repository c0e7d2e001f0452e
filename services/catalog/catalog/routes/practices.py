"""Good practices: search, detail, related, editor writes, workflow, import and export."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from catalog import service, transfer
from catalog.deps import SessionDep
from catalog.routes.params import SEARCH_OPENAPI, SearchDep
from catalog.routes.records import export_responses, records_router
from catalog.schemas import PracticeIn, PracticeOut, PracticePage, PracticePatch
from shared.auth import AuthFirstRoute

router = APIRouter(route_class=AuthFirstRoute, tags=["practices"])


@router.get(
    "/practices:export",
    summary="Export published practices (CSV or JSON)",
    description="CSV in the import's layout (`format=csv`, the default) or JSON (`format=json`).",
    openapi_extra=SEARCH_OPENAPI,
    responses=export_responses(list[PracticeOut]),
)
async def export_practices(
    session: SessionDep,
    params: SearchDep,
    format: Annotated[Literal["csv", "json"], Query()] = "csv",
    encoding: Annotated[Literal["utf-8", "windows-1250"], Query()] = "utf-8",
) -> Response:
    body = await service.export_practices(
        session,
        params=transfer.export_params(params),
        output=format,
        encoding="utf-8" if encoding == "utf-8" else "cp1250",
    )
    if format == "json":
        return Response(body, media_type="application/json")
    return Response(
        body,
        media_type=f"text/csv; charset={encoding}",
        headers={"Content-Disposition": 'attachment; filename="practices.csv"'},
    )


@router.get("/practices/{ref}/related", summary="Published practices similar to this one")
async def list_related_practices(
    ref: str, session: SessionDep, limit: Annotated[int, Query(ge=1, le=50)] = 5
) -> list[PracticeOut]:
    return await service.related_practices(session, ref=ref, limit=limit)


router.include_router(
    records_router(
        kind="practice",
        collection="practices",
        input_schema=PracticeIn,
        patch_schema=PracticePatch,
        output_schema=PracticeOut,
        page_schema=PracticePage,
    )
)
