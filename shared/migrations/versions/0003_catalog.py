"""Catalog: providers and good practices, Polish full-text search.

Revision ID: 0003_catalog
Revises: 0002_ingest
"""

from collections.abc import Sequence

revision: str = "0003_catalog"
down_revision: str | None = "0002_ingest"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
