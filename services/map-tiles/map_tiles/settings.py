"""Settings of the map-tiles service (``SOCMAP_MAP_TILES_*`` plus the shared ``SOCMAP_DB_*``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings

_SERVICE_DIR = Path(__file__).resolve().parent.parent


class MapTilesSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SOCMAP_MAP_TILES_", extra="ignore")

    db_user: str = "socmap_map_tiles"
    port: int = 8004
    # Cache-Control of tiles and items; ETags make revalidation cheap, so a short max-age is fine.
    cache_control: str = "public, max-age=300"
    # Metadata (TileJSON, style, legend) refers to the current release, which changes.
    metadata_cache_control: str = "public, max-age=60"
    # In-process cache of rendered tiles and item pages, capped in bytes and entries.
    cache_max_bytes: int = Field(default=256 * 1024 * 1024, ge=0)
    cache_max_entries: int = Field(default=100_000, ge=0)
    # How long the id of the current release is trusted without asking the database; the
    # anonymizer's invalidation call resets it at once.
    release_ttl_s: float = Field(default=30.0, ge=0)
    tile_extent: int = Field(default=4096, ge=256)
    tile_buffer: int = Field(default=64, ge=0)
    # At most this many features per layer of one tile.
    tile_feature_cap: int = Field(default=10_000, ge=1)
    # Where `npm ci` put maplibre-gl (services/map-tiles/node_modules).
    node_modules: Path = _SERVICE_DIR / "node_modules"
