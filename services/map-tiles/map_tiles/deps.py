"""Dependencies of the map-tiles routes: the database, settings, the render cache.

Plain ``async def``: FastAPI runs a sync dependency in a worker thread, which costs more than
the lookup itself."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from map_tiles.cache import RenderCache
from map_tiles.settings import MapTilesSettings
from shared.db.raw import Database

__all__ = ["CacheDep", "DatabaseDep", "SettingsDep"]


async def get_settings(request: Request) -> MapTilesSettings:
    settings: MapTilesSettings = request.app.state.settings
    return settings


async def get_cache(request: Request) -> RenderCache:
    cache: RenderCache = request.app.state.render_cache
    return cache


async def get_database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


SettingsDep = Annotated[MapTilesSettings, Depends(get_settings)]
CacheDep = Annotated[RenderCache, Depends(get_cache)]
DatabaseDep = Annotated[Database, Depends(get_database)]
