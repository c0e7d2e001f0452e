"""Catalog: a practice's ``name_norm`` and ``search_tokens`` kept in its row.

Revision ID: 0008_practice_search_in_row
Revises: 0007_catalog_search_tokens

Since 0007 a practice row holds its lemmas (``tsv_pl``, ~1.7 kB) and is then still over the
TOAST threshold (~2 kB), so PostgreSQL moves every other compressible column out of the row,
the largest first but down to short ones: the unaccented title (``name_norm``) and the codes
the filters test (``search_tokens``) went to TOAST with the long texts. A search reads both
for each match it examines: the title bonus compares ``name_norm`` with the query, a broad
text under a filter tests ``search_tokens`` row by row, and each such read was a TOAST index
lookup (a single word's window: ~1 400 buffer reads, 5 ms instead of 3). Stored MAIN, they
stay in the row (100 000 practices: heap 248 → 260 MB).

Existing rows are rewritten so that they move too: both columns are generated, and updating
the columns they are computed from recomputes them.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008_practice_search_in_row"
down_revision: str | None = "0007_catalog_search_tokens"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STORAGE = """
ALTER TABLE catalog.practice
    ALTER COLUMN name_norm SET STORAGE {storage},
    ALTER COLUMN search_tokens SET STORAGE {storage};
"""


def upgrade() -> None:
    op.execute(STORAGE.format(storage="MAIN"))
    # name_norm is computed from the title, search_tokens from the service areas (among
    # others): setting both recomputes both, and the new values follow the new storage.
    op.execute("UPDATE catalog.practice SET title = title, service_areas = service_areas")


def downgrade() -> None:
    op.execute(STORAGE.format(storage="EXTENDED"))
