"""Settings of the catalog service (``SOCMAP_CATALOG_*`` plus the shared ``SOCMAP_DB_*``)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings


class CatalogSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SOCMAP_CATALOG_", extra="ignore")

    db_user: str = "socmap_catalog"
    port: int = 8003
