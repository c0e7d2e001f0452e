"""``/v1/releases``: published releases, their cells (JSON or CSV) and differences."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from anonymizer import repository
from anonymizer.deps import ReleaseId
from anonymizer.export import to_csv
from anonymizer.schemas import CellOut, DiffOut, Level, Measure, ReleaseOut, Source
from shared.auth import AuthFirstRoute
from shared.db.session import SessionDep
from shared.errors import NotFound
from shared.pagination import PageDep, page_body

router = APIRouter(route_class=AuthFirstRoute, tags=["releases"])

CELL_CSV = list(CellOut.model_fields)
DIFF_CSV = list(DiffOut.model_fields)
Format = Literal["json", "csv"]
CODE = r"^[0-9A-Za-z_-]{1,64}$"


@router.get("/releases", summary="Published releases, newest first")
async def list_releases(request: Request, session: SessionDep, page: PageDep) -> dict[str, Any]:
    releases, total = await repository.list_releases(
        session=session, limit=page.limit, offset=page.offset
    )
    items = [ReleaseOut(**release).model_dump(mode="json") for release in releases]
    return page_body(request, page, key="releases", items=items, total=total)


@router.get("/releases/latest", response_model=ReleaseOut, summary="The current release")
async def latest_release(session: SessionDep) -> ReleaseOut:
    release_id = await repository.latest_release_id(session=session)
    release = (
        await repository.get_release(session=session, release_id=release_id)
        if release_id is not None
        else None
    )
    if release is None:
        raise NotFound("Nothing has been published yet.")
    return ReleaseOut(**release)


@router.get("/releases/{release_id}", response_model=ReleaseOut, summary="One release")
async def get_release(release_id: ReleaseId, session: SessionDep) -> ReleaseOut:
    release = await repository.get_release(session=session, release_id=release_id)
    assert release is not None  # checked by the dependency
    return ReleaseOut(**release)


@router.get("/releases/{release_id}/cells", summary="Cells of a release (JSON or CSV)")
async def list_cells(
    release_id: ReleaseId,
    request: Request,
    session: SessionDep,
    page: PageDep,
    unit: Annotated[str | None, Query(pattern=r"^[0-9]{2,7}(-[0-9]{2,3})?$")] = None,
    level: Level | None = None,
    category: Annotated[str | None, Query(pattern=CODE)] = None,
    period: Annotated[str | None, Query(pattern=r"^[0-9]{4}(-Q[1-4])?$")] = None,
    measure: Measure | None = None,
    source: Source | None = None,
    suppressed: bool | None = None,
    format: Format = "json",
) -> Any:
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
        return _csv(to_csv(rows, CELL_CSV), f"release-{release_id}-cells.csv")
    rows, total = await repository.list_cells(
        session=session,
        release_id=release_id,
        filters=filters,
        limit=page.limit,
        offset=page.offset,
    )
    items = [CellOut(**row).model_dump(mode="json") for row in rows]
    return {"release_id": release_id} | page_body(
        request, page, key="cells", items=items, total=total
    )


@router.get("/releases/{release_id}/diff", summary="What changed since another release")
async def diff(
    release_id: ReleaseId,
    request: Request,
    session: SessionDep,
    page: PageDep,
    against: Annotated[int, Query(ge=1, le=2_147_483_647)],
    format: Format = "json",
) -> Any:
    if await repository.get_release(session=session, release_id=against) is None:
        raise NotFound(f"There is no published release {against}.")
    limit = 10_000_000 if format == "csv" else page.limit
    offset = 0 if format == "csv" else page.offset
    rows, total = await repository.diff_cells(
        session=session, release_id=release_id, other_id=against, limit=limit, offset=offset
    )
    if format == "csv":
        return _csv(to_csv(rows, DIFF_CSV), f"release-{release_id}-diff-{against}.csv")
    items = [DiffOut(**row).model_dump(mode="json") for row in rows]
    return {"release_id": release_id, "against": against} | page_body(
        request, page, key="changes", items=items, total=total
    )


def _csv(body: str, filename: str) -> Response:
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
