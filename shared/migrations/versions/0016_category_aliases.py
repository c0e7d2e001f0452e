"""Reference: earlier and alternative names of the categories (``ref.category_alias``).

Case systems keep exporting the names that were official when a case was opened ("przemoc w
rodzinie" before the 2023 amendment made it "przemoc domowa"). An alias maps such a name to a
category for the dates it was in use (``valid_from``/``valid_to``, open where NULL); ingest
accepts it only for a record dated inside that window. Loaded here and by ``socmap ref-load``
from ``data/reference/category-aliases.csv``; readable by every service role, like the rest of
``ref`` (granted in 0001 for the tables that existed then).

Revision ID: 0016_category_aliases
Revises: 0015_ref_lexicon
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from shared.reference import load_category_aliases

revision: str = "0016_category_aliases"
down_revision: str | None = "0015_ref_lexicon"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "category_alias",
        sa.Column("label_pl", sa.Text(), nullable=False),
        sa.Column("category_code", sa.String(length=64), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("legal_basis", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to",
            name=op.f("ck_category_alias_validity"),
        ),
        sa.ForeignKeyConstraint(
            ["category_code"],
            ["ref.category.code"],
            name=op.f("fk_category_alias_category_code_category"),
        ),
        sa.PrimaryKeyConstraint("label_pl", "category_code", name=op.f("pk_category_alias")),
        schema="ref",
    )
    op.execute(
        "GRANT SELECT ON ref.category_alias"
        " TO socmap_ingest, socmap_anonymizer, socmap_catalog, socmap_map_tiles"
    )
    load_category_aliases(op.get_bind())


def downgrade() -> None:
    op.drop_table("category_alias", schema="ref")
