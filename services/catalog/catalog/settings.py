"""Settings of the catalog service (``SOCMAP_CATALOG_*`` plus the shared ``SOCMAP_DB_*``)."""

from __future__ import annotations

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings


class CatalogSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SOCMAP_CATALOG_", extra="ignore")

    db_user: str = "socmap_catalog"
    port: int = 8003
    # Public base URL of this service (links in the Atom feed and HSDS ``GET /``).
    public_url: str = "http://127.0.0.1:8003"
    # The HSDS profile of this API, documented in services/catalog/README.md ("HSDS profile").
    hsds_profile_url: str = "urn:socmap:hsds-profile:pl:1"
    # Hand-off to map-tiles: POST {map_tiles_url}/v1/cache:invalidate with this service key.
    map_tiles_url: str | None = None
    map_tiles_key: SecretStr | None = None
    invalidate_attempts: int = Field(default=4, ge=1, le=10)
    invalidate_backoff_s: float = Field(default=0.5, ge=0)
    invalidate_timeout_s: float = Field(default=5.0, gt=0)
    # Every body, an import (the largest) included: 413 beyond it (shared.web.BodyLimitMiddleware).
    max_body_bytes: int = Field(default=5_000_000, ge=1024)
    max_import_rows: int = Field(default=5_000, ge=1)

    @model_validator(mode="after")
    def _key_with_url(self) -> CatalogSettings:
        if self.map_tiles_url and self.map_tiles_key is None and not self.is_development:
            raise ValueError("map_tiles_key is required when map_tiles_url is set")
        return self
