"""The service refuses to start without a pseudonymization key outside development."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from ingest.app import create_app
from ingest.settings import DEVELOPMENT_PSEUDONYMIZATION_KEY, IngestSettings

GOOD_KEY = "k" * 48


@pytest.mark.parametrize(
    "key", [None, "", "changeme", "short-key", DEVELOPMENT_PSEUDONYMIZATION_KEY]
)
def test_production_without_a_real_key_refuses_to_start(
    monkeypatch: pytest.MonkeyPatch, key: str | None
) -> None:
    monkeypatch.setenv("SOCMAP_ENV", "production")
    if key is None:
        monkeypatch.delenv("SOCMAP_INGEST_PSEUDONYMIZATION_KEY", raising=False)
    else:
        monkeypatch.setenv("SOCMAP_INGEST_PSEUDONYMIZATION_KEY", key)
    with pytest.raises(ValidationError, match="PSEUDONYMIZATION_KEY"):
        create_app()


def test_production_with_a_key_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOCMAP_ENV", "production")
    monkeypatch.setenv("SOCMAP_INGEST_PSEUDONYMIZATION_KEY", GOOD_KEY)
    settings = IngestSettings()
    assert settings.hmac_key() == GOOD_KEY.encode()
    assert create_app(settings).state.settings is settings


@pytest.mark.parametrize("environment", ["development", "test"])
def test_development_uses_the_development_key(
    monkeypatch: pytest.MonkeyPatch, environment: str
) -> None:
    monkeypatch.setenv("SOCMAP_ENV", environment)
    monkeypatch.delenv("SOCMAP_INGEST_PSEUDONYMIZATION_KEY", raising=False)
    assert IngestSettings().hmac_key() == DEVELOPMENT_PSEUDONYMIZATION_KEY.encode()


def test_same_pesel_links_up_across_institutions_but_local_ids_do_not() -> None:
    import uuid
    from datetime import date

    from ingest.validation import Catalogue, Context, ValidRow, validate_record

    catalogue = Catalogue.build([("poverty", "ops", "ubóstwo", None, None, None)])

    def hashed(institution: uuid.UUID, subject: str, kind: str) -> bytes:
        context = Context(institution, "ops", b"x" * 32, catalogue, date(2025, 1, 1))
        row = validate_record(
            {
                "external_id": "A-1",
                "subject_id": subject,
                "subject_id_type": kind,
                "reference_date": "2024-01-01",
                "categories": ["poverty"],
            },
            row=0,
            line=None,
            context=context,
        )
        assert isinstance(row, ValidRow)
        return row.subject_hash

    first, second = uuid.uuid4(), uuid.uuid4()
    assert hashed(first, "44051401359", "pesel") == hashed(second, "44051401359", "pesel")
    assert hashed(first, "R-1", "local") != hashed(second, "R-1", "local")
    assert len(hashed(first, "44051401359", "pesel")) == 32
