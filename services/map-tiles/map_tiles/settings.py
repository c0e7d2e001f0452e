"""Settings of the map-tiles service (``SOCMAP_MAP_TILES_*`` plus the shared ``SOCMAP_DB_*``)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings


class MapTilesSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SOCMAP_MAP_TILES_", extra="ignore")

    db_user: str = "socmap_map_tiles"
    port: int = 8004
