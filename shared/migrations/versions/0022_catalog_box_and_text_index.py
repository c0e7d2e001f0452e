"""Catalog: a map box and a text in one index.

A search with a text and a map box (``bbox``; ``near``, whose circle lies in a box) needs the
records both select. With a GIN index for the text and a GiST index for the box, the planner
of a prepared statement's generic plan estimates a box parameter at 0.01 % of the rows and
so often reads every row of the box through the GiST index, testing each one's text, rather
than ANDing the two indexes: after the indexes of the benchmark's database were rebuilt,
providers searched by text within a box took three times as long (bench/catalog/README.md,
seventh round). A GiST index on both, the point and the lemma vector (its signature, checked
against each row found), answers both conditions in one scan, whatever the estimates: text +
geo searches cost ~20 % less, provider text + box searches as before without the risk.

Revision ID: 0022_catalog_box_and_text_index
Revises: 0021_catalog_unused_search_parts
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0022_catalog_box_and_text_index"
down_revision: str | None = "0021_catalog_unused_search_parts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("practice", "provider")


def upgrade() -> None:
    for table in TABLES:
        op.create_index(
            f"ix_{table}_geom_tsv_pl",
            table,
            ["geom", "tsv_pl"],
            schema="catalog",
            postgresql_using="gist",
        )


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(f"ix_{table}_geom_tsv_pl", table_name=table, schema="catalog")
