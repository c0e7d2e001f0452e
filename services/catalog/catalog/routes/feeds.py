"""Atom feed of newly published practices for ROPS websites, and the taxonomies."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from catalog.deps import ReaderDep, SettingsDep
from catalog.read import feeds, records
from catalog.schemas import TaxonomiesOut
from shared.auth import AuthFirstRoute
from shared.codes import VoivodeshipCode

router = APIRouter(route_class=AuthFirstRoute, tags=["feeds"])


ATOM = "application/atom+xml"


@router.get(
    "/v1/feeds/practices.atom",
    summary="Atom feed of published practices",
    response_class=Response,
    responses={200: {"content": {ATOM: {"schema": {"type": "string"}}}}},
)
async def get_practices_feed(
    request: Request,
    reader: ReaderDep,
    settings: SettingsDep,
    voivodeship: Annotated[VoivodeshipCode | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Response:
    body = await feeds.practices_feed(
        reader,
        voivodeship=voivodeship,
        limit=limit,
        base_url=settings.public_url,
        self_url=str(request.url),
    )
    return Response(body, media_type=f"{ATOM}; charset=utf-8")


@router.get("/v1/taxonomies", summary="Service areas, target groups, categories, provider types")
async def list_taxonomies(reader: ReaderDep) -> TaxonomiesOut:
    return await records.list_taxonomies(reader)
