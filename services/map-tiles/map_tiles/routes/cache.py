"""``POST /v1/cache:invalidate``: the anonymizer (new release) and the catalog (edited records)
drop what map-tiles has cached."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from map_tiles.collections import COLLECTIONS
from map_tiles.deps import CacheDep
from shared.auth import AuthFirstRoute, Principal, require_scopes
from shared.errors import BadRequest

router = APIRouter(route_class=AuthFirstRoute, tags=["cache"])


class InvalidateIn(BaseModel):
    """What changed. ``collections`` (or ``layers``, the anonymizer's word) name the
    collections to drop; neither means everything. The other fields are for the log."""

    model_config = ConfigDict(extra="ignore")

    collections: list[str] | None = Field(default=None, max_length=20)
    layers: list[str] | None = Field(default=None, max_length=20)
    release_id: int | None = None
    ids: list[str] = Field(default_factory=list, max_length=10_000)
    territories: list[str] = Field(default_factory=list, max_length=10_000)
    reason: str | None = Field(default=None, max_length=200)
    source: str | None = Field(default=None, max_length=64)


class InvalidateOut(BaseModel):
    collections: list[str] | None
    dropped: int
    entries: int


@router.post("/cache:invalidate", summary="Drop cached tiles and items", status_code=200)
async def invalidate_cache(
    body: InvalidateIn,
    cache: CacheDep,
    principal: Annotated[Principal, Depends(require_scopes("tiles:invalidate"))],
) -> InvalidateOut:
    names: list[str] | None = None
    if body.collections is not None or body.layers is not None:
        names = sorted({*(body.collections or []), *(body.layers or [])})
        unknown = [name for name in names if name not in COLLECTIONS]
        if unknown:
            raise BadRequest(
                f"Unknown collections: {', '.join(n[:40] for n in unknown[:5])}.",
                errors=[
                    {"field": "collections", "code": "unknown", "message": n[:40]}
                    for n in unknown[:5]
                ],
            )
    del principal
    dropped = cache.invalidate(names)
    return InvalidateOut(collections=names, dropped=dropped, entries=len(cache))


__all__: list[Any] = ["router"]
