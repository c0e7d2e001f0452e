"""Settings of the ingest service (``SOCMAP_INGEST_*`` plus the shared ``SOCMAP_DB_*``)."""

from __future__ import annotations

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings

# Only in development and test: records pseudonymized with it link up across restarts there,
# and never with production data.
DEVELOPMENT_PSEUDONYMIZATION_KEY = "socmap-development-only-pseudonymization-key"
_PLACEHOLDERS = {"", "changeme", "change-me", "secret", "default", DEVELOPMENT_PSEUDONYMIZATION_KEY}
MIN_KEY_LENGTH = 32


class IngestSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SOCMAP_INGEST_", extra="ignore")

    db_user: str = "socmap_ingest"
    port: int = 8001

    # HMAC-SHA256 key for person and household ids; one per deployment (OPS and PUP link up).
    pseudonymization_key: SecretStr | None = None
    max_rows: int = Field(default=50_000, ge=1)
    max_bytes: int = Field(default=50 * 1024 * 1024, ge=1024)
    # Every body (a batch is the largest): a little over ``max_bytes`` so a batch just over
    # it gets the batch's own 413, with its limits.
    max_body_bytes: int = Field(default=51 * 1024 * 1024, ge=1024)
    # Rows per INSERT statement and per location-resolution query.
    chunk_size: int = Field(default=5_000, ge=1)
    # Row errors kept in a batch report; counts by code are always complete.
    max_reported_errors: int = Field(default=1_000, ge=0)

    # Hand-off to the anonymizer: ``POST {anonymizer_url}/v1/runs`` with a runs:write key.
    anonymizer_url: str | None = None
    anonymizer_key: SecretStr | None = None
    dispatch_interval_seconds: float = Field(default=2.0, gt=0)
    dispatch_timeout_seconds: float = Field(default=10.0, gt=0)
    dispatch_backoff_base_seconds: float = Field(default=2.0, gt=0)
    dispatch_backoff_max_seconds: float = Field(default=300.0, gt=0)
    dispatch_batch_size: int = Field(default=100, ge=1)

    @model_validator(mode="after")
    def _pseudonymization_key_outside_development(self) -> IngestSettings:
        key = self.pseudonymization_key.get_secret_value() if self.pseudonymization_key else ""
        if self.is_development:
            return self
        if key.strip().lower() in _PLACEHOLDERS:
            raise ValueError(
                "SOCMAP_INGEST_PSEUDONYMIZATION_KEY must be set outside development "
                "(SOCMAP_ENV=development|test); refusing to start."
            )
        if len(key) < MIN_KEY_LENGTH:
            raise ValueError(
                f"SOCMAP_INGEST_PSEUDONYMIZATION_KEY must have at least {MIN_KEY_LENGTH} characters."
            )
        return self

    def hmac_key(self) -> bytes:
        """The pseudonymization key (the development key in development and test)."""
        if self.pseudonymization_key is not None and self.pseudonymization_key.get_secret_value():
            return self.pseudonymization_key.get_secret_value().encode()
        return DEVELOPMENT_PSEUDONYMIZATION_KEY.encode()
