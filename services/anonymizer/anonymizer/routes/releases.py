"""``/v1/releases``: published releases, their cells (JSON or CSV) and differences."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from anonymizer import repository
from anonymizer.deps import MAX_RELEASE, ReleaseId
from anonymizer.export import CSV_MEDIA_TYPE, csv_response, to_csv
from anonymizer.schemas import (
    CellOut,
    CellPage,
    DiffOut,
    DiffPage,
    Level,
    Measure,
    ReleaseOut,
    ReleasePage,
    Source,
)
from shared.auth import AuthFirstRoute
from shared.codes import PERIOD_RE, UNIT_RE, anchored
from shared.db.session import SessionDep
from shared.errors import NotFound
from shared.openapi import media_types, problems
from shared.pagination import PageDep, page_body

router = APIRouter(route_class=AuthFirstRoute, tags=["releases"])

CELL_CSV = list(CellOut.model_fields)
DIFF_CSV = list(DiffOut.model_fields)
Format = Annotated[
    Literal["json", "csv"], Query(description=f"`csv`: the whole selection as {CSV_MEDIA_TYPE}")
]
CODE = r"^[0-9A-Za-z_-]{1,64}$"


@router.get("/releases", response_model=ReleasePage, summary="Published releases, newest first")
async def list_releases(request: Request, session: SessionDep, page: PageDep) -> ReleasePage:
    releases, total = await repository.list_releases(
        session=session, limit=page.limit, offset=page.offset
    )
    return ReleasePage.model_validate(
        page_body(request, page, key="releases", items=releases, total=total)
    )


@router.get(
    "/releases/latest",
    response_model=ReleaseOut,
    summary="The current release",
    responses=problems(404),
)
async def get_latest_release(session: SessionDep) -> ReleaseOut:
    release_id = await repository.latest_release_id(session=session)
    release = (
        await repository.get_release(session=session, release_id=release_id)
        if release_id is not None
        else None
    )
    if release is None:
        raise NotFound("Nothing has been published yet.")
    return ReleaseOut.model_validate(release)


@router.get("/releases/{release_id}", response_model=ReleaseOut, summary="One release")
async def get_release(release_id: ReleaseId, session: SessionDep) -> ReleaseOut:
    release = await repository.get_release(session=session, release_id=release_id)
    assert release is not None  # checked by the dependency
    return ReleaseOut.model_validate(release)


@router.get(
    "/releases/{release_id}/cells",
    response_model=CellPage,
    summary="Cells of a release (JSON or CSV)",
    responses=media_types(CSV_MEDIA_TYPE),
)
async def get_release_cells(
    release_id: ReleaseId,
    request: Request,
    session: SessionDep,
    page: PageDep,
    unit: Annotated[str | None, Query(pattern=anchored(UNIT_RE))] = None,
    level: Level | None = None,
    category: Annotated[str | None, Query(pattern=CODE)] = None,
    period: Annotated[str | None, Query(pattern=anchored(PERIOD_RE))] = None,
    measure: Measure | None = None,
    source: Source | None = None,
    suppressed: bool | None = None,
    format: Format = "json",
) -> CellPage | Response:
    filters = {
        "unit_code": unit,
        "level": level,
        "category": category,
        "period": period,
        "measure": measure,
        "source": source,
        "suppressed": suppressed,
    }
    if format == "csv":
        rows, _ = await repository.list_cells(
            session=session, release_id=release_id, filters=filters, limit=None, offset=0
        )
        return csv_response(to_csv(rows, CELL_CSV), f"release-{release_id}-cells.csv")
    rows, total = await repository.list_cells(
        session=session,
        release_id=release_id,
        filters=filters,
        limit=page.limit,
        offset=page.offset,
    )
    return CellPage.model_validate(
        {"release_id": release_id} | page_body(request, page, key="cells", items=rows, total=total)
    )


@router.get(
    "/releases/{release_id}/diff",
    response_model=DiffPage,
    summary="What changed since another release (JSON or CSV)",
    responses=media_types(CSV_MEDIA_TYPE),
)
async def get_release_diff(
    release_id: ReleaseId,
    request: Request,
    session: SessionDep,
    page: PageDep,
    against: Annotated[int, Query(ge=1, le=MAX_RELEASE, description="The earlier release")],
    format: Format = "json",
) -> DiffPage | Response:
    if await repository.get_release(session=session, release_id=against) is None:
        raise NotFound(f"There is no published release {against}.")
    limit = 10_000_000 if format == "csv" else page.limit
    offset = 0 if format == "csv" else page.offset
    rows, total = await repository.diff_cells(
        session=session, release_id=release_id, other_id=against, limit=limit, offset=offset
    )
    if format == "csv":
        return csv_response(to_csv(rows, DIFF_CSV), f"release-{release_id}-diff-{against}.csv")
    return DiffPage.model_validate(
        {"release_id": release_id, "against": against}
        | page_body(request, page, key="changes", items=rows, total=total)
    )
