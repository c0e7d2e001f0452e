"""Migration 0013 turns the stored case numbers and idempotency keys into the hashes the
service computes, drops age band and sex and the delivered outbox events, and refuses to run
without ingest's key when there is something to convert."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import Engine, create_engine, text

from ingest.testing import GMINA, create_test_geography
from ingest.validation import institution_hash
from shared.db.admin import drop_database, migrate_database, recreate_database
from shared.db.engine import make_engine
from shared.settings import DatabaseSettings

BEFORE = "0012_key_check"
REVISION = "0013_ingest_minimisation"
KEY = "a-production-pseudonymization-key-of-40-chars"
INSTITUTION = uuid.UUID("00000000-0000-4000-8000-000000000013")
BATCH = uuid.UUID("00000000-0000-4000-8000-000000000031")
BATCH_EVENT = f'{{"cause": "batch", "gminas": ["{GMINA}"], "date_from": "2024-03-15"}}'
STORED = (
    "INSERT INTO auth.institution (id, kind, name, territory)"
    f" VALUES (:institution, 'MOPS', 'MOPS 0013', '{{{GMINA}}}')",
    "INSERT INTO ingest.batch (id, institution_id, idempotency_key, content_hash, media_type,"
    " status) VALUES (:batch, :institution, 'upload-1', '\\x00', 'application/json', 'completed')",
    "INSERT INTO ingest.record (institution_id, external_id, subject_id_type, subject_hash,"
    " reference_date, categories, gmina_code, unresolved_reason, age_band, sex, source_kind,"
    " batch_id) VALUES (:institution, 'OPS-2024-1', 'local', :subject, '2024-03-15',"
    f" '{{poverty}}', '{GMINA}', 'municipality_only', '30-39', 'F', 'ops', :batch)",
    "INSERT INTO ingest.outbox (event, payload, dispatched_at) VALUES"
    f" ('records_changed', '{BATCH_EVENT}', now()),"
    f" ('records_changed', '{BATCH_EVENT}', NULL),"
    f""" ('records_changed', '{{"cause": "erasure", "gminas": ["{GMINA}"]}}', NULL)""",
)


@pytest.fixture
async def scratch(database_settings: DatabaseSettings) -> AsyncIterator[DatabaseSettings]:
    """A database migrated to the revision before 0013, with a stored record."""
    name = f"socmap_scratch_0013_{os.getpid()}"
    recreate_database(database_settings, name)
    settings = DatabaseSettings(name=name)
    migrate_database(settings, BEFORE)
    engine = make_engine(settings.url())
    async with engine.begin() as connection:
        await create_test_geography(connection)
        for statement in STORED:
            await connection.execute(
                text(statement), {"institution": INSTITUTION, "batch": BATCH, "subject": b"s" * 32}
            )
    await engine.dispose()
    yield settings
    drop_database(database_settings, name)


def _engine(settings: DatabaseSettings) -> Engine:
    return create_engine(settings.url(driver="postgresql+psycopg"))


def test_stored_ids_become_the_services_hashes(
    scratch: DatabaseSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Outside development, no key: refused, and nothing changed.
    monkeypatch.setenv("SOCMAP_ENV", "production")
    monkeypatch.delenv("SOCMAP_INGEST_PSEUDONYMIZATION_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SOCMAP_INGEST_PSEUDONYMIZATION_KEY"):
        migrate_database(scratch, REVISION)
    engine = _engine(scratch)
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT version_num FROM alembic_version")) == BEFORE

    monkeypatch.setenv("SOCMAP_INGEST_PSEUDONYMIZATION_KEY", KEY)
    migrate_database(scratch, REVISION)
    with engine.connect() as connection:
        record = connection.execute(text("SELECT * FROM ingest.record")).mappings().one()
        batch = connection.execute(text("SELECT * FROM ingest.batch")).mappings().one()
        payloads = connection.scalars(text("SELECT payload FROM ingest.outbox ORDER BY id")).all()
        extensions = connection.scalars(text("SELECT extname FROM pg_extension")).all()
    engine.dispose()

    assert record["external_hash"] == institution_hash(
        KEY.encode(), "external", INSTITUTION, "OPS-2024-1"
    )
    assert batch["idempotency_hash"] == institution_hash(
        KEY.encode(), "idempotency", INSTITUTION, "upload-1"
    )
    assert not {"external_id", "age_band", "sex"} & set(record)
    assert "idempotency_key" not in batch
    # The delivered event is gone; the pending ones keep no date, the erasure no gmina.
    assert payloads == [{"cause": "batch", "gminas": [GMINA]}, {"cause": "erasure"}]
    assert "pgcrypto" not in extensions
