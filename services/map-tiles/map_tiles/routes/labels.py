"""``/collections/{id}/labels``: where a map writes the names of a unit collection's units."""

from __future__ import annotations

from fastapi import APIRouter, Response

from map_tiles import service
from map_tiles.deps import CacheDep, DatabaseDep, SettingsDep
from map_tiles.schemas import LabelCollection
from shared.auth import AuthFirstRoute

router = APIRouter(route_class=AuthFirstRoute, tags=["tiles"])


@router.get(
    "/collections/{collection_id}/labels",
    summary="Label points of a unit collection: one point well inside each unit",
)
async def get_labels(
    response: Response,
    collection_id: str,
    db: DatabaseDep,
    cache: CacheDep,
    settings: SettingsDep,
) -> LabelCollection:
    """Names as a map writes them over the unit outlines of the vector tiles: a tile holds
    only its piece of a unit, so a label placed from tiles would repeat in every tile the unit
    crosses. Geography only: no values."""
    collection = service.get_collection(collection_id)
    response.headers["Cache-Control"] = settings.metadata_cache_control
    return await service.labels(db, cache, collection)
