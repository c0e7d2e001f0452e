"""``/categories``: the categories of the statistics with their Polish and English labels."""

from __future__ import annotations

from fastapi import APIRouter, Response

from map_tiles import service
from map_tiles.deps import CacheDep, DatabaseDep, SettingsDep
from map_tiles.schemas import Categories
from shared.auth import AuthFirstRoute

router = APIRouter(route_class=AuthFirstRoute, tags=["features"])


@router.get("/categories", summary="Categories with their Polish and English labels")
async def list_categories(
    response: Response, db: DatabaseDep, cache: CacheDep, settings: SettingsDep
) -> Categories:
    response.headers["Cache-Control"] = settings.metadata_cache_control
    return await service.categories(db, cache)
