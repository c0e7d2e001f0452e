"""Ingest keeps less: case numbers and idempotency keys only as keyed hashes, no age band or sex,
no delivered outbox event.

- ``ingest.record.external_id`` becomes ``external_hash`` =
  HMAC-SHA256(key, "external:<institution id>:<external_id>") and ``ingest.batch
  .idempotency_key`` becomes ``idempotency_hash`` = HMAC-SHA256(key, "idempotency:<institution
  id>:<Idempotency-Key>"), with ingest's pseudonymization key: each institution's ids stay apart,
  and upserts, replays and erasures by the client's own ids keep working.
- Stored clear values are converted here with pgcrypto's ``hmac()`` (the extension is added for
  the conversion and removed again). The key is ``SOCMAP_INGEST_PSEUDONYMIZATION_KEY``, the
  variable the service reads; under ``SOCMAP_ENV=development|test`` an unset key means the
  development key, as in the service. Outside development, the migration refuses to run without
  the key when there is something to convert (an empty database needs no key).
- ``age_band`` and ``sex`` are dropped: no aggregation or output uses them.
- Delivered outbox events are deleted (and ``dispatched_at`` with them): the dispatcher now
  deletes an event once delivered. Pending events lose their dates (the anonymizer never read
  them) and pending erasures their gminas (the dispatcher asks for the institution's territory).

Downgrade cannot bring clear values back: ``external_id`` and ``idempotency_key`` return holding
the hex of the hashes, age band and sex empty.

Revision ID: 0013_ingest_minimisation
Revises: 0012_key_check
"""

import os
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_ingest_minimisation"
down_revision: str | None = "0012_key_check"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY_VARIABLE = "SOCMAP_INGEST_PSEUDONYMIZATION_KEY"
# ``ingest.settings.DEVELOPMENT_PSEUDONYMIZATION_KEY`` as of this revision (a migration does not
# import a service).
DEVELOPMENT_KEY = "socmap-development-only-pseudonymization-key"

HASH_EXTERNAL_IDS = """
UPDATE ingest.record SET external_hash = hmac(
    convert_to('external:' || institution_id::text || ':' || external_id, 'UTF8'),
    convert_to(:key, 'UTF8'), 'sha256')
"""
HASH_IDEMPOTENCY_KEYS = """
UPDATE ingest.batch SET idempotency_hash = hmac(
    convert_to('idempotency:' || institution_id::text || ':' || idempotency_key, 'UTF8'),
    convert_to(:key, 'UTF8'), 'sha256')
WHERE idempotency_key IS NOT NULL
"""


def _key() -> str | None:
    key = os.environ.get(KEY_VARIABLE, "")
    if key:
        return key
    if os.environ.get("SOCMAP_ENV") in ("development", "test"):
        return DEVELOPMENT_KEY
    return None


def _hash_stored_ids() -> None:
    bind = op.get_bind()
    stored = bind.scalar(
        sa.text(
            "SELECT EXISTS (SELECT FROM ingest.record)"
            " OR EXISTS (SELECT FROM ingest.batch WHERE idempotency_key IS NOT NULL)"
        )
    )
    if not stored:
        return
    key = _key()
    if key is None:
        raise RuntimeError(
            f"Migration {revision} replaces the stored case numbers and idempotency keys by "
            f"keyed hashes and needs ingest's key: set {KEY_VARIABLE} to the value the ingest "
            "service uses (or SOCMAP_ENV=development for a development database)."
        )
    had_pgcrypto = bind.scalar(
        sa.text("SELECT EXISTS (SELECT FROM pg_extension WHERE extname = 'pgcrypto')")
    )
    if not had_pgcrypto:
        op.execute("CREATE EXTENSION pgcrypto")
    bind.execute(sa.text(HASH_EXTERNAL_IDS), {"key": key})
    bind.execute(sa.text(HASH_IDEMPOTENCY_KEYS), {"key": key})
    if not had_pgcrypto:
        op.execute("DROP EXTENSION pgcrypto")


def upgrade() -> None:
    op.add_column("record", sa.Column("external_hash", sa.LargeBinary()), schema="ingest")
    op.add_column("batch", sa.Column("idempotency_hash", sa.LargeBinary()), schema="ingest")
    _hash_stored_ids()

    op.alter_column("record", "external_hash", nullable=False, schema="ingest")
    op.drop_constraint(op.f("uq_record_institution_id_external_id"), "record", schema="ingest")
    op.drop_column("record", "external_id", schema="ingest")
    op.create_unique_constraint(
        op.f("uq_record_institution_id_external_hash"),
        "record",
        ["institution_id", "external_hash"],
        schema="ingest",
    )
    op.create_check_constraint(
        op.f("ck_record_external_hash_length"),
        "record",
        "octet_length(external_hash) = 32",
        schema="ingest",
    )
    # Their check constraints go with them.
    op.drop_column("record", "age_band", schema="ingest")
    op.drop_column("record", "sex", schema="ingest")

    op.drop_constraint(op.f("uq_batch_institution_id_idempotency_key"), "batch", schema="ingest")
    op.drop_column("batch", "idempotency_key", schema="ingest")
    op.create_unique_constraint(
        op.f("uq_batch_institution_id_idempotency_hash"),
        "batch",
        ["institution_id", "idempotency_hash"],
        schema="ingest",
    )
    op.create_check_constraint(
        op.f("ck_batch_idempotency_hash_length"),
        "batch",
        "idempotency_hash IS NULL OR octet_length(idempotency_hash) = 32",
        schema="ingest",
    )

    op.execute("DELETE FROM ingest.outbox WHERE dispatched_at IS NOT NULL")
    op.execute("UPDATE ingest.outbox SET payload = payload - 'date_from' - 'date_to'")
    op.execute(
        "UPDATE ingest.outbox SET payload = payload - 'gminas' WHERE payload->>'cause' = 'erasure'"
    )
    op.drop_index(op.f("ix_outbox_pending"), table_name="outbox", schema="ingest")
    op.drop_column("outbox", "dispatched_at", schema="ingest")
    op.create_index(op.f("ix_outbox_available_at"), "outbox", ["available_at"], schema="ingest")


def downgrade() -> None:
    op.drop_index(op.f("ix_outbox_available_at"), table_name="outbox", schema="ingest")
    op.add_column("outbox", sa.Column("dispatched_at", sa.DateTime(timezone=True)), schema="ingest")
    op.create_index(
        op.f("ix_outbox_pending"),
        "outbox",
        ["available_at"],
        schema="ingest",
        postgresql_where=sa.text("dispatched_at IS NULL"),
    )

    op.add_column("batch", sa.Column("idempotency_key", sa.String(length=200)), schema="ingest")
    op.execute("UPDATE ingest.batch SET idempotency_key = encode(idempotency_hash, 'hex')")
    op.drop_constraint(op.f("ck_batch_idempotency_hash_length"), "batch", schema="ingest")
    op.drop_constraint(op.f("uq_batch_institution_id_idempotency_hash"), "batch", schema="ingest")
    op.drop_column("batch", "idempotency_hash", schema="ingest")
    op.create_unique_constraint(
        op.f("uq_batch_institution_id_idempotency_key"),
        "batch",
        ["institution_id", "idempotency_key"],
        schema="ingest",
    )

    op.add_column("record", sa.Column("sex", sa.String(length=1)), schema="ingest")
    op.add_column("record", sa.Column("age_band", sa.String(length=8)), schema="ingest")
    op.create_check_constraint(
        op.f("ck_record_sex"), "record", "sex IN ('F', 'M')", schema="ingest"
    )
    op.create_check_constraint(
        op.f("ck_record_age_band"),
        "record",
        "age_band IN ('0-17', '18-24', '25-29', '30-39', '40-49', '50-59', '60-69', '70-79',"
        " '80+')",
        schema="ingest",
    )
    op.add_column("record", sa.Column("external_id", sa.String(length=64)), schema="ingest")
    op.execute("UPDATE ingest.record SET external_id = encode(external_hash, 'hex')")
    op.alter_column("record", "external_id", nullable=False, schema="ingest")
    op.drop_constraint(op.f("ck_record_external_hash_length"), "record", schema="ingest")
    op.drop_constraint(op.f("uq_record_institution_id_external_hash"), "record", schema="ingest")
    op.drop_column("record", "external_hash", schema="ingest")
    op.create_unique_constraint(
        op.f("uq_record_institution_id_external_id"),
        "record",
        ["institution_id", "external_id"],
        schema="ingest",
    )
