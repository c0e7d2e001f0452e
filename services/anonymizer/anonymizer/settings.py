"""Settings of the anonymizer service (``SOCMAP_ANONYMIZER_*`` plus the shared ``SOCMAP_DB_*``)."""

from __future__ import annotations

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from anonymizer.ckm import PTableParameters
from shared.settings import PublishingSettings

# Only in development and test: monthly noise made with it is known to anyone reading this file.
DEVELOPMENT_CKM_KEY = "socmap-development-only-cell-key-perturbation-key"
_PLACEHOLDERS = {"", "changeme", "change-me", "secret", "default", DEVELOPMENT_CKM_KEY}
MIN_KEY_LENGTH = 32


class AnonymizerSettings(PublishingSettings):
    model_config = SettingsConfigDict(env_prefix="SOCMAP_ANONYMIZER_", extra="ignore")

    db_user: str = "socmap_anonymizer"
    port: int = 8002
    # Disclosure control (reference/disclosure-control.md): k never below 3 (art. 38).
    min_count: int = Field(default=5, ge=3)
    protection_ratio: float = Field(default=0.3, gt=0, lt=1)
    max_rounds: int = Field(default=500, ge=1)
    # Processes protecting blocks side by side (anonymizer.protection); 1: a thread of the
    # run's process. Each needs memory for its block (under 800 MB for Mazowieckie's year).
    protection_workers: int = Field(default=1, ge=1, le=64)
    # Monthly layer with cell-key perturbation (anonymizer.ckm), for runs that do not say.
    monthly_layer: bool = False
    # HMAC key of the record keys. Never change it once monthly cells are out: a new key
    # redraws every noise and the versions can be averaged. The p-table parameters are not
    # published (the maximum deviation bounds what an attacker must try).
    ckm_key: SecretStr | None = None
    ckm_max_deviation: int = Field(default=3, ge=2)
    ckm_variance: float = Field(default=1.5, gt=0)
    # The background worker polls for pending runs (and wakes at once on a new request).
    worker_enabled: bool = True
    worker_poll_seconds: float = Field(default=5.0, gt=0)

    @model_validator(mode="after")
    def _ckm_key_outside_development(self) -> AnonymizerSettings:
        if self.monthly_layer and self.ckm_secret() is None:
            raise ValueError(
                "SOCMAP_ANONYMIZER_MONTHLY_LAYER needs SOCMAP_ANONYMIZER_CKM_KEY (at least"
                f" {MIN_KEY_LENGTH} characters, not a placeholder) outside development."
            )
        return self

    def ckm_secret(self) -> bytes | None:
        """The record-key HMAC key: the configured one, the development key in development and
        test, and ``None`` when a production deployment has no usable key."""
        key = self.ckm_key.get_secret_value() if self.ckm_key is not None else ""
        usable = key.strip().lower() not in _PLACEHOLDERS and len(key) >= MIN_KEY_LENGTH
        if key and (usable or self.is_development):
            return key.encode()
        return DEVELOPMENT_CKM_KEY.encode() if self.is_development else None

    def ptable_parameters(self) -> PTableParameters:
        return PTableParameters(max_deviation=self.ckm_max_deviation, variance=self.ckm_variance)
