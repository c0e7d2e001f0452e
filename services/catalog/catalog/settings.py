"""Settings of the catalog service (``SOCMAP_CATALOG_*`` plus the shared ``SOCMAP_DB_*``)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from shared.settings import PublishingSettings


class CatalogSettings(PublishingSettings):
    model_config = SettingsConfigDict(env_prefix="SOCMAP_CATALOG_", extra="ignore")

    db_user: str = "socmap_catalog"
    port: int = 8003
    # Public base URL of this service (links in the Atom feed and HSDS ``GET /``).
    public_url: str = "http://127.0.0.1:8003"
    # The HSDS profile of this API, documented in services/catalog/README.md ("HSDS profile").
    hsds_profile_url: str = "urn:socmap:hsds-profile:pl:1"
    # Every body, an import (the largest) included: 413 beyond it (shared.web.BodyLimitMiddleware).
    max_body_bytes: int = Field(default=5_000_000, ge=1024)
    max_import_rows: int = Field(default=5_000, ge=1)
