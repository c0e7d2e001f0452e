"""Anonymizer: runs, releases, cells, audit; published views for map-tiles.

Revision ID: 0004_stats
Revises: 0003_catalog
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

revision: str = "0004_stats"
down_revision: str | None = "0003_catalog"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Default privileges of schema stats (0001) give socmap_anonymizer read/write on these tables;
# map-tiles gets SELECT on the published views only (below), never on the tables.

# A release is immutable once written: its cells can be neither changed nor deleted.
IMMUTABLE_CELLS = """
CREATE FUNCTION stats.refuse_cell_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'cells of a release are immutable' USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER cell_immutable BEFORE UPDATE OR DELETE ON stats.cell
    FOR EACH ROW EXECUTE FUNCTION stats.refuse_cell_change();
"""

# Only published releases; primary and secondary suppression look the same (no kind column).
PUBLISHED_VIEWS = """
CREATE VIEW stats.published_release AS
SELECT r.id, r.method, r.k, r.parameters, r.periods, r.open_periods, r.as_of, r.audit,
       r.published_at,
       r.id = (SELECT max(id) FROM stats.release WHERE status = 'published') AS is_current
FROM stats.release r
WHERE r.status = 'published';

CREATE VIEW stats.published_cell AS
SELECT c.release_id, c.unit_code, c.level, c.category, c.period, c.period_kind, c.measure,
       c.source, c.value, c.suppressed, c.population, c.rate, c.rate_lower, c.rate_upper,
       r.is_current
FROM stats.cell c
JOIN stats.published_release r ON r.id = c.release_id;

CREATE VIEW stats.current_cell AS
SELECT c.release_id, c.unit_code, c.level, c.category, c.period, c.period_kind, c.measure,
       c.source, c.value, c.suppressed, c.population, c.rate, c.rate_lower, c.rate_upper
FROM stats.cell c
WHERE c.release_id = (SELECT max(id) FROM stats.release WHERE status = 'published');

GRANT SELECT ON stats.published_release, stats.published_cell, stats.current_cell
    TO socmap_map_tiles;
"""

VIEWS = ("current_cell", "published_cell", "published_release")

# The 2007-2008 benchmarking group of the source documents (data/reference/gwd-cities.csv
# without Wrocław, which was not a member).
GWD_GROUP = (
    ("2461011", "Bielsko-Biała"),
    ("2464011", "Częstochowa"),
    ("0202021", "Dzierżoniów"),
    ("3062011", "Konin"),
    ("1428011", "Sochaczew"),
    ("2264011", "Sopot"),
    ("3024073", "Szamotuły"),
)


def upgrade() -> None:
    op.create_table(
        "peer_group",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_peer_group")),
        schema="stats",
    )
    op.create_table(
        "release",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("status", sa.String(length=12), server_default="published", nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("k", sa.SmallInteger(), nullable=False),
        sa.Column(
            "parameters", postgresql.JSONB(astext_type=Text()), server_default="{}", nullable=False
        ),
        sa.Column("periods", sa.ARRAY(sa.String(length=7)), nullable=False),
        sa.Column(
            "open_periods", sa.ARRAY(sa.String(length=7)), server_default="{}", nullable=False
        ),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column(
            "audit", postgresql.JSONB(astext_type=Text()), server_default="{}", nullable=False
        ),
        sa.Column("run_id", sa.UUID(), nullable=True),
        sa.Column(
            "published_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint("status IN ('published', 'withdrawn')", name=op.f("ck_release_status")),
        sa.CheckConstraint("k >= 3", name=op.f("ck_release_k_min")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_release")),
        schema="stats",
    )
    op.create_table(
        "cell",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("release_id", sa.Integer(), nullable=False),
        sa.Column("unit_code", sa.String(length=12), nullable=False),
        sa.Column("level", sa.String(length=12), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("period_kind", sa.String(length=8), nullable=False),
        sa.Column("measure", sa.String(length=10), nullable=False),
        sa.Column("source", sa.String(length=4), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("suppressed", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("suppression", sa.String(length=10), nullable=True),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.Column("rate", sa.Double(), nullable=True),
        sa.Column("rate_lower", sa.Double(), nullable=True),
        sa.Column("rate_upper", sa.Double(), nullable=True),
        sa.CheckConstraint(
            "level IN ('voivodeship', 'powiat', 'gmina', 'district')", name=op.f("ck_cell_level")
        ),
        sa.CheckConstraint("measure IN ('persons', 'households')", name=op.f("ck_cell_measure")),
        sa.CheckConstraint("period_kind IN ('quarter', 'year')", name=op.f("ck_cell_period_kind")),
        sa.CheckConstraint("source IN ('ops', 'pup', 'both', 'all')", name=op.f("ck_cell_source")),
        sa.CheckConstraint(
            "suppression IS NULL OR suppression IN ('primary', 'secondary')",
            name=op.f("ck_cell_suppression"),
        ),
        sa.CheckConstraint(
            "NOT suppressed OR (value IS NULL AND rate IS NULL AND rate_lower IS NULL"
            " AND rate_upper IS NULL)",
            name=op.f("ck_cell_suppressed_no_value"),
        ),
        sa.CheckConstraint(
            "suppressed = (suppression IS NOT NULL)", name=op.f("ck_cell_suppressed_kind")
        ),
        sa.CheckConstraint(
            "suppressed OR value IS NOT NULL", name=op.f("ck_cell_value_or_suppressed")
        ),
        sa.CheckConstraint("value IS NULL OR value >= 0", name=op.f("ck_cell_value_non_negative")),
        sa.ForeignKeyConstraint(
            ["release_id"],
            ["stats.release.id"],
            name=op.f("fk_cell_release_id_release"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cell")),
        sa.UniqueConstraint(
            "release_id",
            "unit_code",
            "category",
            "period",
            "measure",
            "source",
            name=op.f("uq_cell_release_id_unit_code_category_period_measure_source"),
        ),
        schema="stats",
    )
    op.create_index(
        "ix_cell_release_id_category_period",
        "cell",
        ["release_id", "category", "period"],
        unique=False,
        schema="stats",
    )
    op.create_table(
        "frozen_cell",
        sa.Column("unit_code", sa.String(length=12), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("measure", sa.String(length=10), nullable=False),
        sa.Column("source", sa.String(length=4), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("suppressed", sa.Boolean(), nullable=False),
        sa.Column("release_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "NOT suppressed OR value IS NULL", name=op.f("ck_frozen_cell_suppressed_no_value")
        ),
        sa.ForeignKeyConstraint(
            ["release_id"],
            ["stats.release.id"],
            name=op.f("fk_frozen_cell_release_id_release"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "unit_code", "category", "period", "measure", "source", name=op.f("pk_frozen_cell")
        ),
        schema="stats",
    )
    op.create_table(
        "peer_group_member",
        sa.Column("group_code", sa.String(length=64), nullable=False),
        sa.Column("unit_code", sa.String(length=7), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "unit_code ~ '^[0-9]{7}$'", name=op.f("ck_peer_group_member_unit_code_format")
        ),
        sa.ForeignKeyConstraint(
            ["group_code"],
            ["stats.peer_group.code"],
            name=op.f("fk_peer_group_member_group_code_peer_group"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("group_code", "unit_code", name=op.f("pk_peer_group_member")),
        schema="stats",
    )
    op.create_table(
        "run",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("status", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("gminas", sa.ARRAY(sa.String(length=7)), nullable=True),
        sa.Column("trigger", sa.String(length=32), server_default="api", nullable=False),
        sa.Column(
            "parameters", postgresql.JSONB(astext_type=Text()), server_default="{}", nullable=False
        ),
        sa.Column("requests", sa.Integer(), server_default="1", nullable=False),
        sa.Column(
            "events", postgresql.JSONB(astext_type=Text()), server_default="[]", nullable=False
        ),
        sa.Column("idempotency_key", sa.String(length=200), nullable=True),
        sa.Column(
            "progress", postgresql.JSONB(astext_type=Text()), server_default="{}", nullable=False
        ),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("release_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'running', 'published', 'failed', 'held_back')",
            name=op.f("ck_run_status"),
        ),
        sa.ForeignKeyConstraint(
            ["release_id"],
            ["stats.release.id"],
            name=op.f("fk_run_release_id_release"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_run")),
        schema="stats",
    )
    op.create_index(
        "ix_run_status_created_at", "run", ["status", "created_at"], unique=False, schema="stats"
    )
    op.create_index(
        "uq_run_idempotency_key",
        "run",
        ["idempotency_key"],
        unique=True,
        schema="stats",
        postgresql_where=sa.text("idempotency_key IS NOT NULL"),
    )
    op.execute(IMMUTABLE_CELLS)
    op.execute(PUBLISHED_VIEWS)
    op.execute(
        "INSERT INTO stats.peer_group (code, name, description) VALUES ('gwd-2007-2008',"
        " 'Benchmarking group 2007-2008', 'Bielsko-Biała, Częstochowa, Dzierżoniów, Konin,"
        " Sochaczew, Sopot, Szamotuły: the group of the source documents')"
    )
    values = ", ".join(f"('gwd-2007-2008', '{code}', '{name}')" for code, name in GWD_GROUP)
    op.execute(f"INSERT INTO stats.peer_group_member (group_code, unit_code, name) VALUES {values}")


def downgrade() -> None:
    for view in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS stats.{view}")
    op.drop_index(
        "uq_run_idempotency_key",
        table_name="run",
        schema="stats",
        postgresql_where=sa.text("idempotency_key IS NOT NULL"),
    )
    op.drop_index("ix_run_status_created_at", table_name="run", schema="stats")
    op.drop_table("run", schema="stats")
    op.drop_table("peer_group_member", schema="stats")
    op.drop_table("frozen_cell", schema="stats")
    op.drop_index("ix_cell_release_id_category_period", table_name="cell", schema="stats")
    op.drop_table("cell", schema="stats")
    op.execute("DROP FUNCTION IF EXISTS stats.refuse_cell_change()")
    op.drop_table("release", schema="stats")
    op.drop_table("peer_group", schema="stats")
