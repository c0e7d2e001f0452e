"""Catalog: providers with places (issue 17, item 1). Placeholder filled in by the providers work.

Revision ID: 0019_provider_places
Revises: 0018_export_profiles
"""

from collections.abc import Sequence

revision: str = "0019_provider_places"
down_revision: str | None = "0018_export_profiles"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
