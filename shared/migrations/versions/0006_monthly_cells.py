"""Anonymizer: monthly cells (the cell-key perturbed layer) may be stored.

Revision ID: 0006_monthly_cells
Revises: 0005_map_tiles
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006_monthly_cells"
down_revision: str | None = "0005_map_tiles"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_constraint(op.f("ck_cell_period_kind"), "cell", schema="stats", type_="check")
    op.create_check_constraint(
        op.f("ck_cell_period_kind"),
        "cell",
        "period_kind IN ('quarter', 'year', 'month')",
        schema="stats",
    )


def downgrade() -> None:
    # Cells are immutable (trigger), so releases with monthly cells block the downgrade.
    op.drop_constraint(op.f("ck_cell_period_kind"), "cell", schema="stats", type_="check")
    op.create_check_constraint(
        op.f("ck_cell_period_kind"), "cell", "period_kind IN ('quarter', 'year')", schema="stats"
    )
