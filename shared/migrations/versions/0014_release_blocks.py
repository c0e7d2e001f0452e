"""Anonymizer: a release references the blocks it carries over instead of copying their cells.

- ``stats.cell.voivodeship``: the TERC prefix of the cell's unit (generated), so that a
  (voivodeship, period) block of cells is one index range.
- ``stats.release_block``: for every (voivodeship, period) a release shows, the release whose
  cells it shows there: itself for the blocks it computed, an earlier release for the blocks
  it carried over unchanged. A trigger registers every cell a release writes as its own, so
  a writer cannot forget it. Immutable, as the cells are.
- The published views read the cells through ``release_block``; what they show of a release is
  exactly what they showed when every cell was copied (existing releases reference themselves).
- ``stats_internal.block_loss``: per written block and (level, measure, source), the counts
  behind the information loss (cells, primary, secondary, pending, and the persons inside the
  suppressed cells from the true counts): a release's loss is the sum over its blocks, with
  no scan of its cells. Readable by the anonymizer's role only, like ``true_cell``.

Downgrade copies the referenced cells into the releases that show them, then drops the rest.

Revision ID: 0014_release_blocks
Revises: 0013_ingest_minimisation
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_release_blocks"
down_revision: str | None = "0013_ingest_minimisation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CELL_COLUMNS = (
    "unit_code, level, category, period, period_kind, measure, source, value, suppressed,"
    " suppression, population, rate, rate_lower, rate_upper, revision_pending"
)

REGISTER = """
CREATE FUNCTION stats.register_own_blocks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO stats.release_block (release_id, voivodeship, period, cell_release_id)
    SELECT DISTINCT release_id, voivodeship, period, release_id FROM written
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER cell_registers_block AFTER INSERT ON stats.cell
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT
    EXECUTE FUNCTION stats.register_own_blocks();
CREATE TRIGGER release_block_immutable BEFORE UPDATE OR DELETE ON stats.release_block
    FOR EACH ROW EXECUTE FUNCTION stats.refuse_cell_change();
"""

BACKFILL = """
INSERT INTO stats.release_block (release_id, voivodeship, period, cell_release_id)
SELECT DISTINCT release_id, voivodeship, period, release_id FROM stats.cell;
INSERT INTO stats_internal.block_loss
SELECT c.release_id, c.voivodeship, c.period, c.level, c.measure, c.source, count(*),
       count(*) FILTER (WHERE c.suppression = 'primary'),
       count(*) FILTER (WHERE c.suppression = 'secondary'),
       count(*) FILTER (WHERE c.revision_pending),
       coalesce(sum(t.value) FILTER (WHERE c.suppressed), 0)
FROM stats.cell c LEFT JOIN stats_internal.true_cell t
  USING (unit_code, category, period, measure, source)
WHERE c.period_kind <> 'month'
GROUP BY 1, 2, 3, 4, 5, 6;
"""

VIEWS = """
CREATE OR REPLACE VIEW stats.published_cell AS
SELECT b.release_id, c.unit_code, c.level, c.category, c.period, c.period_kind, c.measure,
       c.source, c.value, c.suppressed, c.population, c.rate, c.rate_lower, c.rate_upper,
       r.is_current, c.revision_pending
FROM stats.published_release r
JOIN stats.release_block b ON b.release_id = r.id
JOIN stats.cell c ON c.release_id = b.cell_release_id AND c.voivodeship = b.voivodeship
                 AND c.period = b.period;

CREATE OR REPLACE VIEW stats.current_cell AS
SELECT b.release_id, c.unit_code, c.level, c.category, c.period, c.period_kind, c.measure,
       c.source, c.value, c.suppressed, c.population, c.rate, c.rate_lower, c.rate_upper,
       c.revision_pending
FROM stats.release_block b
JOIN stats.cell c ON c.release_id = b.cell_release_id AND c.voivodeship = b.voivodeship
                 AND c.period = b.period
WHERE b.release_id = (SELECT max(id) FROM stats.release WHERE status = 'published');
"""

OLD_VIEWS = """
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

PRIVATE = "GRANT SELECT, INSERT, DELETE ON stats_internal.block_loss TO socmap_anonymizer;"

MATERIALIZE = f"""
INSERT INTO stats.cell (release_id, {CELL_COLUMNS})
SELECT b.release_id, {", ".join("c." + name.strip() for name in CELL_COLUMNS.split(","))}
FROM stats.release_block b
JOIN stats.cell c ON c.release_id = b.cell_release_id AND c.voivodeship = b.voivodeship
                 AND c.period = b.period
WHERE b.cell_release_id <> b.release_id;
"""


def upgrade() -> None:
    op.add_column(
        "cell",
        sa.Column(
            "voivodeship",
            sa.String(length=2),
            sa.Computed("left(unit_code, 2)", persisted=True),
            nullable=False,
        ),
        schema="stats",
    )
    op.drop_index("ix_cell_release_id_category_period", table_name="cell", schema="stats")
    op.create_index(
        "ix_cell_block",
        "cell",
        ["release_id", "voivodeship", "period", "category"],
        schema="stats",
    )
    op.create_table(
        "release_block",
        sa.Column("release_id", sa.Integer(), nullable=False),
        sa.Column("voivodeship", sa.String(length=2), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("cell_release_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "cell_release_id <= release_id", name=op.f("ck_release_block_earlier_cells")
        ),
        sa.ForeignKeyConstraint(
            ["release_id"],
            ["stats.release.id"],
            name=op.f("fk_release_block_release_id_release"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["cell_release_id"],
            ["stats.release.id"],
            name=op.f("fk_release_block_cell_release_id_release"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "release_id", "voivodeship", "period", name=op.f("pk_release_block")
        ),
        schema="stats",
    )
    op.create_table(
        "block_loss",
        sa.Column("release_id", sa.Integer(), nullable=False),
        sa.Column("voivodeship", sa.String(length=2), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("level", sa.String(length=12), nullable=False),
        sa.Column("measure", sa.String(length=10), nullable=False),
        sa.Column("source", sa.String(length=4), nullable=False),
        sa.Column("cells", sa.Integer(), nullable=False),
        sa.Column("primary_cells", sa.Integer(), nullable=False),
        sa.Column("secondary_cells", sa.Integer(), nullable=False),
        sa.Column("pending_cells", sa.Integer(), nullable=False),
        sa.Column("hidden_total", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            "release_id",
            "voivodeship",
            "period",
            "level",
            "measure",
            "source",
            name=op.f("pk_block_loss"),
        ),
        schema="stats_internal",
    )
    op.execute(PRIVATE)
    op.execute(REGISTER)
    op.execute(BACKFILL)
    op.execute(VIEWS)


def downgrade() -> None:
    op.execute(OLD_VIEWS)
    op.execute("DROP TRIGGER cell_registers_block ON stats.cell")
    op.execute("DROP FUNCTION stats.register_own_blocks()")
    op.execute(MATERIALIZE)
    op.drop_table("block_loss", schema="stats_internal")
    op.drop_table("release_block", schema="stats")
    op.drop_index("ix_cell_block", table_name="cell", schema="stats")
    op.create_index(
        "ix_cell_release_id_category_period",
        "cell",
        ["release_id", "category", "period"],
        schema="stats",
    )
    op.drop_column("cell", "voivodeship", schema="stats")
