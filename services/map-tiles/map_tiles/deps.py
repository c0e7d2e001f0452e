"""Dependencies of the map-tiles routes: session, settings, the render cache."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from map_tiles.cache import RenderCache
from map_tiles.settings import MapTilesSettings
from shared.db.session import SessionDep

__all__ = ["CacheDep", "SessionDep", "SettingsDep"]


def get_settings(request: Request) -> MapTilesSettings:
    settings: MapTilesSettings = request.app.state.settings
    return settings


def get_cache(request: Request) -> RenderCache:
    cache: RenderCache = request.app.state.render_cache
    return cache


SettingsDep = Annotated[MapTilesSettings, Depends(get_settings)]
CacheDep = Annotated[RenderCache, Depends(get_cache)]
