"""Ingest: export profiles (issue 16, item 2). An institution describes its export once: column
mapping, ignored columns, value mapping, date formats, encoding and delimiter. Each update is a
new version; a batch records the profile version it was read with.

A profile holds column names and code mappings only, never a value of an ignored column.

Revision ID: 0018_export_profiles
Revises: 0017_address_register
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0018_export_profiles"
down_revision: str | None = "0017_address_register"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Default privileges of schema ingest grant socmap_ingest read/write (0001_foundation).
    op.create_table(
        "export_profile",
        sa.Column("institution_id", sa.UUID(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("key_id", sa.UUID(), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.CheckConstraint("version >= 1", name=op.f("ck_export_profile_version")),
        sa.ForeignKeyConstraint(
            ["institution_id"],
            ["auth.institution.id"],
            name=op.f("fk_export_profile_institution_id_institution"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["key_id"],
            ["auth.api_key.id"],
            name=op.f("fk_export_profile_key_id_api_key"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint(
            "institution_id", "name", "version", name=op.f("pk_export_profile")
        ),
        schema="ingest",
    )
    op.add_column("batch", sa.Column("profile_name", sa.String(length=64)), schema="ingest")
    op.add_column("batch", sa.Column("profile_version", sa.Integer()), schema="ingest")


def downgrade() -> None:
    op.drop_column("batch", "profile_version", schema="ingest")
    op.drop_column("batch", "profile_name", schema="ingest")
    op.drop_table("export_profile", schema="ingest")
