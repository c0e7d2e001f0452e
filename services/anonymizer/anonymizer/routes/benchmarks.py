"""``/v1/benchmarks``: a peer group of municipalities compared on one indicator."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from anonymizer import repository, service
from anonymizer.deps import MAX_RELEASE
from anonymizer.export import CSV_MEDIA_TYPE, csv_response, to_csv
from anonymizer.schemas import BenchmarkMember, BenchmarkOut, Measure, PeerGroupOut, Source
from shared.auth import AuthFirstRoute
from shared.codes import PERIOD_RE, anchored
from shared.db.session import SessionDep
from shared.errors import NotFound
from shared.openapi import media_types, problems

router = APIRouter(route_class=AuthFirstRoute, tags=["benchmarks"])


@router.get("/peer-groups", response_model=list[PeerGroupOut], summary="Benchmarking groups")
async def list_peer_groups(session: SessionDep) -> list[PeerGroupOut]:
    return [
        PeerGroupOut.model_validate(group)
        for group in await repository.list_groups(session=session)
    ]


@router.get(
    "/benchmarks",
    response_model=BenchmarkOut,
    summary="A group's members against the group value (JSON or CSV)",
    responses=problems(404) | media_types(CSV_MEDIA_TYPE),
)
async def get_benchmark(
    session: SessionDep,
    period: Annotated[str, Query(pattern=anchored(PERIOD_RE))],
    group: Annotated[str, Query(pattern=r"^[0-9A-Za-z_-]{1,64}$")] = "gwd-2007-2008",
    category: Annotated[str, Query(pattern=r"^[0-9A-Za-z_-]{1,64}$")] = "any",
    measure: Measure = "persons",
    source: Source = "all",
    release: Annotated[
        int | None, Query(ge=1, le=MAX_RELEASE, description="Default: the current release")
    ] = None,
    format: Annotated[
        Literal["json", "csv"], Query(description=f"`csv`: the members as {CSV_MEDIA_TYPE}")
    ] = "json",
) -> BenchmarkOut | Response:
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
        return csv_response(to_csv(rows, columns), f"benchmark-{group}.csv")
    return body
