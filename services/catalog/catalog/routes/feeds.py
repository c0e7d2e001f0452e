"""Atom feed of newly published practices for ROPS websites, and the taxonomies."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from catalog import service
from catalog.deps import SessionDep, SettingsDep
from catalog.schemas import TaxonomiesOut
from shared.auth import AuthFirstRoute

router = APIRouter(route_class=AuthFirstRoute, tags=["feeds"])


ATOM = "application/atom+xml"


@router.get(
    "/feeds/practices.atom",
    summary="Atom feed of published practices",
    response_class=Response,
    responses={200: {"content": {ATOM: {"schema": {"type": "string"}}}}},
)
async def get_practices_feed(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    voivodeship: Annotated[str | None, Query(pattern=r"^[0-9]{2}$")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Response:
    body = await service.practices_feed(
        session,
        voivodeship=voivodeship,
        limit=limit,
        base_url=settings.public_url,
        self_url=str(request.url),
    )
    return Response(body, media_type=f"{ATOM}; charset=utf-8")


@router.get("/taxonomies", summary="Service areas, target groups, categories, provider types")
async def list_taxonomies(session: SessionDep) -> TaxonomiesOut:
    return await service.list_taxonomies(session)
