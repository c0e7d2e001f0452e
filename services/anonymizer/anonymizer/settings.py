"""Settings of the anonymizer service (``SOCMAP_ANONYMIZER_*`` plus the shared ``SOCMAP_DB_*``)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings


class AnonymizerSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SOCMAP_ANONYMIZER_", extra="ignore")

    db_user: str = "socmap_anonymizer"
    port: int = 8002
