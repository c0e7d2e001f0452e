"""Settings of the ingest service (``SOCMAP_INGEST_*`` plus the shared ``SOCMAP_DB_*``)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings


class IngestSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SOCMAP_INGEST_", extra="ignore")

    db_user: str = "socmap_ingest"
    port: int = 8001
