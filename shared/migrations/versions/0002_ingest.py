"""Ingest: pseudonymized case records, batches, outbox, audit log, erasures.

Revision ID: 0002_ingest
Revises: 0001_foundation
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

revision: str = "0002_ingest"
down_revision: str | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Default privileges of schema ingest (0001) already grant socmap_ingest read/write and
# socmap_anonymizer read on these tables and their sequences.


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("event", sa.String(length=32), nullable=False),
        sa.Column("payload", postgresql.JSONB(astext_type=Text()), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "available_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("dispatched_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        schema="ingest",
    )
    op.create_index(
        "ix_outbox_pending",
        "outbox",
        ["available_at"],
        unique=False,
        schema="ingest",
        postgresql_where=sa.text("dispatched_at IS NULL"),
    )
    op.create_table(
        "batch",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("institution_id", sa.UUID(), nullable=False),
        sa.Column("key_id", sa.UUID(), nullable=True),
        sa.Column("idempotency_key", sa.String(length=200), nullable=True),
        sa.Column("content_hash", sa.LargeBinary(), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=12), server_default="processing", nullable=False),
        sa.Column("received", sa.Integer(), server_default="0", nullable=False),
        sa.Column("inserted", sa.Integer(), server_default="0", nullable=False),
        sa.Column("updated", sa.Integer(), server_default="0", nullable=False),
        sa.Column("unchanged", sa.Integer(), server_default="0", nullable=False),
        sa.Column("rejected", sa.Integer(), server_default="0", nullable=False),
        sa.Column(
            "unresolved", postgresql.JSONB(astext_type=Text()), server_default="{}", nullable=False
        ),
        sa.Column(
            "rejected_by_code",
            postgresql.JSONB(astext_type=Text()),
            server_default="{}",
            nullable=False,
        ),
        sa.Column(
            "errors", postgresql.JSONB(astext_type=Text()), server_default="[]", nullable=False
        ),
        sa.Column("errors_truncated", sa.Boolean(), server_default="false", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("status IN ('processing', 'completed')", name=op.f("ck_batch_status")),
        sa.ForeignKeyConstraint(
            ["institution_id"],
            ["auth.institution.id"],
            name=op.f("fk_batch_institution_id_institution"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["key_id"],
            ["auth.api_key.id"],
            name=op.f("fk_batch_key_id_api_key"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_batch")),
        sa.UniqueConstraint(
            "institution_id",
            "idempotency_key",
            name=op.f("uq_batch_institution_id_idempotency_key"),
        ),
        schema="ingest",
    )
    op.create_index(
        "ix_batch_institution_id_created_at",
        "batch",
        ["institution_id", "created_at"],
        unique=False,
        schema="ingest",
    )
    op.create_table(
        "erasure",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("institution_id", sa.UUID(), nullable=False),
        sa.Column("key_id", sa.UUID(), nullable=True),
        sa.Column("requested", sa.Integer(), nullable=False),
        sa.Column("erased", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["institution_id"],
            ["auth.institution.id"],
            name=op.f("fk_erasure_institution_id_institution"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["key_id"],
            ["auth.api_key.id"],
            name=op.f("fk_erasure_key_id_api_key"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure")),
        schema="ingest",
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column(
            "occurred_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("institution_id", sa.UUID(), nullable=False),
        sa.Column("key_id", sa.UUID(), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("batch_id", sa.UUID(), nullable=True),
        sa.Column("erasure_id", sa.UUID(), nullable=True),
        sa.Column(
            "counts", postgresql.JSONB(astext_type=Text()), server_default="{}", nullable=False
        ),
        sa.CheckConstraint(
            "action IN ('batch', 'erase', 'erase_bulk')", name=op.f("ck_audit_log_action")
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["ingest.batch.id"],
            name=op.f("fk_audit_log_batch_id_batch"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["erasure_id"],
            ["ingest.erasure.id"],
            name=op.f("fk_audit_log_erasure_id_erasure"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["institution_id"],
            ["auth.institution.id"],
            name=op.f("fk_audit_log_institution_id_institution"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["key_id"],
            ["auth.api_key.id"],
            name=op.f("fk_audit_log_key_id_api_key"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
        schema="ingest",
    )
    op.create_index(
        "ix_audit_log_institution_id_occurred_at",
        "audit_log",
        ["institution_id", "occurred_at"],
        unique=False,
        schema="ingest",
    )
    op.create_table(
        "record",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("institution_id", sa.UUID(), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=False),
        sa.Column("subject_id_type", sa.String(length=8), nullable=False),
        sa.Column("subject_hash", sa.LargeBinary(), nullable=False),
        sa.Column("household_hash", sa.LargeBinary(), nullable=True),
        sa.Column("reference_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("categories", sa.ARRAY(sa.String(length=64)), nullable=False),
        sa.Column("gmina_code", sa.String(length=12), nullable=False),
        sa.Column("district_code", sa.String(length=12), nullable=True),
        sa.Column("unresolved_reason", sa.String(length=32), nullable=True),
        sa.Column("age_band", sa.String(length=8), nullable=True),
        sa.Column("sex", sa.String(length=1), nullable=True),
        sa.Column("source_kind", sa.String(length=3), nullable=False),
        sa.Column("batch_id", sa.UUID(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "age_band IN ('0-17', '18-24', '25-29', '30-39', '40-49', '50-59', '60-69', '70-79', '80+')",
            name=op.f("ck_record_age_band"),
        ),
        sa.CheckConstraint("sex IN ('F', 'M')", name=op.f("ck_record_sex")),
        sa.CheckConstraint("source_kind IN ('ops', 'pup')", name=op.f("ck_record_source_kind")),
        sa.CheckConstraint(
            "subject_id_type IN ('pesel', 'local')", name=op.f("ck_record_subject_id_type")
        ),
        sa.CheckConstraint(
            "unresolved_reason IN ('no_location', 'municipality_only', 'point_outside_districts', 'address_not_in_register', 'locality_not_in_register')",
            name=op.f("ck_record_unresolved_reason"),
        ),
        sa.CheckConstraint(
            "(district_code IS NULL) <> (unresolved_reason IS NULL)",
            name=op.f("ck_record_district_or_reason"),
        ),
        sa.CheckConstraint("cardinality(categories) > 0", name=op.f("ck_record_categories")),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= reference_date", name=op.f("ck_record_dates")
        ),
        sa.CheckConstraint(
            "household_hash IS NULL OR octet_length(household_hash) = 32",
            name=op.f("ck_record_household_hash_length"),
        ),
        sa.CheckConstraint(
            "octet_length(subject_hash) = 32", name=op.f("ck_record_subject_hash_length")
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["ingest.batch.id"],
            name=op.f("fk_record_batch_id_batch"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["geo.territorial_unit.code"],
            name=op.f("fk_record_district_code_territorial_unit"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["gmina_code"],
            ["geo.territorial_unit.code"],
            name=op.f("fk_record_gmina_code_territorial_unit"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["institution_id"],
            ["auth.institution.id"],
            name=op.f("fk_record_institution_id_institution"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record")),
        sa.UniqueConstraint(
            "institution_id", "external_id", name=op.f("uq_record_institution_id_external_id")
        ),
        schema="ingest",
    )
    op.create_index(
        op.f("ix_ingest_record_batch_id"), "record", ["batch_id"], unique=False, schema="ingest"
    )
    op.create_index(
        "ix_record_district_code", "record", ["district_code"], unique=False, schema="ingest"
    )
    op.create_index("ix_record_gmina_code", "record", ["gmina_code"], unique=False, schema="ingest")
    op.create_index(
        "ix_record_subject_hash", "record", ["subject_hash"], unique=False, schema="ingest"
    )


def downgrade() -> None:
    op.drop_index("ix_record_subject_hash", table_name="record", schema="ingest")
    op.drop_index("ix_record_gmina_code", table_name="record", schema="ingest")
    op.drop_index("ix_record_district_code", table_name="record", schema="ingest")
    op.drop_index(op.f("ix_ingest_record_batch_id"), table_name="record", schema="ingest")
    op.drop_table("record", schema="ingest")
    op.drop_index(
        "ix_audit_log_institution_id_occurred_at", table_name="audit_log", schema="ingest"
    )
    op.drop_table("audit_log", schema="ingest")
    op.drop_table("erasure", schema="ingest")
    op.drop_index("ix_batch_institution_id_created_at", table_name="batch", schema="ingest")
    op.drop_table("batch", schema="ingest")
    op.drop_index(
        "ix_outbox_pending",
        table_name="outbox",
        schema="ingest",
        postgresql_where=sa.text("dispatched_at IS NULL"),
    )
    op.drop_table("outbox", schema="ingest")
