"""``/v1/benchmarks``: a peer group of municipalities compared on one indicator."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from anonymizer import repository, service
from anonymizer.export import to_csv
from anonymizer.schemas import BenchmarkMember, BenchmarkOut, Measure, PeerGroupOut, Source
from shared.auth import AuthFirstRoute
from shared.db.session import SessionDep
from shared.errors import NotFound

router = APIRouter(route_class=AuthFirstRoute, tags=["benchmarks"])


@router.get("/peer-groups", response_model=list[PeerGroupOut], summary="Benchmarking groups")
async def list_groups(session: SessionDep) -> list[PeerGroupOut]:
    return [PeerGroupOut(**group) for group in await repository.list_groups(session=session)]


@router.get("/benchmarks", summary="A group's members against the group value (JSON or CSV)")
async def benchmarks(
    session: SessionDep,
    period: Annotated[str, Query(pattern=r"^[0-9]{4}(-Q[1-4])?$")],
    group: Annotated[str, Query(pattern=r"^[0-9A-Za-z_-]{1,64}$")] = "gwd-2007-2008",
    category: Annotated[str, Query(pattern=r"^[0-9A-Za-z_-]{1,64}$")] = "any",
    measure: Measure = "persons",
    source: Source = "all",
    release: Annotated[int | None, Query(ge=1, le=2_147_483_647)] = None,
    format: Literal["json", "csv"] = "json",
) -> Any:
    release_id = release or await repository.latest_release_id(session=session)
    if (
        release_id is None
        or await repository.get_release(session=session, release_id=release_id) is None
    ):
        raise NotFound("There is no such published release.")
    members = await repository.group_cells(
        session=session,
        group=group,
        release_id=release_id,
        category=category,
        period=period,
        measure=measure,
        source=source,
    )
    if members is None:
        raise NotFound(f"There is no peer group {group!r}.")
    result = service.benchmark(members)
    body = BenchmarkOut(
        group=group,
        release_id=release_id,
        category=category,
        period=period,
        measure=measure,
        source=source,
        group_rate=result["group_rate"],
        members_in_group_value=result["members_in_group_value"],
        members=[BenchmarkMember(**member) for member in result["members"]],
    )
    if format == "csv":
        rows = [member.model_dump() | {"group_rate": body.group_rate} for member in body.members]
        columns = [*BenchmarkMember.model_fields, "group_rate"]
        return Response(
            to_csv(rows, columns),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="benchmark-{group}.csv"'},
        )
    return body.model_dump(mode="json")
