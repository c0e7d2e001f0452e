"""Catalog: search that finds (issue 17, item 2). Placeholder filled in by the search work.

Revision ID: 0020_catalog_search_families
Revises: 0019_provider_places
"""

from collections.abc import Sequence

revision: str = "0020_catalog_search_families"
down_revision: str | None = "0019_provider_places"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
