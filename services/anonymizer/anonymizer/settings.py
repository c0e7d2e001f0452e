"""Settings of the anonymizer service (``SOCMAP_ANONYMIZER_*`` plus the shared ``SOCMAP_DB_*``)."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings


class AnonymizerSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SOCMAP_ANONYMIZER_", extra="ignore")

    db_user: str = "socmap_anonymizer"
    port: int = 8002
    # Disclosure control (reference/disclosure-control.md): k never below 3 (art. 38).
    min_count: int = Field(default=5, ge=3)
    protection_ratio: float = Field(default=0.3, gt=0, lt=1)
    max_rounds: int = Field(default=500, ge=1)
    # The background worker polls for pending runs (and wakes at once on a new request).
    worker_enabled: bool = True
    worker_poll_seconds: float = Field(default=5.0, gt=0)
    # Hand-off to map-tiles: POST {map_tiles_url}/v1/cache:invalidate with this service key.
    map_tiles_url: str | None = None
    map_tiles_key: SecretStr | None = None
    invalidate_attempts: int = Field(default=4, ge=1)
    invalidate_backoff_s: float = Field(default=0.5, ge=0)
    invalidate_timeout_s: float = Field(default=5.0, gt=0)
