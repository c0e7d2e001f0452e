"""Settings shared by every socmap service: the database location and the service base."""

from __future__ import annotations

from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import URL

Environment = Literal["development", "test", "production"]


class DatabaseSettings(BaseSettings):
    """Where the one PostGIS database lives (``SOCMAP_DB_*``); each service brings its own role."""

    model_config = SettingsConfigDict(env_prefix="SOCMAP_DB_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = 55432
    name: str = "socmap"
    # The owner role: runs migrations and admin commands, never a service.
    user: str = "socmap"
    password: SecretStr | None = None
    pool_size: int = Field(default=10, ge=1)
    max_overflow: int = Field(default=10, ge=0)
    echo: bool = False

    def url(
        self,
        *,
        user: str | None = None,
        password: SecretStr | None = None,
        database: str | None = None,
        driver: str = "postgresql+asyncpg",
    ) -> URL:
        """Build a SQLAlchemy URL for ``user`` (default: the owner role) on this server."""
        secret = password if user is not None else self.password
        return URL.create(
            driver,
            username=user or self.user,
            password=secret.get_secret_value() if secret else None,
            host=self.host,
            port=self.port,
            database=database or self.name,
        )


class ServiceSettings(BaseSettings):
    """Base of every service's settings; subclasses set ``env_prefix`` and ``db_user``."""

    model_config = SettingsConfigDict(extra="ignore")

    environment: Environment = Field(
        default="production", validation_alias=AliasChoices("SOCMAP_ENV", "environment")
    )
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    db_user: str = "socmap"
    db_password: SecretStr | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    # Production takes an explicit allow-list; empty in development means http://localhost:*.
    cors_origins: list[str] = Field(default_factory=list)
    # The largest request body any endpoint reads (services with bulk uploads raise it).
    max_body_bytes: int = Field(default=1_048_576, ge=1024)
    # Failed authentications per client address or key prefix within a minute before 429.
    auth_failures_per_minute: int = Field(default=20, ge=1)
    log_level: str = "INFO"
    log_json: bool = True

    @property
    def is_development(self) -> bool:
        return self.environment in ("development", "test")

    @model_validator(mode="after")
    def _no_wildcard_with_credentials(self) -> ServiceSettings:
        if "*" in self.cors_origins and len(self.cors_origins) > 1:
            raise ValueError("cors_origins: use either '*' alone or an explicit allow-list")
        return self

    def database_url(self) -> URL:
        """URL of this service's own least-privilege role."""
        return self.database.url(user=self.db_user, password=self.db_password)


class PublishingSettings(ServiceSettings):
    """A service whose changes reach the map (the anonymizer's releases, the catalogue's
    edits): its hand-off to map-tiles, ``POST {map_tiles_url}/v1/cache:invalidate`` with this
    service key (``shared.handoff``)."""

    map_tiles_url: str | None = None
    map_tiles_key: SecretStr | None = None
    invalidate_attempts: int = Field(default=4, ge=1, le=10)
    invalidate_backoff_s: float = Field(default=0.5, ge=0)
    invalidate_timeout_s: float = Field(default=5.0, gt=0)

    @model_validator(mode="after")
    def _tiles_key_with_url(self) -> PublishingSettings:
        if self.map_tiles_url and self.map_tiles_key is None and not self.is_development:
            raise ValueError("map_tiles_key is required when map_tiles_url is set")
        return self
