"""Map-tiles: tile functions and grants on published views.

Revision ID: 0005_map_tiles
Revises: 0004_stats
"""

from collections.abc import Sequence

revision: str = "0005_map_tiles"
down_revision: str | None = "0004_stats"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
