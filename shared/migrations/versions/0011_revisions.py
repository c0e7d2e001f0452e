"""Anonymizer: revisions that never stop a release, and incremental runs.

- ``stats.cell.revision_pending``: a cell of a closed period whose true value changed (a late
  record, a correction, an erasure) but cannot be published safely yet keeps its last
  published value and says so; the published views show the flag.
- ``stats_internal.true_cell``: the true counts behind the current release, so that a run can
  tell which (voivodeship, period) blocks changed and carry the others over. Only the
  anonymizer's role may read it (no USAGE for anyone else, not even on the schema).

Revision ID: 0011_revisions
Revises: 0010_category_closure
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_revisions"
down_revision: str | None = "0010_category_closure"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = """
CREATE OR REPLACE VIEW stats.published_cell AS
SELECT c.release_id, c.unit_code, c.level, c.category, c.period, c.period_kind, c.measure,
       c.source, c.value, c.suppressed, c.population, c.rate, c.rate_lower, c.rate_upper,
       r.is_current, c.revision_pending
FROM stats.cell c
JOIN stats.published_release r ON r.id = c.release_id;

CREATE OR REPLACE VIEW stats.current_cell AS
SELECT c.release_id, c.unit_code, c.level, c.category, c.period, c.period_kind, c.measure,
       c.source, c.value, c.suppressed, c.population, c.rate, c.rate_lower, c.rate_upper,
       c.revision_pending
FROM stats.cell c
WHERE c.release_id = (SELECT max(id) FROM stats.release WHERE status = 'published');
"""

OLD_VIEWS = """
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

GRANT SELECT ON stats.published_cell, stats.current_cell TO socmap_map_tiles;
"""

PRIVATE = """
REVOKE ALL ON SCHEMA stats_internal FROM PUBLIC;
GRANT USAGE ON SCHEMA stats_internal TO socmap_anonymizer;
GRANT SELECT, INSERT, UPDATE, DELETE ON stats_internal.true_cell TO socmap_anonymizer;
"""


def upgrade() -> None:
    op.add_column(
        "cell",
        sa.Column("revision_pending", sa.Boolean(), server_default="false", nullable=False),
        schema="stats",
    )
    op.create_check_constraint(
        op.f("ck_cell_pending_shows_value"),
        "cell",
        "NOT (revision_pending AND suppressed)",
        schema="stats",
    )
    op.execute(VIEWS)
    op.execute("CREATE SCHEMA stats_internal")
    op.create_table(
        "true_cell",
        sa.Column("unit_code", sa.String(length=12), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("measure", sa.String(length=10), nullable=False),
        sa.Column("source", sa.String(length=4), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "unit_code", "category", "period", "measure", "source", name=op.f("pk_true_cell")
        ),
        schema="stats_internal",
    )
    op.execute(PRIVATE)


def downgrade() -> None:
    op.drop_table("true_cell", schema="stats_internal")
    op.execute("DROP SCHEMA stats_internal")
    op.execute("DROP VIEW stats.current_cell")
    op.execute("DROP VIEW stats.published_cell")
    op.execute(OLD_VIEWS)
    op.drop_constraint(op.f("ck_cell_pending_shows_value"), "cell", schema="stats", type_="check")
    op.drop_column("cell", "revision_pending", schema="stats")
