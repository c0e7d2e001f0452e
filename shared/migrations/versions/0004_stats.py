"""Anonymizer: runs, releases, cells, audit; published views for map-tiles.

Revision ID: 0004_stats
Revises: 0003_catalog
"""

from collections.abc import Sequence

revision: str = "0004_stats"
down_revision: str | None = "0003_catalog"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
